"""The real site builds strictly, offline, and its pages say what the catalogue says."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from tests.building import Build
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.charts import PLOTLY_JS_URI
from webatlas.catalogue.models import LAYER_TITLES
from webatlas.catalogue.status import RULE

CATALOGUE = load_catalogue(ROOT)
CHART_PAGES = [
    "stars/index.html",
    *(
        f"catalogue/{slug}/index.html"
        for slug, entry in CATALOGUE.entries.items()
        if CATALOGUE.stars_of(entry) or CATALOGUE.pypi_releases(entry)
    ),
]


def page(build: Build, path: str) -> str:
    return (build.site_dir / path).read_text(encoding="utf-8")


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
    for sentence in (*entry.strengths, *entry.limitations, *entry.use_cases):
        assert html.escape(sentence.split("`")[0][:40], quote=False) in text
    for cell in entry.features.values():
        assert f'href="{html.escape(cell.source)}"' in text


@pytest.mark.parametrize("snippet", CATALOGUE.snippets, ids=lambda snippet: f"{snippet.entry.slug}-{snippet.task.slug}")
def test_entry_page_shows_each_snippet_with_its_command(built_site: Build, snippet) -> None:  # type: ignore[no-untyped-def]
    text = page(built_site, f"catalogue/{snippet.entry.slug}/index.html")
    visible = html.unescape(re.sub(r"<[^>]+>", "", text))
    assert snippet.command() in visible
    for line in snippet.path.read_text(encoding="utf-8").splitlines():
        assert line in visible, f"{snippet.path.name}: line {line!r} is not on the page"
    environment = CATALOGUE.environments[snippet.entry.slug]
    assert f"Tested with {environment.package} {environment.version}" in visible


def test_home_lists_every_entry(built_site: Build) -> None:
    text = page(built_site, "index.html")
    for slug, entry in CATALOGUE.entries.items():
        assert f'href="catalogue/{slug}/"' in text
        assert html.escape(entry.tagline, quote=False) in text


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


def test_plotly_is_served_by_the_site_and_loaded_only_with_charts(built_site: Build) -> None:
    assert (built_site.site_dir / PLOTLY_JS_URI).stat().st_size > 1_000_000
    for html_file in built_site.site_dir.rglob("*.html"):
        relative = html_file.relative_to(built_site.site_dir).as_posix()
        loads_plotly = re.search(r'<script src="[^"]*plotly\.min\.js"', html_file.read_text(encoding="utf-8")) is not None
        assert loads_plotly == (relative in CHART_PAGES), relative


def test_star_page_embeds_every_series_with_data(built_site: Build) -> None:
    text = page(built_site, "stars/index.html")
    for entry in CATALOGUE.entries.values():
        if CATALOGUE.stars_of(entry):
            assert f'"name":"{entry.name}"' in text


EXTERNAL_ASSET = re.compile(r"""<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=["'](?:https?:)?//""", re.IGNORECASE)


def test_every_asset_is_served_from_the_site(built_site: Build) -> None:
    for path in built_site.site_dir.rglob("*"):
        if path.suffix in {".html", ".css"}:
            text = path.read_text(encoding="utf-8")
            assert not EXTERNAL_ASSET.search(text), f"{path.relative_to(built_site.site_dir)} loads an external asset"
            assert not re.search(r"url\(\s*['\"]?(?:https?:)?//", text), (
                f"{path.relative_to(built_site.site_dir)} has an external CSS url()"
            )
            assert "fonts.googleapis.com" not in text and "fonts.gstatic.com" not in text


def test_reference_documents_the_package(built_site: Build) -> None:
    text = page(built_site, "contributing/reference/index.html")
    names = ("webatlas.catalogue.models.Entry", "webatlas.catalogue.loading.load_catalogue", "webatlas.catalogue.reading.CatalogueError", "webatlas.catalogue.status.decide")
    for name in (*names, "webatlas.maintenance.refresh.refresh", "webatlas.maintenance.install_check.run", "webatlas.site.export.FIELDS"):
        assert f'id="{name}"' in text, name


def _entry_page_urls(site_dir: Path) -> set[str]:
    return {path.parent.name for path in (site_dir / "catalogue").glob("*/index.html")}


def test_entry_urls_are_the_slugs(built_site: Build) -> None:
    assert _entry_page_urls(built_site.site_dir) == set(CATALOGUE.entries)


def test_anchors_that_links_point_at_are_stable(built_site: Build) -> None:
    features = page(built_site, "features/index.html")
    for slug in CATALOGUE.features:
        assert f'id="{slug}"' in features, f"features/#{slug} is gone"
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


@pytest.mark.parametrize("slug", CATALOGUE.install_check.results)
def test_entry_page_shows_the_install_check(built_site: Build, slug: str) -> None:
    result = CATALOGUE.install_check.results[slug]
    text = html.unescape(page(built_site, f"catalogue/{slug}/index.html"))
    if result.latest.imports:
        assert f"Install check: {result.package} {result.latest.version} installs and imports" in text
    else:
        assert result.latest.failure is not None
        assert f"Install check: {result.package} {result.latest.version} fails on Python" in text
        assert result.latest.failure.kind in text
        assert result.latest.failure.excerpt.splitlines()[-1] in text
    if result.tested is not None and result.tested.imports:
        assert f"<strong>{result.tested.version}</strong>" in text
