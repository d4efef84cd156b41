"""Fill `<!-- atlas:NAME ARGS -->` markers in page Markdown; an unknown marker or argument fails loudly."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from webatlas.catalogue.loading import Catalogue
from webatlas.catalogue.models import LAYER_TITLES
from webatlas.site import render
from webatlas.site.charts.files import CHART_SCRIPT_URI, CHART_STYLE_URI
from webatlas.site.charts.model import ALL_STARS, Chart

MARKER = re.compile(r"<!--\s*atlas:(?P<name>[a-z-]+)(?P<args>(?:\s+[a-z0-9_-]+)*)\s*-->")


class MarkerError(ValueError):
    """A marker the site does not know, or with arguments it does not take."""


@dataclass(frozen=True)
class Filled:
    """A page's Markdown with every marker replaced, and the scripts and stylesheets its content needs."""

    markdown: str
    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]


@dataclass(frozen=True)
class Call:
    """One marker on one page: its arguments, the catalogue, and the relative path from the page to the site's root."""

    name: str
    args: list[str]
    catalogue: Catalogue
    site_root: str
    charts: Mapping[str, Chart] = field(default_factory=dict)
    """Every chart the build publishes files for, by name; a chart marker can only show one of these."""

    def no_args(self) -> None:
        if self.args:
            raise MarkerError(f"{self.name} takes no arguments, got {' '.join(self.args)!r}")

    def one_arg(self, choices: list[str]) -> str:
        if len(self.args) != 1 or self.args[0] not in choices:
            raise MarkerError(f"{self.name} takes one of {', '.join(choices)}, got {' '.join(self.args) or 'nothing'!r}")
        return self.args[0]


def _catalogue_list(call: Call) -> str:
    call.no_args()
    return render.catalogue_list(call.catalogue)


def _comparison_table(call: Call) -> str:
    return render.comparison_table(call.catalogue, call.one_arg(list(LAYER_TITLES)))


def _feature_vocabulary(call: Call) -> str:
    call.no_args()
    return render.feature_vocabulary(call.catalogue)


def _cookbook_matrix(call: Call) -> str:
    call.no_args()
    return render.cookbook_matrix(call.catalogue)


def _star_chart(call: Call) -> str:
    """Every entry's stars with no argument, else the stars of the entry named by slug."""
    name = f"stars-{call.one_arg(list(call.catalogue.entries))}" if call.args else ALL_STARS
    chart = call.charts.get(name)
    if chart is None:
        raise MarkerError(f"star-chart: {' '.join(call.args) or 'the catalogue'} has no star counts")
    return render.star_chart(chart, call.site_root)


def _release_chart(call: Call) -> str:
    entry = call.catalogue.entries[call.one_arg(list(call.catalogue.entries))]
    chart = call.charts.get(f"releases-{entry.slug}")
    if chart is None:
        raise MarkerError(f"release-chart: {entry.slug} has no PyPI releases")
    return render.release_chart(chart, call.catalogue, entry, call.site_root)


def _lineage(call: Call) -> str:
    call.no_args()
    return render.lineage(call.catalogue, call.site_root)


def _stale_cells(call: Call) -> str:
    call.no_args()
    return render.stale_cells(call.catalogue)


def _status_rule(call: Call) -> str:
    call.no_args()
    return render.status_rule()


def _export_fields(call: Call) -> str:
    call.no_args()
    return render.export_fields()


RENDERERS: dict[str, Callable[[Call], str]] = {
    "catalogue-list": _catalogue_list,
    "comparison-table": _comparison_table,
    "cookbook-matrix": _cookbook_matrix,
    "export-fields": _export_fields,
    "feature-vocabulary": _feature_vocabulary,
    "lineage": _lineage,
    "release-chart": _release_chart,
    "stale-cells": _stale_cells,
    "star-chart": _star_chart,
    "status-rule": _status_rule,
}
CHART_MARKERS = frozenset({"star-chart", "release-chart"})


def fill(markdown: str, catalogue: Catalogue, site_root: str = "", charts: Mapping[str, Chart] | None = None) -> Filled:
    """Replace every marker in `markdown` with its rendered content; `site_root` is the page's relative path to the root."""
    has_chart = False

    def replace(match: re.Match[str]) -> str:
        nonlocal has_chart
        name = match.group("name")
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise MarkerError(f"unknown marker 'atlas:{name}'; known: {', '.join(sorted(RENDERERS))}")
        has_chart |= name in CHART_MARKERS
        return renderer(Call(name, match.group("args").split(), catalogue, site_root, charts or {}))

    markdown = MARKER.sub(replace, markdown)
    return Filled(markdown=markdown, scripts=(CHART_SCRIPT_URI,) if has_chart else (), stylesheets=(CHART_STYLE_URI,) if has_chart else ())
