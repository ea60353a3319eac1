"""GitHub Actions workflow commands: each finding becomes an annotation on its file and line
(``::error file=…,line=…,col=…,title=…::message``), shown beside the changed files of a pull request.
A file that could not be checked is an error annotation on the file. Values are escaped as the
workflow-command syntax asks (``%``, CR, LF; in properties also ``:`` and ``,``), so report text can
never start a command of its own."""

from __future__ import annotations

from ogilint.output.shown import not_checked, visible

_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(results, rules=()) -> str:
    lines = []
    for res in results:
        path = _property(visible(res.path))
        if res.error:
            level = "notice" if res.skipped else "error"  # a skipped non-report is listed, not an error
            lines.append(f"::{level} file={path},title=ogilint::{_data(not_checked(res))}")
            continue
        for f in res.findings:
            loc = f.location
            where = (
                f"file={path}"
                + (f",line={loc.line}" if loc.line else "")
                + (f",col={loc.column}" if loc.line and loc.column else "")
            )
            title = _property(f"{visible(f.code)} {visible(f.name)}")
            lines.append(f"::{_LEVEL.get(f.severity, 'warning')} {where},title={title}::{_data(visible(f.message))}")
    return "\n".join(lines) + ("\n" if lines else "")
