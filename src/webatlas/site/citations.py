"""Render catalogue prose: text escaped for Markdown, and each `[[slug:feature]]` citation as that cell's current value."""

from __future__ import annotations

from markupsafe import Markup

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import describe
from webatlas.catalogue.prose import CITATION
from webatlas.site.escaping import markdown_text


def render_prose(text: str, catalogue: Catalogue, from_dir: str = "") -> Markup:
    """`text` as Markdown; `from_dir` is the relative path from the page to the docs root, such as `../`."""
    parts: list[str] = []
    position = 0
    for match in CITATION.finditer(text):
        parts.append(markdown_text(text[position : match.start()]))
        entry, feature = catalogue.entries[match["entry"]], catalogue.features[match["feature"]]
        cell = catalogue.cell(entry, feature.slug)
        words = markdown_text(describe(cell))
        title = markdown_text(f"{entry.name}, {feature.name}" + (f": {cell.note}" if cell.note else ""))
        parts.append(f'[{words}]({from_dir}catalogue/{entry.slug}.md#feature-{feature.slug} "{title}")')
        position = match.end()
    parts.append(markdown_text(text[position:]))
    # Citations sit between escaped pieces, so spaces around them are kept as written.
    return Markup("").join(Markup(part) for part in parts)
