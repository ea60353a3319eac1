"""``ogilint check --format sarif``: valid against the official SARIF 2.1.0 schema, and the same
findings, ranks and locations as the json output."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from ogilint import __version__
from ogilint.cli import main as ogilint_main
from ogilint.output import FORMATS

from .conftest import SEEDS, TESTS

SCHEMA_PATH = TESTS / "schemas" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    # No cls.check_schema(schema): the official file does not pass its own metaschema. Its
    # `language` pattern "^(?i)..." puts an inline flag after "^" (Python's re rejects it; it is
    # compiled only for a log that has `language`, which ogilint's never do), and `region` lists
    # an `anyOf` inside `properties`, where it declares a property named "anyOf". Neither touches
    # what is validated here; tests/schemas/README.md says the same.
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """A folder with the seed reports under reports/ and an empty ogilint.toml (no config from
    above leaks in); the working directory for the run."""
    shutil.copytree(SEEDS, tmp_path / "reports")
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(capsys, *argv) -> tuple[int, str]:
    code = ogilint_main(list(argv))
    out = capsys.readouterr().out
    return code, out


def _errors(validator, doc) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(doc)]


def test_schema_is_the_official_file():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert (
        schema["$id"]
        == "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json"
    )
    assert schema["properties"]["version"]["enum"] == ["2.1.0"]
    assert schema["definitions"]["run"]["properties"]["columnKind"]["enum"] == ["utf16CodeUnits", "unicodeCodePoints"]


def test_sarif_of_the_seeds_is_valid(validator, workdir, capsys):
    code, out = _run(capsys, "check", "reports", "--format", "sarif")
    assert code == 1  # 003 has an EXT001 error
    doc = json.loads(out)
    assert _errors(validator, doc) == []
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    run = doc["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "ogilint"
    assert driver["version"] == __version__
    assert run["invocations"] == [{"executionSuccessful": True}]


def test_validation_is_not_vacuous(validator, workdir, capsys):
    """The schema really rejects what SARIF forbids (so a pass above means something)."""
    _, out = _run(capsys, "check", "reports", "--format", "sarif")
    doc = json.loads(out)
    bad_level = json.loads(out)
    bad_level["runs"][0]["results"][0]["level"] = "info"  # ogilint's word, not SARIF's
    assert any("'info' is not one of" in e for e in _errors(validator, bad_level))
    bad_rank = json.loads(out)
    bad_rank["runs"][0]["results"][0]["rank"] = 101
    assert _errors(validator, bad_rank)
    bad_column = json.loads(out)
    bad_column["runs"][0]["columnKind"] = "characters"
    assert _errors(validator, bad_column)
    del doc["version"]
    assert any("'version' is a required property" in e for e in _errors(validator, doc))


def test_rules_describe_every_rule(workdir, capsys):
    from ogilint.checking.registry import build_registry

    _, out = _run(capsys, "check", "reports", "--format", "sarif")
    rules = json.loads(out)["runs"][0]["tool"]["driver"]["rules"]
    by_id = {r["id"]: r for r in rules}
    assert [r["id"] for r in rules] == sorted(by_id)
    assert set(build_registry().rules) <= set(by_id)
    ext1 = by_id["EXT001"]
    assert ext1["name"] == "column-missing"
    assert ext1["shortDescription"]["text"] == "表三缺少一整列"
    assert ext1["fullDescription"]["text"] == "表三缺少一整列 (例如「其他」列)。"
    assert ext1["defaultConfiguration"]["level"] == "error"
    assert by_id["EXT002"]["defaultConfiguration"]["level"] == "warning"
    assert by_id["EXT004"]["defaultConfiguration"]["level"] == "note"


def test_results_match_the_json_output(workdir, capsys):
    _, sarif_out = _run(capsys, "check", "reports", "--format", "sarif")
    _, json_out = _run(capsys, "check", "reports", "--format", "json")
    run = json.loads(sarif_out)["runs"][0]
    results = run["results"]
    flat = [(r["file"], f) for r in json.loads(json_out) for f in r["findings"]]
    assert len(results) == len(flat) > 0
    rules = run["tool"]["driver"]["rules"]
    for res, (path, f) in zip(results, flat):
        assert res["ruleId"] == f["code"]
        assert rules[res["ruleIndex"]]["id"] == f["code"]
        assert res["message"]["text"] == f["message"]
        assert res["rank"] == f["rank"]
        assert isinstance(res["rank"], (int, float)) and 0 <= res["rank"] <= 100
        assert res["level"] == {"error": "error", "warning": "warning", "info": "note"}[f["severity"]]
        phys = res["locations"][0]["physicalLocation"]
        assert phys["artifactLocation"]["uri"] == Path(path).as_posix()
        assert "\\" not in phys["artifactLocation"]["uri"]
        if f["line"]:
            assert phys["region"]["startLine"] == f["line"]
            assert phys["region"].get("startColumn") == f["column"]
        else:
            assert "region" not in phys
        props = res["properties"]
        assert props["confidence"] == f["confidence"]
        for key in ("table", "row", "col", "expected", "actual"):
            assert props.get(key) == f[key]


def test_specific_finding(workdir, capsys):
    """003 lacks table 三's 其他 column: EXT001, error, at line 59, rank 98."""
    _, out = _run(capsys, "check", "reports/003_10421f3e08d9eefa.txt", "--format", "sarif")
    results = json.loads(out)["runs"][0]["results"]
    ext1 = [r for r in results if r["ruleId"] == "EXT001"]
    assert len(ext1) == 1
    r = ext1[0]
    assert r["level"] == "error"
    assert r["rank"] == 98
    assert r["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "reports/003_10421f3e08d9eefa.txt"},
        "region": {"startLine": 58},
    }  # the header line that lacks 其他
    assert r["properties"]["table"] == "t3" and r["properties"]["col"] == "other_org"


