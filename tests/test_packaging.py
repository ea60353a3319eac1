"""The installed distribution holds every package of the source tree (a plain, non-editable
``pip install .`` installs only the packages pyproject.toml lists)."""

from __future__ import annotations

import sys

from tests.conftest import REPO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def test_every_package_is_listed():
    setup = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(setup["packages"])
    found = set()
    for name, folder in setup["package-dir"].items():
        root = REPO / folder
        for init in root.rglob("__init__.py"):
            rel = init.parent.relative_to(root).parts
            found.add(".".join((name,) + rel))
    assert found <= listed, f"not listed in pyproject.toml: {sorted(found - listed)}"
    assert listed <= found, f"listed but missing: {sorted(listed - found)}"
