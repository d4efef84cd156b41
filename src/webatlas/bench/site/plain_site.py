"""A plain Material project shaped like a built atlas: the same pages at the same paths, with the same text, and the
atlas's theme and Markdown options, but none of its hooks, templates, charts, tables or stylesheet."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PAGE_FILE = "index.html"
_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.DOTALL)
_TITLE = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)
_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
PARAGRAPH_CHARS = 400


@dataclass(frozen=True)
class PageShape:
    """What a built page holds that a plain counterpart should match: where it is, its title, its text and its sections."""

    path: str
    """The page's directory in the site, such as `catalogue/fastapi/`; the home page is ``."""
    title: str
    text: str
    """What a reader sees of the page's content. The plain page repeats it, so that its weight, compressed or not,
    and its share of the search index match the page's: filler text would compress far better than real prose."""
    sections: int


def _visible_text(markup: str) -> str:
    """The words a reader sees, without the pilcrows of heading permalinks."""
    return " ".join(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", markup))).replace("¶", " ").split())


def measure_pages(site_dir: Path) -> list[PageShape]:
    """The shape of every page of a built MkDocs site, found by its `index.html`."""
    shapes = []
    for page in sorted(site_dir.rglob(PAGE_FILE)):
        markup = page.read_text(encoding="utf-8")
        article = _ARTICLE.search(markup)
        content = article.group(1) if article else ""
        title = _TITLE.search(content)
        path = page.parent.relative_to(site_dir).as_posix()
        shapes.append(
            PageShape(
                path="" if path == "." else f"{path}/",
                title=_visible_text(title.group(1)) if title else path,
                text=_visible_text(content),
                sections=content.count("<h2"),
            )
        )
    return shapes


def _paragraphs(text: str) -> list[str]:
    """`text` cut at spaces into paragraphs of about PARAGRAPH_CHARS characters."""
    paragraphs, current = [], ""
    for word in text.split():
        current = f"{current} {word}" if current else word
        if len(current) >= PARAGRAPH_CHARS:
            paragraphs.append(current)
            current = ""
    return [*paragraphs, current] if current else paragraphs


def page_markdown(shape: PageShape) -> str:
    """A Markdown page with the shape's title, as many second-level sections, and its text in paragraphs between them."""
    paragraphs = _paragraphs(shape.text)
    sections = max(shape.sections, 1)
    per_section = math.ceil(len(paragraphs) / sections)
    lines = [f"# {shape.title}", ""]
    for number in range(sections):
        lines += [f"## Section {number + 1}", ""]
        # Raw HTML paragraphs: Markdown leaves them as they are, so no character of the text needs escaping.
        for paragraph in paragraphs[number * per_section : (number + 1) * per_section]:
            lines += [f"<p>{html.escape(paragraph)}</p>", ""]
    return "\n".join(lines)


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its tags (`!ENV`, `!!python/name:`): each tagged value becomes `TAGGED`."""


TAGGED = object()
"""What a tagged value of mkdocs.yml reads as; the plain project leaves every such setting out."""


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> object:
    return TAGGED


_AnyTagLoader.add_multi_constructor("!", _tagged)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def _without_tagged(extension: Any) -> Any:
    """A `markdown_extensions` item with its tagged options dropped, such as the atlas's own tab slugs."""
    if not isinstance(extension, dict):
        return extension
    return {name: {key: value for key, value in (options or {}).items() if value is not TAGGED} for name, options in extension.items()}


def read_atlas_config(atlas_config: Path) -> dict[str, Any]:
    """The atlas's mkdocs.yml, each tagged value read as `TAGGED`."""
    config: dict[str, Any] = yaml.load(atlas_config.read_text(encoding="utf-8"), Loader=_AnyTagLoader)
    return config


def theme_and_extensions(atlas: dict[str, Any], site_name: str) -> dict[str, Any]:
    """A config with the atlas's theme, without its custom_dir, and its Markdown extensions, without tagged options."""
    theme = {key: value for key, value in atlas["theme"].items() if key != "custom_dir"}
    return {
        "site_name": site_name,
        "site_url": "http://127.0.0.1:8000/",
        "theme": theme,
        "markdown_extensions": [_without_tagged(extension) for extension in atlas.get("markdown_extensions", [])],
    }


def plain_config(atlas_config: Path) -> dict[str, Any]:
    """The atlas's theme and Markdown extensions, without its custom_dir, hooks, other plugins or stylesheet."""
    return {**theme_and_extensions(read_atlas_config(atlas_config), "Plain Material site"), "plugins": ["search"]}


def write_plain_project(destination: Path, shapes: list[PageShape], atlas_config: Path) -> Path:
    """Write a plain Material project with one page per shape into `destination`; return it."""
    docs = destination / "docs"
    for shape in shapes:
        page = docs / shape.path / "index.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(page_markdown(shape), encoding="utf-8")
    config = yaml.safe_dump(plain_config(atlas_config), sort_keys=False, allow_unicode=True)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return destination
