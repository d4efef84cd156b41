"""Task lifespan: the app makes one HTTP client at startup, checking its upstream answers before it serves anyone, uses
it in a handler, and closes it when SIGTERM stops the server. The upstream is a small server the test runs."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from tests.snippets.cases import snippets_for
from tests.snippets.running import running, unexplained_warnings
from webatlas.catalogue.snippets import Snippet
from webatlas.processes import free_port

pytestmark = pytest.mark.snippet

FIRST_ANSWER_DELAY_S = 1.0
"""The upstream holds its first answer, the startup check's, this long: a server that lets requests in before startup
has finished is caught in that second."""
FIRST_ANSWER_WITHIN_S = 30
CLOSED = "upstream client closed"


@dataclass
class Upstream:
    """What the upstream saw: when each request arrived and when it was answered, in order."""

    url: str
    seen: list[tuple[float, float]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


@pytest.fixture
def upstream() -> Iterator[Upstream]:
    port = free_port()
    record = Upstream(f"http://127.0.0.1:{port}")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            arrived = time.monotonic()
            with record.lock:
                first = not record.seen
                record.seen.append((arrived, float("inf")))
                index = len(record.seen) - 1
            if first:
                time.sleep(FIRST_ANSWER_DELAY_S)
            body = b'{"ok": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            with record.lock:
                record.seen[index] = (arrived, time.monotonic())

        def log_message(self, format: str, *args: object) -> None:
            """Quiet: the test reads what it needs from `record`."""

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield record
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def first_answer(base_url: str) -> httpx.Response:
    """The first answer to `GET /` the server gives, trying from the moment it was started."""
    deadline = time.monotonic() + FIRST_ANSWER_WITHIN_S
    while True:
        try:
            return httpx.get(base_url + "/", timeout=FIRST_ANSWER_WITHIN_S, trust_env=False)
        except httpx.TransportError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(0.02)


@pytest.mark.parametrize("snippet", snippets_for("lifespan"))
def test_the_client_lives_from_startup_to_shutdown(snippet: Snippet, upstream: Upstream, tmp_path: Path) -> None:
    # Ready at once: the test itself knocks from the start, to catch a server that answers before startup is done.
    with running(snippet, tmp_path, env={"UPSTREAM_URL": upstream.url}, ready=lambda port: True) as server:
        response = first_answer(server.base_url)
        assert response.status_code == 200, response.text
        assert response.json() == {"upstream": 200}
        for _ in range(3):
            assert httpx.get(server.base_url + "/", trust_env=False).json() == {"upstream": 200}
        with upstream.lock:
            seen = list(upstream.seen)
        # The startup check, then one upstream request per request to the app, each after startup had its answer.
        assert len(seen) == 5, f"the upstream saw {len(seen)} requests for a startup check and four requests"
        startup_answered = seen[0][1]
        assert all(arrived >= startup_answered for arrived, _ in seen[1:]), "a request was handled before startup finished"
    # Leaving the block sent the server SIGTERM and waited for it to exit.
    output = server.log.read_text(errors="replace")
    assert CLOSED in output, f"no {CLOSED!r} in the server's output after SIGTERM:\n{output}"
    assert unexplained_warnings(output, snippet.entry.slug) == []
