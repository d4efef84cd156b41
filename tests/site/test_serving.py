"""Server pages show their production recipes, each script whole, and a table of what the tests found; the pages that
compare two servers show both servers' rows; a server no longer maintained says why it has none."""

from __future__ import annotations

import re

import pytest

from tests.building import Build, read_page, shown
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.serving import SERVING_DIR, ServingRecipe

CATALOGUE = load_catalogue(ROOT)
RECIPES = list(CATALOGUE.serving.values())
AT_SIGTERM = {True: "finishes", False: "is cut off"}
AFTER_SIGTERM = {"refused": "is refused", "dropped": "is dropped unanswered", "served": "is still served"}


def table_rows(page: str) -> list[list[str]]:
    """The rows of the table in the page's production section, each a list of the texts of its cells."""
    section = page.split('id="production"', 1)[1]
    table = section.split("<table>", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [[" ".join(shown(cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)] for row in body.split("</tr>")[:-1]]


def expected_row(recipe: ServingRecipe) -> list[str]:
    return [
        recipe.title,
        recipe.interface.upper(),
        str(recipe.workers),
        recipe.forwarded_from,
        recipe.prefix_removed_by,
        AT_SIGTERM[recipe.in_flight_finishes],
        AFTER_SIGTERM[recipe.new_connections_after_sigterm]
        + (", or served by a worker that missed the signal" if recipe.may_miss_sigterm else ""),
    ]


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.slug)
def test_a_server_page_shows_each_recipe_whole_with_its_results(built_site: Build, recipe: ServingRecipe) -> None:
    page = read_page(built_site, f"catalogue/{recipe.server}/index.html")
    assert expected_row(recipe) in table_rows(page)
    section = page.split(f'id="production-{recipe.slug}"', 1)[1]
    content = shown(section)
    for name in filter(None, (recipe.script, recipe.wrapper)):
        for line in (ROOT / SERVING_DIR / name).read_text(encoding="utf-8").splitlines():
            assert line in content, f"{name}: line {line!r} is not on the page"
    assert f"Tested with {TESTED_WITH[recipe.slug]}" in " ".join(content.split())


def pinned(name: str) -> str:
    pins = (ROOT / "requirements" / "bench" / "servers.txt").read_text(encoding="utf-8")
    [version] = re.findall(rf"(?im)^{re.escape(name)}==(\S+)$", pins)
    return f"{name} {version}"


TESTED_WITH = {
    **{recipe.slug: pinned(recipe.server) for recipe in RECIPES},
    # By hand: the one recipe that runs distributions besides its server.
    "gunicorn-uvicorn-worker": f"{pinned('gunicorn')}, {pinned('uvicorn-worker')} and {pinned('uvicorn')}",
}


@pytest.mark.parametrize("server", ["uvicorn"])
def test_a_server_page_shows_the_proxy_and_the_app_once(built_site: Build, server: str) -> None:
    content = shown(read_page(built_site, f"catalogue/{server}/index.html"))
    for name in ("nginx.conf", "app.py"):
        for line in (ROOT / SERVING_DIR / name).read_text(encoding="utf-8").splitlines():
            assert line in content, f"{name}: line {line!r} is not on the page"


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.slug)
def test_a_server_page_shows_the_proxy_each_recipe_runs_behind(built_site: Build, recipe: ServingRecipe) -> None:
    content = shown(read_page(built_site, f"catalogue/{recipe.server}/index.html"))
    for line in (ROOT / SERVING_DIR / recipe.proxy_config).read_text(encoding="utf-8").splitlines():
        assert line in content, f"{recipe.proxy_config}: line {line!r} is not on the page"


SERVER_PAIRS = [pair for pair in CATALOGUE.pairs if all(CATALOGUE.entries[slug].layer == "server" for slug in pair)]


@pytest.mark.parametrize(("first", "second"), SERVER_PAIRS)
def test_a_page_comparing_two_servers_shows_the_rows_of_both(built_site: Build, first: str, second: str) -> None:
    rows = table_rows(read_page(built_site, f"compare/{first}-vs-{second}/index.html"))
    expected = [expected_row(recipe) for slug in (first, second) for recipe in RECIPES if recipe.server == slug]
    assert rows == expected


def test_an_archived_server_has_no_recipe_and_says_why(built_site: Build) -> None:
    content = " ".join(shown(read_page(built_site, "catalogue/nginx-unit/index.html")).split())
    assert "The site writes production recipes for maintained servers only, and NGINX Unit is archived." in content
    assert not [recipe for recipe in RECIPES if recipe.server == "nginx-unit"]


GRACEFUL = {"uvicorn": "built-in", "gunicorn": "built-in", "granian": "built-in", "hypercorn": "built-in", "daphne": "no"}
"""By hand from data/serving.yaml: a request in flight finished in some recipe of each server but Daphne's one."""


@pytest.mark.parametrize(("server", "support"), GRACEFUL.items())
def test_a_server_page_says_its_recipes_prove_its_graceful_shutdown(built_site: Build, server: str, support: str) -> None:
    page = read_page(built_site, f"catalogue/{server}/index.html")
    at = page.index('id="feature-graceful_shutdown"')
    row = page[page.rfind("<tr", 0, at) : page.index("</tr>", at)]
    cells = [" ".join(shown(cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
    assert cells[1].endswith(support)
    assert cells[2] == "the tests of its production recipes"
    assert 'href="./#production"' in row


def test_a_page_comparing_two_servers_links_each_graceful_shutdown_cell_to_its_recipes(built_site: Build) -> None:
    page = read_page(built_site, "compare/uvicorn-vs-hypercorn/index.html")
    at = page.index("Graceful shutdown</a></th>")
    row = page[page.rfind("<tr", 0, at) : page.index("</tr>", at)]
    for server in ("uvicorn", "hypercorn"):
        version = pinned(server).split()[1]
        assert f"proved by its production recipes, run with {version}" in row
        assert f'href="../../catalogue/{server}/#production">Recipes: running it in production</a>' in row
