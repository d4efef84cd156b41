"""`webatlas refresh` against a fake PyPI and GitHub: it writes a validated snapshot once, and nothing on any failure."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tests.factories import entry, write_project
from tests.fakes import Answer, FakeService, transport
from tests.github_answers import week
from tests.pypi_answers import pypi_answer
from webatlas.cli import main
from webatlas.processes import free_port


@pytest.fixture
def pypi() -> FakeService:
    fake = FakeService("https://pypi.test")
    for name in ("alpha", "beta", "demo-cors"):
        fake.answer_json(f"/pypi/{name}/json", pypi_answer(name))
    return fake


@pytest.fixture
def github() -> FakeService:
    return FakeService("https://api.github.test")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    return write_project(tmp_path, [entry("alpha"), entry("beta", repository="https://github.com/demo/beta")])


def data_files(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted((root / "data").rglob("*")) if path.is_file()}


def refresh(root: Path, pypi: FakeService, github: FakeService) -> int:
    arguments = ["--root", str(root), "refresh", "--pypi-url", pypi.url, "--github-api-url", github.url]
    return main(arguments, transport=transport(pypi, github))


def test_refresh_writes_the_snapshot_and_reports_progress(
    project: Path, pypi: FakeService, github: FakeService, capsys: pytest.CaptureFixture[str]
) -> None:
    assert refresh(project, pypi, github) == 0
    out = capsys.readouterr().out
    # Catalogue packages first, then the packages that feature cells rely on.
    assert "PyPI 1/3: alpha" in out and "PyPI 2/3: beta" in out and "PyPI 3/3: demo-cors" in out
    assert "GitHub: skipped, GITHUB_TOKEN is not set" in out
    assert "updated data/pypi_snapshot.json" in out
    snapshot = json.loads((project / "data" / "pypi_snapshot.json").read_text())
    assert sorted(snapshot["packages"]) == ["alpha", "beta", "demo-cors"]
    assert snapshot["packages"]["alpha"]["latest_version"] == "1.0"
    assert pypi.paths == ["/pypi/alpha/json", "/pypi/beta/json", "/pypi/demo-cors/json"]
    assert github.requests == []


def test_a_second_run_changes_nothing(project: Path, pypi: FakeService, github: FakeService, capsys: pytest.CaptureFixture[str]) -> None:
    assert refresh(project, pypi, github) == 0
    before = data_files(project)
    mtime = (project / "data" / "pypi_snapshot.json").stat().st_mtime_ns
    capsys.readouterr()
    assert refresh(project, pypi, github) == 0
    assert "no changes" in capsys.readouterr().out
    assert data_files(project) == before
    assert (project / "data" / "pypi_snapshot.json").stat().st_mtime_ns == mtime, "an unchanged file is not rewritten"


FAILURES = {
    "server error": (Answer(500, b"oops"), "HTTP 500"),
    "rate limit": (Answer(429, b"{}", {"Retry-After": "60"}), "rate limited (HTTP 429); retry after 60"),
    "timeout": (httpx.ReadTimeout("timed out"), "network error: no answer within 30 s"),
    "not JSON": (Answer(200, b"<html>maintenance</html>"), "malformed answer, not JSON"),
    "wrong shape": (Answer(200, json.dumps({"info": {}}).encode()), "malformed answer"),
    "invalid release date": (
        Answer(200, json.dumps(pypi_answer("beta")).replace("2019-01-02T", "2019-02-30T").encode()),
        "malformed answer",
    ),
}


@pytest.mark.parametrize("case", FAILURES, ids=list(FAILURES))
def test_a_failing_service_leaves_data_untouched(
    project: Path, pypi: FakeService, github: FakeService, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    before = data_files(project)
    answer, message = FAILURES[case]
    pypi.answers["/pypi/beta/json"] = answer  # alpha succeeds first: nothing may be written before every answer is valid
    assert refresh(project, pypi, github) == 1
    error = capsys.readouterr().err
    assert message in error and "/pypi/beta/json" in error
    assert error.rstrip().endswith("data/ is unchanged") and error.count("\n") == 1
    assert data_files(project) == before


def test_an_unreachable_service_leaves_data_untouched(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = data_files(project)
    # The real transport, to a loopback port nobody listens on: the connection is refused without leaving this machine.
    assert main(["--root", str(project), "refresh", "--pypi-url", f"http://127.0.0.1:{free_port()}"]) == 1
    error = capsys.readouterr().err
    assert "/pypi/alpha/json: network error" in error and error.count("\n") == 1
    assert data_files(project) == before


def test_with_a_token_refresh_adds_weekly_star_history(
    project: Path, pypi: FakeService, github: FakeService, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    github.answer_json("/repos/demo/beta/stargazers/history?per_page=30", [week(1, [1, 0, 0, 0, 0, 0, 1]), week(2, [0] * 7)])
    github.answer_json("/repos/demo/demo/stargazers/history?per_page=30", [week(1, [0, 0, 0, 3, 0, 0, 0])])
    monkeypatch.setenv("GITHUB_TOKEN", "test-token")
    assert refresh(project, pypi, github) == 0
    assert {request.headers["Authorization"] for request in github.requests} == {"Bearer test-token"}
    assert not any("Authorization" in request.headers for request in pypi.requests), "the token goes to GitHub only"
    out = capsys.readouterr().out
    assert "GitHub 1/2: demo/beta" in out and "GitHub 2/2: demo/demo" in out
    rows = (project / "data" / "github_stars.csv").read_text().splitlines()
    assert any(row.startswith("demo/demo,2024-01-31,100,github:") for row in rows), "transcribed rows are kept"
    api_rows = [row.split(",") for row in rows if row.endswith(",github-api:stargazers/history")]
    assert [(repository, int(stars)) for repository, _, stars, _ in api_rows] == [("demo/beta", 0), ("demo/beta", 2), ("demo/demo", 3)]


def test_a_failing_github_leaves_the_new_snapshot_unwritten(
    project: Path, pypi: FakeService, github: FakeService, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = data_files(project)
    github.answer_json("/repos/demo/beta/stargazers/history?per_page=30", {"message": "rate"}, 403, {"X-RateLimit-Remaining": "0"})
    monkeypatch.setenv("GITHUB_TOKEN", "test-token")
    assert refresh(project, pypi, github) == 1
    assert "rate limited (HTTP 403)" in capsys.readouterr().err
    assert data_files(project) == before
