"""Each server recipe of data/serving.yaml, started with its script as a reader would, behind a real nginx: its workers,
its health endpoint, whose forwarded headers it believes, the prefix it puts back, and what SIGTERM does to a request
in flight. Every expectation comes from the recipe's entry, which the server pages show."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import psutil
import pytest

from tests.helpers import ROOT
from webatlas import nginx, processes
from webatlas.catalogue.benchmarks.server_setups import SERVERS_ENVIRONMENT
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.serving import SERVING_DIR, ServingRecipe

pytestmark = pytest.mark.snippet

RECIPES = list(load_catalogue(ROOT).serving.values())
FOLDER = ROOT / SERVING_DIR
STARTUP_S = 30
WAIT_S = 20
POLL_S = 0.05
PROXY = "127.0.0.1"
"""Where nginx connects from, the one address the recipes trust."""
CLIENT = "127.0.0.2"
"""Where the test's clients connect from: another loopback address, so the server can tell them from the proxy."""
SPOOFED = "203.0.113.7"
MOUNT = "/api"
"""Where nginx serves the app."""


@dataclass(frozen=True)
class Served:
    recipe: ServingRecipe
    port: int
    process: processes.Process
    log: Path

    @property
    def url(self) -> str:
        """Where a client that reaches the server directly finds the app: under the mount if the server removes it."""
        return f"http://127.0.0.1:{self.port}{MOUNT if self.recipe.prefix_removed_by == 'the server' else ''}"


@contextlib.contextmanager
def serving(recipe: ServingRecipe, log_dir: Path) -> Iterator[Served]:
    """The recipe's script run from its folder in the servers' environment, on a free port, always stopped after."""
    port = processes.free_port()
    log = log_dir / f"{recipe.slug}.log"
    command = processes.environment_command(ROOT, SERVERS_ENVIRONMENT, ["sh", recipe.script], cwd=FOLDER, log=log)
    command = replace(command, env={**command.env, "PORT": str(port)})
    with processes.running(command, lambda: processes.answers_http(port), STARTUP_S) as process:
        yield Served(recipe, port, process, log)


def client(local_address: str = CLIENT, **options: object) -> httpx.Client:
    """A client from `local_address` that opens a new connection for every request, so that each may reach any worker."""
    transport = httpx.HTTPTransport(local_address=local_address, verify=False, limits=httpx.Limits(max_keepalive_connections=0))
    return httpx.Client(transport=transport, timeout=30, trust_env=False, **options)  # type: ignore[arg-type]


def proxy_config(served: Served) -> str:
    """The recipe's documented nginx location, pointed at the port the test started the server on."""
    text = (FOLDER / served.recipe.proxy_config).read_text(encoding="utf-8")
    assert "127.0.0.1:8000" in text
    return text.replace("127.0.0.1:8000", f"127.0.0.1:{served.port}")


