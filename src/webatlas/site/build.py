"""Glue between the catalogue and an MkDocs build: generated pages, navigation, assets and watched paths."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from webatlas.catalogue.loading import DATA_DIR, SNIPPETS_DIR, Catalogue, load_catalogue
from webatlas.catalogue.models import LAYER_TITLES
from webatlas.site import charts, export, render
from webatlas.site.escaping import html_text

ENTRY_PAGES_DIR = "catalogue"
"""Entry pages live at `catalogue/<slug>/` whatever their layer, so links survive a reclassification."""

NAV_PLACEHOLDER = {"Catalogue": f"{ENTRY_PAGES_DIR}/"}
"""The nav item in mkdocs.yml that expands into one section per layer."""


class SiteError(ValueError):
    """The MkDocs configuration or docs tree does not fit what the catalogue needs."""


def project_root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def load(config: MkDocsConfig) -> Catalogue:
    """Load the catalogue next to `mkdocs.yml`, and point snippet includes at its snippets."""
    root = project_root(config)
    catalogue = load_catalogue(root)
    snippets = config.mdx_configs.setdefault("pymdownx.snippets", {})
    snippets["base_path"] = [str(root / SNIPPETS_DIR)]
    snippets["check_paths"] = True
    return catalogue


def entry_page_uri(slug: str) -> str:
    return f"{ENTRY_PAGES_DIR}/{slug}.md"


def expand_nav(config: MkDocsConfig, catalogue: Catalogue) -> None:
    """Replace the placeholder nav item with entry pages grouped by layer."""
    nav = config.nav or []
    if NAV_PLACEHOLDER not in nav:
        raise SiteError(f"mkdocs.yml nav needs the item {NAV_PLACEHOLDER!r} where the catalogue goes")
    sections = [
        # The theme prints navigation titles without escaping them.
        {title: [{html_text(entry.name): entry_page_uri(entry.slug)} for entry in entries]}
        for layer, title in LAYER_TITLES.items()
        if (entries := catalogue.entries_by_layer(layer))
    ]
    nav[nav.index(NAV_PLACEHOLDER)] = {"Catalogue": sections}


def add_generated_files(files: Files, config: MkDocsConfig, catalogue: Catalogue) -> None:
    """Add one page per entry, the catalogue's JSON and CSV exports, and the site's own copy of plotly.js."""
    generated = [
        File.generated(config, entry_page_uri(slug), content=render.entry_page(entry, catalogue))
        for slug, entry in catalogue.entries.items()
    ]
    generated += [
        File.generated(config, export.JSON_URI, content=export.to_json(catalogue)),
        File.generated(config, export.CSV_URI, content=export.to_csv(catalogue)),
        File.generated(config, charts.PLOTLY_JS_URI, abs_src_path=str(charts.plotly_js_path())),
    ]
    for file in generated:
        if files.get_file_from_path(file.src_uri) is not None:
            raise SiteError(f"docs/{file.src_uri} clashes with a generated file; generated pages are never written by hand")
        files.append(file)


def root_from(page: Page) -> str:
    """The relative URL from a page to the site's root, for links in raw HTML that MkDocs does not rewrite."""
    return "../" * page.url.count("/")


def watched_paths(config: MkDocsConfig) -> list[Path]:
    """What `mkdocs serve` watches beyond docs/: the data, the snippets and the templates."""
    root = project_root(config)
    return [root / DATA_DIR, root / SNIPPETS_DIR, render.templates_dir()]
