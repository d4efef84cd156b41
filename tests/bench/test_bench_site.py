"""`webatlas bench-site` works end to end: plain sites of a given shape build, grown catalogues load, Lighthouse scores a
page, and the command prints its table. The figures themselves are never asserted: the machine is shared and noisy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.building import offline_env, shown
from tests.helpers import ROOT
from webatlas.bench.errors import BenchError
from webatlas.bench.site.build_timing import BuildComparison, BuildSeries
from webatlas.bench.site.building import BuildTime, build
from webatlas.bench.site.lighthouse import Audit, PageScores, find_tools, run_lighthouse
from webatlas.bench.site.machine import Environment
from webatlas.bench.site.plain_site import PageShape, measure_pages, write_plain_project
from webatlas.bench.site.report import format_results
from webatlas.bench.site.run import BenchOptions, BenchResults
from webatlas.bench.site.same_content import build_keeping_markdown, write_same_content_project
from webatlas.bench.site.scaling import ScalePoint, atlas_cpu_s, grow_project, marginal_costs, own_cpu_s, stays_linear
from webatlas.bench.site.serving import served
from webatlas.catalogue.loading import ENTRIES_DIR, load_catalogue

PROSE = "Handlers read the body, check its fields & answer with JSON; errors say which <field> failed. " * 40

SHAPES = [
    PageShape(path="", title="Home", text=PROSE[:2000], sections=2),
    PageShape(path="catalogue/fastapi/", title="FastAPI", text=PROSE, sections=8),
    PageShape(path="catalogue/django/", title="Django", text=PROSE[:3000], sections=9),
    PageShape(path="stars/", title="Star history", text="", sections=0),
]


def test_the_plain_site_has_the_pages_it_was_shaped_on_and_builds(tmp_path: Path) -> None:
    project = write_plain_project(tmp_path / "plain", SHAPES, ROOT / "mkdocs.yml")
    assert "hooks" not in (project / "mkdocs.yml").read_text()
    build(project, tmp_path / "site")
    built = {shape.path: shape for shape in measure_pages(tmp_path / "site")}
    assert sorted(built) == sorted(shape.path for shape in SHAPES)
    for shape in SHAPES:
        assert built[shape.path].title == shape.title
        assert shape.text[:200] in built[shape.path].text
        headings = len(shape.title) + len(" Section 10") * max(shape.sections, 1)
        assert len(shape.text) <= len(built[shape.path].text) <= len(shape.text) + headings


def _pages(site: Path) -> set[str]:
    return {page.parent.relative_to(site).as_posix() for page in site.rglob("index.html")}


def test_the_same_content_site_has_the_atlas_pages_and_code_without_its_code(tmp_path: Path) -> None:
    atlas_site, markdown = tmp_path / "atlas-site", tmp_path / "markdown"
    build_keeping_markdown(ROOT, atlas_site, markdown)
    project = write_same_content_project(tmp_path / "same", markdown, ROOT)
    config = (project / "mkdocs.yml").read_text()
    for atlas_only in ("hooks", "custom_dir", "extra_css", "extra_javascript", "!!python"):
        assert atlas_only not in config
    build(project, tmp_path / "same-site")
    assert _pages(tmp_path / "same-site") == _pages(atlas_site)
    # A recipe's code, included from snippets/, and the package reference, rendered by mkdocstrings, are in both.
    recipe = 'WebSocketRoute("/ws", echo)'
    reference = 'id="webatlas.catalogue.loading.load_catalogue"'
    for site in (atlas_site, tmp_path / "same-site"):
        assert recipe in shown((site / "cookbook" / "websocket_echo" / "index.html").read_text())
        assert reference in (site / "contributing" / "reference" / "index.html").read_text()
    # Markers are filled before the Markdown is kept: the matrix is a table, not its marker.
    kept = (markdown / "cookbook" / "index.md").read_text()
    assert "atlas:cookbook-matrix" not in kept
    assert "| Framework |" in kept


def test_a_grown_catalogue_loads_with_the_requested_number_of_entries(tmp_path: Path) -> None:
    real = len(list((ROOT / ENTRIES_DIR).glob("*.yaml")))
    project = grow_project(ROOT, tmp_path / "grown", real + 12)
    catalogue = load_catalogue(project)
    assert len(catalogue.entries) == real + 12
    clone = catalogue.entries["fastapi-2"]
    assert clone.name == "FastAPI 2"
    assert clone.snippets is None
    assert not catalogue.stars_of(clone)
    assert catalogue.install_check.results["fastapi-2"] == catalogue.install_check.results["fastapi"]
    # aiohttp's dependency injection is derived from the registry, so its clone's must be too.
    assert catalogue.cells["aiohttp-2"]["dependency_injection"].derived == catalogue.cells["aiohttp"]["dependency_injection"].derived != ()
    # Daphne's graceful shutdown is proved by its recipe, so its clone needs a copy of that recipe.
    assert catalogue.cells["daphne-2"]["graceful_shutdown"].recipes == ("daphne-2-daphne",)


def test_a_catalogue_is_never_shrunk(tmp_path: Path) -> None:
    with pytest.raises(BenchError, match="already holds"):
        grow_project(ROOT, tmp_path / "grown", 1)


def _series(cpu_s: float) -> BuildSeries:
    # Wall time twice the CPU time, as on a busy machine: growth is judged on CPU time.
    return BuildSeries([BuildTime(2 * cpu_s, cpu_s)])


def _point(entries: int, atlas_cpu_s: float, same_content_cpu_s: float = 1.0) -> ScalePoint:
    return ScalePoint(entries, BuildComparison(entries + 23, _series(atlas_cpu_s), _series(same_content_cpu_s), _series(0.5)))


def test_linearity_compares_the_cost_of_an_entry_in_the_last_step_with_the_first() -> None:
    linear = [_point(28, 4.0), _point(100, 11.2), _point(250, 26.2), _point(500, 51.2)]
    assert marginal_costs(linear, atlas_cpu_s) == pytest.approx([0.1, 0.1, 0.1])
    assert stays_linear(linear, atlas_cpu_s) is True
    assert stays_linear(linear[:2], atlas_cpu_s) is None
    # A theme cost growing with the square of the page count, the same for the same content: the atlas's own work stays linear.
    quadratic = [_point(n, 0.1 * n + n * n / 1000, n * n / 1000) for n in (28, 100, 250, 500)]
    assert stays_linear(quadratic, atlas_cpu_s) is False
    assert stays_linear(quadratic, own_cpu_s) is True


def test_the_table_names_each_page_and_the_goals_it_misses() -> None:
    def scores(label: str, performance: float, tbt_ms: float, accessibility: float) -> PageScores:
        return PageScores(label, [Audit(performance, accessibility, tbt_ms, 300_000, 2500)] * 3)

    environment = Environment("3.11.7", "1.6.1", "9.8.1", "13.5.0", "156.0", 2, "AMD EPYC", 1.0)
    pages = [scores("/ (home)", 97, 50, 100), scores("stars/", 90, 350, 95), scores("plain catalogue/fastapi/", 98, 40, 92)]
    points = [_point(28, 4.0), _point(100, 11.2), _point(250, 26.2)]
    results = BenchResults(BenchOptions(), environment, points[0].comparison, pages, "plain catalogue/fastapi/", points, 60.0, 1.5)
    table = format_results(results)
    rows = {line.split()[0]: line for line in table.splitlines() if line.startswith("  ") and line.split()}
    assert rows["/"].rstrip().endswith("ok")
    assert rows["stars/"].rstrip().endswith("perf -8, TBT, a11y")
    assert "atlas CPU: linear? yes" in table
    assert "Lighthouse 13.5.0" in table


def test_missing_tools_are_named_with_how_to_install_them(tmp_path: Path) -> None:
    with pytest.raises(BenchError) as raised:
        find_tools(tmp_path, chromium=tmp_path / "chromium")
    assert "make setup" in str(raised.value)
    assert "apt-get install -y chromium" in str(raised.value)


@pytest.mark.browser
def test_lighthouse_scores_a_served_page(tmp_path: Path) -> None:
    try:
        tools = find_tools(ROOT)
    except BenchError as error:
        pytest.fail(str(error), pytrace=False)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Tiny</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        "<body><main><h1>Tiny</h1><p>A page for Lighthouse to score.</p></main></body></html>",
        encoding="utf-8",
    )
    with served(site) as url:
        audit = run_lighthouse(tools, url, tmp_path / "report.json")
    assert 0 <= audit.performance <= 100
    assert 0 <= audit.accessibility <= 100
    assert audit.total_blocking_time_ms >= 0
    assert audit.total_bytes > 0
    assert audit.largest_contentful_paint_ms > 0
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["configSettings"]["formFactor"] == "mobile"


def test_the_command_prints_its_table_and_writes_json_offline(tmp_path: Path) -> None:
    network_log = tmp_path / "network.log"
    network_log.write_text("")
    output = tmp_path / "results.json"
    command = [sys.executable, "-m", "webatlas", "bench-site", "--no-lighthouse", "--no-scaling", "--build-repeats", "1"]
    result = subprocess.run(
        [*command, "--output", str(output)], cwd=ROOT, env=offline_env(network_log), capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "median of 1 interleaved builds" in result.stdout
    assert "mkdocs-material" in result.stdout
    results = json.loads(output.read_text())
    assert results["build"]["pages"] > len(list((ROOT / ENTRIES_DIR).glob("*.yaml")))
    assert isinstance(results["build"]["ratio"], float)
    assert isinstance(results["build"]["content_ratio"], float)
    assert results["build"]["same_content"]["runs"]
    assert network_log.read_text() == ""
