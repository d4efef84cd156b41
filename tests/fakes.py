"""A fake HTTP service on loopback, standing in for PyPI or GitHub so no test touches the real ones."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"[]"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeService:
    """Answers GET requests from `answers`, keyed by path and query, and records each request's path and headers."""

    url: str
    answers: dict[str, Answer] = field(default_factory=dict)
    requests: list[tuple[str, Message]] = field(default_factory=list)

    def answer_json(self, path: str, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.answers[path] = Answer(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})

    @property
    def paths(self) -> list[str]:
        return [path for path, _ in self.requests]


@contextmanager
def fake_service() -> Iterator[FakeService]:
    """Serve a FakeService on a free loopback port until the block ends; unknown paths answer 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            fake.requests.append((self.path, self.headers))
            answer = fake.answers.get(self.path, Answer(404, b'{"message": "Not Found"}'))
            self.send_response(answer.status)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    fake = FakeService(url=f"http://127.0.0.1:{server.server_address[1]}")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
