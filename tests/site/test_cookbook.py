"""The cookbook pages show every recipe with its command and versions, every gap with its reason, and entry pages link to them."""

from __future__ import annotations

import html
import re

import pytest

from tests.building import Build, read_page, shown
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.models import Task
from webatlas.site import cookbook

CATALOGUE = load_catalogue(ROOT)
FRAMEWORKS = cookbook.frameworks(CATALOGUE)
RECIPES = [recipe for task in CATALOGUE.tasks.values() for recipe in cookbook.recipes_for_task(CATALOGUE, task)]


def tab(text: str, entry_name: str) -> str:
    """The content of the tab labelled `entry_name` on a task page."""
    labels = re.findall(r'<label for="([^"]+)">([^<]+)</label>', text)
    ids = [tab_id for tab_id, label in labels if html.unescape(label) == entry_name]
    assert len(ids) == 1, f"no single tab labelled {entry_name!r}: {labels}"
    blocks = re.split(r'<div class="tabbed-block">', text.split('<div class="tabbed-content">', 1)[1])[1:]
    return blocks[[tab_id for tab_id, _ in labels].index(ids[0])]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: f"{recipe.task.slug}-{recipe.entry.slug}")
def test_each_task_page_has_a_tab_per_framework(built_site: Build, recipe: cookbook.Recipe) -> None:
    text = read_page(built_site, f"cookbook/{recipe.task.slug}/index.html")
    content = shown(tab(text, recipe.entry.name))
    if recipe.snippet is None:
        assert "Not supported." in content
        assert recipe.reason is not None and " ".join(recipe.reason.split()) in " ".join(content.split())
        return
    for line in recipe.snippet.path.read_text(encoding="utf-8").splitlines():
        assert line in content, f"{recipe.snippet.path.name}: line {line!r} is not in its tab"
    assert recipe.snippet.command() in content
    tested = cookbook.tested_with(CATALOGUE, recipe.entry)
    assert tested is not None
    assert f"Tested with {tested.package} {tested.version}" in content
    assert f"on Python {tested.python}" in content
    if tested.server is not None:
        served = f"{tested.version}, served by {tested.server.name} {tested.server_version}"
        assert (served in content) == (recipe.task.command is None), "a test file names no server; a server recipe does"
    assert recipe.entry.snippets is not None
    for feature in recipe.entry.snippets.proves.get(recipe.task.slug, []):
        assert f"so it also backs up its {CATALOGUE.features[feature].name} cell" in content


@pytest.mark.parametrize("task", [task for task in CATALOGUE.tasks.values() if task.setup], ids=lambda task: task.slug)
def test_a_task_page_shows_its_setup_script_above_the_recipes(built_site: Build, task: Task) -> None:
    assert task.setup is not None
    text = read_page(built_site, f"cookbook/{task.slug}/index.html")
    setup, recipes = text.index('id="setup"'), text.index('id="recipes"')
    assert setup < recipes < text.index('class="tabbed-set')
    content = shown(text[setup:recipes])
    for line in (ROOT / "snippets" / task.setup).read_text(encoding="utf-8").splitlines():
        assert line in content, f"{task.setup}: line {line!r} is not on the page"


def test_tab_ids_are_the_framework_slugs(built_site: Build) -> None:
    """The matrix links to `<task>/#<slug>`, so each tab's id must be its framework's slug."""
    for task in CATALOGUE.tasks:
        text = read_page(built_site, f"cookbook/{task}/index.html")
        ids = re.findall(r'<input [^>]*id="([^"]+)"[^>]*name="__tabbed', text) or re.findall(r'<input id="([^"]+)"', text)
        assert ids == [entry.slug for entry in FRAMEWORKS], task


def test_the_matrix_has_a_row_per_framework_and_a_cell_per_task(built_site: Build) -> None:
    text = read_page(built_site, "cookbook/index.html")
    table = text.split("<table>")[1].split("</table>")[0]
    rows = table.split("<tr")[2:]
    assert len(rows) == len(FRAMEWORKS)
    for entry, row in zip(FRAMEWORKS, rows, strict=True):
        cells = row.split("<td")[2:]
        assert len(cells) == len(CATALOGUE.tasks)
        for recipe, cell in zip(cookbook.recipes_of(CATALOGUE, entry), cells, strict=True):
            if recipe.snippet:
                assert f'href="{recipe.task.slug}/#{entry.slug}"' in cell
            else:
                assert "not supported" in cell and 'href="#gap-' in cell
    visible = " ".join(shown(text).split())
    for recipe in RECIPES:
        if recipe.reason:
            assert " ".join(recipe.reason.split()) in visible


@pytest.mark.parametrize("slug", [entry.slug for entry in FRAMEWORKS])
def test_entry_pages_list_their_recipes(built_site: Build, slug: str) -> None:
    text = read_page(built_site, f"catalogue/{slug}/index.html")
    section = text[text.index('id="code"') : text.index('id="releases"')]
    for recipe in cookbook.recipes_of(CATALOGUE, CATALOGUE.entries[slug]):
        assert f'id="{recipe.task.slug.replace("_", "-")}"' in section
        if recipe.snippet:
            assert f'href="../../cookbook/{recipe.task.slug}/#{slug}"' in section
        else:
            assert recipe.reason is not None and " ".join(recipe.reason.split()) in " ".join(shown(section).split())


def test_tasks_that_share_a_reason_share_one_item_and_keep_their_anchors(built_site: Build) -> None:
    text = read_page(built_site, "cookbook/index.html")
    # Channels hands plain HTTP to Django for all thirteen request-response tasks, with the same reason for each.
    shared = "Channels hands plain HTTP to Django's own ASGI application"
    assert " ".join(shown(text).split()).count(shared) == 1
    for task in ("hello-text", "json-body", "middleware", "cors", "static-files", "file-upload", "html-template"):
        assert f'id="gap-channels-{task}"' in text
