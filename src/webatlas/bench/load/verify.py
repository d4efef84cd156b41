"""Checks that an endpoint answers correctly before it is timed, as TechEmpower does: a fast wrong answer is no result.

The request goes through urllib, whose http.client reads exactly the Content-Length it is given. A
header promising more than the server sends shows up as a short read; one promising less cuts the
body short, which only a comparison with the expected body or JSON reveals.
"""

from __future__ import annotations

import http.client
import json as jsonlib
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from webatlas.catalogue.benchmarks.scenarios import Scenario

GREETING = "Hello, world!"

_SHOWN = 200
"""How many bytes of a body a problem message quotes."""


@dataclass(frozen=True)
class Expected:
    status: int
    content_type: str
    """The media type alone, e.g. "application/json"; compared without case and ignoring parameters such as charset."""
    body: bytes | None = None
    """The exact body, or None to leave it unchecked (or to compare `json` instead)."""
    json: object | None = None
    """The body's parsed JSON, or None; a body of JSON null is expected with body=b"null" instead."""

    def __post_init__(self) -> None:
        if self.body is not None and self.json is not None:
            raise ValueError("expect either an exact body or a JSON value, not both")


def expected_answer(scenario: Scenario, subject: str) -> Expected:
    """The answer a correct app gives to `scenario`, verified before it is timed; `subject` is the entry slug the JSON task names."""
    if scenario.task == "json_response":
        return Expected(200, "application/json", json={"message": GREETING, "framework": subject})
    if scenario.task == "path_parameter":
        return Expected(200, "application/json", json={"item_id": 42})
    return Expected(200, "text/plain", body=GREETING.encode())


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect is the answer under test, not a step towards it."""

    def redirect_request(
        self, req: urllib.request.Request, fp: object, code: int, msg: str, headers: Message, newurl: str
    ) -> urllib.request.Request | None:
        return None


# No ProxyHandler settings: an http_proxy variable must not route requests to loopback elsewhere.
_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirects())


def _media_type(content_type: str) -> str:
    return content_type.partition(";")[0].strip().lower()


def _shown(body: bytes) -> str:
    if len(body) <= _SHOWN:
        return repr(body)
    return f"{body[:_SHOWN]!r}… ({len(body)} bytes)"


def _same_json(actual: object, expected: object) -> bool:
    """Equal as JSON values: unlike ==, true is not 1, while 1 and 1.0 are the same number."""
    if isinstance(actual, dict) and isinstance(expected, dict):
        return actual.keys() == expected.keys() and all(_same_json(actual[key], expected[key]) for key in actual)
    if isinstance(actual, list) and isinstance(expected, list | tuple):
        return len(actual) == len(expected) and all(_same_json(a, e) for a, e in zip(actual, expected, strict=True))
    numbers = (int, float)
    if isinstance(actual, numbers) and isinstance(expected, numbers) and not isinstance(actual, bool) and not isinstance(expected, bool):
        return actual == expected
    return type(actual) is type(expected) and actual == expected


def _json_problem(body: bytes, expected: object) -> str | None:
    try:
        actual = jsonlib.loads(body)
    except ValueError as error:  # UnicodeDecodeError included
        return f"the body is not JSON ({error}): {_shown(body)}"
    if _same_json(actual, expected):
        return None
    return f"the JSON body is {jsonlib.dumps(actual)[:_SHOWN]}, expected {jsonlib.dumps(expected)[:_SHOWN]}"


def verify(url: str, expected: Expected, timeout_s: float = 5) -> list[str]:
    """Sends one GET to `url` and lists every way the answer differs from `expected`; an empty list means it is right."""
    problems: list[str] = []
    try:
        response = _OPENER.open(urllib.request.Request(url), timeout=timeout_s)
    except urllib.error.HTTPError as error:
        # urllib raises on 3xx (with redirects refused), 4xx and 5xx; the error is the response itself.
        response = error
    except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        return [f"could not get {url}: {reason}"]

    with response:
        status, headers = response.status, response.headers
        try:
            body = response.read()
            short_by = 0
        except http.client.IncompleteRead as error:
            body, short_by = error.partial, error.expected or 0
        except (OSError, http.client.HTTPException) as error:
            return [f"could not read the body of {url}: {error}"]

    if status != expected.status:
        problems.append(f"status {status}, expected {expected.status}")

    content_type = headers.get("Content-Type")
    if content_type is None:
        problems.append(f"no Content-Type header, expected {expected.content_type}")
    elif _media_type(content_type) != _media_type(expected.content_type):
        problems.append(f"Content-Type {content_type}, expected {expected.content_type}")

    declared = headers.get("Content-Length")
    if declared is not None:
        if not declared.strip().isdigit():
            problems.append(f"Content-Length {declared!r} is not a number")
        elif short_by or int(declared) != len(body):
            problems.append(f"Content-Length says {int(declared)} bytes but the body has {len(body)}")
    elif short_by:
        problems.append(f"the body ended {short_by} bytes short of its framing")

    if expected.body is not None and body != expected.body:
        problems.append(f"the body is {_shown(body)}, expected {_shown(expected.body)}")
    if expected.json is not None and (problem := _json_problem(body, expected.json)) is not None:
        problems.append(problem)
    return problems
