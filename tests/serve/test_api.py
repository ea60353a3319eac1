"""The JSON API of ``ogilint serve`` through Starlette's test client: a good folder, a bad file among
good ones, an oversized upload, names that climb out of the folder, a report whose title holds
``<script>``; and the job's lifetime (uploads gone when the check ends, results on DELETE or after
the time limit)."""

from __future__ import annotations

import json
import os
import re

import pytest

pytest.importorskip("starlette", reason="ogilint serve 需要 ogilint[serve] (starlette)")
pytest.importorskip("multipart", reason="ogilint serve 需要 ogilint[serve] (python-multipart)")
pytest.importorskip("httpx", reason="Starlette 的测试客户端需要 httpx")

from ogilint.serve.app import create_app
from ogilint.serve.limits import Limits

from . import check_json, client_of, multipart, report_files, wait


@pytest.fixture(scope="module")
def client():
    with client_of(create_app(Limits(max_bytes=4 * 1024 * 1024, max_files=40), workers=2)) as c:
        yield c


def _submit(client, files, **fields):
    answer = client.post("/api/jobs", files=multipart(files), data=fields)
    assert answer.status_code == 202, answer.text
    return wait(client.get, answer.json()["id"])


def _leftovers(client) -> list[str]:
    """Every file under the server's temporary folder."""
    root = client.app.state.jobs.root
    return [os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root) for f in fs]


def test_a_good_folder_gives_what_ogilint_check_gives(client, tmp_path):
    files = report_files()
    status = _submit(client, files)
    assert status["state"] == "done", status
    names = [r["name"] for r in status["results"]]
    assert sorted(names) == sorted(n for n, _ in files)
    assert all("errors" in r for r in status["results"])  # every one read and checked
    # The JSON, byte for byte, is that of `ogilint check seeds real --format json` on the same files.
    answer = client.get(status["downloads"]["json"])
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("application/json")
    assert answer.text == check_json(files, tmp_path / "cli")
    # Each summary's counts are those of its report's findings in that JSON.
    for result, summary in zip(json.loads(answer.text), status["results"]):
        assert result["file"] == summary["name"]
        severities = [f["severity"] for f in result["findings"]]
        assert (summary["errors"], summary["warnings"], summary["infos"]) == tuple(
            severities.count(s) for s in ("error", "warning", "info")
        )
    # Every download is there, with its type, as an attachment.
    for fmt, head in {"html": b"<!DOCTYPE html>", "csv": b"\xef\xbb\xbf", "xlsx": b"PK\x03\x04", "sarif": b"{"}.items():
        got = client.get(status["downloads"][fmt])
        assert got.status_code == 200 and got.content.startswith(head), fmt
        assert got.headers["content-disposition"].startswith("attachment;")


def test_a_bad_file_among_good_ones_is_a_reason_and_the_others_are_checked(client, tmp_path):
    files = report_files(()) + [
        ("seeds/broken.pdf", b"%PDF-1.7\n this is not a PDF"),
        ("seeds/notes.zip", b"PK\x03\x04" + b"\0" * 30),
        ("seeds/~$lock.docx", b"lock"),
        ("seeds/.DS_Store", b"\0\0\0\1Bud1"),
    ]
    status = _submit(client, files)
    assert status["state"] == "done", status
    by_name = {r["name"]: r for r in status["results"]}
    assert ".DS_Store" not in " ".join(by_name)  # a hidden file is passed over, as a folder walk passes it
    assert by_name["seeds/broken.pdf"]["error"] and not by_name["seeds/broken.pdf"]["skipped"]
    assert "压缩包" in by_name["seeds/notes.zip"]["error"]  # not unpacked
    assert by_name["seeds/~$lock.docx"]["skipped"]
    assert sum("errors" in r for r in status["results"]) == 5
    visible = [(n, d) for n, d in files if not n.endswith(".DS_Store")]
    assert client.get(status["downloads"]["json"]).text == check_json(visible, tmp_path / "cli")


def test_an_oversized_upload_is_refused_whole_in_chinese(client):
    before = _leftovers(client)
    big = [("seeds/big.txt", b"x" * (5 * 1024 * 1024))]
    answer = client.post("/api/jobs", files=multipart(big))
    assert answer.status_code == 413
    assert answer.json()["error"] == "上传的内容超过 4 MB 的上限;请分批上传"

    # A sender that gives no length is stopped at the limit as the body arrives.
    boundary = "b0undary"

    def body():
        yield f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="a.txt"\r\n\r\n'.encode()
        for _ in range(80):
            yield b"y" * 65536
        yield f"\r\n--{boundary}--\r\n".encode()

    answer = client.post(
        "/api/jobs", content=body(), headers={"content-type": f"multipart/form-data; boundary={boundary}"}
    )
    assert answer.status_code == 413 and "4 MB" in answer.json()["error"]

    many = [(f"seeds/{i}.txt", b"x") for i in range(41)]
    answer = client.post("/api/jobs", files=multipart(many))
    assert answer.status_code == 413
    assert answer.json()["error"] == "一次最多上传 40 个文件;请分批上传"
    assert _leftovers(client) == before  # nothing kept of a refused upload


