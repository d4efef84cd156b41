"""The fair anchor for the build: a plain Material project made of the Markdown the atlas's hooks generate, so it has
the same pages, code blocks and package reference, built with the same theme and Markdown options but none of the
atlas's hooks, templates, charts or assets. The atlas's build time over it is what the atlas's own code costs.

Run as `python -m webatlas.bench.site.same_content PROJECT SITE_DIR DESTINATION` to build the atlas once, strictly,
keeping every page's Markdown under DESTINATION as the hooks left it."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.base import LegacyConfig
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from webatlas.bench.site.building import BuildTime, timed
from webatlas.bench.site.plain_site import read_atlas_config, theme_and_extensions

KEPT_META = ("title", "description", "tags")
"""Front matter the anchor keeps: what a plain page would state itself and what Material's search indexes."""


def _plain(value: Any) -> Any:
    """A front matter value as YAML can write it: the build's titles and tags are Markup, a str of its own kind."""
    return [str(item) for item in value] if isinstance(value, list) else str(value)


class KeepMarkdown(BasePlugin[LegacyConfig]):  # type: ignore[no-untyped-call]
    """Writes each page's Markdown, once every hook has filled it, under `destination` at the page's own path."""

    def __init__(self, destination: Path) -> None:
        super().__init__()
        self.destination = destination

    # Lowest priority: the atlas's hooks run at the default priority and must have filled every marker first.
    @event_priority(-100)
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        meta = {key: _plain(page.meta[key]) for key in KEPT_META if key in page.meta}
        front = f"---\n{yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)}---\n\n" if meta else ""
        target = self.destination / page.file.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + markdown, encoding="utf-8")
        return markdown


def keep_markdown(project: Path, site_dir: Path, destination: Path) -> None:
    """Build `project` strictly into `site_dir`, keeping its generated Markdown under `destination`."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=True)
    config.plugins["keep-markdown"] = KeepMarkdown(destination)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def build_keeping_markdown(project: Path, site_dir: Path, destination: Path) -> BuildTime:
    """`keep_markdown` in a process of its own, as the timed builds run."""
    return timed([sys.executable, "-m", __name__, str(project), str(site_dir), str(destination)], project)


def _absolute_paths(options: Any, project: Path) -> Any:
    """The atlas's mkdocstrings options with its source paths made absolute, for a project that lives elsewhere."""
    handlers = {
        name: {**handler, "paths": [str(project / path) for path in handler.get("paths", [])]}
        for name, handler in (options or {}).get("handlers", {}).items()
    }
    return {**(options or {}), "handlers": handlers}


def same_content_config(atlas_project: Path) -> dict[str, Any]:
    """The atlas's theme, Markdown options and package reference plugin, with snippet includes pointed at its snippets,
    and link checks relaxed: the pages link to assets and data files that only the atlas's hooks add."""
    atlas = read_atlas_config(atlas_project / "mkdocs.yml")
    config = theme_and_extensions(atlas, "Same-content Material site")
    references = [plugin for plugin in atlas.get("plugins", []) if isinstance(plugin, dict) and "mkdocstrings" in plugin]
    config["plugins"] = ["search", *({"mkdocstrings": _absolute_paths(plugin["mkdocstrings"], atlas_project)} for plugin in references)]
    extensions = [extension for extension in config["markdown_extensions"] if extension != "pymdownx.snippets"]
    snippets = {"base_path": [str(atlas_project / "snippets")], "check_paths": True}
    config["markdown_extensions"] = [*extensions, {"pymdownx.snippets": snippets}]
    links = {key: "info" for key in ("not_found", "anchors", "unrecognized_links")}
    config["validation"] = {"nav": {"omitted_files": "info"}, "links": links}
    return config


def write_same_content_project(destination: Path, markdown_dir: Path, atlas_project: Path) -> Path:
    """A project under `destination` whose pages are the Markdown kept in `markdown_dir`; return it."""
    shutil.copytree(markdown_dir, destination / "docs")
    config = yaml.safe_dump(same_content_config(atlas_project), sort_keys=False, allow_unicode=True)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return destination


if __name__ == "__main__":
    keep_markdown(*(Path(argument).resolve() for argument in sys.argv[1:4]))
