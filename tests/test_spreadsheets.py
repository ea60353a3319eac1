"""Spreadsheets for evaluators: ``check --format csv|xlsx`` (a sheet of findings, a sheet with one row
per report) and ``parse --format csv|xlsx`` (the extracted tables). The figures expected here are
taken from the lines the reports print (each test finds the printed line in the report's text and
reads its numbers), never from the program's own output."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
import zipfile

import openpyxl
import pytest

import ogilint
from ogilint.checking.runner import CheckResult
from ogilint.finding import Finding, Location
from ogilint.output import FORMATS
from ogilint.output.shown import SEVERITY_WORDS
from tests.conftest import FIXTURES, SEEDS

SEED = SEEDS / "002_0b3756e79a1f4c29.txt"  # 聊城市科学技术局 2022: one request, granted
HUAIAN = FIXTURES / "real" / "huaian-2024.txt"  # 淮安市人民政府 2024: every table filled, checked clean
T3_ORDER = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def _ogilint(*args, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ogilint", *args], capture_output=True, check=False, **kwargs)


def _line(path, start: str) -> str:
    """The one line of ``path`` that starts with ``start``."""
    [line] = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith(start)]
    return line


def _printed(path, label: str) -> list[float]:
    """The numbers the report prints after ``label`` on its line (tabs or spaces between)."""
    return [float(x) for x in _line(path, label)[len(label) :].split()]


def _sheet_rows(ws) -> list[dict]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:] if any(v is not None for v in r)]


# --- check --format csv ---------------------------------------------------------------------------


def test_check_csv_starts_with_the_bom_and_opens_with_the_csv_module():
    out = _ogilint("check", str(SEEDS), "--format", "csv")
    assert out.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(out.stdout.decode("utf-8-sig"), newline="")))
    assert rows[0][:4] == ["文件", "机关", "年度", "代码"]
    findings = [f for r in ogilint.check([SEEDS]) for f in r.findings]
    assert len(rows) == 1 + len(findings)


# --- check --format xlsx --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def workbook(tmp_path_factory):
    """The seeds and the Huaian report checked into an xlsx file through the command line."""
    folder = tmp_path_factory.mktemp("reports")
    for f in [*SEEDS.iterdir(), HUAIAN]:
        shutil.copy(f, folder / f.name)
    target = tmp_path_factory.mktemp("out") / "结果.xlsx"
    out = _ogilint("check", str(folder), "--format", "xlsx", "--output", str(target))
    assert out.returncode == 1, out.stderr.decode()  # the seeds hold errors
    return folder, openpyxl.load_workbook(target)


def test_xlsx_has_a_sheet_of_reports_and_one_of_findings_frozen_and_filterable(workbook):
    _, wb = workbook
    assert wb.sheetnames == ["报告", "发现"]
    for ws in wb:
        assert ws.freeze_panes == "B2"  # the header row and the file column stay in view
        last_column = openpyxl.utils.get_column_letter(ws.max_column)
        assert ws.auto_filter.ref == f"A1:{last_column}{len(_sheet_rows(ws)) + 1}"
        assert all(isinstance(c.value, str) for c in ws[1])  # Chinese headers
    assert [c.value for c in wb["发现"][1]][:6] == ["文件", "机关", "年度", "代码", "规则", "严重级别"]


def test_a_finding_row_says_what_the_api_finds(workbook):
    folder, wb = workbook
    [result] = ogilint.check([folder / SEED.name])
    fee = next(f for f in result.findings if f.code == "FEE003")
    [row] = [r for r in _sheet_rows(wb["发现"]) if r["代码"] == "FEE003"]
    assert row["文件"] == str(folder / SEED.name) and row["机关"] == "聊城市科学技术局" and row["年度"] == 2022
    assert row["严重级别"] == SEVERITY_WORDS[fee.severity] and row["消息"] == fee.message
    assert (row["行"], row["列"]) == (fee.location.line, fee.location.column)  # numbers, not text
    assert row["表"] == "表二" and row["单元格"] == "「行政事业性收费」行「本年收费金额」列"
    assert row["实际"] == 12872.06  # "行政事业性收费	12872.06 万元" (line 47 of the seed)


def test_a_report_row_holds_the_figures_the_report_prints(workbook):
    """Each figure is read from the line the report prints, the counts from the API's findings."""
    folder, wb = workbook
    rows = {r["文件"]: r for r in _sheet_rows(wb["报告"])}
    for path, body, kind, level in (
        (HUAIAN, "淮安市人民政府", "政府", "市级"),
        (SEED, "聊城市科学技术局", "部门", "市级"),
    ):
        row = rows[str(folder / path.name)]
        assert (row["机关"], row["机关类型"], row["层级"], row["格式版本"]) == (body, kind, level, "2021年版格式")
        t2_normative = _printed(path, "行政规范性文件")  # 本年制发件数 本年废止件数 现行有效件数
        assert row["表二「行政规范性文件」行「现行有效件数」列"] == t2_normative[2]
        for label, printed in (
            ("一、本年新收政府信息公开申请数量", "一、本年新收政府信息公开申请数量"),
            ("二、上年结转政府信息公开申请数量", "二、上年结转政府信息公开申请数量"),
            ("四、结转下年度继续办理", "四、结转下年度继续办理"),
        ):
            assert row[f"表三「{label}」行「总计」列"] == _printed(path, printed)[-1]
        [result] = ogilint.check([folder / path.name])
        severities = [f.severity for f in result.findings]
        assert (row["错误"], row["警告"], row["提示"]) == tuple(
            severities.count(s) for s in ("error", "warning", "info")
        )
    huaian = rows[str(folder / HUAIAN.name)]
    assert huaian["年度"] == 2024 and huaian["表二「行政事业性收费」行「本年收费金额」列(单位:万元)"] == 96171.6
    assert huaian["表三「(七)总计」行「总计」列"] == _printed(HUAIAN, "（七）总计")[-1] == 3050
    # Table 四 is printed as one line of 15 numbers: 行政复议, 未经复议直接起诉, 复议后起诉 (total last in each).
    t4 = [float(x) for x in _line(HUAIAN, "72 64").split()]  # "72 64 178 37 351 13 4 8 1 26 12 1 1 6 20"
    assert huaian["表四「行政复议」「总计」"] == t4[4] == 351
    assert huaian["表四「未经复议直接起诉」「总计」"] == t4[9] == 26
    assert huaian["表四「复议后起诉」「总计」"] == t4[14] == 20