def test_severity_override_changes_the_level_not_the_default(workdir, capsys):
    (workdir / "ogilint.toml").write_text('[severity]\nEXT002 = "error"\n', encoding="utf-8")
    _, out = _run(capsys, "check", "reports", "--format", "sarif")
    run = json.loads(out)["runs"][0]
    ext2 = [r for r in run["results"] if r["ruleId"] == "EXT002"]
    assert ext2 and {r["level"] for r in ext2} == {"error"}
    rule = next(d for d in run["tool"]["driver"]["rules"] if d["id"] == "EXT002")
    assert rule["defaultConfiguration"]["level"] == "warning"


def test_unusable_input_is_a_tool_execution_notification(validator, workdir, capsys):
    (workdir / "reports" / "empty.txt").write_text("", encoding="utf-8")
    code, out = _run(capsys, "check", "reports", "--format", "sarif")
    assert code == 1  # the unusable file among readable ones: reported, the run goes on
    doc = json.loads(out)
    assert _errors(validator, doc) == []
    inv = doc["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    notes = inv["toolExecutionNotifications"]
    assert len(notes) == 1
    assert notes[0]["level"] == "error"
    assert notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/empty.txt"
    # the usable reports still have their results
    assert any(r["ruleId"] == "EXT001" for r in doc["runs"][0]["results"])
    assert not any(
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "reports/empty.txt"
        for r in doc["runs"][0]["results"]
    )


def test_output_is_deterministic(workdir, capsys):
    _, a = _run(capsys, "check", "reports", "--format", "sarif")
    _, b = _run(capsys, "check", "reports", "--format", "sarif")
    assert a == b
    assert str(workdir) not in a  # no absolute paths of this machine


def test_registered_as_a_format():
    assert "sarif" in FORMATS


def test_sarif_and_json_of_published_formats(validator, tmp_path, monkeypatch, capsys):
    """For a PDF, DOCX or web page the lines of the extracted text are not the file's: a code-scanning
    view still needs a region, so a PDF's region is its page, and a DOCX's or web page's the line of
    the extracted text; the message says which, with the place in the original, and the result's
    properties keep that place ("origin"), as the JSON output does."""
    from ogilint import parse_file

    from . import renderings

    report = parse_file(SEEDS / "002_0b3756e79a1f4c29.txt")  # FEE003 on the 12872.06 万元 fee
    renderings.to_pdf(report, tmp_path / "r.pdf")
    renderings.to_docx(report, tmp_path / "r.docx")
    (tmp_path / "r.html").write_bytes(renderings.to_html(report, "gbk"))
    (tmp_path / "ogilint.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out = _run(capsys, "check", "r.pdf", "r.docx", "r.html", "--format", "sarif")
    doc = json.loads(out)
    assert _errors(validator, doc) == []
    fee = {
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]: r
        for r in doc["runs"][0]["results"]
        if r["ruleId"] == "FEE003"
    }
    assert set(fee) == {"r.pdf", "r.docx", "r.html"}
    regions = {uri: r["locations"][0]["physicalLocation"]["region"] for uri, r in fee.items()}
    page = fee["r.pdf"]["properties"]["origin"]["page"]
    assert page >= 1 and regions["r.pdf"] == {"startLine": page}
    assert fee["r.pdf"]["properties"]["regionKind"] == "page"
    assert f"(第{page}页第" in fee["r.pdf"]["message"]["text"]
    for uri in ("r.docx", "r.html"):
        props = fee[uri]["properties"]
        assert props["regionKind"] == "extractedTextLine"
        assert regions[uri]["startLine"] == props["extractedLine"]
        assert f"提取文本第{props['extractedLine']}行)" in fee[uri]["message"]["text"]
    assert "(表格1第" in fee["r.docx"]["message"]["text"]
    assert fee["r.docx"]["properties"]["origin"]["table"] == 1
    assert fee["r.html"]["properties"]["origin"] == {"text_line": fee["r.html"]["properties"]["extractedLine"]}
    _, out = _run(capsys, "check", "r.pdf", "r.docx", "--format", "json")
    origins = {r["file"]: [f["origin"] for f in r["findings"] if f["code"] == "FEE003"] for r in json.loads(out)}
    assert origins["r.pdf"][0]["page"] == fee["r.pdf"]["properties"]["origin"]["page"]
    assert set(origins["r.docx"][0]) == {"table", "row", "cell"}
