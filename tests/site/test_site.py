"""The real site builds strictly, offline, and its pages say what the catalogue says."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.building import Build, read_page, shown
from tests.helpers import ROOT
from tests.small_site import DATASET, DJANGO_ON_3_13, SANIC_BUILD
from webatlas.catalogue.cells import describe, level_words
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.models import LAYER_TITLES, STAR_HISTORY_SOURCE
from webatlas.catalogue.prose import CITATION
from webatlas.catalogue.status import RULE
from webatlas.site.build import charts_of
from webatlas.site.charts.files import CHART_SCRIPT_URI, CHART_STYLE_URI, PLOTLY_JS_URI, csv_uri, figure_uri, svg_uri

CATALOGUE = load_catalogue(ROOT)
CHART_PAGES = [
    "stars/index.html",
    *(
        f"catalogue/{slug}/index.html"
        for slug, entry in CATALOGUE.entries.items()
        if CATALOGUE.stars_of(entry) or CATALOGUE.pypi_releases(entry)
    ),
]


page = read_page


def visible_text(markup: str) -> str:
    """The page's text as a reader sees it, with runs of white space as one space."""
    return " ".join(shown(markup).split())


def shown_prose(text: str) -> str:
    """Catalogue prose as its page shows it: each citation replaced by the cell's current value in words."""
    return " ".join(CITATION.sub(lambda match: describe(CATALOGUE.cells[match["entry"]][match["feature"]]), text).split())


def test_build_is_strict_and_quiet(built_site: Build) -> None:
    assert not re.search(r"^(WARNING|ERROR)\b", built_site.output, re.MULTILINE), built_site.output


def test_build_made_no_network_call(built_site: Build) -> None:
    assert built_site.network_attempts == []


def test_no_page_is_written_by_hand_for_an_entry() -> None:
    assert not (ROOT / "docs" / "catalogue").exists(), "entry pages are generated from data/catalogue/"


@pytest.mark.parametrize("slug", CATALOGUE.entries)
def test_entry_page_states_sourced_facts(built_site: Build, slug: str) -> None:
    entry = CATALOGUE.entries[slug]
    text = page(built_site, f"catalogue/{slug}/index.html")
    facts = entry.facts
    stated = [facts.origins, facts.interfaces, facts.built_on, facts.licence, *([facts.servers] if facts.servers else [])]
    for fact in stated:
        assert f'href="{html.escape(fact.source)}"' in text
        assert fact.as_of.isoformat() in text
    releases = CATALOGUE.releases_of(entry)
    assert f'href="{html.escape(releases.source)}"' in text
    for value in (releases.first_release.version, releases.latest_release.version, releases.latest_release.date.isoformat()):
        assert html.escape(value) in text
    assert html.escape(releases.requires_python or "not declared by the latest release") in text
    verdict = CATALOGUE.status_of(entry)
    assert f"<strong>{verdict.status}</strong>: {html.escape(verdict.evidence)}" in text
    assert f'href="{html.escape(verdict.source)}"' in text
    links = entry.links
    for link in (links.repository, links.documentation, links.changelog, *([links.pypi] if links.pypi else [])):
        assert f'href="{html.escape(link)}"' in text
    for section in ("facts", "install", "features", "strengths", "limitations", "use-cases", "releases", "stars"):
        assert f'id="{section}"' in text, f"section #{section} missing"
    visible = visible_text(text)
    for sentence in (entry.summary, *entry.strengths, *entry.limitations, *entry.use_cases):
        assert shown_prose(sentence).split("`")[0][:60] in visible
    for cell in CATALOGUE.cells[slug].values():
        assert f'href="{html.escape(cell.source)}"' in text
        assert level_words(cell) in visible


def test_home_lists_every_entry(built_site: Build) -> None:
    text = page(built_site, "index.html")
    visible = visible_text(text)
    for slug, entry in CATALOGUE.entries.items():
        assert f'href="catalogue/{slug}/"' in text
        assert shown_prose(entry.tagline).split("`")[0] in visible


@pytest.mark.parametrize(("layer", "number"), [(layer, number) for number, layer in enumerate(LAYER_TITLES)])
def test_comparison_has_a_table_per_layer_with_its_features(built_site: Build, layer: str, number: int) -> None:
    text = page(built_site, "compare/index.html")
    table = text.split("<table")[number + 1].split("</table>")[0]
    header = table[: table.index("</thead>")]
    for feature in CATALOGUE.features.values():
        assert (f">{html.escape(feature.name)}</th>" in header) == (layer in feature.layers), feature.slug
    rows = table.split("<tr")[2:]
    entries = CATALOGUE.entries_by_layer(layer)
    assert len(rows) == len(entries)
    for entry, row in zip(entries, rows, strict=True):
        assert f'href="../catalogue/{entry.slug}/"' in row
        assert f"<td>{CATALOGUE.status_of(entry).status}</td>" in row


