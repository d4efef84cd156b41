"""Fill `<!-- atlas:NAME ARGS -->` markers in page Markdown; an unknown marker or argument fails loudly."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.models import LAYER_TITLES, Entry
from webatlas.site import benchmark_page, choose_page, render
from webatlas.site.charts.files import CHART_SCRIPT_URI, CHART_STYLE_URI
from webatlas.site.charts.model import ALL_STARS, Chart
from webatlas.site.escaping import html_text
from webatlas.site.side_by_side import COLUMNS_URI

MARKER = re.compile(r"<!--\s*atlas:(?P<name>[^\s>]*)(?P<args>.*?)-->", re.DOTALL)
"""Any comment that starts with `atlas:`, so a misspelt name or argument fails instead of staying a silent comment."""


class MarkerError(ValueError):
    """A marker the site does not know, or with arguments it does not take."""


@dataclass(frozen=True)
class Filled:
    """A page's Markdown with every marker replaced, the scripts and stylesheets its content needs, and search tags."""

    markdown: str
    scripts: tuple[str, ...]
    stylesheets: tuple[str, ...]
    tags: tuple[str, ...] = ()
    """Names the page's content is about, which Material's search ranks above any text, such as the features a
    vocabulary defines."""


@dataclass(frozen=True)
class Call:
    """One marker on one page: its arguments, the catalogue, and the relative path from the page to the site's root."""

    name: str
    args: list[str]
    catalogue: Catalogue
    site_root: str
    charts: Mapping[str, Chart] = field(default_factory=dict)
    """Every chart the build publishes files for, by name; a chart marker can only show one of these."""
    site_url: str = ""
    """The site's address, for a chart's credit line that must work pasted elsewhere."""

    @property
    def given(self) -> str:
        """The arguments as the error messages quote them."""
        return repr(" ".join(self.args)) if self.args else "nothing"

    def no_args(self) -> None:
        if self.args:
            raise MarkerError(f"{self.name} takes no arguments, got {self.given}")

    def one_arg(self, choices: list[str]) -> str:
        if len(self.args) != 1 or self.args[0] not in choices:
            raise MarkerError(f"{self.name} takes one of {', '.join(choices)}, got {self.given}")
        return self.args[0]


def _without_args(render_page: Callable[[Catalogue], str]) -> Callable[[Call], str]:
    """A marker that takes no arguments and shows what `render_page` makes of the catalogue."""

    def renderer(call: Call) -> str:
        call.no_args()
        return render_page(call.catalogue)

    return renderer


def _with_root(render_page: Callable[[Catalogue, str], str]) -> Callable[[Call], str]:
    """Like `_without_args`, for content that links to other pages and so needs the path to the site's root."""

    def renderer(call: Call) -> str:
        call.no_args()
        return render_page(call.catalogue, call.site_root)

    return renderer


def _comparison_table(call: Call) -> str:
    return render.comparison_table(call.catalogue, call.one_arg(list(LAYER_TITLES)))


def _star_chart(call: Call) -> str:
    """Every entry's stars with no argument, else the stars of the entry named by slug."""
    name = f"stars-{call.one_arg(list(call.catalogue.entries))}" if call.args else ALL_STARS
    chart = call.charts.get(name)
    if chart is None:
        raise MarkerError(f"star-chart: {' '.join(call.args) or 'the catalogue'} has no star counts")
    return render.star_chart(chart, call.site_root, call.site_url)


def _release_chart(call: Call) -> str:
    entry = call.catalogue.entries[call.one_arg(list(call.catalogue.entries))]
    chart = call.charts.get(f"releases-{entry.slug}")
    if chart is None:
        raise MarkerError(f"release-chart: {entry.slug} has no PyPI releases")
    return render.release_chart(chart, call.catalogue, entry, call.site_root, call.site_url)


def _chosen_entries(call: Call) -> list[Entry]:
    """Two to four entries, named by slug, in the order given."""
    known = call.catalogue.entries
    if not 2 <= len(call.args) <= 4 or len(set(call.args)) != len(call.args) or not set(call.args) <= set(known):
        raise MarkerError(f"{call.name} takes 2 to 4 different entry slugs, got {call.given}")
    return [known[slug] for slug in call.args]


def _side_by_side(call: Call) -> str:
    return render.side_by_side(call.catalogue, _chosen_entries(call), call.site_root)


def _side_by_side_picker(call: Call) -> str:
    """The entries named by slug are the default choice."""
    return render.side_by_side_picker(call.catalogue, _chosen_entries(call), COLUMNS_URI, call.site_root)


def _status_rule(call: Call) -> str:
    call.no_args()
    return render.status_rule()


def _export_fields(call: Call) -> str:
    call.no_args()
    return render.export_fields()


