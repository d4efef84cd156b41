"""Fake HTTP services behind httpx.MockTransport, standing in for PyPI or GitHub so no test touches the real ones."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class Answer:
    status: int = 200
    body: bytes = b"[]"
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class FakeService:
    """Answers GET requests from `answers`, keyed by path and query, and records each request; unknown paths answer 404.

    An answer that is an httpx.TransportError is raised instead, as the network would: a timeout, a refused connection.
    """

    url: str
    answers: dict[str, Answer | httpx.TransportError] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)

    def answer_json(self, path: str, body: Any, status: int = 200, headers: dict[str, str] | None = None) -> None:
        self.answers[path] = Answer(status, json.dumps(body).encode(), {"Content-Type": "application/json", **(headers or {})})

    @property
    def paths(self) -> list[str]:
        return [request.url.raw_path.decode() for request in self.requests]

    def serves(self, url: httpx.URL) -> bool:
        own = httpx.URL(self.url)
        return (url.scheme, url.host, url.port) == (own.scheme, own.host, own.port)

    def answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.get(request.url.raw_path.decode(), Answer(404, b'{"message": "Not Found"}'))
        if isinstance(answer, httpx.TransportError):
            raise answer
        return httpx.Response(answer.status, headers=answer.headers, content=answer.body)


def transport(*services: FakeService) -> httpx.MockTransport:
    """Route each request to the service at its scheme, host and port; any other address refuses the connection."""

    def route(request: httpx.Request) -> httpx.Response:
        for service in services:
            if service.serves(request.url):
                return service.answer(request)
        raise httpx.ConnectError(f"no fake service at {request.url.host}", request=request)

    return httpx.MockTransport(route)
