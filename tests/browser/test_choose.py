"""The picker in Chromium, on the small site of tests/small_site.py, whose scores tests/site/test_choose.py works out by
hand: Fastapi scores 0.45 on maturity, 1 on momentum and 2/3 on batteries; Django 1, 0 and 1/3; Litestar 0.45, 0 and
2/3; Sanic is unmaintained. The script ranks for the reader's weights and requirements, a suggested weight change swaps
the top two, the address restores the choice, the keyboard works, and without the script the page still ranks for the
defaults and shows the decision guide. On the real site, the script ranks the defaults as the build did, and the page
fits a phone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.browser.conftest import PageLog, Visit, visiting

pytestmark = pytest.mark.browser

PATH = "/choose/"


def names(page: Page) -> Locator:
    """The names of the ranked places, in order."""
    return page.locator("[data-atlas-ranking] ol > li [data-slot=link]")


def set_weight(page: Page, criterion: str, weight: int) -> None:
    page.locator(f"input[type=range][name={criterion}]").fill(str(weight))


def test_the_script_ranks_for_the_readers_weights(small_visit: Visit, small_site_url: str) -> None:
    """With batteries alone weighed, Fastapi and Litestar tie at 2/3 and the name decides; Django has 1/3. Litestar's
    scores are nowhere above Fastapi's, so no weight change puts it first."""
    page = small_visit.page
    page.goto(PATH, wait_until="networkidle")
    for criterion, weight in {"maturity": 0, "momentum": 0, "batteries": 5}.items():
        set_weight(page, criterion, weight)
    expect(names(page)).to_have_text(["Fastapi", "Litestar", "Django"])
    places = page.locator("[data-atlas-ranking] ol > li")
    expect(places.locator("[data-slot=total]")).to_have_text(["67", "67", "33"])
    expect(places.locator("[data-slot=why]")).to_have_text(
        ["Level with Litestar; the name decides.", "Ahead of Django on Batteries.", "Last of those that qualify."]
    )
    summary = "3 of 4 candidates meet your requirements, ranked by Maturity 0, Momentum 0, Batteries 5."
    expect(page.locator("[data-slot=summary]")).to_have_text(summary)
    expect(page.locator("[data-slot=flip]")).to_have_text("No single weight change from 0 to 5 puts Litestar ahead of Fastapi.")
    expect(page.locator("[data-slot=excluded] a")).to_have_text(["Sanic"])
    expect(page).to_have_url(f"{small_site_url}{PATH}?maturity=0&momentum=0&batteries=5")
    assert small_visit.log.problems() == {}


def test_the_suggested_weight_change_swaps_the_top_two(small_visit: Visit) -> None:
    """Momentum at 0: Django (3 + 1) / 6 passes Fastapi and Litestar, level at (1.35 + 2) / 6. For Fastapi to pass
    Django again: Momentum at 1, (1.35 + 1 + 2) / 7 against 4 / 7; Maturity at 1, 2.45 / 4 against 2 / 4; or Batteries
    at 5, (1.35 + 10/3) / 8 against (3 + 5/3) / 8."""
    page = small_visit.page
    page.goto(PATH, wait_until="networkidle")
    flip = page.locator("[data-slot=flip]")
    expect(flip).to_have_text("To put Django ahead of Fastapi: set Momentum from 2 to 0.")
    set_weight(page, "momentum", 0)
    expect(names(page)).to_have_text(["Django", "Fastapi", "Litestar"])
    expect(page.locator("[data-atlas-ranking] ol > li [data-slot=total]")).to_have_text(["67", "56", "56"])
    expect(flip).to_have_text(
        "To put Fastapi ahead of Django: set Momentum from 0 to 1; or set Maturity from 3 to 1; or set Batteries from 3 to 5."
    )
    assert small_visit.log.problems() == {}


