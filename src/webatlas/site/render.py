"""Render catalogue data through the Jinja templates in `templates/`."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from webatlas.catalogue.benchmarks.stats import UNSTABLE_CV
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import OFFERED, Cell, describe, level_words
from webatlas.catalogue.install_results import minor
from webatlas.catalogue.models import LAYER_NAMES, LAYER_TITLES, Entry, StarCount, Task
from webatlas.catalogue.status import RULE
from webatlas.comparison.rows import fact_rows, feature_rows
from webatlas.comparison.summary import pair_summary
from webatlas.comparison.table import columns, rows
from webatlas.site import benchmarks, cookbook, installs, serving
from webatlas.site.charts import files, svg
from webatlas.site.charts.model import ALL_STARS, API_SERIES_SUFFIX, Chart
from webatlas.site.citations import render_prose
from webatlas.site.escaping import anchor, code_span, fenced, html_text, html_with_code, link_target, markdown_text
from webatlas.site.export import FIELDS, FORMAT_VERSION, LIST_SEPARATOR
from webatlas.site.lineage import layout
from webatlas.site.stale_cells import stale_cells as find_stale_cells

SUPPORT_SYMBOLS = {"built-in": "●", "official-extension": "◐", "third-party": "○", "no": "–"}  # noqa: RUF001 (an en dash reads as "none" in a table)
SUPPORT_LABELS = {"built-in": "Built-in", "official-extension": "Official extension", "third-party": "Third-party", "no": "No"}


def templates_dir() -> Path:
    return Path(str(resources.files("webatlas.site") / "templates"))


def _printed_in_markdown(value: object) -> Markup:
    """Every `{{ value }}` of a Markdown template: catalogue text is escaped unless a filter or macro already made it safe."""
    return value if isinstance(value, Markup) else markdown_text(value)


def _markdown_join(values: Iterable[object], separator: str = "") -> Markup:
    """`join` for Markdown templates: each item escaped like any printed value."""
    return Markup(separator).join(_printed_in_markdown(value) for value in values)


@cache
def environment(kind: str) -> jinja2.Environment:
    """The environment for `md` or `html` templates; undefined names fail instead of rendering empty.

    Both escape by default: HTML templates as HTML, Markdown templates through `escaping.markdown_text`, so a new field
    printed in a template is safe without anyone remembering to escape it.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_printed_in_markdown if kind == "md" else None,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters.update(
        host=lambda url: urlsplit(url).netloc,
        url=link_target,
        fenced=fenced,
        html_text=html_text,
        html_with_code=html_with_code,
        md=markdown_text,
        code=code_span,
        anchor=anchor,
    )
    if kind == "md":
        env.filters["join"] = _markdown_join
    env.globals.update(
        describe=describe,
        level_words=level_words,
        brief_words=partial(describe, brief=True),
        cell_title=_cell_title,
        prose=render_prose,
        layer_titles=LAYER_TITLES,
        layer_names=LAYER_NAMES,
        support_symbols=SUPPORT_SYMBOLS,
        support_labels=SUPPORT_LABELS,
    )
    return env


def _cell_title(cell: Cell) -> str:
    """What a cell's link says on hover: the version checked, or that it is computed, and the day."""
    if cell.recipes:
        checked = f"proved by the tests of its production recipes, run with {cell.version}"
    elif cell.version:
        checked = f"checked against {cell.version}"
    elif cell.derived:
        checked = "derived from packages that serve several frameworks, verified by the integration check"
    else:
        checked = "computed from other entries"
    return f"{describe(cell)}; {checked}, as of {cell.as_of.isoformat()}"


def macros(template: str) -> Any:
    """The macros of an HTML template, to call one by one; jinja2 types its template modules loosely."""
    return environment("html").get_template(template).module


def rendered(template: str, **context: object) -> str:
    """`template` from `templates/` rendered with `context`, as Markdown or HTML by its name."""
    kind = "html" if template.endswith(".html.j2") else "md"
    return str(environment(kind).get_template(template).render(**context))


