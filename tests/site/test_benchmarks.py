"""The /benchmarks/ page and the entry pages' Measured sections, built from a benchmark set made up for the test and
written the way `make bench` writes one: figures derived from its rounds, the harness's constants as the method, and the
article claims set against it. The real site says when no set is committed yet."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from tests.bench.load.factories import benchmark_set, build_with_set
from tests.building import Build, read_page
from tests.helpers import ROOT
from webatlas.catalogue.benchmarks.server_setups import GUNICORN, UVICORN
from webatlas.catalogue.loading import load_catalogue
from webatlas.site import benchmarks
from webatlas.site.claims import verdicts

CATALOGUE = load_catalogue(ROOT)
RESULT = benchmark_set()


@pytest.fixture(scope="module")
def benchmarked(tmp_path_factory: pytest.TempPathFactory) -> Build:
    build = build_with_set(tmp_path_factory.mktemp("benchmarked"))
    assert build.returncode == 0, build.output
    return build


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def test_without_a_committed_set_the_page_says_how_to_make_one(built_site: Build) -> None:
    text = plain(read_page(built_site, "benchmarks/index.html"))
    if CATALOGUE.benchmarks is None:
        assert "No benchmark set is committed yet: make bench measures one" in text
        assert "Measured" not in plain(read_page(built_site, "catalogue/fastapi/index.html")).split("Releases")[0]
    else:
        assert f"Measured on {CATALOGUE.benchmarks.date.isoformat()}" in text


def test_the_table_ranks_every_timed_configuration_by_cpu_per_request(benchmarked: Build) -> None:
    text = read_page(benchmarked, "benchmarks/index.html")
    body = text[text.index("<table data-sortable>") :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    shown = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.DOTALL)
    rows = benchmarks.rows(RESULT)
    assert len(shown) == len(rows) == 2
    # The cells after the name: connections, then CPU per request, each with the number it sorts by.
    cpu = [float(re.findall(r'<td data-sort="([^"]*)"', row)[1]) for row in shown]
    assert cpu == pytest.approx([25.0, 100.0])
    assert "4.00\u00d7" in shown[1]


def test_the_summary_gives_the_machine_the_spread_and_the_ratio(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "benchmarks/index.html"))
    assert "Measured on a shared machine" in text and RESULT.machine.cpu_model in text
    low, high = benchmarks.cv_range(RESULT)
    assert f"ranged from {low * 100:.1f}% to {high * 100:.1f}%" in text
    assert "On Uvicorn: FastAPI 4.0\u00d7." in text


def test_the_method_prints_the_harness_constants_and_the_recorded_run(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "benchmarks/index.html"))
    for command in (UVICORN, GUNICORN, RESULT.method.wrk_command):
        assert command in text
    assert f"CPython {RESULT.harness_python}" in text and "make bench" in text
    assert "The raw ASGI app" in text and "The raw WSGI app" in text


def test_every_claim_is_set_against_the_measurements(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "benchmarks/index.html"))
    found = verdicts(replace(CATALOGUE, benchmarks=RESULT))
    assert len(found) == len(CATALOGUE.claims) > 0
    for verdict in found:
        assert verdict.claim.claim in text and verdict.measured in text and verdict.judgement in text


def test_a_timed_framework_page_shows_its_figures_and_rank(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "catalogue/fastapi/index.html"))
    assert "comes 1 of 1 frameworks" in text
    assert "fastapi/hello_text@uvicorn 64 100.0 4.00\u00d7 1,000 4.0" in text


def test_a_server_page_shows_the_raw_apps_on_it(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "catalogue/uvicorn/index.html"))
    assert "comes 1 of 1 servers" in text
    assert "raw-asgi/hello_text@uvicorn 64 25.0" in text