def test_reports_are_listed_worst_first(workbook):
    _, wb = workbook
    counts = [(r["错误"], r["警告"], r["提示"]) for r in _sheet_rows(wb["报告"])]
    assert counts == sorted(counts, key=lambda c: (-c[0], -c[1], -c[2])) and len(counts) == 6


def _xlsx(results) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(FORMATS["xlsx"](results)))


def test_text_that_would_start_a_formula_stays_a_string():
    formula = '=HYPERLINK("http://x","点")'
    finding = Finding(
        "TXT001", "requests-received", "error", formula, Location(3, 2), actual=-1, hint="+1", expected="@x"
    )
    report = ogilint.parse(SEED)
    data = FORMATS["xlsx"]([CheckResult("-a.txt", report, [finding])])
    [row] = _sheet_rows(openpyxl.load_workbook(io.BytesIO(data))["发现"])
    assert (row["文件"], row["消息"], row["建议"], row["期望"]) == ("-a.txt", formula, "+1", "@x")  # no apostrophe
    assert row["实际"] == -1  # a negative number stays a number
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in z.read(n) for n in sheets)  # not one formula in the workbook


def test_a_file_that_could_not_be_read_gets_a_row_in_each_sheet():
    report = ogilint.parse(SEED)
    results = [CheckResult(str(SEED), report, []), CheckResult("broken.pdf", None, [], error="PDF 文件已损坏")]
    wb = _xlsx(results)
    [finding_row] = _sheet_rows(wb["发现"])
    assert (finding_row["文件"], finding_row["严重级别"], finding_row["消息"]) == (
        "broken.pdf",
        "错误",
        "无法检查: PDF 文件已损坏",
    )
    first, second = _sheet_rows(wb["报告"])
    assert first["文件"] == "broken.pdf" and first["未检查的原因"] == "无法检查: PDF 文件已损坏"  # leads the list
    assert first["错误"] is None and second["机关"] == "聊城市科学技术局" and second["未检查的原因"] is None


