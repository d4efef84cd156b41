"""The counting client sends exactly the requests it is asked for, over the connections it is given, and fails unless
every one got a 2xx answer."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from webatlas.bench.count import client
from webatlas.bench.errors import BenchError


class Counting(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, close_each: bool) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.close_each = close_each
        self.requests: list[tuple[int, str]] = []
        """Each request's client port, which tells its connection, and path."""
        self.lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: Counting

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.requests.append((self.client_address[1], self.path))
        status = 200 if self.path == "/hello" else 404
        self.send_response(status)
        self.send_header("Content-Length", "5")
        if self.server.close_each:
            # As Gunicorn's sync worker does: one request per connection.
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(b"hello")

    def log_message(self, format: str, *args: object) -> None:
        pass


def serving(close_each: bool) -> Iterator[Counting]:
    server = Counting(close_each)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture
def keep_alive() -> Iterator[Counting]:
    yield from serving(close_each=False)


@pytest.fixture
def closing() -> Iterator[Counting]:
    yield from serving(close_each=True)


def test_requests_are_spread_over_the_connections_and_kept_alive(keep_alive: Counting) -> None:
    client.send(f"http://127.0.0.1:{keep_alive.server_port}/hello", requests=10, connections=3, timeout_s=10)
    # By hand: 10 requests on 3 connections are 4, 3 and 3, each connection on its own client port.
    assert len(keep_alive.requests) == 10
    assert {path for _, path in keep_alive.requests} == {"/hello"}
    ports = [port for port, _ in keep_alive.requests]
    assert sorted(ports.count(port) for port in set(ports)) == [3, 3, 4]


def test_a_server_that_closes_every_connection_still_gets_every_request(closing: Counting) -> None:
    client.send(f"http://127.0.0.1:{closing.server_port}/hello", requests=5, connections=2, timeout_s=10)
    assert len(closing.requests) == 5
    assert len({port for port, _ in closing.requests}) == 5


def test_answers_that_are_not_2xx_fail_the_window(keep_alive: Counting) -> None:
    with pytest.raises(BenchError, match=re.escape("of 4 requests to http://127.0.0.1:") + r"\d+/nowhere, 0 got a 2xx answer"):
        client.send(f"http://127.0.0.1:{keep_alive.server_port}/nowhere", requests=4, connections=2, timeout_s=10)
