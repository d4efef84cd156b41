"""Make catalogue strings safe in each context a page puts them: Markdown text, link targets, code fences and raw HTML.

Everything in `data/` is treated as plain text. Markdown templates print it through `markdown_text` by default (see
`render`), so a name or tagline can never add HTML, a link, a Markdown block or an attribute list to a page.
"""

from __future__ import annotations

import html
import re
from urllib.parse import quote

from markupsafe import Markup

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""Characters Python-Markdown, its table and attribute-list extensions and pymdown-extensions give a meaning to."""
_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
"""A single-backtick code span; runs of backticks are text."""


def _escape_text(text: str) -> str:
    """Plain text shown literally in Markdown: Markdown punctuation backslash-escaped, then HTML characters as entities."""
    # In this order, so that the `#` of an entity such as `&#x27;` is not escaped into `&\#x27;`.
    return html.escape(_MARKDOWN_PUNCTUATION.sub(r"\\\1", text), quote=True)


def markdown_text(value: object) -> Markup:
    """A catalogue string as inline Markdown that shows exactly its text; `code` spans stay code."""
    # A line break in data must not start a Markdown block; spaces at either end are kept, for text around citations.
    text = str(value)
    text = (" " if text[:1].isspace() else "") + " ".join(text.split()) + (" " if text[-1:].isspace() and text.strip() else "")
    parts, position = [], 0
    for match in _CODE_SPAN.finditer(text):
        parts.append(_escape_text(text[position : match.start()]))
        # Inside a code span Markdown escapes HTML itself and gives no other character a meaning.
        parts.append(f"`{match.group(1)}`")
        position = match.end()
    parts.append(_escape_text(text[position:]))
    return Markup("".join(parts))


def link_target(url: str) -> Markup:
    """An http(s) URL as a Markdown link destination: characters that could end or bend the link are percent-encoded."""
    return Markup(quote(url, safe="/:?#[]@!$&*+,;=%~-._"))


def fenced(text: str, language: str = "text") -> Markup:
    """A code block that holds `text` verbatim: the fence is longer than any run of backticks inside it."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * max(3, longest + 1)
    return Markup(f"{fence}{language}\n{text}\n{fence}")


def html_text(value: object) -> Markup:
    """Text for a theme template that prints values without escaping them (titles, descriptions, navigation). As
    Markup, it is not escaped again where the theme does escape, such as the footer's aria-label."""
    return Markup(html.escape(" ".join(str(value).split()), quote=True))


def code_span(text: str) -> Markup:
    """`text` as inline code, whatever backticks it holds."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    ticks = "`" * (longest + 1)
    return Markup(f"{ticks} {text} {ticks}" if longest else f"{ticks}{text}{ticks}")


def anchor(slug: str) -> Markup:
    """A slug used as an HTML id or URL fragment; anything else is a bug, not data to escape."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9_-]*", slug):
        raise ValueError(f"{slug!r} cannot be an anchor")
    return Markup(slug)


_BACKTICKED = re.compile(r"`([^`]+)`")


def html_with_code(value: object) -> Markup:
    """Catalogue prose for an HTML template: escaped, with `backticked` runs shown as code, as Markdown would show them."""
    return Markup(_BACKTICKED.sub(r"<code>\1</code>", html.escape(str(value))))
