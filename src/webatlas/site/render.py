"""Render catalogue data through the Jinja templates in `templates/`."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from functools import cache, partial
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup

from webatlas import text
from webatlas.catalogue.cells import Cell, describe, level_words
from webatlas.catalogue.criteria import MAX_WEIGHT
from webatlas.catalogue.install_results import minor
from webatlas.catalogue.loading import Catalogue
from webatlas.catalogue.models import LAYER_NAMES, LAYER_TITLES, Entry, StarCount, Task
from webatlas.catalogue.status import RULE
from webatlas.choosing import candidates as scoring_candidates
from webatlas.choosing import published, scoring, wording
from webatlas.choosing.candidates import candidates
from webatlas.choosing.scoring import rank
from webatlas.comparison.rows import fact_rows, feature_rows
from webatlas.comparison.summary import pair_summary
from webatlas.comparison.table import OFFERED, columns, rows
from webatlas.site import cookbook, installs
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
    checked = f"checked against {cell.version}" if cell.version else "computed from other entries"
    return f"{describe(cell)}; {checked}, as of {cell.as_of.isoformat()}"


def macros(template: str) -> Any:
    """The macros of an HTML template, to call one by one; jinja2 types its template modules loosely."""
    return environment("html").get_template(template).module


def _render(template: str, **context: object) -> str:
    kind = "html" if template.endswith(".html.j2") else "md"
    return str(environment(kind).get_template(template).render(**context))


def entry_page(entry: Entry, catalogue: Catalogue) -> str:
    """The Markdown source of one entry's page."""
    check = catalogue.install_check
    return _render(
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
    )


def pair_page(catalogue: Catalogue, first: Entry, second: Entry) -> str:
    """The Markdown source of a page comparing two entries: a summary written from their cells, then the table."""
    return _render("pair.md.j2", first=first, second=second, summary=pair_summary(catalogue, first, second))


