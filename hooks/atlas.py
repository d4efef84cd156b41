"""MkDocs hooks: thin adapters from build events to the webatlas package."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.site import build, markers
from webatlas.site.charts.model import Chart

# Loaded once per build in on_config; every later event of that build reads it.
_catalogue: Catalogue | None = None
# Built once per build in on_files, from the catalogue: the pages show the same charts whose files on_files adds.
_charts: dict[str, Chart] = {}
# The first bad marker of a build, raised in on_env once every page is read: raised while MkDocs reads a page, it would
# print a line of its own ("Error reading page") above the message.
_marker_error: str | None = None


def _loaded() -> Catalogue:
    if _catalogue is None:
        raise PluginError("the catalogue was not loaded: on_config did not run")
    return _catalogue


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _catalogue, _marker_error
    _marker_error = None
    try:
        _catalogue = build.load(config)
        build.expand_nav(config, _catalogue)
    except (CatalogueError, build.SiteError) as error:
        raise PluginError(str(error)) from None
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _charts
    try:
        _charts = build.charts_of(_loaded())
        build.add_generated_files(files, config, _loaded(), _charts)
    except build.SiteError as error:
        raise PluginError(str(error)) from None
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    global _marker_error
    try:
        filled = markers.fill(markdown, _loaded(), build.root_from(page), _charts, config.site_url or "")
    except markers.MarkerError as error:
        _marker_error = _marker_error or f"{page.file.src_uri}: {error}"
        return markdown
    # overrides/main.html loads these, so chart scripts and styles load only where a chart is.
    page.meta["atlas_scripts"] = filled.scripts
    page.meta["atlas_stylesheets"] = filled.stylesheets
    if filled.tags:
        page.meta["tags"] = [*page.meta.get("tags", []), *filled.tags]
    return filled.markdown


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _marker_error is not None:
        raise PluginError(_marker_error)
    return env


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    build.add_tab_anchors(page, html)
    return html


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., Any]) -> LiveReloadServer:
    for path in build.watched_paths(config):
        server.watch(str(path))
    return server
