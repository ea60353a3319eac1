"""The hooks through which plugins extend ogilint — every hook is documented where it is declared.

A plugin is a module (or object) with functions marked ``@hookimpl`` and registered under the
``ogilint`` entry-point group in its distribution's metadata::

    [project.entry-points.ogilint]
    my_rules = "my_package.rules"

Built-in rule families in ``plugins/`` are registered the same way (see pyproject.toml).
"""

from __future__ import annotations

import pluggy

PROJECT = "ogilint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


class OgilintSpec:
    """Hook specifications (pluggy calls them with keyword arguments only)."""

    @hookspec
    def ogilint_rules(self):
        """Return the rule classes this plugin contributes (an iterable of :class:`ogilint.rule.Rule`
        subclasses). Called once when the plugin manager is built. A rule code must be unique across
        all plugins; a duplicate is reported as a plugin failure, not silently shadowed."""

    @hookspec
    def ogilint_default_options(self):
        """Return ``{code: {option: default}}`` for options a plugin adds to rules (its own or
        others'). Defaults declared on a rule class need not be repeated here."""

    @hookspec
    def ogilint_validate_options(self, code, options):
        """Return a list of problems (Chinese or English strings) with ``options``, the merged
        options of rule ``code`` as a rule set or project config sets them; an empty list when
        they are fine. Every plugin sees every rule's options."""

    @hookspec(firstresult=True)
    def ogilint_variant(self, report, requested):
        """Return the variant name (a rule set name such as ``"henan"``) that fits ``report``, or
        None to let the next plugin decide. ``requested`` is what the user asked for on the command
        line or in config (``None`` for auto-detection). The first non-None answer wins."""

    @hookspec(firstresult=True)
    def ogilint_read(self, path, head):
        """Read the file at ``path`` into an :class:`ogilint.document.Document`, or return None
        when it is not this reader's format. ``head`` holds the file's first bytes (up to 8 KiB):
        decide by signature first (``%PDF-``, a ZIP holding ``word/document.xml``, an HTML tag) and
        by suffix only as a tie-breaker. Raise :class:`ogilint.UnusableInput` with a one-line
        Chinese reason for a file of your format that cannot be read (encrypted, corrupt, a scan
        without text). The first :class:`Document` wins; the plain-text reader answers last. A
        third-party reader that answers something else, crashes or prints is passed over (an
        ``OGI001``/``OGI003`` finding names it) and the next reader is asked."""
