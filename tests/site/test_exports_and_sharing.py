"""The exports carry every cell in full, the documented example script works against them, and every page can be shared."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

from tests.building import Build, read_page, shown
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.site import export

CATALOGUE = load_catalogue(ROOT)
SCRIPT = ROOT / "snippets" / "_scripts" / "query_catalogue.py"


def test_the_json_export_carries_each_cell_in_full(built_site: Build) -> None:
    records = {record["slug"]: record for record in json.loads(read_page(built_site, export.JSON_URI))}
    assert set(records) == set(CATALOGUE.entries)
    for slug, record in records.items():
        assert list(record) == list(export.FIELDS)
        for feature, cell in CATALOGUE.cells[slug].items():
            exported = record["feature_cells"][feature]
            assert exported["support"] == cell.support == record["features"][feature]
            assert exported["via"] == list(cell.via)
            assert exported["from"] == (cell.inherited_from.slug if cell.inherited_from else None)
            assert exported["servers"] == [server.slug for server in cell.servers]
            assert (exported["source"], exported["version"], exported["as_of"]) == (cell.source, cell.version, cell.as_of.isoformat())


def test_the_csv_export_has_a_column_per_feature(built_site: Build) -> None:
    rows = list(csv.DictReader(io.StringIO(read_page(built_site, export.CSV_URI))))
    assert list(rows[0]) == export.csv_columns(CATALOGUE)
    assert {row["slug"] for row in rows} == set(CATALOGUE.entries)
    for row in rows:
        cells = CATALOGUE.cells[row["slug"]]
        for feature in CATALOGUE.features:
            assert row[f"feature_{feature}"] == (cells[feature].support if feature in cells else "")


def test_the_data_page_marks_deprecated_fields(built_site: Build) -> None:
    text = shown(read_page(built_site, "data/index.html"))
    assert f"format {export.FORMAT_VERSION} of the export" in text
    assert "Deprecated since format 2, removed in format 3: use feature_cells" in text


def test_the_example_script_works_against_the_served_site(built_site: Build, site_url: str) -> None:
    output = subprocess.run([sys.executable, str(SCRIPT), site_url], capture_output=True, text=True, check=True, timeout=60).stdout
    expected = [
        entry
        for entry in CATALOGUE.entries.values()
        if entry.layer == "framework"
        and "ASGI" in entry.facts.interfaces.value
        and CATALOGUE.status_of(entry).status == "active"
        and CATALOGUE.cell(entry, "websockets").support == "built-in"
    ]
    names = [line.rsplit(" ", 2)[0] for line in output.splitlines()]
    assert sorted(names) == sorted(entry.name for entry in expected) and names
    page = shown(read_page(built_site, "data/index.html"))
    for line in SCRIPT.read_text(encoding="utf-8").splitlines():
        assert line in page, f"the data page does not show {line!r}"


def _pages(build: Build) -> list[Path]:
    return sorted(path for path in build.site_dir.rglob("index.html"))


def test_every_page_has_a_canonical_link_og_tags_and_its_own_description(built_site: Build) -> None:
    descriptions: dict[str, str] = {}
    for path in _pages(built_site):
        text = path.read_text(encoding="utf-8")
        url = "http://127.0.0.1:8000/" + path.relative_to(built_site.site_dir).parent.as_posix().removeprefix(".") + "/"
        url = url.replace("8000//", "8000/")
        assert f'<link rel="canonical" href="{url}">' in text, path
        assert f'<meta property="og:url" content="{url}">' in text, path
        description = re.search(r'<meta name="description" content="([^"]*)">', text)
        og_description = re.search(r'<meta property="og:description" content="([^"]*)">', text)
        assert description and og_description and description.group(1) == og_description.group(1), path
        assert description.group(1) not in descriptions, f"{path} shares its description with {descriptions.get(description.group(1))}"
        descriptions[description.group(1)] = str(path)
        assert re.search(r'<meta property="og:title" content="[^"]+">', text), path


def test_the_sitemap_lists_every_page(built_site: Build) -> None:
    listed = set(re.findall(r"<loc>([^<]+)</loc>", read_page(built_site, "sitemap.xml")))
    pages = {"http://127.0.0.1:8000/" + path.relative_to(built_site.site_dir).parent.as_posix() + "/" for path in _pages(built_site)}
    pages = {page.replace("8000/./", "8000/") for page in pages}
    assert listed == pages


def test_every_page_links_the_terms_of_use_from_its_footer(built_site: Build) -> None:
    for path in _pages(built_site):
        footer = re.search(r'<div class="md-copyright__highlight">(.*?)</div>', path.read_text(encoding="utf-8"), re.S)
        assert footer, path
        assert "Code and recipes: MIT. Text, data and charts: CC BY 4.0." in footer.group(1), path
        link = re.search(r'<a href="([^"]+)">Terms of use</a>', footer.group(1))
        assert link, path
        assert (path.parent / link.group(1) / "index.html").resolve() == (built_site.site_dir / "terms" / "index.html").resolve(), path


def test_each_chart_gives_the_credit_a_wiki_should_paste(built_site: Build) -> None:
    stars = read_page(built_site, "stars/index.html")
    assert (
        "Credit: “Async Python web frameworks and servers: GitHub stars over time”, Async Python Web Atlas, "
        'http://127.0.0.1:8000/stars/,\n      <a href="../terms/#credit">CC BY 4.0</a>'
    ) in stars
    entry = read_page(built_site, "catalogue/fastapi/index.html")
    credit = "Credit: “FastAPI: releases on PyPI over time”, Async Python Web Atlas, http://127.0.0.1:8000/catalogue/fastapi/#releases,"
    assert credit in entry
    terms = read_page(built_site, "terms/index.html")
    assert 'id="credit"' in terms


def test_the_licence_file_names_both_licences_and_what_each_covers() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Code and recipes: the MIT License" in text
    assert "Creative Commons Attribution 4.0 International (CC BY 4.0)" in text
    assert "Permission is hereby granted, free of charge" in text
    assert (ROOT / "docs/assets/javascripts/vendor/plotly-basic.LICENSE.txt").is_file()


def test_a_build_for_a_deployed_address_links_pages_the_sitemap_and_chart_images_to_it(small_site: Build) -> None:
    """The small site is built with SITE_URL=https://atlas.example.org/."""
    for path, address in (
        ("index.html", "https://atlas.example.org/"),
        ("catalogue/fastapi/index.html", "https://atlas.example.org/catalogue/fastapi/"),
    ):
        text = read_page(small_site, path)
        assert f'<link rel="canonical" href="{address}">' in text, path
        assert f'<meta property="og:url" content="{address}">' in text, path
    listed = re.findall(r"<loc>([^<]+)</loc>", read_page(small_site, "sitemap.xml"))
    assert "https://atlas.example.org/compare/fastapi-vs-django/" in listed
    assert all(address.startswith("https://atlas.example.org/") for address in listed), listed
    image = read_page(small_site, "charts/stars-fastapi.svg")
    assert "As of 2025-12-15 · Async Python Web Atlas · https://atlas.example.org/catalogue/fastapi/#stars</text>" in image
    credit = "Credit: “Fastapi: GitHub stars over time”, Async Python Web Atlas, https://atlas.example.org/catalogue/fastapi/#stars,"
    assert credit in read_page(small_site, "catalogue/fastapi/index.html")
