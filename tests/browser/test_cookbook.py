"""The cookbook in Chromium: one tab per framework, a choice that follows the reader from task to task, and matrix links."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import PageLog
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.site import cookbook

pytestmark = pytest.mark.browser

CATALOGUE = load_catalogue(ROOT)
FRAMEWORKS = cookbook.frameworks(CATALOGUE)
TASKS = list(CATALOGUE.tasks)


def selected_tab(page: Page) -> str:
    """The label of the tab the first tab set shows."""
    return page.locator(".tabbed-set").first.locator(".tabbed-labels > label").evaluate_all(
        """labels => labels.filter(label => document.getElementById(label.htmlFor).checked).map(label => label.textContent.trim())[0]"""
    )


@pytest.mark.parametrize("task", [TASKS[0], "websocket_echo"])
def test_a_task_page_shows_one_tab_per_framework(page: Page, log: PageLog, task: str) -> None:
    page.goto(f"/cookbook/{task}/", wait_until="networkidle")
    labels = page.locator(".tabbed-set").first.locator(".tabbed-labels > label").all_text_contents()
    assert [label.strip() for label in labels] == [entry.name for entry in FRAMEWORKS]
    assert log.problems() == {}


def test_choosing_a_framework_keeps_it_chosen_on_other_task_pages(page: Page, log: PageLog) -> None:
    chosen = FRAMEWORKS[-1]
    page.goto(f"/cookbook/{TASKS[0]}/", wait_until="networkidle")
    assert selected_tab(page) == FRAMEWORKS[0].name
    page.locator(".tabbed-set").first.locator(".tabbed-labels > label", has_text=chosen.name).first.click()
    expect(page.locator(f"#{chosen.slug}")).to_be_checked()
    for task in TASKS[1:3]:
        page.goto(f"/cookbook/{task}/", wait_until="networkidle")
        assert selected_tab(page) == chosen.name, task
        expect(page.locator(".tabbed-set").first.locator(".tabbed-block").nth(FRAMEWORKS.index(chosen))).to_be_visible()
    assert log.problems() == {}


def test_a_matrix_cell_opens_the_framework_tab(page: Page, log: PageLog, site_url: str) -> None:
    target = FRAMEWORKS[len(FRAMEWORKS) // 2]
    task = next(recipe.task for recipe in cookbook.recipes_of(CATALOGUE, target) if recipe.snippet)
    page.goto("/cookbook/", wait_until="networkidle")
    page.locator(f'.atlas-cookbook a[href="{task.slug}/#{target.slug}"]').click()
    expect(page).to_have_url(f"{site_url}/cookbook/{task.slug}/#{target.slug}")
    expect(page.locator(f"#{target.slug}")).to_be_checked()
    assert log.problems() == {}


def test_a_tab_shows_the_recipe_or_why_there_is_none(page: Page, log: PageLog) -> None:
    recipes = cookbook.recipes_for_task(CATALOGUE, CATALOGUE.tasks["websocket_echo"])
    written = next(recipe for recipe in recipes if recipe.snippet)
    missing = next(recipe for recipe in recipes if not recipe.snippet)
    page.goto("/cookbook/websocket_echo/", wait_until="networkidle")
    tabs = page.locator(".tabbed-set").first
    for recipe in (written, missing):
        tabs.locator(".tabbed-labels > label", has_text=recipe.entry.name).first.click()
        shown = tabs.locator(".tabbed-block").nth(FRAMEWORKS.index(recipe.entry))
        expect(shown).to_be_visible()
        if recipe.snippet:
            docstring = recipe.snippet.path.read_text().splitlines()[0]
            expect(shown.locator("code").first).to_contain_text(docstring)
        else:
            expect(shown).to_contain_text("Not supported.")
            cell = shown.locator(f'a[href$="catalogue/{recipe.entry.slug}/#feature-websockets"]')
            expect(cell).to_have_count(1)
    assert log.problems() == {}