def entry_page(entry: Entry, catalogue: Catalogue) -> str:
    """The Markdown source of one entry's page."""
    check = catalogue.install_check
    return rendered(
        "entry.md.j2",
        entry=entry,
        catalogue=catalogue,
        releases=catalogue.releases_of(entry),
        verdict=catalogue.status_of(entry),
        built_by=catalogue.dependents_of(entry),
        check=check.results.get(entry.slug),
        install_pythons=[minor(python) for python in check.ordered_pythons],
        install_checked_on=check.checked_on.isoformat(),
        install_matrix=lambda result: installs.matrix(result, check),
        install_summary=lambda result: installs.summary(result, check),
        install_failures=lambda result: installs.failures(result, check),
        recipes=cookbook.recipes_of(catalogue, entry) if entry.snippets is not None else [],
        tested=cookbook.tested_with(catalogue, entry),
        has_release_history=bool(catalogue.pypi_releases(entry)),
        offered=[catalogue.features[slug].name for slug, cell in catalogue.cells[entry.slug].items() if cell.support in OFFERED],
        has_stars=bool(catalogue.stars_of(entry)),
        measured=benchmarks.for_entry(catalogue.benchmarks, entry.slug, entry.layer == "server") if catalogue.benchmarks else None,
        benchmark_date=catalogue.benchmarks.date.isoformat() if catalogue.benchmarks else "",
        benchmark_cores=catalogue.benchmarks.machine.cores if catalogue.benchmarks else 0,
        unstable_cv=f"{UNSTABLE_CV:.0%}",
        serving_rows=serving.rows(catalogue, entry) if entry.layer == "server" else [],
        serving_unmaintained=entry.layer == "server" and serving.without_recipe(catalogue, entry),
    )


def pair_page(catalogue: Catalogue, first: Entry, second: Entry) -> str:
    """The Markdown source of a page comparing two entries: a summary written from their cells, then the table."""
    servers = first.layer == second.layer == "server"
    return rendered(
        "pair.md.j2",
        first=first,
        second=second,
        summary=pair_summary(catalogue, first, second),
        serving_rows=serving.rows(catalogue, first, second) if servers else [],
    )


def side_by_side_picker(catalogue: Catalogue, chosen: list[Entry], columns_uri: str, site_root: str) -> str:
    """The form that chooses entries, with the table of the `chosen` ones."""
    return rendered(
        "side_by_side_picker.html.j2",
        catalogue=catalogue,
        chosen=[entry.slug for entry in chosen],
        columns_uri=columns_uri,
        root=site_root,
        table=side_by_side(catalogue, chosen, site_root),
    )


def full_table(catalogue: Catalogue, site_root: str) -> str:
    """Every entry in one table with the filters full_table.js turns on; complete without the script."""
    check = catalogue.install_check
    return rendered(
        "full_table.html.j2",
        root=site_root,
        columns=columns(catalogue),
        rows=rows(catalogue),
        features=list(catalogue.features.values()),
        interfaces=sorted({interface for entry in catalogue.entries.values() for interface in entry.facts.interfaces.value}),
        statuses=["active", "maintenance", "unmaintained", "archived"],
        pythons=[minor(python) for python in check.ordered_pythons],
    )


def pair_list(catalogue: Catalogue) -> str:
    """Links to every pair page, in the order of data/comparisons.yaml."""
    pairs = [(catalogue.entries[first], catalogue.entries[second]) for first, second in catalogue.pairs]
    return rendered("pair_list.md.j2", pairs=pairs)


def side_by_side(catalogue: Catalogue, entries: list[Entry], site_root: str) -> str:
    """Entries as columns against their facts and features, every cell in words with its source, version and date."""
    return rendered(
        "side_by_side.html.j2",
        entries=entries,
        root=site_root,
        caption=", ".join(entry.name for entry in entries[:-1]) + f" and {entries[-1].name} compared: key facts, then features",
        facts=fact_rows(catalogue, entries),
        features=feature_rows(catalogue, entries),
    )


def cookbook_task(task: Task, catalogue: Catalogue) -> str:
    """The Markdown source of one task's page: a content tab per framework."""
    return rendered(
        "cookbook_task.md.j2",
        task=task,
        catalogue=catalogue,
        feature=catalogue.features[task.demonstrates] if task.demonstrates else None,
        recipes=cookbook.recipes_for_task(catalogue, task),
        tested_with=lambda entry: cookbook.tested_with(catalogue, entry),
    )


