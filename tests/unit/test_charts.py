"""Each chart's views agree: the static SVG, the plotly figure and the CSV show the same series in the same styles."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
import xml.etree.ElementTree as ET

import plotly.graph_objects as go
import pytest
from plotly.offline import get_plotlyjs_version

from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.build import charts_of
from webatlas.site.charts import svg
from webatlas.site.charts.figure import figure, figure_json
from webatlas.site.charts.files import PLOTLY_JS_URI
from webatlas.site.charts.model import Chart, Series
from webatlas.site.charts.styles import DASHES, TooManySeries, styles_for
from webatlas.site.charts.table import chart_csv

CHARTS = charts_of(load_catalogue(ROOT))
SVG = "{http://www.w3.org/2000/svg}"
VENDORED_PLOTLY = ROOT / "docs" / PLOTLY_JS_URI
NPM_PLOTLY = ROOT / "requirements" / "npm" / "node_modules" / "plotly.js-basic-dist-min" / "plotly-basic.min.js"


def drawn_lines(image: str) -> list[ET.Element]:
    return [path for path in ET.fromstring(image).iter(f"{SVG}path") if path.get("data-series")]


def a_chart(names: list[str], values: list[int], *, log_scale: bool = False, first: int = 1) -> Chart:
    """A line per name, from `first` in 2020 to its value in 2022."""
    styles = styles_for(len(names), "demo")
    series = tuple(
        Series(name, f"e{index}", name, (dt.date(2020, 1, 1), dt.date(2022, 6, 1)), (first, value), ("a", "=cmd"), styles[index])
        for index, (name, value) in enumerate(zip(names, values, strict=True))
    )
    return Chart(
        "demo", "demo", "Demo: stars", "Stars", "Date", "stars", "source", series, "a test", dt.date(2023, 1, 1), "p/", log_scale=log_scale
    )


@pytest.mark.parametrize("name", CHARTS)
def test_every_figure_is_valid_for_plotly(name: str) -> None:
    """plotly's own classes check every property name and value; the build writes plain dictionaries."""
    go.Figure(figure(CHARTS[name]))


@pytest.mark.parametrize("name", CHARTS)
def test_the_image_and_the_figure_draw_the_same_lines_in_the_same_styles(name: str) -> None:
    chart = CHARTS[name]
    traces = json.loads(figure_json(chart))["data"]
    for as_file in (False, True):
        lines = drawn_lines(svg.render(chart, as_file=as_file))
        assert [line.get("data-series") for line in lines] == [trace["name"] for trace in traces]
        assert [line.get("stroke") for line in lines] == [trace["line"]["color"] for trace in traces]
        assert [line.get("stroke-dasharray", "") for line in lines] == [DASHES[trace["line"]["dash"]] for trace in traces]


def test_the_vendored_plotly_is_the_pinned_npm_package_and_matches_plotlys_schema() -> None:
    if not NPM_PLOTLY.exists():
        pytest.fail(f"{NPM_PLOTLY} is missing: run `make setup`", pytrace=False)
    assert VENDORED_PLOTLY.read_bytes() == NPM_PLOTLY.read_bytes()
    lock = json.loads((ROOT / "requirements" / "npm" / "package-lock.json").read_text())
    pinned = lock["packages"]["node_modules/plotly.js-basic-dist-min"]["version"]
    header = VENDORED_PLOTLY.read_text(encoding="utf-8")[:200]
    assert re.search(rf"\bv{re.escape(pinned)}\b", header)
    # The test above validates figures against the Python package's schema, so both must be one plotly.js release.
    assert pinned == get_plotlyjs_version()
    assert (VENDORED_PLOTLY.parent / "plotly-basic.LICENSE.txt").read_text().startswith("MIT License")


def test_styles_keep_every_series_apart_until_they_run_out() -> None:
    styles = styles_for(48, "demo")
    assert len({(style.colour, style.dash) for style in styles}) == 48
    # Neighbours in a legend never share a colour.
    assert all(a.colour != b.colour for a, b in itertools.pairwise(styles))
    with pytest.raises(TooManySeries, match=r"^chart 'demo' would draw 49 series, but its line styles keep at most 48 apart$"):
        styles_for(49, "demo")


def value_labels(chart: Chart) -> list[str | None]:
    texts = ET.fromstring(svg.render(chart, as_file=False)).iter(f"{SVG}text")
    return [text.text for text in texts if "atlas-svg__label" in (text.get("class") or "")]


def test_a_log_axis_labels_whole_decades_and_a_linear_one_starts_at_zero() -> None:
    assert value_labels(a_chart(["a", "b"], [40, 90_000], log_scale=True)) == ["1", "10", "100", "1k", "10k", "100k"]
    assert value_labels(a_chart(["a"], [90_000])) == ["0", "25k", "50k", "75k", "100k"]


def test_a_log_axis_spans_a_decade_when_every_value_is_one_power_of_ten() -> None:
    assert value_labels(a_chart(["a", "b"], [100, 100], log_scale=True, first=100)) == ["100", "1k"]


def test_names_are_text_in_the_image_and_the_figure() -> None:
    chart = a_chart(["<script>x</script>"], [5])
    image = svg.render(chart, as_file=True)
    assert "<script>" not in image
    assert drawn_lines(image)[0].get("data-series") == "<script>x</script>"
    assert json.loads(figure_json(chart))["data"][0]["name"] == "&lt;script&gt;x&lt;/script&gt;"


def test_the_csv_has_a_row_per_point_and_no_formula() -> None:
    rows = list(csv.DictReader(io.StringIO(chart_csv(a_chart(["a", "b"], [3, 4])))))
    assert [(row["series"], row["date"], row["stars"], row["source"]) for row in rows] == [
        ("a", "2020-01-01", "1", "a"),
        ("a", "2022-06-01", "3", "'=cmd"),
        ("b", "2020-01-01", "1", "a"),
        ("b", "2022-06-01", "4", "'=cmd"),
    ]


def test_the_image_file_is_sized_and_says_where_it_comes_from() -> None:
    image = ET.fromstring(svg.render(a_chart(["a"], [5]), as_file=True, site_url="https://atlas.example/"))
    assert image.get("width") == str(svg.FILE_WIDTH)
    texts = ["".join(text.itertext()) for text in image.iter(f"{SVG}text")]
    assert "Demo: stars" in texts
    assert "Source: a test." in texts
    assert "As of 2023-01-01 · Async Python Web Atlas · https://atlas.example/p/" in texts


def test_the_inline_image_fills_its_container_and_names_what_it_shows() -> None:
    image = ET.fromstring(svg.render(a_chart(["a", "b"], [5, 7]), as_file=False))
    assert image.get("width") == "100%"
    assert image.get("role") == "img"
    (title,) = image.iter(f"{SVG}title")
    assert title.get("id") == image.get("aria-labelledby")
    assert title.text == "Demo: stars, from 2020-01-01 to 2023-01-01. Latest: a 5 on 2022-06-01; b 7 on 2022-06-01."