def test_a_file_name_that_is_not_utf8_is_shown_escaped():
    """A byte of a non-UTF-8 file name (a lone surrogate in Python) cannot be written as XML or UTF-8."""
    results = [CheckResult("bad\udcff.txt", None, [], error="无法读取")]
    assert _sheet_rows(_xlsx(results)["报告"])[0]["文件"] == "bad\\xff.txt"
    assert "bad\\xff.txt" in FORMATS["csv"](results).encode("utf-8").decode("utf-8")


def test_an_earlier_xlsx_output_in_the_checked_folder_is_recognised(tmp_path):
    """A folder that holds its own xlsx output checks the same twice; a workbook not written by ogilint
    lying there is not overwritten."""
    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path / f.name)
    target = tmp_path / "out.xlsx"
    first = _ogilint("check", str(tmp_path), "--format", "xlsx", "-o", str(target))
    again = _ogilint("check", str(tmp_path), "--format", "xlsx", "-o", str(target))
    assert first.returncode == again.returncode == 1, again.stderr.decode()
    assert "out.xlsx" not in str(_sheet_rows(openpyxl.load_workbook(target)["发现"]))
    foreign = tmp_path / "foreign.xlsx"
    openpyxl.Workbook().save(foreign)
    refused = _ogilint("check", str(tmp_path), "--format", "xlsx", "-o", str(foreign))
    assert refused.returncode == 2 and "不会覆盖" in refused.stderr.decode()


def test_format_xlsx_from_the_project_config(tmp_path):
    (tmp_path / "ogilint.toml").write_text('format = "xlsx"\n', encoding="utf-8")
    out = _ogilint("check", str(SEED), "-o", "out.xlsx", cwd=tmp_path)
    assert out.returncode == 1, out.stderr.decode()
    assert openpyxl.load_workbook(tmp_path / "out.xlsx").sheetnames == ["报告", "发现"]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminal on this system")
@pytest.mark.parametrize("command", [("check", str(SEED)), ("parse", str(SEED))])
def test_xlsx_is_not_written_to_a_terminal(command):
    primary, secondary = os.openpty()
    try:
        out = subprocess.run(
            [sys.executable, "-m", "ogilint", *command, "--format", "xlsx"],
            stdout=secondary,
            stderr=subprocess.PIPE,
            check=False,
        )
    finally:
        os.close(secondary)
        os.close(primary)
    assert out.returncode == 2
    assert (
        out.stderr.decode().strip()
        == "ogilint: xlsx 是二进制文件,不能显示在终端上,请用 --output 指定文件名 (或重定向到文件)"
    )


# --- parse --format csv|xlsx ----------------------------------------------------------------------

# Rows of table 三 as the two reports print them: the row's label (its start in the text) and its key.
T3_PRINTED = {
    SEED: (
        ("一、本年新收政府信息公开申请数量", "new_received"),
        ("二、上年结转政府信息公开申请数量", "carried_over"),
        ("三、本年度办理结果\t(一) 予以公开", "granted"),
        # Its rows (七) and 四 print eight numbers for seven columns (EXT002): not compared here.
    ),
    HUAIAN: (
        ("一、本年新收政府信息公开申请数量", "new_received"),
        ("（一）予以公开", "granted"),
        ("6.属于四类过程性信息", "denied.process_info"),
        ("8.属于行政查询事项", "denied.admin_query"),
        ("2.重复申请", "not_processed.duplicate"),
        ("3、其他", "other.other"),
        ("（七）总计", "total_handled"),
        ("四、结转下年度继续办理", "carried_forward"),
    ),
}


