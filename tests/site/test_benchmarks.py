"""The /benchmarks/ page and the entry pages' Measured sections, built from a benchmark set made up for the test and
written the way `make bench` writes one: figures derived from its rounds, the harness's constants as the method, and the
article claims set against it; and built with no set, when the pages say how to make one."""

from __future__ import annotations

import html
import re
from dataclasses import replace

import pytest

from tests.bench.load.factories import benchmark_set, build_with
from tests.building import Build, read_page
from tests.helpers import ROOT
from webatlas.catalogue.benchmarks.server_setups import GUNICORN, UVICORN
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.claims import verdicts

CATALOGUE = load_catalogue(ROOT)
RESULT = benchmark_set()


@pytest.fixture(scope="module")
def benchmarked(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project with `benchmark_set()` as its only set."""
    build = build_with(tmp_path_factory.mktemp("benchmarked"), RESULT)
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="module")
def unbenchmarked(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The project with no benchmark set."""
    build = build_with(tmp_path_factory.mktemp("unbenchmarked"), None)
    assert build.returncode == 0, build.output
    return build


def plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def test_without_a_set_the_page_says_how_to_make_one_and_entry_pages_show_no_figures(unbenchmarked: Build) -> None:
    text = plain(read_page(unbenchmarked, "benchmarks/index.html"))
    assert "No benchmark set is committed yet: make bench measures one and writes it to data/benchmarks/." in text
    assert "Measured on" not in text and "<table" not in read_page(unbenchmarked, "benchmarks/index.html")
    assert 'id="measured"' not in read_page(unbenchmarked, "catalogue/fastapi/index.html")


def test_the_table_ranks_every_timed_configuration_by_cpu_per_request(benchmarked: Build) -> None:
    text = read_page(benchmarked, "benchmarks/index.html")
    body = text[text.index("<table data-sortable>") :]
    body = body[body.index("<tbody>") : body.index("</tbody>")]
    shown = re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.DOTALL)
    assert len(shown) == 2
    # The cells after the name: connections, then CPU per request, each with the number it sorts by.
    cpu = [float(re.findall(r'<td data-sort="([^"]*)"', row)[1]) for row in shown]
    assert cpu == pytest.approx([25.0, 100.0])
    assert "4.00\u00d7" in shown[1]


def test_the_summary_gives_the_machine_the_spread_and_the_ratio(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "benchmarks/index.html"))
    assert "Measured on a shared machine" in text and "AMD EPYC 7B13" in text
    assert "Measured on 2026-12-02, from 12:00 to 12:30 UTC: 2 configurations timed in 5 rounds each." in text
    # Both configurations ran at STEADY's rates: a sample deviation of sqrt(55) requests a second over a mean of 1,001
    # is 0.74%; CPU time per request is the same in every round, so 0%.
    assert "the coefficient of variation ranged from 0.0% to 0.7%, all within 10%." in text
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
    assert 'id="measured"' in read_page(benchmarked, "catalogue/fastapi/index.html")
    text = plain(read_page(benchmarked, "catalogue/fastapi/index.html"))
    assert "comes 1 of 1 frameworks" in text
    assert "fastapi/hello_text@uvicorn 64 100.0 4.00\u00d7 1,000 4.0" in text


def test_a_server_page_shows_the_raw_apps_on_it(benchmarked: Build) -> None:
    text = plain(read_page(benchmarked, "catalogue/uvicorn/index.html"))
    assert "comes 1 of 1 servers" in text
    assert "raw-asgi/hello_text@uvicorn 64 25.0" in text
