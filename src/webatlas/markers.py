"""Fill `<!-- atlas:NAME ARGS -->` markers in page Markdown; an unknown marker or argument fails loudly."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from webatlas import charts, render
from webatlas.catalogue import Catalogue

MARKER = re.compile(r"<!--\s*atlas:(?P<name>[a-z-]+)(?P<args>(?:\s+[a-z0-9_-]+)*)\s*-->")


class MarkerError(ValueError):
    """A marker the site does not know, or with arguments it does not take."""


@dataclass(frozen=True)
class Filled:
    """A page's Markdown with every marker replaced, and the scripts its content needs."""

    markdown: str
    scripts: tuple[str, ...]


def _catalogue_list(catalogue: Catalogue, args: list[str]) -> str:
    _no_args("catalogue-list", args)
    return render.catalogue_list(catalogue)


def _comparison_table(catalogue: Catalogue, args: list[str]) -> str:
    _no_args("comparison-table", args)
    return render.comparison_table(catalogue)


def _feature_vocabulary(catalogue: Catalogue, args: list[str]) -> str:
    _no_args("feature-vocabulary", args)
    return render.feature_vocabulary(catalogue)


def _star_chart(catalogue: Catalogue, args: list[str]) -> str:
    """All entries with no argument, else the entries named by slug."""
    unknown = [slug for slug in args if slug not in catalogue.entries]
    if unknown:
        raise MarkerError(f"star-chart names unknown entry {unknown[0]!r}")
    entries = [catalogue.entries[slug] for slug in args] if args else list(catalogue.entries.values())
    if not any(catalogue.stars_of(entry) for entry in entries):
        raise MarkerError(f"star-chart has no star counts for {', '.join(entry.slug for entry in entries)}")
    return render.star_chart(catalogue, entries, chart_id="stars-" + ("-".join(args) or "all"))


def _no_args(name: str, args: list[str]) -> None:
    if args:
        raise MarkerError(f"{name} takes no arguments, got {' '.join(args)!r}")


Renderer = Callable[[Catalogue, list[str]], str]

RENDERERS: dict[str, Renderer] = {
    "catalogue-list": _catalogue_list,
    "comparison-table": _comparison_table,
    "feature-vocabulary": _feature_vocabulary,
    "star-chart": _star_chart,
}
CHART_MARKERS = frozenset({"star-chart"})


def fill(markdown: str, catalogue: Catalogue) -> Filled:
    """Replace every marker in `markdown` with its rendered content."""
    has_chart = False

    def replace(match: re.Match[str]) -> str:
        nonlocal has_chart
        name = match.group("name")
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise MarkerError(f"unknown marker 'atlas:{name}'; known: {', '.join(sorted(RENDERERS))}")
        has_chart |= name in CHART_MARKERS
        return renderer(catalogue, match.group("args").split())

    markdown = MARKER.sub(replace, markdown)
    return Filled(markdown=markdown, scripts=charts.CHART_SCRIPTS if has_chart else ())