@pytest.fixture(scope="module", params=RECIPES, ids=lambda recipe: recipe.slug)
def served(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    with serving(request.param, tmp_path_factory.mktemp(request.param.slug)) as started:
        yield started


def test_the_health_endpoint_answers(served: Served) -> None:
    with client() as http:
        response = http.get(f"{served.url}/health")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_directly_the_app_answers_outside_the_mount_only_if_the_proxy_removes_it(served: Served) -> None:
    with client() as http:
        response = http.get(f"http://127.0.0.1:{served.port}/health")
    assert (response.status_code == 200) == (served.recipe.prefix_removed_by == "the proxy"), response.text


def test_each_worker_is_a_process_of_its_own(served: Served) -> None:
    seen: set[int] = set()
    deadline = time.monotonic() + WAIT_S
    with client() as http:
        # Which worker accepts a connection is the kernel's choice: ask until every one has answered.
        while len(seen) < served.recipe.workers and time.monotonic() < deadline:
            seen.add(http.get(f"{served.url}/").json()["pid"])
    assert len(seen) == served.recipe.workers, f"{len(seen)} process ids answered in {WAIT_S} s: {sorted(seen)}"
    server = psutil.Process(served.process.pid)
    assert seen <= {process.pid for process in [server, *server.children(recursive=True)]}


def believed_address(recipe: ServingRecipe, connected_from: str, forwarded_for: str) -> str:
    """The client address the app sees when a connection whose forwarded headers the server believes sends
    X-Forwarded-For: forwarded_for."""
    return connected_from if recipe.forwarded_from == "the proxy, scheme only" else forwarded_for


def test_behind_the_proxy_the_app_sees_the_client_and_its_prefix(served: Served, tmp_path: Path) -> None:
    with nginx.running_proxy(proxy_config(served), tmp_path, tls=True) as proxy, client() as http:
        response = http.get(f"{proxy.url}/api/")
        assert response.status_code == 200, response.text
        seen = response.json()
        assert (seen["client"], seen["scheme"]) == (believed_address(served.recipe, PROXY, CLIENT), "https")
        assert seen["health_url"] == f"{proxy.url}/api/health"
        assert http.get(seen["health_url"]).json() == {"status": "ok"}


def test_a_client_that_reaches_the_server_directly_cannot_claim_another_address(served: Served) -> None:
    with client() as http:
        seen = http.get(f"{served.url}/", headers={"X-Forwarded-For": SPOOFED, "X-Forwarded-Proto": "https"}).json()
    believed = (believed_address(served.recipe, CLIENT, SPOOFED), "https") if served.recipe.forwarded_from == "anyone" else (CLIENT, "http")
    assert (seen["client"], seen["scheme"]) == believed


def test_from_the_proxy_the_forwarded_headers_are_believed(served: Served) -> None:
    with client(PROXY) as http:
        seen = http.get(f"{served.url}/", headers={"X-Forwarded-For": SPOOFED, "X-Forwarded-Proto": "https"}).json()
    assert (seen["client"], seen["scheme"]) == (believed_address(served.recipe, PROXY, SPOOFED), "https")


def wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT_S
    while not condition():
        if time.monotonic() >= deadline:
            pytest.fail(f"{what} did not happen within {WAIT_S} s", pytrace=False)
        time.sleep(POLL_S)


def got_its_answer(answers: list[httpx.Response | httpx.HTTPError]) -> bool:
    """Whether the slow request has ended with its full answer."""
    answer = answers[0] if answers else None
    return isinstance(answer, httpx.Response) and (answer.status_code, answer.json()) == (200, {"slow": "done"})


PROBE_S = 1.0
"""How long a probe waits for an answer on a connection the server took: past it, the server is holding it unanswered."""


HELD_S = 0.25
"""A connection reset after waiting this long was held in the server's queue, not caught at the instant of a close."""


def probe(http: httpx.Client, url: str) -> str | None:
    """What becomes of one new connection: refused, held unanswered ("dropped", whether it times out or is reset once
    the server exits), served; or None when it is reset at once, as one that reaches a socket at the instant its server
    closes it is, which tells nothing."""
    started = time.monotonic()
    try:
        http.get(f"{url}/health", timeout=PROBE_S)
    except httpx.ConnectError:
        return "refused"
    except httpx.TimeoutException:
        return "dropped"
    except httpx.TransportError:
        return "dropped" if time.monotonic() - started >= HELD_S else None
    return "served"


FATES = ("served", "dropped", "refused")
"""A new connection's fates, from the least to the most shut: what any connection met while the request was in flight
outweighs what those before it met, since the first ones may beat the signal."""


def new_connections(url: str, answers: list[httpx.Response | httpx.HTTPError]) -> tuple[str, str]:
    """What a server that got SIGTERM does with new connections while a request is in flight: the most shut fate that
    any of them met before that request got its answer. A server that cuts the request off has no such while, so then
    it is the first clear fate after. Also every probe's fate in order, for a failure to quote."""
    found: list[str] = []
    seen: list[tuple[float, str]] = []
    started = time.monotonic()
    with client() as http:
        while time.monotonic() - started < WAIT_S:
            in_flight = not answers
            fate = probe(http, url)
            seen.append((time.monotonic() - started, f"{fate or 'reset at once'}{'' if in_flight else ' (answered)'}"))
            if fate is not None:
                if not in_flight:
                    return (max(found, key=FATES.index) if found and got_its_answer(answers) else fate), history(seen)
                found.append(fate)
            time.sleep(POLL_S)
    pytest.fail(f"new connections still had no clear fate {WAIT_S} s after SIGTERM: {history(seen)}", pytrace=False)


def history(seen: list[tuple[float, str]]) -> str:
    """Probes' fates as runs, such as "served x1 at 0.01 s, refused x40 from 0.06 s"."""
    runs: list[list[object]] = []
    for at, fate in seen:
        if runs and runs[-1][0] == fate:
            runs[-1][1] = int(str(runs[-1][1])) + 1
        else:
            runs.append([fate, 1, at])
    return ", ".join(f"{fate} x{count} from {at:.2f} s" for fate, count, at in runs)


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.slug)
def test_what_sigterm_does_to_a_request_in_flight_and_to_new_ones(recipe: ServingRecipe, tmp_path: Path) -> None:
    with serving(recipe, tmp_path) as started:
        answers: list[httpx.Response | httpx.HTTPError] = []

        def slow_request() -> None:
            with client() as http:
                try:
                    answers.append(http.get(f"{started.url}/slow"))
                except httpx.HTTPError as error:
                    answers.append(error)

        thread = threading.Thread(target=slow_request)
        thread.start()
        try:
            wait_for(lambda: "slow request started" in started.log.read_text(errors="replace"), "the slow request's start")
            # As a process manager stops a service: SIGTERM to the process it started, the server's main process.
            os.kill(started.process.pid, signal.SIGTERM)
            found, probes = new_connections(started.url, answers)
            missed = found == "served" and recipe.may_miss_sigterm and still_served(started)
        finally:
            thread.join(timeout=WAIT_S)
    [answer] = answers
    log = started.log.read_text(errors="replace")[-2000:]
    assert got_its_answer(answers) == recipe.in_flight_finishes, f"the request in flight got {answer!r}; probes: {probes}\n{log}"
    if not missed:
        assert found == recipe.new_connections_after_sigterm, f"probes: {probes}\n{log}"


