"""The HTML reader: a report page becomes the report's lines, table rows as TAB-separated cells."""

from __future__ import annotations

import html
import subprocess
import sys
from collections import Counter

import pytest

import ogilint
from ogilint import UnusableInput
from ogilint.api import read_document
from ogilint.checking.config import ProjectConfig
from ogilint.checking.engine import Engine, Overrides
from ogilint.plugins.readers.html import is_html

from .bounded import ogilint_bounded
from .conftest import SEEDS

PAGE = """<!DOCTYPE html>
<html><head>{meta}<title>某某局2022年政府信息公开工作年度报告_某某市人民政府</title>
<script>var parts = "一、总体情况 二、主动公开政府信息情况";</script>
<style>p {{ margin: 0 }}</style></head>
<body>
<nav class="crumb"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></nav>
<div class="main">
 <h1>某某局2022年政府信息公开<br>工作年度报告</h1>
 <div class="article">
  <p>一、总体情况</p>
  <p>　　2022年，我局认真贯彻落实
  《条例》，&nbsp;共主动公开政府信息<b>5</b>条。</p>
  <p>三、收到和处理政府信息公开申请情况</p>
  <table border="1">
   <tr><td colspan="2" rowspan="2">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td>
       <td rowspan="2">自然人</td><td colspan="2">法人或其他组织</td><td rowspan="2">总计</td></tr>
   <tr><td>商业企业</td><td>其他</td></tr>
   <tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td><td>0</td><td>3</td></tr>
   <tr><td rowspan="3">三、本年度办理结果</td><td>（一）予以公开</td><td>2</td><td></td><td>0</td><td>2</td></tr>
   <tr><td>（二）部分公开<br>（区分处理的，只计这一情形）</td><td>1</td><td>0</td><td>0</td><td>1</td></tr>
   <tr><td><p>（三）不予</p><p>公开</p></td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
   <tr><td></td><td> </td><td></td></tr>
  </table>
  <p>六、其他需要报告的事项</p>
  <p>无。</p>
 </div>
 <div class="tools">【打印本页】【关闭窗口】</div>
</div>
<footer><p>关闭窗口</p><p>主办：某某市人民政府办公室</p></footer>
</body></html>
"""

EXPECTED = [
    "某某局2022年政府信息公开工作年度报告",
    "一、总体情况",
    "2022年，我局认真贯彻落实《条例》， 共主动公开政府信息5条。",
    "三、收到和处理政府信息公开申请情况",
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t自然人\t法人或其他组织\t总计",
    "商业企业\t其他",
    "一、本年新收政府信息公开申请数量\t3\t0\t0\t3",
    "三、本年度办理结果\t（一）予以公开\t2\t\t0\t2",
    "（二）部分公开（区分处理的，只计这一情形）\t1\t0\t0\t1",
    "（三）不予公开\t0\t0\t0\t0",
    "六、其他需要报告的事项",
    "无。",
]

UTF8_META = '<meta charset="utf-8">'
GB_META = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'


