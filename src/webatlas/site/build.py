"""Glue between the catalogue and an MkDocs build: generated pages, navigation, assets and watched paths."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pymdownx.slugs import slugify

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.loading import DATA_DIR, SNIPPETS_DIR, load_catalogue
from webatlas.catalogue.models import LAYER_TITLES
from webatlas.choosing import published
from webatlas.site import export, render, side_by_side
from webatlas.site.charts.files import chart_files, site_charts
from webatlas.site.charts.model import Chart
from webatlas.site.charts.styles import TooManySeries
from webatlas.site.cookbook import COOKBOOK_DIR
from webatlas.site.escaping import html_text

ENTRY_PAGES_DIR = "catalogue"
"""Entry pages live at `catalogue/<slug>/` whatever their layer, so links survive a reclassification."""

NAV_PLACEHOLDER = {"Catalogue": f"{ENTRY_PAGES_DIR}/"}
"""The nav item in mkdocs.yml that expands into one section per layer."""

COOKBOOK_PLACEHOLDER = {"Cookbook": f"{COOKBOOK_DIR}/"}
"""The nav item in mkdocs.yml that expands into the cookbook's matrix and one page per task."""

COMPARE_DIR = "compare"
FULL_TABLE_URI = f"{COMPARE_DIR}/table.md"
COMPARE_PLACEHOLDER = {"Compare": f"{COMPARE_DIR}/"}
"""The nav item in mkdocs.yml that expands into the comparison of every entry and one page per pair of data/comparisons.yaml."""


class SiteError(ValueError):
    """The MkDocs configuration or docs tree does not fit what the catalogue needs."""


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


_TAB_SLUGS: dict[str, str] = {}
"""Entry name -> slug, filled by `load` for `tab_slug`, which pymdownx.tabbed calls with nothing but the tab's text."""


def tab_slug(text: str, separator: str) -> str:
    """The id of a content tab: the entry's slug for a tab named after an entry, so links to it survive a rename."""
    return _TAB_SLUGS.get(text) or str(slugify(case="lower")(text, separator))


def load(config: MkDocsConfig) -> Catalogue:
    """Load the catalogue next to `mkdocs.yml`, point snippet includes at its snippets, and name content tabs by slug."""
    root = project_root(config)
    catalogue = load_catalogue(root)
    _TAB_SLUGS.clear()
    _TAB_SLUGS.update({entry.name: slug for slug, entry in catalogue.entries.items()})
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(root / SNIPPETS_DIR)]
    snippets["check_paths"] = True
    return catalogue


def entry_page_uri(slug: str) -> str:
    return f"{ENTRY_PAGES_DIR}/{slug}.md"


def task_page_uri(slug: str) -> str:
    """Task pages live at `cookbook/<task>/`, whatever frameworks they show."""
    return f"{COOKBOOK_DIR}/{slug}.md"


def pair_page_uri(first: str, second: str) -> str:
    """Pair pages live at `compare/<first>-vs-<second>/`, in the order data/comparisons.yaml gives."""
    return f"{COMPARE_DIR}/{first}-vs-{second}.md"


def expand_nav(config: MkDocsConfig, catalogue: Catalogue) -> None:
    """Replace the placeholder nav items with entry pages grouped by layer, cookbook tasks and pair pages."""
    nav = config.nav or []
    for placeholder in (NAV_PLACEHOLDER, COOKBOOK_PLACEHOLDER, COMPARE_PLACEHOLDER):
        if placeholder not in nav:
            ((title, path),) = placeholder.items()
            raise SiteError(f"mkdocs.yml: nav needs the item '{title}: {path}', which the build expands into pages")
    tasks = [{html_text(task.title): task_page_uri(slug)} for slug, task in catalogue.tasks.items()]
    nav[nav.index(COOKBOOK_PLACEHOLDER)] = {"Cookbook": [f"{COOKBOOK_DIR}/index.md", *tasks]}
    pairs = [
        {html_text(f"{catalogue.entries[first].name} vs {catalogue.entries[second].name}"): pair_page_uri(first, second)}
        for first, second in catalogue.pairs
    ]
    nav[nav.index(COMPARE_PLACEHOLDER)] = {"Compare": [f"{COMPARE_DIR}.md", side_by_side.PAGE_URI, FULL_TABLE_URI, *pairs]}
    sections = [
        # The theme prints navigation titles without escaping them.
        {title: [{html_text(entry.name): entry_page_uri(entry.slug)} for entry in entries]}
        for layer, title in LAYER_TITLES.items()
        if (entries := catalogue.entries_by_layer(layer))
    ]
    nav[nav.index(NAV_PLACEHOLDER)] = {"Catalogue": sections}


def charts_of(catalogue: Catalogue) -> dict[str, Chart]:
    """Every chart the site draws, by name, linked back to the pages that show them."""
    try:
        return site_charts(catalogue, entry_page=lambda slug: f"{ENTRY_PAGES_DIR}/{slug}/", stars_page="stars/")
    except TooManySeries as error:
        raise SiteError(str(error)) from None


def add_generated_files(files: Files, config: MkDocsConfig, catalogue: Catalogue, charts: dict[str, Chart]) -> None:
    """Add one page per entry, cookbook task and pair, the catalogue's JSON and CSV exports, the data of the scripts of
    the side-by-side and choosing pages, and each chart's files."""
    generated = [
        File.generated(config, entry_page_uri(slug), content=render.entry_page(entry, catalogue))
        for slug, entry in catalogue.entries.items()
    ]
    generated += [
        File.generated(config, task_page_uri(slug), content=render.cookbook_task(task, catalogue)) for slug, task in catalogue.tasks.items()
    ]
    generated += [
        File.generated(
            config, pair_page_uri(first, second), content=render.pair_page(catalogue, catalogue.entries[first], catalogue.entries[second])
        )
        for first, second in catalogue.pairs
    ]
    generated += [
        File.generated(config, side_by_side.COLUMNS_URI, content=side_by_side.columns_json(catalogue)),
        File.generated(config, published.DATA_URI, content=published.candidates_json(catalogue)),
        File.generated(config, export.JSON_URI, content=export.to_json(catalogue)),
        File.generated(config, export.CSV_URI, content=export.to_csv(catalogue)),
    ]
    generated += [
        File.generated(config, uri, content=content)
        for chart in charts.values()
        for uri, content in chart_files(chart, config.site_url or "").items()
    ]
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise SiteError(f"docs/{file.src_uri} clashes with a generated file; generated pages are never written by hand")
        files.append(file)


_TAB_INPUT = re.compile(r'<input\b[^>]*\bid="([^"]+)"[^>]*\bname="__tabbed_')


def add_tab_anchors(page: Page, html: str) -> None:
    """Let links to a content tab (`cookbook/cors/#fastapi`) pass strict anchor validation.

    pymdownx.tabbed names its tabs in a Markdown tree processor that runs after MkDocs has collected the page's
    anchors, so MkDocs would report every link to a tab as broken.
    """
    if page.present_anchor_ids is not None:
        page.present_anchor_ids |= set(_TAB_INPUT.findall(html))


def root_from(page: Page) -> str:
    """The relative URL from a page to the site's root, for links in raw HTML that MkDocs does not rewrite."""
    return "../" * page.url.count("/")


def watched_paths(config: MkDocsConfig) -> list[Path]:
    """What `mkdocs serve` watches beyond docs/: the data, the snippets and the templates."""
    root = project_root(config)
    return [root / DATA_DIR, root / SNIPPETS_DIR, render.templates_dir()]