@pytest.mark.parametrize("path", [SEED, HUAIAN], ids=["seed", "huaian"])
def test_parse_csv_gives_the_cells_of_table_3_as_printed(path):
    out = _ogilint("parse", str(path), "--format", "csv")
    assert out.returncode == 0 and out.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [
        "表",
        "行",
        "列",
        "行键",
        "列键",
        "值",
        "原文",
        "类型",
        "置信度",
        "文本行号",
        "文本列号",
        "原文件位置",
    ]
    t3 = {(r["行键"], r["列键"]): r for r in rows if r["表"] == "表三"}
    for printed, key in T3_PRINTED[path]:
        values = [float(t3[key, col]["值"]) for col in T3_ORDER]
        assert values == _printed(path, printed), key
    granted = t3["granted", "natural_person"]
    assert granted["列"] == "自然人" and granted["类型"] == "数字" and int(granted["文本行号"]) > 0
    secret = t3["denied.state_secret", "total"]
    assert (secret["行"], secret["列"]) == ("(三)不予公开 1.属于国家秘密", "总计")


def test_parse_csv_of_a_pdf_names_the_page():
    out = _ogilint("parse", str(FIXTURES / "real" / "huaian-2024.pdf"), "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out.stdout.decode("utf-8-sig"), newline="")))
    assert all(r["原文件位置"].startswith("第") and "页" in r["原文件位置"] for r in rows if r["类型"] == "数字")


def test_parse_xlsx_lays_the_tables_out_as_the_format_prints_them(tmp_path):
    target = tmp_path / "tables.xlsx"
    out = _ogilint("parse", str(HUAIAN), "--format", "xlsx", "--output", str(target))
    assert out.returncode == 0, out.stderr.decode()
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == ["表二", "表三", "表四", "基本信息", "单元格"]
    assert all(ws.freeze_panes and ws.auto_filter.ref for ws in wb)
    t3 = _sheet_rows(wb["表三"])
    assert list(t3[0]) == [
        "类别",
        "行",
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    by_label = {(r["类别"], r["行"]): r for r in t3}
    for label, printed in (
        ((None, "(七)总计"), "（七）总计"),
        (("(四)无法提供", "1.本机关不掌握相关政府信息"), "（四）无 1.本机关不掌握相关政府信息"),
    ):
        assert list(by_label[label].values())[2:] == _printed(HUAIAN, printed)
    t2 = {r["行"]: r for r in _sheet_rows(wb["表二"])}
    assert [t2["规章"][c] for c in ("本年制发件数", "本年废止件数", "现行有效件数")] == _printed(HUAIAN, "规章")
    assert t2["规章"]["本年处理决定数量"] is None  # a column the row does not have stays empty
    meta = {r["项目"]: r["内容"] for r in _sheet_rows(wb["基本信息"])}
    assert meta["机关"] == "淮安市人民政府" and meta["年度"] == 2024
    cells = _sheet_rows(wb["单元格"])
    assert len(cells) == sum(1 for r in cells if r["表"] in ("表二", "表三", "表四")) > 100


def test_a_figure_that_could_not_be_read_is_never_shown_as_a_number():
    """pingtan-2023 prints 行政规范性文件's three cells run together ("77132470"); the text settles
    本年制发件数 as 77 and the other two stay unreadable: the report row says so in words, never with
    the run of digits (77 million documents in force) that Excel would sort and sum."""
    from ogilint.output import report_rows

    [result] = ogilint.check([FIXTURES / "real" / "pingtan-2023.txt"])
    row = dict(zip(report_rows.HEADER, report_rows.report_row(result).values()))
    assert row["表二「行政规范性文件」行「现行有效件数」列"] == "(无法识别)"


def test_findings_sheet_names_the_place_in_the_original_file(tmp_path):
    """A PDF's finding: 行/列 of the extracted text, and 原文件位置 the page and line a reader opens."""
    from ogilint.output import finding_rows

    from . import renderings

    renderings.to_pdf(ogilint.parse(SEED), tmp_path / "r.pdf")
    [result] = ogilint.check([tmp_path / "r.pdf"])
    rows = [dict(zip(finding_rows.HEADER, r)) for r in finding_rows.rows([result])]
    fee = next(r for r in rows if r["代码"] == "FEE003")
    assert fee["原文件位置"].startswith("第") and "页第" in fee["原文件位置"]
