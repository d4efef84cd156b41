"""Render catalogue data through the Jinja templates in `templates/`."""

from __future__ import annotations

import platform
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from webatlas.site import charts
from webatlas.maintenance import stars
from webatlas.catalogue.loading import Catalogue
from webatlas.site.export import FIELDS, LIST_SEPARATOR
from webatlas.site.lineage import layout
from webatlas.catalogue.models import LAYER_NAMES, LAYER_TITLES, Entry, StarCount
from webatlas.catalogue.status import RULE

API_SERIES_SUFFIX = " (GitHub API, weekly)"

SUPPORT_SYMBOLS = {"built-in": "●", "official-extension": "◐", "third-party": "○", "no": "–"}  # noqa: RUF001 (an en dash reads as "none" in a table)
SUPPORT_LABELS = {"built-in": "Built-in", "official-extension": "Official extension", "third-party": "Third-party", "no": "No"}


def templates_dir() -> Path:
    return Path(str(resources.files("webatlas.site") / "templates"))


@cache
def environment() -> jinja2.Environment:
    """The template environment; undefined names fail instead of rendering empty."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates_dir()),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=True,
    )
    env.filters["cell"] = _table_cell
    env.filters["host"] = lambda url: urlsplit(url).netloc
    env.globals.update(
        layer_titles=LAYER_TITLES,
        layer_names=LAYER_NAMES,
        support_symbols=SUPPORT_SYMBOLS,
        support_labels=SUPPORT_LABELS,
        python_version=".".join(platform.python_version_tuple()[:2]),
    )
    return env


def _table_cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    return str(value).replace("|", "\\|").replace("\n", " ")


def _render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)


def entry_page(entry: Entry, catalogue: Catalogue) -> str:
    """The Markdown source of one entry's page."""
    installs = catalogue.install_check
    return _render(
        "entry.md.j2",
        entry=entry,
        catalogue=catalogue,
        releases=catalogue.releases_of(entry),
        verdict=catalogue.status_of(entry),
        built_by=catalogue.dependents_of(entry),
        check=installs.results.get(entry.slug),
        install_python=installs.python,
        install_checked_on=installs.checked_on.isoformat(),
        snippets=catalogue.snippets_of(entry),
        environment=catalogue.environments.get(entry.slug),
        has_release_history=bool(catalogue.pypi_releases(entry)),
        has_stars=bool(catalogue.stars_of(entry)),
    )


def catalogue_list(catalogue: Catalogue) -> str:
    """Every entry with its one-line description, grouped by layer."""
    return _render("catalogue_list.md.j2", catalogue=catalogue)


def comparison_table(catalogue: Catalogue, layer: str) -> str:
    """One table for a layer: its entries against their facts and the features that apply to the layer."""
    features = [feature for feature in catalogue.features.values() if layer in feature.layers]
    return _render("comparison_table.md.j2", catalogue=catalogue, layer=layer, features=features)


def star_chart(catalogue: Catalogue, entries: list[Entry], chart_id: str) -> str:
    """A star-history chart of the given entries that have data, one line per entry and kind of source."""
    series: dict[str, list[StarCount]] = {}
    for entry in entries:
        for count in catalogue.stars_of(entry):
            name = entry.name + (API_SERIES_SUFFIX if stars.from_api(count) else "")
            series.setdefault(name, []).append(count)
    transcribed = {count.dataset for counts in series.values() for count in counts if not stars.from_api(count)}
    return _render(
        "star_chart.html.j2",
        chart_id=chart_id,
        figure_json=charts.figure_json(charts.star_history(series)),
        datasets=sorted(transcribed),
        has_api_series=any(name.endswith(API_SERIES_SUFFIX) for name in series),
        api_series_suffix=API_SERIES_SUFFIX,
    )


def release_chart(catalogue: Catalogue, entry: Entry) -> str:
    """The entry's releases on PyPI over time, from the snapshot."""
    return _render(
        "release_chart.html.j2",
        chart_id=f"releases-{entry.slug}",
        figure_json=charts.figure_json(charts.release_timeline(catalogue.pypi_releases(entry))),
        releases=catalogue.releases_of(entry),
    )


def lineage(catalogue: Catalogue, site_root: str) -> str:
    """The built-on diagram as inline SVG; `site_root` is the relative path from the page to the site's root."""
    return _render("lineage.html.j2", lineage=layout(catalogue), site_root=site_root)


def status_rule() -> str:
    return _render("status_rule.md.j2", rule=RULE)


def export_fields() -> str:
    """The fields of /catalogue.json and /catalogue.csv, from the exporter itself."""
    return _render("export_fields.md.j2", fields=FIELDS, separator=LIST_SEPARATOR)


def feature_vocabulary(catalogue: Catalogue) -> str:
    """Each feature's definition and how it is judged, with a stable anchor."""
    return _render("feature_vocabulary.md.j2", catalogue=catalogue)
