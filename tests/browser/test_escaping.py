"""Catalogue strings are shown as text: a copy of the site whose data carries script payloads runs none of them in Chromium."""

from __future__ import annotations

import csv
import io
import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Dialog, Page, Request, expect

from tests.browser.conftest import TIMEOUT_MS
from tests.building import copy_project, mkdocs_build
from tests.conftest import served

pytestmark = pytest.mark.browser

MARKS = ("xss-img", "xss-svg", "xss-attr", "xss-url", "xss-link")
TEXT = (
    'Pwn <script>window.__xss = 1</script><img id="xss-img" src="x" onerror="alert(1)"> [click](javascript:alert(1)){: #xss-link } '
    '{: #xss-attr onclick="alert(1)" } ``` <svg id="xss-svg" onload="alert(1)"></svg> & "quoted" | pipe --8<-- "mkdocs.yml" **bold**'
)
"""A payload for plain-text fields: HTML, a Markdown link, an attribute list, a fence, a table pipe and a snippet include."""
URL_TAIL = '?q="><img id="xss-url" src=x onerror=alert(1)>) [x](javascript:alert(1))'
"""Appended to URL fields: the URL stays valid http(s) on the same host and path, but is ready to end an attribute or a link."""

STRUCTURED = re.compile(
    r"(^|\.)(slug|layer|support|from|via|pypi|module|as_of|recommended|terms|layers|provided_by|level|maintained_within_months"
    r"|demonstrates|proves|setup)(\.|$)"
    r"|^facts\.(interfaces|built_on|licence|servers|own_server|archived|declared_status)\.value"
    r"|^facts\.origins\.value\.year"
)
"""Fields the models validate as slugs, enums, dates or numbers: they cannot carry text, so they are not poisoned."""


def poison(node: Any, path: str = "") -> Any:
    """`node` with every free-text string replaced by a payload that keeps what validation needs."""
    if isinstance(node, dict):
        return {key: poison(value, f"{path}.{key}" if path else str(key)) for key, value in node.items()}
    if isinstance(node, list):
        return [poison(item, f"{path}.{index}") for index, item in enumerate(node)]
    if not isinstance(node, str) or STRUCTURED.search(path):
        return node
    if node.startswith(("http://", "https://")):
        return node + URL_TAIL
    if re.fullmatch(r"snippets\.commands?(\.\w+)?|\.?\d+\.command", path):
        return node + " # " + TEXT.replace("{", "{{").replace("}", "}}")  # braces doubled: a command is a format template
    return f"{TEXT} {node}"


def poison_yaml(path: Path, extra: dict[str, Any] | None = None) -> None:
    data = poison(yaml.safe_load(path.read_text(encoding="utf-8")))
    path.write_text(yaml.safe_dump({**data, **(extra or {})}, sort_keys=False, allow_unicode=True), encoding="utf-8")


