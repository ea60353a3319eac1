"""The benchmark script runs and prints its figures (speed is reported, not asserted)."""

from tests.benchmarks import bench_parse


def test_benchmark_prints_figures(capsys):
    assert bench_parse.main(rounds=1) == 0
    out = capsys.readouterr().out
    assert "reports/s" in out and "MiB" in out


def test_check_benchmark_prints_figures(capsys):
    from tests.benchmarks import bench_check

    assert bench_check.main(rounds=1) == 0
    out = capsys.readouterr().out
    assert "reports/s" in out and "in rules" in out


def test_format_benchmark_prints_figures(capsys):
    from tests.benchmarks import bench_formats

    assert bench_formats.main(rounds=1, quick=True) == 0
    out = capsys.readouterr().out
    assert "pdf" in out and "docx" in out and "html" in out and " ms" in out
