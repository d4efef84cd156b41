"""Small checks the task contracts share."""

from __future__ import annotations

import uuid

import httpx


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip().lower()


def is_json(response: httpx.Response) -> bool:
    """`application/json`, or a JSON-based type such as `application/problem+json`."""
    kind = media_type(response)
    return kind == "application/json" or kind.endswith("+json")


def is_client_error(response: httpx.Response) -> bool:
    return 400 <= response.status_code < 500


def is_uuid4(value: str) -> bool:
    try:
        return uuid.UUID(value).version == 4
    except ValueError:
        return False
