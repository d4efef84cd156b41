"""axe-core on one page of each kind, in the light and the dark scheme: no serious or critical violation anywhere on it.

The whole page is checked, theme parts and charts included, since a reader meets all of it. axe-core comes from the
pinned npm packages that `make setup` installs; the test fails, never skips, when they are missing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import Visit, visiting
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "requirements" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = frozenset({"serious", "critical"})
NODES_SHOWN = 5

PAGES = {
    "home": "/",
    "entry": "/catalogue/fastapi/",
    "server": "/catalogue/uvicorn/",
    "cookbook": "/cookbook/",
    "cookbook-task": "/cookbook/hello_text/",
    "compare": "/compare/",
    "pair": "/compare/fastapi-vs-django/",
    "side-by-side": "/compare/side-by-side/",
    "full-table": "/compare/table/",
    "choose": "/choose/",
    "benchmarks": "/benchmarks/",
    "lineage": "/lineage/",
    "stars": "/stars/",
    "features": "/features/",
    "method": "/method/",
    "data": "/data/",
    "terms": "/terms/",
    "contributing": "/contributing/",
    "reference": "/contributing/reference/",
}
"""One page of each kind by test id."""

Scheme = Literal["light", "dark"]
SCHEMES: dict[Scheme, str] = {"light": "default", "dark": "slate"}
"""The colour scheme the browser asks for, and the Material scheme the page must then show."""


@pytest.fixture
def visit(browser: Browser, site_url: str, scheme: Scheme) -> Iterator[Visit]:
    """Like the shared `visit`, in a context that prefers `scheme`; Material's palette follows that media query."""
    with visiting(browser, site_url, color_scheme=scheme) as visit:
        yield visit


def report(violation: dict[str, Any]) -> str:
    """One violation in a line or two: rule, impact, what it asks for, and the first nodes it found."""
    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]]
    more = f" and {len(targets) - NODES_SHOWN} more" if len(targets) > NODES_SHOWN else ""
    return f"{violation['id']} ({violation['impact']}): {violation['help']}\n    at {targets[:NODES_SHOWN]}{more}"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("path", PAGES.values(), ids=PAGES.keys())
def test_page_has_no_serious_accessibility_violation(page: Page, path: str, scheme: Scheme) -> None:
    if not AXE.is_file():
        pytest.fail(f"{AXE.relative_to(ROOT)} is missing: run `make setup` to install the pinned npm packages", pytrace=False)
    response = page.goto(path, wait_until="networkidle")
    assert response is not None and response.status == 200, f"{path} answered {response and response.status}"
    assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
    page.add_script_tag(path=AXE)
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    blocking = [violation for violation in results["violations"] if violation["impact"] in BLOCKING]
    assert not blocking, f"{path} in the {scheme} scheme:\n" + "\n".join(map(report, blocking))


@pytest.mark.parametrize("scheme", ["light"])
@pytest.mark.parametrize("path", ["/catalogue/fastapi/", "/compare/"])
def test_wide_tables_on_a_phone_are_reachable_by_keyboard(page: Page, path: str, scheme: Scheme) -> None:
    """At 390 px wide tables scroll sideways; axe's rule for scrollable regions must pass there too."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(path, wait_until="load")
    page.add_script_tag(path=AXE)
    results = page.evaluate("() => axe.run(document, {runOnly: ['scrollable-region-focusable']})")
    assert results["violations"] == [], "\n".join(map(report, results["violations"]))
