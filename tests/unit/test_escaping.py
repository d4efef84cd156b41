"""Catalogue text put through the site's escaping comes out of the site's Markdown pipeline as the same text, and nothing more."""

from __future__ import annotations

import html
import re

import markdown
import pytest
from mkdocs.utils.yaml import yaml_load

from tests.helpers import ROOT
from webatlas.site.escaping import anchor, code_span, fenced, html_text, link_target, markdown_text

PAYLOADS = [
    '<script>alert(1)</script><img src=x onerror="alert(1)">',
    "[click](javascript:alert(1)) and ![img](x)",
    '{: #pwned onclick="alert(1)" } and **bold** and _under_score_',
    "```python\nprint(1)\n```",
    '--8<-- "mkdocs.yml"',
    "a | table | pipe",
    "# not a heading\n\n!!! note\n    not an admonition",
    "Tom & Jerry's \"quote\" &amp; &#x27; done.",
    "back\\slash\\*",
]


def pipeline() -> markdown.Markdown:
    """The Markdown extensions of mkdocs.yml that read inline text, configured as the site configures them."""
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    names = [item if isinstance(item, str) else next(iter(item)) for item in config["markdown_extensions"]]
    return markdown.Markdown(
        extensions=[name for name in names if name != "toc"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(ROOT)], "check_paths": True}},
    )


def shown(markup: str) -> str:
    """What a reader sees of some HTML: its text, entities decoded, tags dropped."""
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_text_comes_out_as_the_same_text(payload: str) -> None:
    rendered = pipeline().convert(f"Before {markdown_text(payload)} after")
    assert rendered.startswith("<p>") and rendered.endswith("</p>")
    assert rendered.count("<") == 2, f"markup was added: {rendered}"
    assert shown(rendered) == "Before " + " ".join(payload.split()) + " after"


def test_code_spans_stay_code_and_keep_their_text() -> None:
    rendered = pipeline().convert(str(markdown_text("Install `fastapi[standard]` or `<b>x</b>`, *not* this.")))
    assert "<code>fastapi[standard]</code>" in rendered
    assert "<code>&lt;b&gt;x&lt;/b&gt;</code>" in rendered
    assert shown(rendered) == "Install fastapi[standard] or <b>x</b>, *not* this."


def test_a_link_target_cannot_end_the_link() -> None:
    url = 'https://example.org/a) <img src=x onerror=alert(1)> "title"'
    rendered = pipeline().convert(f"[label]({link_target(url)})")
    assert rendered.count("<") == 4, rendered
    assert rendered.startswith('<p><a href="https://example.org/a%29%20%3Cimg')


def test_a_fence_holds_text_with_fences_inside() -> None:
    text = "```\nnot the end\n````\n"
    block = pipeline().convert(str(fenced(text, "text")))
    assert block.count("<pre") == 1
    assert shown(block).strip() == text.strip()


def test_inline_code_holds_backticks() -> None:
    assert str(code_span("a`b")) == "`` a`b ``"
    assert str(code_span("plain")) == "`plain`"


def test_theme_text_is_html_escaped_once() -> None:
    assert html_text('<script>"x" & y</script>') == "&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;"


def test_an_anchor_must_be_a_slug() -> None:
    assert anchor("docs_ui") == "docs_ui"
    with pytest.raises(ValueError, match="cannot be an anchor"):
        anchor('x" onclick="y')


def test_the_snippet_include_is_not_reachable_from_data() -> None:
    rendered = pipeline().convert(str(markdown_text('--8<-- "mkdocs.yml"')))
    assert "site_name" not in rendered
