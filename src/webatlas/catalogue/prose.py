"""Prose in catalogue entries that speaks of another entry's feature must cite that entry's cell, so it cannot go stale.

A citation is written `[[slug:feature]]` in a tagline, summary, reason, strength, limitation or use case; pages render it
as the cell's current value in words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from webatlas.catalogue.models import Entry, Feature

CITATION = re.compile(r"\[\[(?P<entry>[a-z0-9_-]+):(?P<feature>[a-z0-9_]+)\]\]")
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")


@dataclass(frozen=True)
class Claim:
    """A sentence that names another entry together with a feature's term, without citing that entry's cell."""

    field: str
    sentence: str
    other: Entry
    feature: Feature


def prose_fields(entry: Entry) -> Iterator[tuple[str, str]]:
    """(field, text) for every piece of prose the entry's page shows."""
    yield "tagline", entry.tagline
    yield "summary", entry.summary
    if entry.reason:
        yield "reason", entry.reason
    for name in ("strengths", "limitations", "use_cases"):
        for index, text in enumerate(getattr(entry, name)):
            yield f"{name}.{index}", text


def citations(text: str) -> list[tuple[str, str]]:
    """The (entry slug, feature slug) pairs `text` cites."""
    return [(match["entry"], match["feature"]) for match in CITATION.finditer(text)]


def _names(text: str, entry: Entry) -> bool:
    """Whether `text` names the entry, by its full name or by the part before a bracket ("Twisted" for "Twisted (twisted.web)")."""
    names = {entry.name, entry.name.split(" (")[0]}
    return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text) for name in names)


def _mentions(text: str, feature: Feature) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(term)}", text, re.IGNORECASE) for term in feature.terms)


def uncited_claims(entry: Entry, entries: Mapping[str, Entry], features: Mapping[str, Feature]) -> list[Claim]:
    """Sentences of `entry` that pair another entry's name with a feature's term but do not cite that entry's cell."""
    claims = []
    for field, text in prose_fields(entry):
        cited = set(citations(text))
        for sentence in _SENTENCE_END.split(text):
            plain = CITATION.sub("", sentence)
            for other in entries.values():
                if other.slug == entry.slug or not _names(plain, other):
                    continue
                for feature in features.values():
                    if other.layer in feature.layers and _mentions(plain, feature) and (other.slug, feature.slug) not in cited:
                        claims.append(Claim(field, sentence, other, feature))
    return claims
