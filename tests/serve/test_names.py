"""Upload names: what is shown, what is stored, and the order — the stored names walked in order
are the uploaded folder walked by ``ogilint check``, so the results come in the same order."""

from __future__ import annotations

import os

from ogilint.checking.engine import collect
from ogilint.serve import names


def test_a_shown_name_never_climbs_out_and_is_never_a_path():
    assert names.shown_name("../../etc/passwd") == "etc/passwd"
    assert names.shown_name("..\\..\\报告\\淮安.pdf") == "报告/淮安.pdf"
    assert names.shown_name("/abs//./x.txt") == "abs/x.txt"
    assert names.shown_name("..") == "" and names.shown_name(None) == ""
    assert "\x1b" not in names.shown_name("a\x1b[31m.txt")
    assert len(names.shown_name("长" * 400 + ".txt")) == names.MAX_NAME_CHARS


def test_stored_names_are_generated():
    assert names.stored_name(7, "../../x.PDF") == "000007.pdf"
    assert names.stored_name(8, "a/~$报告.docx") == "~000008.docx"  # an office lock file stays one
    assert names.stored_name(9, "报告.中文") == "000009"  # a suffix that is not plain is dropped
    assert names.stored_name(10, "noext") == "000010"
    assert names.unique(["a.txt", "a.txt", "a.txt", "b"]) == ["a.txt", "a (2).txt", "a (3).txt", "b"]
    assert names.unique(["d.v2/f", "d.v2/f"]) == ["d.v2/f", "d.v2/f (2)"]
    assert names.is_hidden("a/.git/x") and names.is_hidden(".DS_Store") and not names.is_hidden("a/b.txt")


def test_the_walk_order_is_that_of_ogilint_check(tmp_path):
    shown = [
        "b.txt",
        "a/z.txt",
        "a.txt",
        "a/b/c.txt",
        "a/a.txt",
        "A.txt",
        "ab/x.txt",
        "a b/x.txt",
        "a.b/x.txt",
        "报告.txt",
    ]
    for name in shown:
        (tmp_path / "tree" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "tree" / name).write_text("x", encoding="utf-8")
    walked = [
        os.path.relpath(f, tmp_path / "tree").replace(os.sep, "/") for f in collect([str(tmp_path / "tree")]).files
    ]
    assert sorted(shown, key=names.walk_key) == walked
    # Stored under numbers in that order, the flat folder walks the same way.
    flat = tmp_path / "flat"
    flat.mkdir()
    for number, name in enumerate(sorted(shown, key=names.walk_key), 1):
        (flat / names.stored_name(number, name)).write_text("x", encoding="utf-8")
    assert [os.path.basename(f) for f in collect([str(flat)]).files] == sorted(os.listdir(flat))