@pytest.mark.parametrize(
    "meta, encode, encoding",
    [
        (UTF8_META, lambda t: t.encode("utf-8"), "utf-8"),
        ('<meta charset="gb2312">', lambda t: t.encode("gbk"), "gb18030"),
        (GB_META, lambda t: t.encode("gbk"), "gb18030"),
        ("", lambda t: t.encode("gbk"), "gb18030"),  # no declaration: not UTF-8, so GB18030
        ("", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
        (UTF8_META, lambda t: t.encode("utf-16"), "utf-16"),
        (GB_META, lambda t: t.encode("utf-8"), "utf-8"),  # a wrong declaration loses to the content
        ('<meta charset="iso-8859-1">', lambda t: t.encode("gbk"), "gb18030"),
    ],
)
def test_page_lines(tmp_path, meta, encode, encoding):
    path = tmp_path / "report.html"
    path.write_bytes(encode(PAGE.format(meta=meta)))
    doc = read_document(path)
    assert (doc.format, doc.encoding, doc.origins) == ("html", encoding, ())
    assert list(doc.lines) == EXPECTED


def test_chrome_and_scripts_are_dropped(tmp_path):
    path = tmp_path / "report.htm"
    path.write_text(PAGE.format(meta=UTF8_META), encoding="utf-8")
    text = read_document(path).text
    for chrome in ("首页", "关闭窗口", "打印本页", "var parts", "margin", "主办"):
        assert chrome not in text


def _page(body: str, title: str = "") -> str:
    return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"


def _lines(tmp_path, page: str, name: str = "p.html") -> list[str]:
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    return list(read_document(path).lines)


HEADINGS = "<p>一、总体情况</p><p>正文。</p><p>三、收到和处理政府信息公开申请情况</p>"


def test_title_from_above_the_article_and_from_the_page_title(tmp_path):
    sidebar = (
        "<div class='links'>" + "".join(f"<p>第{i}条其他新闻的标题,链接到别的页面</p>" for i in range(40)) + "</div>"
    )
    title = "某县2022年政府信息公开工作年度报告"
    far = f"<div class='t'>{title}</div><div class='row'>{sidebar}<div class='text'>{HEADINGS}</div></div>"
    assert _lines(tmp_path, _page(far))[:2] == [title, "一、总体情况"]
    untitled = f"{sidebar}<div class='text'>{HEADINGS}</div>"
    assert _lines(tmp_path, _page(untitled, f"{title}_某县人民政府"))[:2] == [title, "一、总体情况"]


def test_the_body_is_the_report_not_a_sentence_naming_its_parts(tmp_path):
    intro = (
        "<p>本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
        "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六个部分。</p>"
    )
    parts = "".join(
        f"<p>{h}</p><p>{'本部分正文。' * 60}</p>"
        for h in (
            "一、总体情况",
            "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况",
            "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项",
        )
    )
    lines = _lines(tmp_path, _page(f"<div class='article'>{intro}{parts}</div>"))
    assert lines[0].startswith("本报告内容包括") and lines[-2] == "六、其他需要报告的事项"


def test_layout_table_is_read_as_blocks_and_small_nested_table_as_cell_text(tmp_path):
    data = (
        "<table border=1><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr>"
        "<tr><td>合计</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>"
    )
    page = _page(
        f"<table width='100%'><tr><td><h2>某局2022年政府信息公开工作年度报告</h2>{HEADINGS}{data}</td></tr></table>"
    )
    assert _lines(tmp_path, page) == [
        "某局2022年政府信息公开工作年度报告",
        "一、总体情况",
        "正文。",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t3",
        "合计\t1 2",
    ]


def test_table_with_a_part_heading_as_its_title_row_is_still_data(tmp_path):
    table = (
        "<table border=1><tr><td colspan='3'>三、收到和处理政府信息公开申请情况</td></tr>"
        "<tr><td>一、本年新收政府信息公开申请数量</td><td>3</td><td>0</td></tr></table>"
    )
    page = _page("<p>一、总体情况</p><p>正文。</p>" + table + "<p>六、其他需要报告的事项</p>")
    assert _lines(tmp_path, page) == [
        "一、总体情况",
        "正文。",
        "三、收到和处理政府信息公开申请情况",
        "一、本年新收政府信息公开申请数量\t3\t0",
        "六、其他需要报告的事项",
    ]


def test_rowspan_shifts_cells_right_and_each_cell_is_emitted_once(tmp_path):
    table = (
        "<table>"
        "<tr><td rowspan='3'>A</td><td>b1</td><td rowspan='2'>C</td><td>d1</td></tr>"
        "<tr><td>b2</td><td>d2</td></tr>"
        "<tr><td>b3</td><td>c3</td><td>d3</td></tr>"
        "<tr><td>本年新收政府信息公开申请数量</td><td colspan='2'>x</td><td>y</td></tr></table>"
    )
    assert _lines(tmp_path, _page(table)) == [
        "A\tb1\tC\td1",
        "b2\td2",
        "b3\tc3\td3",
        "本年新收政府信息公开申请数量\tx\ty",
    ]


# --- a full report, as text and as a web page -------------------------------------------------------


def article_body(text: str) -> str:
    """The report text as a site's article: paragraphs, one <table> per run of TAB lines. A TAB that
    ends a line of extracted text is padding, not a cell, so it becomes no <td> (on a web page every
    <td>, empty or not, is a position of the table)."""
    body, run = [], []

    def close():
        if run:
            rows = "".join(
                "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in line.rstrip("\t").split("\t")) + "</tr>"
                for line in run
            )
            body.append(f'<table border="1" cellspacing="0">{rows}</table>')
            run.clear()

    for line in text.split("\n"):
        if "\t" in line:
            run.append(line)
            continue
        close()
        if line.strip():
            body.append(f"<p>{html.escape(line)}</p>")
    close()
    return "\n".join(body)


def report_page(text: str, charset: str) -> str:
    """The report as a site would publish it, with site chrome around the article."""
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="{charset}"><title>年度报告</title>'
        '<script>document.write("一、总体情况")</script></head><body>\n'
        '<nav><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a>年度报告</a></nav>\n'
        '<div class="share">分享到：微信 微博</div>\n'
        '<div class="article">\n' + article_body(text) + "\n</div>\n"
        '<footer><a href="javascript:window.close()">关闭窗口</a> <a>打印本页</a>'
        "<p>版权所有：某某市人民政府 网站标识码 4101000001</p></footer>\n</body></html>\n"
    )


