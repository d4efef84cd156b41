"""The sentences a ranking is explained with; picker.js words the reader's ranking the same way."""

from __future__ import annotations

import math
from collections.abc import Mapping

from webatlas.catalogue.criteria import Criterion
from webatlas.choosing.scoring import BATTERIES, Place, Ranking


def out_of_100(score: float) -> int:
    """Half rounds up, as the script's Math.round does, so both print the same figure."""
    return math.floor(score * 100 + 0.5)


def score(place: Place, criterion: str) -> str:
    """The criterion's score out of 100, or that the candidate was not measured on it."""
    return str(out_of_100(place.scores[criterion])) if criterion in place.scores else "not measured"


def names(slugs: list[str], criteria: Mapping[str, Criterion]) -> str:
    return " and ".join(criteria[slug].name for slug in slugs)


def summary(ranking: Ranking, weights: Mapping[str, int], criteria: Mapping[str, Criterion]) -> str:
    count = len(ranking.places) + len(ranking.excluded)
    weighted = ", ".join(f"{criteria[slug].name} {weight}" for slug, weight in weights.items())
    return f"{len(ranking.places)} of {count} candidates meet your requirements, ranked by {weighted}."


def why(place: Place, following: Place | None, criteria: Mapping[str, Criterion]) -> str:
    if following is None:
        return "Last of those that qualify."
    if place.ahead_on:
        return f"Ahead of {following.candidate.name} on {names(place.ahead_on, criteria)}."
    return f"Level with {following.candidate.name}; the name decides."


def flip(ranking: Ranking, criteria: Mapping[str, Criterion]) -> str:
    if len(ranking.places) < 2:
        return ""
    first, second = ranking.places[0].candidate.name, ranking.places[1].candidate.name
    if not ranking.flips:
        return f"No single weight change from 0 to 5 puts {second} ahead of {first}."
    changes = "; or ".join(f"set {criteria[item.criterion].name} from {item.weight} to {item.to}" for item in ranking.flips)
    return f"To put {second} ahead of {first}: {changes}."


def measure(place: Place, criterion: str, wanted: frozenset[str]) -> str:
    """What the score was computed from; for batteries, how many of the wanted features are built in."""
    if criterion == BATTERIES:
        return f"{len(wanted & place.candidate.built_in)} of {len(wanted)} wanted features built in"
    return place.candidate.measures[criterion]
