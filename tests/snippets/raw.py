"""HTTP/1.1 over a plain socket, for what a client library would tidy up: `..` in paths, and bodies a server refuses mid-way."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class RawResponse:
    status: int
    headers: dict[str, str]
    body: bytes


def _read_response(connection: socket.socket) -> RawResponse:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    length = int(headers.get("content-length", "0") or 0)
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            break
        body += chunk
    return RawResponse(status, headers, body)


def request(base_url: str, method: str, path: str, headers: dict[str, str] | None = None, body: Iterable[bytes] = ()) -> RawResponse:
    """Send the request exactly as given; a server that stops reading the body early may still answer, and that is read."""
    address = urlsplit(base_url)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {address.netloc}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    with socket.create_connection((address.hostname, address.port), timeout=30) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        # A server that refuses a body closes the connection while it is still being sent.
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            for chunk in body:
                connection.sendall(chunk)
        return _read_response(connection)