def _cells(report):
    return {
        (t, r, c): (cell.value, cell.kind)
        for t, table in report.tables.items()
        for r, row in table.rows.items()
        for c, cell in row.cells.items()
    }


def _findings(report):
    found = Engine(ProjectConfig(), Overrides()).check_report(report, "x").findings
    return Counter((f.code, f.location.table, f.location.row, f.location.col) for f in found)


TABLE_SEEDS = sorted(p for p in SEEDS.glob("*.txt") if p.read_text(encoding="utf-8").count("\t") > 40)


def test_there_are_seeds_with_tab_tables():
    assert SEEDS / "004_7cf50946b776564f.txt" in TABLE_SEEDS


@pytest.mark.parametrize("seed", TABLE_SEEDS, ids=lambda p: p.name[:3])
@pytest.mark.parametrize("charset, encoding", [("utf-8", "utf-8"), ("gbk", "gbk")])
def test_report_page_gives_the_tables_and_findings_of_its_text(tmp_path, seed, charset, encoding):
    reference = ogilint.parse_file(seed)
    path = tmp_path / "report.html"
    path.write_bytes(report_page(seed.read_text(encoding="utf-8"), charset).encode(encoding))
    report = ogilint.parse_file(path)
    assert report.meta.source_format == "html"
    assert report.meta.encoding == ("utf-8" if charset == "utf-8" else "gb18030")
    assert report.meta.title == reference.meta.title
    assert [p.number for p in report.parts] == [p.number for p in reference.parts]
    assert len(_cells(reference)) > 100
    assert _cells(report) == _cells(reference)
    assert _findings(report) == _findings(reference)
    assert "关闭窗口" not in "\n".join(report.lines) and "分享到" not in "\n".join(report.lines)


# --- what is not a report page, or not a page at all ------------------------------------------------

NEWS = _page(
    "<nav>首页 &gt; 新闻动态</nav><h1>我市召开政务公开工作会议</h1>"
    "<p>3月5日，我市召开会议，部署今年政务公开工作。</p>"
    "<table><tr><td>参会单位</td><td>12</td></tr></table><footer>关闭窗口</footer>"
)