CHARTS = charts_of(CATALOGUE)
SVG = "{http://www.w3.org/2000/svg}"


def test_chart_script_and_styles_load_only_with_charts_and_no_page_loads_plotly_itself(built_site: Build) -> None:
    assert (built_site.site_dir / PLOTLY_JS_URI).stat().st_size > 500_000
    for html_file in built_site.site_dir.rglob("*.html"):
        relative = html_file.relative_to(built_site.site_dir).as_posix()
        text = html_file.read_text(encoding="utf-8")
        assert (f'src="{CHART_SCRIPT_URI}"' in text.replace("../", "")) == (relative in CHART_PAGES), relative
        # The benchmark page draws its static charts with the same styles, and needs no script for them.
        styled = [*CHART_PAGES, "benchmarks/index.html"]
        assert (f'href="{CHART_STYLE_URI}"' in text.replace("../", "")) == (relative in styled), relative
        # charts.js fetches plotly.js when a reader asks for an interactive chart, never at load.
        assert not re.search(r"<script[^>]*plotly", text), relative


def test_star_page_draws_every_series_before_any_script_runs(built_site: Build) -> None:
    text = page(built_site, "stars/index.html")
    drawn = re.findall(r'<path d="[^"]+"[^>]*data-series="([^"]+)"', text)
    assert drawn == [html.escape(series.name) for series in CHARTS["stars"].series]
    # One line per repository and kind of source: transcribed counts and GitHub's API counts.
    assert len(drawn) == len({(count.repository, count.from_api) for count in CATALOGUE.star_counts})


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_is_published_as_an_image_with_its_title_source_and_date(built_site: Build, name: str) -> None:
    chart = CHARTS[name]
    image = ET.parse(built_site.site_dir / svg_uri(chart)).getroot()
    texts = ["".join(text.itertext()) for text in image.iter(f"{SVG}text")]
    assert chart.title in texts
    assert any(chart.source in text for text in texts)
    assert any(f"As of {chart.as_of.isoformat()}" in text and chart.page in text for text in texts)
    assert [path.get("data-series") for path in image.iter(f"{SVG}path") if path.get("data-series")] == [s.name for s in chart.series]


@pytest.mark.parametrize("name", CHARTS)
def test_each_chart_publishes_its_points_as_csv_and_its_figure_as_json(built_site: Build, name: str) -> None:
    chart = CHARTS[name]
    rows = list(csv.DictReader(io.StringIO((built_site.site_dir / csv_uri(chart)).read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(series.dates) for series in chart.series)
    assert {row["series"] for row in rows} == {series.name for series in chart.series}
    figure = json.loads((built_site.site_dir / figure_uri(chart)).read_text(encoding="utf-8"))
    assert [len(trace["x"]) for trace in figure["data"]] == [len(series.dates) for series in chart.series]


def test_all_star_counts_are_at_a_short_address(built_site: Build) -> None:
    rows = list(csv.DictReader(io.StringIO((built_site.site_dir / "stars.csv").read_text(encoding="utf-8"))))
    assert len(rows) == sum(len(CATALOGUE.stars_of(entry)) for entry in CATALOGUE.entries.values())


EXTERNAL_ASSET = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)
CANONICAL = re.compile(r"""<link rel="canonical" href="[^"]*">""")
"""The page's own address, which names no asset to load."""


def test_every_asset_is_served_from_the_site(built_site: Build) -> None:
    for path in built_site.site_dir.rglob("*"):
        if path.suffix in {".html", ".css"}:
            text = CANONICAL.sub("", path.read_text(encoding="utf-8"))
            assert not EXTERNAL_ASSET.search(text), f"{path.relative_to(built_site.site_dir)} loads an external asset"
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), (
                f"{path.relative_to(built_site.site_dir)} has an external CSS url()"
            )
            assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_reference_documents_the_package(built_site: Build) -> None:
    text = page(built_site, "contributing/reference/index.html")
    names = (
        "webatlas.catalogue.models.Entry",
        "webatlas.catalogue.loading.load_catalogue",
        "webatlas.catalogue.reading.CatalogueError",
        "webatlas.catalogue.status.decide",
        "webatlas.catalogue.cells.resolve",
        "webatlas.maintenance.refresh.refresh",
        "webatlas.maintenance.install_check.run",
        "webatlas.site.export.FIELDS",
        "webatlas.site.escaping.markdown_text",
    )
    for name in names:
        assert f'id="{name}"' in text, name