def _benchmark_chart(call: Call) -> str:
    return benchmark_page.benchmark_chart(call.catalogue, call.one_arg(["cpu", "throughput", "latency"]))


RENDERERS: dict[str, Callable[[Call], str]] = {
    "benchmark-chart": _benchmark_chart,
    "benchmark-claims": _without_args(benchmark_page.benchmark_claims),
    "benchmark-method": _without_args(benchmark_page.benchmark_method),
    "benchmark-summary": _without_args(benchmark_page.benchmark_summary),
    "benchmark-table": _with_root(benchmark_page.benchmark_table),
    "catalogue-list": _without_args(render.catalogue_list),
    "choose-form": _with_root(choose_page.choose_form),
    "choose-method": _without_args(choose_page.choose_method),
    "choose-ranking": _with_root(choose_page.choose_ranking),
    "comparison-table": _comparison_table,
    "cookbook-matrix": _without_args(render.cookbook_matrix),
    "decision-guide": _with_root(choose_page.decision_guide),
    "export-fields": _export_fields,
    "feature-vocabulary": _without_args(render.feature_vocabulary),
    "full-table": _with_root(render.full_table),
    "integrations": _without_args(render.integrations),
    "lineage": _with_root(render.lineage),
    "pair-list": _without_args(render.pair_list),
    "release-chart": _release_chart,
    "server-curves": _without_args(benchmark_page.server_curves),
    "side-by-side": _side_by_side,
    "side-by-side-picker": _side_by_side_picker,
    "stale-cells": _without_args(render.stale_cells),
    "star-chart": _star_chart,
    "status-rule": _status_rule,
}


@dataclass(frozen=True)
class Assets:
    """The scripts and stylesheets a marker's content needs; pages without that marker never load them."""

    scripts: tuple[str, ...] = ()
    stylesheets: tuple[str, ...] = ()


MARKER_TAGS: dict[str, Callable[[Catalogue], Iterable[str]]] = {
    # The vocabulary is where each feature is defined: a search for a feature should find it near the top.
    "feature-vocabulary": lambda catalogue: (feature.name for feature in catalogue.features.values()),
}
"""Search tags a marker gives the page it is on, from the catalogue."""

CHART_ASSETS = Assets((CHART_SCRIPT_URI,), (CHART_STYLE_URI,))
BENCHMARK_ASSETS = Assets((), (CHART_STYLE_URI, "assets/stylesheets/benchmarks.css"))
SIDE_BY_SIDE_ASSETS = Assets(("assets/javascripts/side_by_side.js",), ("assets/stylesheets/side_by_side.css",))
MARKER_ASSETS = {
    "star-chart": CHART_ASSETS,
    "release-chart": CHART_ASSETS,
    "side-by-side": SIDE_BY_SIDE_ASSETS,
    "side-by-side-picker": SIDE_BY_SIDE_ASSETS,
    "full-table": Assets(("assets/javascripts/full_table.js",), ("assets/stylesheets/full_table.css",)),
    "choose-form": Assets(("assets/javascripts/picker.js",), ("assets/stylesheets/picker.css",)),
    "benchmark-chart": BENCHMARK_ASSETS,
    "server-curves": BENCHMARK_ASSETS,
    "benchmark-table": Assets(("assets/javascripts/sortable_tables.js",), ("assets/stylesheets/benchmarks.css",)),
}


def fill(
    markdown: str, catalogue: Catalogue, site_root: str = "", charts: Mapping[str, Chart] | None = None, site_url: str = ""
) -> Filled:
    """Replace every marker in `markdown` with its rendered content; `site_root` is the page's relative path to the root."""
    needed: list[Assets] = []
    names: list[str] = []

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        names.append(name)
        renderer = RENDERERS.get(name)
        if renderer is None:
            raise MarkerError(f"unknown marker 'atlas:{name}'; known: {', '.join(sorted(RENDERERS))}")
        needed.append(MARKER_ASSETS.get(name, Assets()))
        return renderer(Call(name, match.group("args").split(), catalogue, site_root, charts or {}, site_url))

    markdown = MARKER.sub(replace, markdown)
    # dict.fromkeys keeps the first of each, in order: a page with two charts loads charts.js once.
    scripts = tuple(dict.fromkeys(script for assets in needed for script in assets.scripts))
    stylesheets = tuple(dict.fromkeys(sheet for assets in needed for sheet in assets.stylesheets))
    # The vocabulary page is where each feature is defined: a search for a feature should find it near the top.
    # Material prints tags into its search results as HTML, so they are escaped like every other title it prints.
    tagged = [MARKER_TAGS[name] for name in names if name in MARKER_TAGS]
    tags = tuple(dict.fromkeys(html_text(tag) for tags_of in tagged for tag in tags_of(catalogue)))
    return Filled(markdown=markdown, scripts=scripts, stylesheets=stylesheets, tags=tags)