def test_names_are_never_paths(client, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = report_files(())[0][1]
    files = [
        ("../../evil.txt", seed),
        ("..\\..\\windows.txt", seed),
        ("/etc/absolute.txt", seed),
        ("seeds/../../../up.txt", seed),
        ("a\u202eb.txt", seed),  # a right-to-left override: shown as an escape
    ]
    root = client.app.state.jobs.root
    answer = client.post("/api/jobs", files=multipart(files))
    assert answer.status_code == 202
    job = client.app.state.jobs.get(answer.json()["id"])
    # Stored under generated names inside the job's folder, whatever the name said.
    assert all(re.fullmatch(r"\d{6}\.txt", stored) for stored in job.stored)
    status = wait(client.get, job.id)
    assert status["state"] == "done"
    names = sorted(r["name"] for r in status["results"])
    assert names[1:] == ["etc/absolute.txt", "evil.txt", "seeds/up.txt", "windows.txt"]
    assert names[0].startswith("a\\") and names[0].endswith("b.txt") and "\u202e" not in names[0]
    assert all("errors" in r for r in status["results"])
    # Nothing was written outside the server's folder.
    for where in (tmp_path, os.path.dirname(root), os.path.dirname(os.path.dirname(root))):
        assert not {"evil.txt", "windows.txt", "up.txt", "absolute.txt"} & set(os.listdir(where))


def test_report_text_is_escaped_everywhere(client):
    name, seed = report_files(())[0]
    text = seed.decode("utf-8")
    assert text.startswith("运城市科学技术局 2022")
    hostile = ("<script>x</script>" + text).encode("utf-8")
    files = [("seeds/<img src=x onerror=alert(2)>.txt", hostile)]
    status = _submit(client, files)
    assert status["state"] == "done", status
    [result] = status["results"]
    assert "<script>x</script>" in result["title"]  # JSON carries the text as it is ...
    assert result["name"] == "seeds/<img src=x onerror=alert(2)>.txt"
    html = client.get(status["downloads"]["html"] + "?inline=1")
    assert html.headers["content-disposition"] == "inline"
    assert "sandbox" in html.headers["content-security-policy"]
    page = html.text
    # ... and the HTML report escapes it, as the title and as the file name.
    assert "<script>x" not in page and "&lt;script&gt;x&lt;/script&gt;" in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(2)&gt;" in page
    # The page's own markup never holds report text: names are set by the script as text.
    main = client.get("/")
    assert "innerHTML" not in client.get("/static/app.js").text
    assert "script-src 'self'" in main.headers["content-security-policy"]


def test_the_uploads_go_when_the_check_ends_and_the_results_on_delete_or_in_time(client):
    status = _submit(client, report_files(())[:2])
    jobs = client.app.state.jobs
    job = jobs.get(status["id"])
    assert not os.path.exists(job.uploads)  # deleted as soon as the check ended
    assert os.path.isfile(os.path.join(job.results, "report.json"))
    assert client.delete(f"/api/jobs/{job.id}").status_code == 204
    assert not os.path.exists(job.root)
    gone = client.get(f"/api/jobs/{job.id}")
    assert gone.status_code == 404 and gone.json()["error"].startswith("没有这个检查任务")
    assert client.get(f"/api/jobs/{job.id}/results/json").status_code == 404

    status = _submit(client, report_files(())[:1])
    job = jobs.get(status["id"])
    assert jobs.sweep(now=job.ended + 1) == 0  # within its time: kept
    assert jobs.sweep(now=job.ended + jobs.limits.keep_seconds + 1) >= 1
    assert not os.path.exists(job.root) and jobs.get(job.id) is None


def test_refusals_are_one_chinese_line(client):
    seed = report_files(())[:1]
    cases = [
        (client.post("/api/jobs", files=multipart(seed), data={"ruleset": "../../etc/passwd"}), 400, "ruleset"),
        (client.post("/api/jobs", files=multipart(seed), data={"region": "mars"}), 400, "region"),
        (client.post("/api/jobs", data={"ruleset": ""}), 400, "multipart"),
        (client.post("/api/jobs", files=[("other", ("a.txt", b"x", "text/plain"))]), 400, "没有收到"),
        (client.post("/api/jobs", files=multipart(seed), headers={"origin": "http://evil.example"}), 403, "其他网站"),
        (client.get("/api/jobs/not-a-job"), 404, "没有这个检查任务"),
        (client.get("/api/jobs/AAAAAAAAAAAAAAAAAAAAAA/results/json"), 404, "没有这个检查任务"),
    ]
    for answer, code, word in cases:
        assert answer.status_code == code, (answer.status_code, answer.text)
        message = answer.json()["error"]
        assert word in message and "\n" not in message
        assert re.search(r"[\u4e00-\u9fff]", message)
    status = _submit(client, seed, ruleset="national-2021", region="henan")
    assert status["state"] == "done"
    assert client.get(f"/api/jobs/{status['id']}/results/pdf").status_code == 404


def test_a_server_for_this_machine_answers_only_to_its_own_names():
    app = create_app(Limits(), workers=1, hosts=["localhost", "127.0.0.1", "::1"])
    with client_of(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/api/options").status_code == 200
        assert c.get("/api/options", headers={"host": "[::1]:8000"}).status_code == 200
        refused = c.get("/api/options", headers={"host": "evil.example:8000"})
        assert refused.status_code == 400 and "主机名" in refused.json()["error"]


def test_a_worker_that_dies_fails_its_job_after_one_more_try(client):
    """A worker killed under a job (a crash in a reader's library) breaks the pool: the job is tried
    once more in a new pool, and then fails with a reason, its uploads deleted."""
    from concurrent import futures

    jobs = client.app.state.jobs
    job = jobs.new()
    job.tries = 2  # its second try
    broken = futures.Future()
    broken.set_exception(futures.process.BrokenProcessPool("gone"))
    jobs._ended(job, broken, jobs.pool)
    assert job.state == "failed" and job.error.startswith("检查进程意外退出")
    assert not os.path.exists(job.uploads)
