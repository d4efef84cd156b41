"""The picker in Chromium: its ranking for two sets of weights equals the Python method's, a suggested weight change
swaps the top two, the address restores the choice, the keyboard works, it fits a phone, and without its script the
page still ranks for the defaults and shows the decision guide."""

from __future__ import annotations

from collections.abc import Mapping

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PageLog, visiting
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.choosing import published, wording
from webatlas.choosing.candidates import candidates
from webatlas.choosing.scoring import Choice, Ranking, rank

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
PEOPLE = candidates(CATALOGUE)
FEATURES = published.feature_names(CATALOGUE)
CRITERIA = CATALOGUE.criteria.criteria.by_slug()
DEFAULT = published.default_choice(CATALOGUE, PEOPLE)
PATH = "/choose/"


def ranked(weights: Mapping[str, int], **requirements: object) -> Ranking:
    return rank(PEOPLE, Choice(weights=dict(weights), statuses=DEFAULT.statuses, **requirements), FEATURES)  # type: ignore[arg-type]


def shown(page: Page) -> list[str]:
    places = page.locator("[data-atlas-ranking] ol > li")
    return [str(slug) for slug in places.evaluate_all("items => items.map(item => item.dataset.slug)")]


def slugs(ranking: Ranking) -> list[str]:
    return [place.candidate.slug for place in ranking.places]


def set_weight(page: Page, criterion: str, weight: int) -> None:
    page.locator(f"input[type=range][name={criterion}]").fill(str(weight))


WEIGHT_SETS = [
    {"maturity": 5, "momentum": 0, "batteries": 1},
    {"maturity": 0, "momentum": 5, "batteries": 2},
]


@pytest.mark.parametrize("weights", WEIGHT_SETS, ids=["maturity-first", "momentum-first"])
def test_the_ranking_for_a_set_of_weights_equals_the_python_method(
    page: Page, log: PageLog, site_url: str, weights: dict[str, int]
) -> None:
    page.goto(PATH, wait_until="networkidle")
    page.locator("input[name=need][value=websockets]").check()
    for criterion, weight in weights.items():
        set_weight(page, criterion, weight)
    weights = {**DEFAULT.weights, **weights}
    expected = ranked(weights, features=frozenset({"websockets"}))
    assert shown(page) == slugs(expected)
    expect(page.locator("[data-slot=flip]")).to_have_text(wording.flip(expected, CRITERIA))
    expect(page.locator("[data-slot=summary]")).to_have_text(wording.summary(expected, weights, CRITERIA))
    first = page.locator("[data-atlas-ranking] ol > li").first
    expect(first.locator("[data-slot=why]")).to_have_text(wording.why(expected.places[0], expected.places[1], CRITERIA))
    expect(first.locator("[data-slot=total]")).to_have_text(str(wording.out_of_100(expected.places[0].total)))
    excluded = [candidate.name for candidate, _ in expected.excluded]
    assert page.locator("[data-slot=excluded] a").all_text_contents() == excluded
    query = "&".join(f"{criterion}={weight}" for criterion, weight in weights.items() if weight != DEFAULT.weights[criterion])
    expect(page).to_have_url(f"{site_url}{PATH}?need=websockets&{query}")
    assert log.problems() == {}


def test_the_suggested_weight_change_swaps_the_top_two(page: Page, log: PageLog) -> None:
    # Whether one change can swap the top two depends on the data, so the first stated set that allows one is used.
    stated = ({**DEFAULT.weights, **weights} for weights in WEIGHT_SETS)
    weights = next((weights for weights in stated if ranked(weights).flips), {})
    assert weights, "no stated set of weights leaves a single change that swaps the top two; add one"
    page.goto(PATH + "?" + "&".join(f"{name}={value}" for name, value in weights.items()), wait_until="networkidle")
    expected = ranked(weights)
    flip = expected.flips[0]
    first, second = shown(page)[:2]
    set_weight(page, flip.criterion, flip.to)
    after = shown(page)
    # The change puts the second ahead of the first; a third may overtake both, which the page then shows too.
    assert after.index(second) < after.index(first)
    assert after == slugs(ranked({**weights, flip.criterion: flip.to}))
    assert log.problems() == {}


def test_requirements_exclude_with_reasons_and_reloading_the_address_restores_them(page: Page, log: PageLog, site_url: str) -> None:
    page.goto(PATH, wait_until="networkidle")
    page.get_by_label("Interface").select_option("WSGI")
    page.get_by_label("Works on Python").select_option("3.13")
    page.locator("input[name=status][value=maintenance]").uncheck()
    expected = rank(PEOPLE, Choice(weights=DEFAULT.weights, statuses=frozenset({"active"}), interface="WSGI", python="3.13"), FEATURES)
    assert shown(page) == slugs(expected)
    reasons = {candidate.name: "; ".join(problems) for candidate, problems in expected.excluded}
    page.get_by_text("Excluded:").click()
    items = page.locator("[data-slot=excluded] li").all()
    assert len(items) == len(reasons)
    for item in items:
        name = item.locator("a").inner_text()
        assert item.inner_text() == f"{name}: {reasons[name]}"
    expect(page).to_have_url(f"{site_url}{PATH}?interface=WSGI&python=3.13&status=active")
    page.reload(wait_until="networkidle")
    assert shown(page) == slugs(expected)
    expect(page.get_by_label("Interface")).to_have_value("WSGI")
    expect(page.locator("input[name=status][value=maintenance]")).not_to_be_checked()
    page.get_by_role("button", name="Back to the defaults").click()
    # The form resets its fields after the event, so the page re-ranks a moment later, as it changes the address.
    expect(page).to_have_url(f"{site_url}{PATH}")
    assert shown(page) == slugs(ranked(DEFAULT.weights))
    assert log.problems() == {}


def test_weights_change_from_the_keyboard(page: Page, log: PageLog, site_url: str) -> None:
    page.goto(PATH, wait_until="networkidle")
    page.get_by_role("slider", name="Momentum").focus()
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    expect(page.locator("output[for=atlas-weight-momentum]")).to_have_text("5")
    assert shown(page) == slugs(ranked({**DEFAULT.weights, "momentum": 5}))
    expect(page).to_have_url(f"{site_url}{PATH}?momentum=5")
    # Performance takes a weight once a benchmark set is committed, and not before.
    performance = page.get_by_role("slider", name="Performance")
    if "performance" in DEFAULT.weights:
        expect(performance).to_be_enabled()
    else:
        expect(performance).to_be_disabled()
    assert log.problems() == {}


def test_at_phone_width_nothing_scrolls_sideways(page: Page, log: PageLog) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(PATH, wait_until="networkidle")
    expect(page.locator("form[data-atlas-choose]")).to_be_visible()
    page.locator("[data-atlas-ranking] details").first.evaluate("details => details.open = true")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert log.problems() == {}


def test_without_javascript_the_page_ranks_for_the_defaults_and_shows_the_guide(browser: Browser, site_url: str) -> None:
    with visiting(browser, site_url, java_script_enabled=False) as visit:
        page = visit.page
        page.goto(PATH)
        expect(page.locator("form[data-atlas-choose]")).to_be_hidden()
        assert shown(page) == slugs(ranked(DEFAULT.weights))
        guide = page.get_by_role("table", name="Which candidates meet each requirement")
        websockets = guide.locator("tr", has=page.locator("th", has_text="WebSockets"))
        offering = sorted(candidate.name for candidate in PEOPLE if "websockets" in candidate.offered)
        assert sorted(websockets.locator("a").all_text_contents()) == offering
        assert visit.log.problems() == {}