def still_served(served: Served) -> bool:
    """Whether a new connection is still served once the request in flight has ended: a worker that missed SIGTERM
    goes on until it is killed, while a server whose workers all heard it refuses or drops it by then, or has exited."""
    with client() as http:
        return probe(http, served.url) == "served"


def test_every_maintained_server_has_a_recipe_and_the_archived_one_none() -> None:
    # By hand from the catalogue: NGINX Unit is archived, the other five servers are maintained.
    assert {recipe.server for recipe in RECIPES} == {"daphne", "granian", "gunicorn", "hypercorn", "uvicorn"}
    catalogue = load_catalogue(ROOT)
    servers = {slug: catalogue.status_of(entry).status for slug, entry in catalogue.entries.items() if entry.layer == "server"}
    assert servers.pop("nginx-unit") == "archived"
    assert set(servers) == {recipe.server for recipe in RECIPES}


PAGE_SCRIPTS = sorted([*FOLDER.glob("*.sh"), *FOLDER.glob("*.conf"), ROOT / "snippets" / "_postgresql" / "start.sh"])
"""Shell scripts and configuration that pages show whole, all at the width of a code block."""


@pytest.mark.parametrize("path", PAGE_SCRIPTS, ids=lambda path: path.name)
def test_a_script_fits_the_page_without_scrolling(path: Path) -> None:
    long = [number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1) if len(line) > 72]
    assert not long, f"{path.name}: lines {long} are over 72 columns, the width a code block shows"


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.slug)
def test_a_script_runs_the_app_of_its_interface_or_the_wrapper_its_entry_names(recipe: ServingRecipe) -> None:
    plain = {"asgi": "app", "wsgi": "wsgi_app"}[recipe.interface]
    module = recipe.wrapper.removesuffix(".py") if recipe.wrapper else plain
    assert re.search(rf"(?<![\w.]){module}:app\b", (FOLDER / recipe.script).read_text(encoding="utf-8"))
    if recipe.wrapper:
        assert f"from {plain} import app" in (FOLDER / recipe.wrapper).read_text(encoding="utf-8")


@pytest.mark.parametrize("recipe", RECIPES, ids=lambda recipe: recipe.slug)
def test_a_recipe_names_every_pinned_distribution_it_imports_besides_its_server(recipe: ServingRecipe) -> None:
    # Modules that the wrapper imports or the script names as module.Class, such as a worker class; a distribution's
    # module is its name with underscores, as uvicorn_worker is uvicorn-worker's.
    wrapper = (FOLDER / recipe.wrapper).read_text(encoding="utf-8") if recipe.wrapper else ""
    modules = set(re.findall(r"(?m)^(?:from|import) (\w+)", wrapper))
    modules |= set(re.findall(r"\b([a-z_]\w*)\.[A-Z]\w*", (FOLDER / recipe.script).read_text(encoding="utf-8")))
    pinned = set(load_catalogue(ROOT).serving_pins)
    imported = {module.replace("_", "-") for module in modules} & pinned
    assert imported - {recipe.server} <= set(recipe.uses)
