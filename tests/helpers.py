"""Helpers shared by the test packages: the project root, free ports and a plain HTTP client."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port on loopback that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes

    @property
    def media_type(self) -> str:
        return self.headers.get_content_type()

    @property
    def charset(self) -> str | None:
        return self.headers.get_content_charset()


def http_get(url: str, timeout: float = 5) -> Response:
    """GET `url` and return the answer whatever its status."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as answer:
            return Response(answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as answer:
        return Response(answer.code, answer.headers, answer.read())
