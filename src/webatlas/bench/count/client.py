"""The counting client: an exact number of GET requests over a few keep-alive connections, one at a time on each.

Python's http.client rather than a load tool: under callgrind the server is the slow side, so the client's speed does
not matter, and it reads every server's answers, where h2load refuses Hypercorn's empty reason phrase.
"""

from __future__ import annotations

import http.client
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from webatlas.bench.errors import BenchError

DESCRIPTION = "http.client, one GET at a time on each keep-alive connection, reconnecting where the server closes"


def _send_on_one_connection(host: str, port: int, path: str, requests: int, timeout_s: float) -> int:
    """Send `requests` requests on one connection, which http.client opens again if the server closes it; return how
    many got a 2xx answer."""
    connection = http.client.HTTPConnection(host, port, timeout=timeout_s)
    ok = 0
    try:
        for _ in range(requests):
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            ok += 200 <= response.status < 300
    finally:
        connection.close()
    return ok


def send(url: str, *, requests: int, connections: int, timeout_s: float) -> None:
    """Send exactly `requests` GET requests to `url`, spread evenly over `connections` connections; BenchError unless
    every one got a 2xx answer."""
    parts = urlsplit(url)
    host, port, path = parts.hostname or "127.0.0.1", parts.port or 80, parts.path or "/"
    shares = [requests // connections + int(index < requests % connections) for index in range(connections)]
    try:
        with ThreadPoolExecutor(max_workers=connections) as pool:
            ok = sum(pool.map(lambda share: _send_on_one_connection(host, port, path, share, timeout_s), shares))
    except (OSError, http.client.HTTPException) as error:
        raise BenchError(f"a request to {url} failed: {error!r}") from error
    if ok != requests:
        raise BenchError(f"of {requests} requests to {url}, {ok} got a 2xx answer")