def test_page_without_a_report_is_refused(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(NEWS, encoding="utf-8")
    with pytest.raises(UnusableInput) as exc:
        read_document(path)
    assert exc.value.reason == "网页中找不到年度报告正文"


@pytest.mark.parametrize(
    "data",
    [
        b"<html></html>",
        b"<!-- nothing but a comment -->",
        b"<html><body>" + bytes(range(256)) * 50 + b"</body></html>",
        b'<?xml version="1.0" encoding="gbk"?><html><body><p>\x80\x81</p></body></html>',
    ],
)
def test_broken_pages_are_refused_with_a_reason(tmp_path, data):
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    with pytest.raises(UnusableInput) as exc:
        read_document(path)
    assert exc.value.reason and "\n" not in exc.value.reason


def test_entities_are_not_resolved_and_nothing_is_fetched(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT", encoding="utf-8")
    page = (
        f'<!DOCTYPE html SYSTEM "http://example.invalid/x.dtd" [<!ENTITY e SYSTEM "{secret.as_uri()}">]>'
        f"<html><body>{HEADINGS}<p>&e;</p><iframe src='{secret.as_uri()}'></iframe></body></html>"
    )
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    text = read_document(path).text
    assert "一、总体情况" in text and "SECRET" not in text


def _answer(tmp_path, page: str, bounded: bool = False):
    """What the HTML reader makes of ``page``; with ``bounded``, first the command line in a
    subprocess under a time and memory limit (the promise these hostile pages test)."""
    path = tmp_path / "p.html"
    path.write_text(page, encoding="utf-8")
    if bounded:
        ogilint_bounded("parse", str(path))
    try:
        doc = read_document(path)
        assert doc.format == "html"
    except UnusableInput as exc:
        doc = None
        assert exc.reason
    return doc


@pytest.mark.parametrize("rowspan", ["0", "-1", "99999999", "abc", "", "1e9", " 2x", "2147483648"])
@pytest.mark.parametrize("colspan", ["0", "-1", "99999999", "x"])
def test_absurd_spans_are_clamped(tmp_path, rowspan, colspan):
    rows = "".join(f"<tr><td rowspan='{rowspan}' colspan='{colspan}'>予以公开</td><td>{i}</td></tr>" for i in range(5))
    doc = _answer(tmp_path, _page(HEADINGS + f"<table>{rows}</table>"))
    assert [line for line in doc.lines if "\t" in line] == [f"予以公开\t{i}" for i in range(5)]


def test_many_huge_spans_stay_fast(tmp_path):
    rows = "<tr><td>本年新收政府信息公开申请数量</td><td>1</td></tr>"
    rows += "".join("<tr><td rowspan='99999999' colspan='99999999'>x</td></tr>" for _ in range(10000))
    rows += "<tr>" + "<td rowspan='1000' colspan='100'>1</td>" * 5000 + "</tr>"
    doc = _answer(tmp_path, _page(HEADINGS + f"<table>{rows}</table>"), bounded=True)
    assert doc.lines[3] == "本年新收政府信息公开申请数量\t1"


@pytest.mark.parametrize(
    "open_tag, close_tag",
    [("<div>", "</div>"), ("<span>", "</span>"), ("<p>", ""), ("<table><tr><td>", "</td></tr></table>")],
)
def test_deep_nesting_gets_an_answer(tmp_path, open_tag, close_tag):
    page = _page(HEADINGS + open_tag * 10000 + "二、主动公开政府信息情况" + close_tag * 10000)
    doc = _answer(tmp_path, page, bounded=True)
    assert doc is not None and doc.lines[0] == "一、总体情况"


def test_too_many_elements_are_refused(tmp_path):
    doc = _answer(tmp_path, _page(HEADINGS + "<b></b>" * 400_000), bounded=True)
    assert doc is None


# --- recognising pages ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path, head, expected",
    [
        ("r.txt", b"<!DOCTYPE HTML PUBLIC>", True),
        ("r", b"\xef\xbb\xbf \n <html lang=zh>", True),
        ("r.dat", b"<META http-equiv=x>", True),
        ("r.txt", b"<p>\xd2\xbb\xa1\xa2", True),
        ("r.txt", b"<!-- saved from url -->", True),
        ("r", "某某局\n<table border=1>".encode(), True),
        ("r.shtml", b"<span>\xe4\xb8\x80</span>", True),  # a fragment: the suffix decides
        ("r.txt", b"<span>\xe4\xb8\x80</span>", False),
        ("r.html", "一、总体情况\n本年度报告……".encode(), False),  # no tag: plain text
        ("r.txt", "一、总体情况\t<5\n".encode(), False),
    ],
)
def test_pages_are_recognised_by_content(path, head, expected):
    assert is_html(path, head) is expected


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_text_reports_are_left_to_the_text_reader(tmp_path, seed):
    path = tmp_path / "report.html"  # even with a page's suffix
    path.write_bytes(seed.read_bytes())
    assert not is_html(str(path), seed.read_bytes()[:8192])
    assert read_document(path).format == "text"


def test_cli_refuses_a_page_without_a_report(tmp_path):
    path = tmp_path / "news.html"
    path.write_text(NEWS, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "ogilint.cli", "parse", str(path)], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 2
    assert out.stderr.strip() == f"ogilint: {path}: 网页中找不到年度报告正文"
    assert "Traceback" not in out.stderr and out.stdout == ""
