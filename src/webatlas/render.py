"""Render catalogue data through the Jinja templates in `templates/`."""

from __future__ import annotations

import platform
from functools import cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

from webatlas import charts
from webatlas.catalogue import Catalogue
from webatlas.models import LAYER_NAMES, LAYER_TITLES, Entry

SUPPORT_SYMBOLS = {"built-in": "●", "official-extension": "◐", "third-party": "○", "no": "–"}  # noqa: RUF001 (an en dash reads as "none" in a table)
SUPPORT_LABELS = {"built-in": "Built-in", "official-extension": "Official extension", "third-party": "Third-party", "no": "No"}


def templates_dir() -> Path:
    return Path(str(resources.files("webatlas") / "templates"))


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
    return _render(
        "entry.md.j2",
        entry=entry,
        catalogue=catalogue,
        snippets=catalogue.snippets_of(entry),
        environment=catalogue.environments.get(entry.slug),
        has_stars=bool(catalogue.stars_of(entry)),
    )


def catalogue_list(catalogue: Catalogue) -> str:
    """Every entry with its one-line description, grouped by layer."""
    return _render("catalogue_list.md.j2", catalogue=catalogue)


def comparison_table(catalogue: Catalogue) -> str:
    """One table: every entry against its facts and features."""
    return _render("comparison_table.md.j2", catalogue=catalogue)


def star_chart(catalogue: Catalogue, entries: list[Entry], chart_id: str) -> str:
    """A star-history chart of the given entries that have data."""
    series = {entry.name: counts for entry in entries if (counts := catalogue.stars_of(entry))}
    return _render(
        "chart.html.j2",
        chart_id=chart_id,
        figure_json=charts.figure_json(charts.star_history(series)),
        datasets=sorted({count.dataset for counts in series.values() for count in counts}),
    )


def feature_vocabulary(catalogue: Catalogue) -> str:
    """Each feature's definition and how it is judged, with a stable anchor."""
    return _render("feature_vocabulary.md.j2", catalogue=catalogue)