def cookbook_matrix(catalogue: Catalogue) -> str:
    """Frameworks by tasks, each cell a link to its recipe or to the reason there is none."""
    return rendered(
        "cookbook_index.md.j2",
        catalogue=catalogue,
        frameworks=cookbook.frameworks(catalogue),
        without=cookbook.without_recipes(catalogue),
        recipes_of=lambda entry: cookbook.recipes_of(catalogue, entry),
        gaps_of=lambda entry: cookbook.gaps_of(catalogue, entry),
    )


def catalogue_list(catalogue: Catalogue) -> str:
    """Every entry with its one-line description, grouped by layer."""
    return rendered("catalogue_list.md.j2", catalogue=catalogue)


def comparison_table(catalogue: Catalogue, layer: str) -> str:
    """One table for a layer: its entries against their facts and the features that apply to the layer."""
    features = [feature for feature in catalogue.features.values() if layer in feature.layers]
    return rendered("comparison_table.md.j2", catalogue=catalogue, layer=layer, features=features)


def _chart_context(chart: Chart, site_root: str, site_url: str) -> dict[str, object]:
    """What every chart template needs: the chart, its inline SVG, its files' addresses from the page, and its credit line."""
    return {
        "chart": chart,
        "root": site_root,
        "page_url": f"{site_url.rstrip('/')}/{chart.page}" if site_url else chart.page,
        "svg": svg.render(chart, as_file=False),
        "swatch": svg.swatch,
        "svg_uri": files.svg_uri(chart),
        "csv_uri": files.csv_uri(chart),
        "figure_uri": files.figure_uri(chart),
    }


def star_chart(chart: Chart, site_root: str, site_url: str = "") -> str:
    """A star-history chart; the chart of every entry also lets the reader pick entries, scale, alignment and dates."""
    transcribed = {detail for series in chart.series if not series.from_api for detail in series.details}
    return rendered(
        "star_chart.html.j2",
        **_chart_context(chart, site_root, site_url),
        pickable=chart.name == ALL_STARS,
        groups=chart.entry_lines(),
        years=list(range(chart.first_date.year, chart.as_of.year + 1)),
        datasets=sorted({StarCount.dataset_of(source) for source in transcribed}),
        has_api_series=any(series.from_api for series in chart.series),
        api_series_suffix=API_SERIES_SUFFIX,
    )


def release_chart(chart: Chart, catalogue: Catalogue, entry: Entry, site_root: str, site_url: str = "") -> str:
    """The entry's releases on PyPI over time, from the snapshot."""
    return rendered("release_chart.html.j2", **_chart_context(chart, site_root, site_url), releases=catalogue.releases_of(entry))


def lineage(catalogue: Catalogue, site_root: str) -> str:
    """The built-on diagram as inline SVG; `site_root` is the relative path from the page to the site's root."""
    return rendered("lineage.html.j2", lineage=layout(catalogue), site_root=site_root)


def integrations(catalogue: Catalogue) -> str:
    """The registry of packages that serve several frameworks, with what the integration check found for each pair."""
    packages = sorted(catalogue.integrations.values(), key=lambda item: item.package)
    return rendered("integrations.md.j2", catalogue=catalogue, packages=packages)


def stale_cells(catalogue: Catalogue) -> str:
    """The cells checked against documentation older than their entry's latest release."""
    return rendered("stale_cells.md.j2", stale=find_stale_cells(catalogue))


def status_rule() -> str:
    return rendered("status_rule.md.j2", rule=RULE)


def export_fields() -> str:
    """The fields of /catalogue.json and /catalogue.csv, from the exporter itself."""
    return rendered("export_fields.md.j2", fields=FIELDS, separator=LIST_SEPARATOR, version=FORMAT_VERSION)


def feature_vocabulary(catalogue: Catalogue) -> str:
    """Each feature's definition and how it is judged, with a stable anchor."""
    return rendered("feature_vocabulary.md.j2", catalogue=catalogue)