def test_requirements_exclude_with_reasons_and_reloading_the_address_restores_them(small_visit: Visit, small_site_url: str) -> None:
    page = small_visit.page
    page.goto(PATH, wait_until="networkidle")
    page.get_by_label("Interface").select_option("WSGI")
    page.get_by_label("Works on Python").select_option("3.12")
    page.locator("input[name=status][value=unmaintained]").check()
    expect(names(page)).to_have_text(["Django"])
    page.get_by_text("Excluded:").click()
    expect(page.locator("[data-slot=excluded] li")).to_have_text(
        [
            "Fastapi: does not speak WSGI",
            "Litestar: does not speak WSGI",
            "Sanic: does not speak WSGI; latest release does not install on Python 3.12",
        ]
    )
    expect(page).to_have_url(f"{small_site_url}{PATH}?interface=WSGI&python=3.12&status=active,unmaintained")
    page.reload(wait_until="networkidle")
    expect(names(page)).to_have_text(["Django"])
    expect(page.get_by_label("Interface")).to_have_value("WSGI")
    expect(page.locator("input[name=status][value=unmaintained]")).to_be_checked()
    page.get_by_role("button", name="Back to the defaults").click()
    expect(page).to_have_url(f"{small_site_url}{PATH}")
    expect(names(page)).to_have_text(["Fastapi", "Django", "Litestar"])
    assert small_visit.log.problems() == {}


def test_weights_change_from_the_keyboard(small_visit: Visit, small_site_url: str) -> None:
    page = small_visit.page
    page.goto(PATH, wait_until="networkidle")
    page.get_by_role("slider", name="Momentum").focus()
    for _ in range(2):
        page.keyboard.press("ArrowLeft")
    expect(page.locator("output[for=atlas-weight-momentum]")).to_have_text("0")
    expect(names(page)).to_have_text(["Django", "Fastapi", "Litestar"])
    expect(page).to_have_url(f"{small_site_url}{PATH}?momentum=0")
    # The small site has no benchmark set, so Performance takes no weight; tests/browser/test_benchmarks.py has one.
    expect(page.get_by_role("slider", name="Performance")).to_be_disabled()
    assert small_visit.log.problems() == {}


STATIC_MARK = """document.addEventListener("DOMContentLoaded", () => {
  const places = document.querySelectorAll("[data-atlas-ranking] ol > li");
  for (const place of places) place.dataset.static = "";
  window.__staticPlaces = places.length;
});"""
"""Marks the places the build wrote before the page's own scripts run, to see that the script replaced them all."""


def ranking_of(page: Page) -> list[list[str]]:
    """Every place's name, total and reason, and the sentences around the list."""
    places = page.locator("[data-atlas-ranking] ol > li")
    sentences = page.locator("[data-slot=summary], [data-slot=flip], [data-slot=excluded]").all_inner_texts()
    return [*(places.locator(f"[data-slot={slot}]").all_text_contents() for slot in ("link", "total", "why")), sentences]


def test_on_the_real_catalogue_the_script_ranks_the_defaults_as_the_build_did(browser: Browser, site_url: str) -> None:
    """picker.js repeats the method of webatlas.choosing: for the default choice, its ranking must be the build's."""
    with visiting(browser, site_url, java_script_enabled=False) as visit:
        visit.page.goto(PATH)
        built = ranking_of(visit.page)
    with visiting(browser, site_url) as visit:
        visit.page.add_init_script(STATIC_MARK)
        visit.page.goto(PATH, wait_until="networkidle")
        assert visit.page.evaluate("window.__staticPlaces") == len(built[0]) > 0
        expect(visit.page.locator("[data-atlas-ranking] [data-static]")).to_have_count(0)
        assert ranking_of(visit.page) == built
        assert visit.log.problems() == {}


def test_at_phone_width_nothing_scrolls_sideways(page: Page, log: PageLog) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(PATH, wait_until="networkidle")
    expect(page.locator("form[data-atlas-choose]")).to_be_visible()
    page.locator("[data-atlas-ranking] details").first.evaluate("details => details.open = true")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert log.problems() == {}


def test_without_javascript_the_page_ranks_for_the_defaults_and_shows_the_guide(browser: Browser, small_site_url: str) -> None:
    with visiting(browser, small_site_url, java_script_enabled=False) as visit:
        page = visit.page
        page.goto(PATH)
        expect(page.locator("form[data-atlas-choose]")).to_be_hidden()
        expect(names(page)).to_have_text(["Fastapi", "Django", "Litestar"])
        guide = page.get_by_role("table", name="Which candidates meet each requirement")
        # Django 1.0 fails to import on 3.13 and Sanic installs nowhere.
        on_3_13 = guide.locator("tr", has=page.get_by_role("cell", name="latest release installs on 3.13", exact=True))
        expect(on_3_13.locator("a")).to_have_text(["Fastapi", "Litestar"])
        assert visit.log.problems() == {}