def side_by_side_picker(catalogue: Catalogue, chosen: list[Entry], columns_uri: str, site_root: str) -> str:
    """The form that chooses entries, with the table of the `chosen` ones."""
    return _render(
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
    return _render(
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
    return _render("pair_list.md.j2", pairs=pairs)


def side_by_side(catalogue: Catalogue, entries: list[Entry], site_root: str) -> str:
    """Entries as columns against their facts and features, every cell in words with its source, version and date."""
    return _render(
        "side_by_side.html.j2",
        entries=entries,
        root=site_root,
        caption=", ".join(entry.name for entry in entries[:-1]) + f" and {entries[-1].name} compared: key facts, then features",
        facts=fact_rows(catalogue, entries),
        features=feature_rows(catalogue, entries),
    )


def cookbook_task(task: Task, catalogue: Catalogue) -> str:
    """The Markdown source of one task's page: a content tab per framework."""
    return _render(
        "cookbook_task.md.j2",
        task=task,
        catalogue=catalogue,
        feature=catalogue.features[task.demonstrates] if task.demonstrates else None,
        recipes=cookbook.recipes_for_task(catalogue, task),
        tested_with=lambda entry: cookbook.tested_with(catalogue, entry),
    )


def cookbook_matrix(catalogue: Catalogue) -> str:
    """Frameworks by tasks, each cell a link to its recipe or to the reason there is none."""
    return _render(
        "cookbook_index.md.j2",
        catalogue=catalogue,
        frameworks=cookbook.frameworks(catalogue),
        without=cookbook.without_recipes(catalogue),
        recipes_of=lambda entry: cookbook.recipes_of(catalogue, entry),
    )


def catalogue_list(catalogue: Catalogue) -> str:
    """Every entry with its one-line description, grouped by layer."""
    return _render("catalogue_list.md.j2", catalogue=catalogue)


def comparison_table(catalogue: Catalogue, layer: str) -> str:
    """One table for a layer: its entries against their facts and the features that apply to the layer."""
    features = [feature for feature in catalogue.features.values() if layer in feature.layers]
    return _render("comparison_table.md.j2", catalogue=catalogue, layer=layer, features=features)


def _chart_context(chart: Chart, site_root: str) -> dict[str, object]:
    """What every chart template needs: the chart, its inline SVG and its files' addresses from the page."""
    return {
        "chart": chart,
        "root": site_root,
        "svg": svg.render(chart, as_file=False),
        "swatch": svg.swatch,
        "svg_uri": files.svg_uri(chart),
        "csv_uri": files.csv_uri(chart),
        "figure_uri": files.figure_uri(chart),
    }


def star_chart(chart: Chart, site_root: str) -> str:
    """A star-history chart; the chart of every entry also lets the reader pick entries, scale, alignment and dates."""
    transcribed = {detail for series in chart.series if not series.from_api for detail in series.details}
    return _render(
        "star_chart.html.j2",
        **_chart_context(chart, site_root),
        pickable=chart.name == ALL_STARS,
        groups=chart.entry_lines(),
        years=list(range(chart.first_date.year, chart.as_of.year + 1)),
        datasets=sorted({StarCount.dataset_of(source) for source in transcribed}),
        has_api_series=any(series.from_api for series in chart.series),
        api_series_suffix=API_SERIES_SUFFIX,
    )


def release_chart(chart: Chart, catalogue: Catalogue, entry: Entry, site_root: str) -> str:
    """The entry's releases on PyPI over time, from the snapshot."""
    return _render("release_chart.html.j2", **_chart_context(chart, site_root), releases=catalogue.releases_of(entry))


def lineage(catalogue: Catalogue, site_root: str) -> str:
    """The built-on diagram as inline SVG; `site_root` is the relative path from the page to the site's root."""
    return _render("lineage.html.j2", lineage=layout(catalogue), site_root=site_root)


def stale_cells(catalogue: Catalogue) -> str:
    """The cells checked against documentation older than their entry's latest release."""
    return _render("stale_cells.md.j2", stale=find_stale_cells(catalogue))


def status_rule() -> str:
    return _render("status_rule.md.j2", rule=RULE)


def export_fields() -> str:
    """The fields of /catalogue.json and /catalogue.csv, from the exporter itself."""
    return _render("export_fields.md.j2", fields=FIELDS, separator=LIST_SEPARATOR, version=FORMAT_VERSION)


def feature_vocabulary(catalogue: Catalogue) -> str:
    """Each feature's definition and how it is judged, with a stable anchor."""
    return _render("feature_vocabulary.md.j2", catalogue=catalogue)


def choose_form(catalogue: Catalogue, site_root: str) -> str:
    """The requirements and weights picker.js reads; hidden without the script."""
    people = candidates(catalogue)
    return _render(
        "choose_form.html.j2",
        root=site_root,
        data_uri=published.DATA_URI,
        options=published.options(catalogue, people),
        interface_words=published.INTERFACE_WORDS,
        required=catalogue.criteria.required_features,
        features=published.feature_names(catalogue),
        default_statuses=catalogue.criteria.default_statuses,
        criteria=catalogue.criteria.criteria.by_slug(),
        measured=published.measured(catalogue, people),
        max_weight=MAX_WEIGHT,
    )


def choose_ranking(catalogue: Catalogue, site_root: str) -> str:
    """The ranking for the default choice, in the markup picker.js refills for the reader's."""
    people = candidates(catalogue)
    choice = published.default_choice(catalogue, people)
    feature_names = published.feature_names(catalogue)
    ranking = rank(people, choice, feature_names)
    criteria = catalogue.criteria.criteria.by_slug()
    wanted = choice.wanted or frozenset(feature_names)
    places = [
        {
            "slug": place.candidate.slug,
            "name": place.candidate.name,
            "total": wording.out_of_100(place.total),
            "why": wording.why(place, ranking.places[index + 1] if index + 1 < len(ranking.places) else None, criteria),
            "rows": [
                (criteria[slug].name, weight, wording.out_of_100(place.scores[slug]), wording.measure(place, slug, wanted))
                for slug, weight in choice.weights.items()
            ],
        }
        for index, place in enumerate(ranking.places)
    ]
    return _render(
        "choose_ranking.html.j2",
        root=site_root,
        places=places,
        excluded=ranking.excluded,
        summary=wording.summary(ranking, choice.weights, criteria),
        flip_text=wording.flip(ranking, criteria),
    )


def decision_guide(catalogue: Catalogue, site_root: str) -> str:
    return _render("choose_guide.html.j2", root=site_root, rows=published.guide(catalogue))


def _first_paragraph(function: Callable[..., object]) -> str:
    return " ".join((inspect.getdoc(function) or "").split("\n\n")[0].split())


def choose_method(catalogue: Catalogue) -> str:
    """How the picker ranks, from the docstrings of the code that ranks and the numbers in data/criteria.yaml."""
    criteria = catalogue.criteria.criteria
    people = candidates(catalogue)
    measured = published.measured(catalogue, people)
    rules = {
        "maturity": f"{_first_paragraph(scoring_candidates.maturity)} Full marks at {criteria.maturity.full_marks_age_years} "
        f"years and {criteria.maturity.full_marks_releases_per_year} releases a year.",
        "momentum": f"{_first_paragraph(scoring_candidates.momentum)} Full marks at {criteria.momentum.full_marks_stars_a_year:,} "
        f"stars a year, measured over the last {criteria.momentum.window_months} months of the [star history](stars.md).",
        "batteries": f"{_first_paragraph(scoring.batteries)}",
        "performance": "Not measured yet: the weight takes effect once the site's own benchmark has figures."
        if "performance" not in measured
        else "Server CPU time per request in the site's benchmark.",
    }
    return _render(
        "choose_method.md.j2",
        layers=text.listed([LAYER_TITLES[layer].lower() for layer in catalogue.criteria.candidate_layers]),
        count=len(people),
        default_statuses=text.listed(catalogue.criteria.default_statuses, "or"),
        criteria=criteria.by_slug(),
        rules=rules,
        total_rule=_first_paragraph(scoring.total),
        ahead_rule=_first_paragraph(scoring.ahead_on),
        flip_rule=_first_paragraph(scoring.flips),
        data_uri=published.DATA_URI,
    )
