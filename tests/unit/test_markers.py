"""Every way a page's `<!-- atlas:... -->` marker can be wrong fails with one message that says what the marker takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import changed, entry, fact, write_project
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.loading import load_catalogue
from webatlas.site.build import charts_of
from webatlas.site.markers import MarkerError, fill

UNKNOWN = "; known: benchmark-chart, benchmark-claims, benchmark-method, benchmark-summary, benchmark-table, catalogue-list, "
ENTRIES = "2 to 4 different entry slugs"

BAD_MARKERS = {
    "unknown name": ("<!-- atlas:league-table -->", f"unknown marker 'atlas:league-table'{UNKNOWN}"),
    "name in capitals": ("<!-- atlas:Lineage -->", f"unknown marker 'atlas:Lineage'{UNKNOWN}"),
    "no name": ("<!-- atlas: -->", f"unknown marker 'atlas:'{UNKNOWN}"),
    "argument to a marker without any": ("<!-- atlas:lineage everything -->", "lineage takes no arguments, got 'everything'"),
    "arguments to the status rule": ("<!-- atlas:status-rule now please -->", "status-rule takes no arguments, got 'now please'"),
    "missing layer": ("<!-- atlas:comparison-table -->", "comparison-table takes one of framework, toolkit, server, got nothing"),
    "unknown layer": (
        "<!-- atlas:comparison-table frameworks -->",
        "comparison-table takes one of framework, toolkit, server, got 'frameworks'",
    ),
    "two layers": (
        "<!-- atlas:comparison-table framework server -->",
        "comparison-table takes one of framework, toolkit, server, got 'framework server'",
    ),
    "unknown benchmark chart": (
        "<!-- atlas:benchmark-chart speed -->",
        "benchmark-chart takes one of cpu, throughput, latency, got 'speed'",
    ),
    "release chart of nothing": ("<!-- atlas:release-chart -->", "release-chart takes one of demo, manual, other, got nothing"),
    "release chart of a name, not a slug": (
        "<!-- atlas:release-chart Demo -->",
        "release-chart takes one of demo, manual, other, got 'Demo'",
    ),
    "release chart of an entry not on PyPI": ("<!-- atlas:release-chart manual -->", "release-chart: manual has no PyPI releases"),
    "star chart of an unknown entry": ("<!-- atlas:star-chart nobody -->", "star-chart takes one of demo, manual, other, got 'nobody'"),
    "star chart of an entry without stars": ("<!-- atlas:star-chart other -->", "star-chart: other has no star counts"),
    "one entry side by side": ("<!-- atlas:side-by-side demo -->", f"side-by-side takes {ENTRIES}, got 'demo'"),
    "an entry twice": ("<!-- atlas:side-by-side demo demo -->", f"side-by-side takes {ENTRIES}, got 'demo demo'"),
    "an unknown entry": ("<!-- atlas:side-by-side demo nobody -->", f"side-by-side takes {ENTRIES}, got 'demo nobody'"),
    "five entries": (
        "<!-- atlas:side-by-side-picker demo other manual a b -->",
        f"side-by-side-picker takes {ENTRIES}, got 'demo other manual a b'",
    ),
    "a picker of nothing": ("<!-- atlas:side-by-side-picker -->", f"side-by-side-picker takes {ENTRIES}, got nothing"),
    "an argument split over lines": ("<!-- atlas:side-by-side demo\n  Other -->", f"side-by-side takes {ENTRIES}, got 'demo Other'"),
}
"""Each case: the marker, and the start of the one-line message it fails with."""


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    """`demo` has star counts and releases on PyPI; `other` has no star counts; `manual` is not on PyPI."""
    manual = changed(changed(changed(entry("manual", "https://github.com/demo/manual"), "package", None), "links.pypi"), "snippets")
    release = {"version": "1.0", "date": "2025-01-01"}
    manual["facts"]["releases"] = fact(
        {"first_release": release, "latest_release": release, "release_count": 1, "requires_python": ">=3.10"}
    )
    root = write_project(tmp_path_factory.mktemp("markers"), [entry(), entry("other", "https://github.com/demo/other"), manual])
    return load_catalogue(root)


@pytest.mark.parametrize("case", BAD_MARKERS)
def test_a_bad_marker_fails_with_one_line_saying_what_it_takes(catalogue: Catalogue, case: str) -> None:
    marker, message = BAD_MARKERS[case]
    with pytest.raises(MarkerError) as raised:
        fill(f"# A page\n\n{marker}\n", catalogue, charts=charts_of(catalogue))
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)


def test_a_star_chart_of_every_entry_needs_some_star_counts(tmp_path: Path) -> None:
    root = write_project(tmp_path, [entry(repository="https://github.com/demo/unstarred")])
    (root / "data" / "github_stars.csv").write_text("repository,date,stars,source\n")
    catalogue = load_catalogue(root)
    with pytest.raises(MarkerError, match=r"^star-chart: the catalogue has no star counts$"):
        fill("<!-- atlas:star-chart -->", catalogue, charts=charts_of(catalogue))


def test_good_markers_are_filled_and_other_comments_are_left_alone(catalogue: Catalogue) -> None:
    filled = fill("<!-- a note -->\n<!-- atlas:star-chart demo -->\n<!--atlas:status-rule-->", catalogue, charts=charts_of(catalogue))
    assert filled.markdown.startswith("<!-- a note -->\n<figure")
    assert "atlas:" not in filled.markdown
