"""HTTP GET of JSON for the refresh command, turning every way a service can fail into one FetchError."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any

USER_AGENT = "webatlas-refresh"
TIMEOUT_SECONDS = 30.0


class FetchError(RuntimeError):
    """A service could not be reached, refused us, limited our rate or answered something unusable."""


@dataclass(frozen=True)
class JsonAnswer:
    """A decoded JSON body and the headers it came with, which carry paging and rate-limit hints."""

    body: Any
    headers: Message


def _rate_limited(status: int, headers: Message) -> bool:
    # GitHub answers its secondary rate limit with 403 and Retry-After but a non-zero remaining count.
    return status == 429 or (status == 403 and (headers.get("X-RateLimit-Remaining") == "0" or "Retry-After" in headers))


def get_json(url: str, headers: Mapping[str, str] | None = None, *, timeout: float = TIMEOUT_SECONDS) -> JsonAnswer:
    """GET `url` and decode its JSON body, or raise FetchError saying what went wrong."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            answer_headers = response.headers
    except urllib.error.HTTPError as error:
        if _rate_limited(error.code, error.headers):
            reset = error.headers.get("X-RateLimit-Reset") or error.headers.get("Retry-After")
            raise FetchError(f"{url}: rate limited (HTTP {error.code}){f'; retry after {reset}' if reset else ''}") from None
        raise FetchError(f"{url}: HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FetchError(f"{url}: network error: {reason}") from None
    try:
        return JsonAnswer(body=json.loads(raw), headers=answer_headers)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FetchError(f"{url}: malformed answer, not JSON ({error})") from None