def _entry_page_urls(site_dir: Path) -> set[str]:
    return {path.parent.name for path in (site_dir / "catalogue").glob("*/index.html")}


def test_entry_urls_are_the_slugs(built_site: Build) -> None:
    assert _entry_page_urls(built_site.site_dir) == set(CATALOGUE.entries)


def test_anchors_that_links_point_at_are_stable(built_site: Build) -> None:
    features = page(built_site, "features/index.html")
    for slug in CATALOGUE.features:
        assert f'id="{slug}"' in features, f"features/#{slug} is gone"
    for level in ("levels", "level-built-in", "level-inherited", "level-official-extension", "level-third-party", "level-no"):
        assert f'id="{level}"' in features, f"features/#{level} is gone"
    for slug, cells in CATALOGUE.cells.items():
        entry_page = page(built_site, f"catalogue/{slug}/index.html")
        for feature in cells:
            assert f'id="feature-{feature}"' in entry_page, f"catalogue/{slug}/#feature-{feature} is gone"
    assert 'id="stale-cells"' in page(built_site, "method/index.html")
    for snippet in CATALOGUE.snippets:
        anchor = snippet.task.slug.replace("_", "-")
        assert f'id="{anchor}"' in page(built_site, f"catalogue/{snippet.entry.slug}/index.html"), f"#{anchor} is gone"


def test_lineage_draws_every_built_on_relation(built_site: Build) -> None:
    text = page(built_site, "lineage/index.html")
    edges = set(re.findall(r'data-base="([^"]+)" data-built="([^"]+)"', text))
    assert edges == {(base, slug) for slug, entry in CATALOGUE.entries.items() for base in entry.facts.built_on.value}
    assert edges, "the catalogue has built-on relations to draw"
    for slug in {slug for edge in edges for slug in edge}:
        assert f'href="../catalogue/{slug}/" class="atlas-lineage__node' in text
        assert (built_site.site_dir / "catalogue" / slug / "index.html").is_file()


def test_method_page_states_the_status_rule(built_site: Build) -> None:
    text = page(built_site, "method/index.html")
    assert 'id="status"' in text
    visible = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert re.sub(r"\*\*", "", RULE) in visible


def install_section(build: Build, slug: str) -> str:
    text = page(build, f"catalogue/{slug}/index.html")
    return text[text.index('id="install"') : text.index('id="features"')]


def table_rows(markup: str) -> list[list[str]]:
    """The text of each cell of the first table in `markup`, row by row."""
    table = markup.split("<table>")[1].split("</table>")[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.DOTALL)
    return [[" ".join(shown(cell).split()) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.DOTALL)] for row in rows]


CHECKED = "Install check (2026-01-15, a fresh environment per release and Python): "
SUMMARIES = {
    "fastapi": "fastapi 1.0 installs and imports on Python 3.11, 3.12 and 3.13.",
    # A Python the release rules out is no failure; the excerpt is what the release declares.
    "django": "django 1.0 installs and imports on Python 3.12; not on 3.11, which it does not support (Requires-Python >=3.12); "
    "fails on 3.13: import fails.",
    "sanic": "sanic 1.0 installs on none of the Pythons checked; fails on 3.11, 3.12 and 3.13: build of the C extension fails.",
}
"""The small site's install results in one sentence each, as tests/small_site.py describes them."""


@pytest.mark.parametrize("slug", SUMMARIES)
def test_the_install_check_says_in_one_sentence_where_the_latest_release_works(small_site: Build, slug: str) -> None:
    assert CHECKED + SUMMARIES[slug] in visible_text(install_section(small_site, slug))


def test_the_install_matrix_shows_each_release_tried_on_each_python_and_each_failure(small_site: Build) -> None:
    section = install_section(small_site, "django")
    assert table_rows(section) == [
        ["Release", "Python 3.11", "Python 3.12", "Python 3.13"],
        ["1.0 (latest)", "not supported: Requires-Python >=3.12", "✓ installs and imports", "✗ import fails"],
        ["0.9 (newest earlier release that declares support)", "not tried", "not tried", "✓ installs and imports"],
    ]
    visible = visible_text(section)
    assert f"django 1.0 on Python 3.13: import fails {DJANGO_ON_3_13}" in visible
    assert "pip install django" in visible


