"""HTTP GET of JSON for the refresh command, turning every way a service can fail into one FetchError."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import httpx

USER_AGENT = "webatlas-refresh"
TIMEOUT_SECONDS = 30.0
"""How long to wait to connect, and then for each read or write; the same limit for every service."""


class FetchError(RuntimeError):
    """A service could not be reached, refused us, limited our rate or answered something unusable."""


@dataclass(frozen=True)
class JsonAnswer:
    """A decoded JSON body and the links of its Link header, by relation, which page through long answers."""

    body: Any
    links: dict[str | None, dict[str, str]]


def open_client(transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """A client for the refresh command's services; `transport` None is the network, tests pass an httpx.MockTransport."""
    # Redirects are followed as PyPI sends them for non-canonical names; httpx drops the Authorization header on a
    # redirect to another host, so a token never leaves the service it was meant for.
    return httpx.Client(
        transport=transport,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        timeout=TIMEOUT_SECONDS,
        follow_redirects=True,
    )


def _rate_limited(status: int, headers: httpx.Headers) -> bool:
    # GitHub answers its secondary rate limit with 403 and Retry-After but a non-zero remaining count.
    return status == 429 or (status == 403 and (headers.get("X-RateLimit-Remaining") == "0" or "Retry-After" in headers))


def get_json(client: httpx.Client, url: str, headers: Mapping[str, str] | None = None) -> JsonAnswer:
    """GET `url` and decode its JSON body, or raise FetchError saying what went wrong."""
    try:
        response = client.get(url, headers=headers)
    except httpx.TimeoutException:
        raise FetchError(f"{url}: network error: no answer within {TIMEOUT_SECONDS:g} s") from None
    except (httpx.RequestError, httpx.InvalidURL) as error:
        raise FetchError(f"{url}: network error: {error}") from None
    if not response.is_success:
        if _rate_limited(response.status_code, response.headers):
            reset = response.headers.get("X-RateLimit-Reset") or response.headers.get("Retry-After")
            raise FetchError(f"{url}: rate limited (HTTP {response.status_code}){f'; retry after {reset}' if reset else ''}")
        raise FetchError(f"{url}: HTTP {response.status_code} {response.reason_phrase}")
    try:
        return JsonAnswer(body=response.json(), links=response.links)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(f"{url}: malformed answer, not JSON ({error})") from None
