"""`data/claims.yaml`: performance claims of the seed articles, which /benchmarks/ sets against measured figures."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Literal

from webatlas.catalogue.models import Entry, Slug, Strict, Task, Text
from webatlas.catalogue.reading import CatalogueError, read_yaml, validate
from webatlas.text import did_you_mean

CLAIMS_FILE = "data/claims.yaml"


class Claim(Strict):
    slug: Slug
    claim: Text
    """The claim in the atlas's own words."""
    article: Text
    """The title of the seed article that makes it."""
    check: Literal["throughput", "rank", "latency", "relative"]
    subject: Slug
    versus: Slug | None = None
    task: Slug
    limit_ms: float | None = None


def load_claims(path: Path, entries: Mapping[str, Entry], tasks: Mapping[str, Task]) -> tuple[Claim, ...]:
    """Every claim, naming known entries and tasks, with what its kind of check needs."""
    raw = read_yaml(path)
    if not isinstance(raw, list):
        raise CatalogueError(path, "(file)", "(top level)", "expected a list of claims")
    claims = []
    for number, item in enumerate(raw, start=1):
        label = item.get("slug", f"claim #{number}") if isinstance(item, dict) else f"claim #{number}"
        claim = validate(Claim, item, file=path, entry=str(label))
        for field_name in ("subject", "versus"):
            slug = getattr(claim, field_name)
            if slug is not None and slug not in entries:
                raise CatalogueError(path, claim.slug, field_name, f"{slug!r} is no catalogue entry")
        if claim.task not in tasks:
            problem = f"{claim.task!r} is not a task of data/tasks.yaml{did_you_mean(claim.task, tasks)}"
            raise CatalogueError(path, claim.slug, "task", problem)
        if claim.check in ("latency", "relative") and claim.versus is None:
            raise CatalogueError(path, claim.slug, "versus", f"a {claim.check} claim compares two entries: name the other")
        if (claim.check == "latency") != (claim.limit_ms is not None):
            raise CatalogueError(path, claim.slug, "limit_ms", "a latency claim states its limit, and only a latency claim")
        claims.append(claim)
    return tuple(claims)