def test_a_release_that_installs_nowhere_shows_why_instead_of_a_command(small_site: Build) -> None:
    visible = visible_text(install_section(small_site, "sanic"))
    assert "No install command to copy: sanic 1.0 installs on none of Python 3.11, 3.12, 3.13" in visible
    assert f"sanic 1.0 on Python 3.11, 3.12, 3.13: build of the C extension fails {SANIC_BUILD}" in visible
    assert "pip install" not in visible


def star_chart_of(build: Build, slug: str) -> str:
    """The figure of the entry's star chart, on its page."""
    text = page(build, f"catalogue/{slug}/index.html")
    start = text.rindex('<figure class="atlas-chart"', 0, text.index(f'id="stars-{slug}"'))
    return text[start : text.index("</figure>", start)]


def drawn_series(markup: str) -> list[str]:
    return [html.unescape(name) for name in re.findall(r'<path d="[^"]+"[^>]*data-series="([^"]+)"', markup)]


FROM_DATASETS = "A line named after a project joins counts transcribed from public datasets"
FROM_API = (
    "A line marked (GitHub API, weekly) holds the weekly totals that GitHub's star-history endpoint returned when the data was "
    "last refreshed."
)


def test_an_entry_with_transcribed_and_api_counts_draws_a_line_for_each(small_site: Build) -> None:
    figure = star_chart_of(small_site, "fastapi")
    assert drawn_series(figure) == ["Fastapi", "Fastapi (GitHub API, weekly)"]
    assert [visible_text(item) for item in re.findall(r"<li>(.*?)</li>", figure, re.DOTALL)] == drawn_series(figure)
    title = html.unescape(re.findall(r"<title[^>]*>(.*?)</title>", figure)[0])
    assert title == (
        "Fastapi: GitHub stars over time, from 2024-12-01 to 2025-12-15. "
        "Latest: Fastapi 5,100 on 2025-12-01; Fastapi (GitHub API, weekly) 5,200 on 2025-12-15."
    )
    caption = visible_text(figure[figure.index("<figcaption>") :])
    assert f"{FROM_DATASETS} that recorded the count over time, one point a month at most: someone/dataset." in caption
    assert FROM_API in caption


def test_an_entry_with_only_api_counts_names_no_dataset(small_site: Build) -> None:
    figure = star_chart_of(small_site, "litestar")
    assert drawn_series(figure) == ["Litestar (GitHub API, weekly)"]
    caption = visible_text(figure[figure.index("<figcaption>") :])
    assert FROM_API in caption
    assert FROM_DATASETS not in caption


def test_api_counts_are_published_with_their_source(small_site: Build) -> None:
    rows = list(csv.reader(io.StringIO(read_page(small_site, "charts/stars-fastapi.csv"))))
    assert rows == [
        ["series", "entry", "date", "stars", "source"],
        ["Fastapi", "fastapi", "2024-12-01", "100", DATASET],
        ["Fastapi", "fastapi", "2025-12-01", "5100", DATASET],
        ["Fastapi (GitHub API, weekly)", "fastapi", "2025-12-08", "5150", STAR_HISTORY_SOURCE],
        ["Fastapi (GitHub API, weekly)", "fastapi", "2025-12-15", "5200", STAR_HISTORY_SOURCE],
    ]
    every = page(small_site, "stars/index.html")
    assert drawn_series(every) == ["Fastapi", "Fastapi (GitHub API, weekly)", "Litestar (GitHub API, weekly)"]


FOOTER_LINK = re.compile(r'<a [^>]*class="md-footer__link[^"]*"[^>]*aria-label="([^"]*)"[^>]*>(.*?)</a>', re.DOTALL)


def test_footer_links_are_named_by_the_title_they_show(built_site: Build) -> None:
    """The theme escapes a title for the link's aria-label itself: a title the build escaped already must not be escaped
    twice there, or a reader's screen reader says `&#x27;` where the page shows an apostrophe. The lifespan task's
    title, "A resource for the app's lifetime", has one."""
    checked = 0
    for page in built_site.site_dir.rglob("index.html"):
        for label, inner in FOOTER_LINK.findall(page.read_text(encoding="utf-8")):
            title = " ".join(shown(inner.split('class="md-ellipsis">')[-1]).split())
            assert html.unescape(label).split(": ", 1)[1] == title, page
            checked += 1
    assert checked > 100