def poison_project(root: Path) -> None:
    """Payloads in FastAPI's entry, the vocabulary, the tasks, the picker's criteria, the benchmark claims, the server
    recipes' titles and notes, FastAPI's star sources and release facts, and Japronto's install failure."""
    catalogue = root / "data" / "catalogue"
    fastapi = yaml.safe_load((catalogue / "fastapi.yaml").read_text(encoding="utf-8"))
    first_feature = next(iter(fastapi["features"]))
    poison_yaml(catalogue / "fastapi.yaml", {"reason": TEXT})
    data = yaml.safe_load((catalogue / "fastapi.yaml").read_text(encoding="utf-8"))
    data["features"][first_feature]["note"] = TEXT
    (catalogue / "fastapi.yaml").write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    poison_yaml(root / "data" / "features.yaml")
    tasks = root / "data" / "tasks.yaml"
    tasks.write_text(yaml.safe_dump(poison(yaml.safe_load(tasks.read_text(encoding="utf-8"))), sort_keys=False), encoding="utf-8")

    criteria_file = root / "data" / "criteria.yaml"
    criteria = yaml.safe_load(criteria_file.read_text(encoding="utf-8"))
    for criterion in criteria["criteria"].values():
        criterion["name"], criterion["asks"] = f"{TEXT} {criterion['name']}", f"{TEXT} {criterion['asks']}"
    criteria_file.write_text(yaml.safe_dump(criteria, sort_keys=False, allow_unicode=True), encoding="utf-8")
    claims_file = root / "data" / "claims.yaml"
    claims = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    for claim in claims:
        claim["claim"], claim["article"] = f"{TEXT} {claim['claim']}", f"{TEXT} {claim['article']}"
    claims_file.write_text(yaml.safe_dump(claims, sort_keys=False, allow_unicode=True), encoding="utf-8")
    serving_file = root / "data" / "serving.yaml"
    serving = yaml.safe_load(serving_file.read_text(encoding="utf-8"))
    for recipe in serving:
        recipe["title"], recipe["note"] = f"{TEXT} {recipe['title']}", f"{TEXT} {recipe.get('note', '')}"
    serving_file.write_text(yaml.safe_dump(serving, sort_keys=False, allow_unicode=True), encoding="utf-8")
    stars = root / "data" / "github_stars.csv"
    rows = list(csv.DictReader(io.StringIO(stars.read_text(encoding="utf-8"))))
    for row in rows:
        if row["repository"] == "fastapi/fastapi":
            row["source"] = TEXT
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    stars.write_text(buffer.getvalue(), encoding="utf-8")

    snapshot_file = root / "data" / "pypi_snapshot.json"
    snapshot = json.loads(snapshot_file.read_text(encoding="utf-8"))
    releases = snapshot["packages"]["fastapi"]["releases"]
    releases[0]["version"] = TEXT
    releases[-1]["requires_python"] = TEXT
    snapshot_file.write_text(json.dumps(snapshot), encoding="utf-8")

    check_file = root / "data" / "install_check.json"
    check = json.loads(check_file.read_text(encoding="utf-8"))
    for result in check["results"]["japronto"]["pythons"].values():
        result["latest"]["failure"]["excerpt"] = TEXT
    check_file.write_text(json.dumps(check), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A copy of the project with payloads in its data, built strictly and served on loopback."""
    project = copy_project(tmp_path_factory.mktemp("poisoned") / "project")
    poison_project(project)
    build = mkdocs_build(project, project.parent / "site")
    assert build.returncode == 0, build.output
    with served(build.site_dir) as url:
        yield url


@dataclass
class Watched:
    """A page on the poisoned site, the message of every dialog it opened, and its requests still waiting for an answer."""

    page: Page
    dialogs: list[str] = field(default_factory=list)
    in_flight: set[Request] = field(default_factory=set)

    def record(self, dialog: Dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def settle(self) -> None:
        """Return once every request has its answer and the page has run what the answers set off.

        Nothing but a request's answer (a fetch or an image that loads or fails), the load events or a click sets off
        the page's scripts and the handlers a payload could carry."""
        deadline = time.monotonic() + TIMEOUT_MS / 1000
        # Each round trip through the page lets Playwright deliver the request events that arrived meanwhile.
        while self.in_flight and time.monotonic() < deadline:
            self.page.evaluate(NEXT_TASK)
        assert not self.in_flight, [request.url for request in self.in_flight]
        self.page.evaluate(NEXT_TASK)


NEXT_TASK = "() => new Promise((done) => requestAnimationFrame(() => setTimeout(done)))"
"""Resolves after the next frame and the tasks queued before it, such as an image's error event."""


@pytest.fixture
def poisoned_page(browser: Browser, poisoned_site: str) -> Iterator[Watched]:
    """A page on the poisoned site, watched for dialogs and requests."""
    context = browser.new_context(base_url=poisoned_site, viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())
    watched.page.on("dialog", watched.record)
    watched.page.on("request", lambda request: watched.in_flight.add(request))
    watched.page.on("requestfinished", lambda request: watched.in_flight.discard(request))
    watched.page.on("requestfailed", lambda request: watched.in_flight.discard(request))
    yield watched
    context.close()


INJECTED = ", ".join([*(f"#{mark}" for mark in MARKS), "[onerror]", "[onload]", "[onclick]", "a[href^='javascript:' i]"])


def assert_nothing_ran(watched: Watched) -> None:
    """Call once the page's scripts have drawn what they draw. A payload runs when its markup is parsed, when a resource
    of its element loads or fails, or on a click: once the page has loaded, every request has its answer and the page has
    run what they set off, nothing can run any more without a click, and no injected element is left to click. A dialog
    that did open blocked the page until it was dismissed, so it was recorded before the page could settle."""
    page = watched.page
    page.wait_for_load_state("load")
    watched.settle()
    assert page.locator(INJECTED).count() == 0, page.locator(INJECTED).evaluate_all("nodes => nodes.map(n => n.outerHTML)")
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert watched.dialogs == []
    assert "site_name:" not in page.content(), "a snippet include in the data pulled mkdocs.yml into the page"


PAGES = [
    "/",
    "/catalogue/fastapi/",
    "/catalogue/starlette/",
    "/catalogue/japronto/",
    "/compare/",
    "/compare/fastapi-vs-starlette/",
    # The server recipes' titles and notes, in their table and their sections, and side by side.
    "/catalogue/granian/",
    "/compare/uvicorn-vs-granian/",
    # Assembled in the browser from the columns file, names included.
    "/compare/side-by-side/?entries=fastapi,starlette,japronto",
    "/compare/table/?q=pwn",
    # Ranked in the browser from the candidates file, with names, features and criteria in its sentences.
    "/choose/?need=websockets&momentum=5",
    "/benchmarks/",
    "/features/",
    "/stars/",
    "/lineage/",
    "/method/",
    "/data/",
    "/cookbook/",
    "/cookbook/hello_text/",
    "/cookbook/resource_methods/",
    # The chart images are documents of their own, where an injected element could run script too.
    "/charts/stars.svg",
    "/charts/stars-fastapi.svg",
    "/charts/releases-fastapi.svg",
]


@pytest.mark.parametrize("path", PAGES)
def test_payloads_in_the_data_run_nowhere(poisoned_page: Watched, path: str) -> None:
    page = poisoned_page.page
    response = page.goto(path, wait_until="networkidle")
    assert response is not None and response.status == 200
    # The interactive charts draw the same text with plotly, which reads some HTML in names and hover text.
    charts = page.locator(".atlas-chart").count()
    for button in page.locator("[data-atlas-explore]").all():
        # A click event rather than a pointer: moving to one button can pass over another chart, which then starts itself.
        button.dispatch_event("click")
    expect(page.locator(".atlas-chart--interactive")).to_have_count(charts)
    assert_nothing_ran(poisoned_page)


def test_payloads_are_shown_as_the_text_they_are(poisoned_page: Watched) -> None:
    page = poisoned_page.page
    page.goto("/catalogue/fastapi/", wait_until="networkidle")
    name = page.locator("h1").evaluate("h1 => h1.firstChild.textContent")
    assert name.strip() == f"{TEXT} FastAPI"
    assert page.title().startswith(f"{TEXT} FastAPI")
    assert page.locator(".md-sidebar--primary").get_by_text(f"{TEXT} FastAPI", exact=True).count() >= 1
    assert_nothing_ran(poisoned_page)


def test_search_results_show_payloads_as_text(poisoned_page: Watched) -> None:
    page = poisoned_page.page
    page.goto("/", wait_until="networkidle")
    page.locator("input.md-search__input").click()
    page.keyboard.type("Pwn")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    assert_nothing_ran(poisoned_page)
