"""Rank candidates for a reader's choice: hard requirements filter, weighted criteria order, and the reasons for each place.

docs/assets/javascripts/picker.js follows these steps one for one on the page; a browser test checks that both give the
same ranking for the same choice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from webatlas.catalogue.criteria import MAX_WEIGHT
from webatlas.choosing.candidates import Candidate

BATTERIES = "batteries"
"""The one criterion whose score depends on the reader: the share of the wanted features a candidate has built in."""

REASONS_SHOWN = 2
"""How many criteria each place names as the ones that put it ahead of the next."""


@dataclass(frozen=True)
class Choice:
    """What a reader asks for. Empty `licences` allows every licence; empty `wanted` means every feature."""

    weights: Mapping[str, int]
    """Weight 0 to 5 per criterion, in the order the page shows them; criteria with nothing measured are left out."""
    statuses: frozenset[str]
    interface: str | None = None
    features: frozenset[str] = frozenset()
    python: str | None = None
    licences: frozenset[str] = frozenset()
    wanted: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Place:
    candidate: Candidate
    total: float
    """The weighted mean of the criterion scores, 0 to 1."""
    scores: dict[str, float]
    ahead_on: list[str] = field(default_factory=list)
    """The criteria where it gains most on the next place, largest first."""


@dataclass(frozen=True)
class Flip:
    """A single weight change that puts the second place ahead of the first."""

    criterion: str
    weight: int
    to: int


@dataclass(frozen=True)
class Ranking:
    places: list[Place]
    excluded: list[tuple[Candidate, list[str]]]
    """Candidates that fail a hard requirement, each with every requirement it fails."""
    flips: list[Flip]
    """The smallest change of each weight that swaps the top two, smallest change first."""


def failures(candidate: Candidate, choice: Choice, feature_names: Mapping[str, str]) -> list[str]:
    """Every hard requirement the candidate fails, in words."""
    problems = []
    if choice.interface and choice.interface not in candidate.interfaces:
        problems.append(f"does not speak {choice.interface}")
    problems += [f"no {feature_names[slug]} built in or by official extension" for slug in sorted(choice.features - candidate.offered)]
    if choice.python and choice.python not in candidate.pythons:
        problems.append(f"latest release does not install on Python {choice.python}")
    if choice.licences and candidate.licence not in choice.licences:
        problems.append(f"licence is {candidate.licence}")
    if candidate.status not in choice.statuses:
        problems.append(f"status is {candidate.status}")
    return problems


def batteries(candidate: Candidate, wanted: frozenset[str]) -> float:
    """The share of the features you want that the candidate has built in, with no extension; with none ticked, every
    feature counts."""
    return len(wanted & candidate.built_in) / len(wanted)


def scores_for(candidate: Candidate, choice: Choice, all_features: Sequence[str]) -> dict[str, float]:
    """The candidate's score on each weighted criterion it was measured on."""
    wanted = choice.wanted or frozenset(all_features)
    scores = {}
    for criterion in choice.weights:
        if criterion == BATTERIES:
            scores[criterion] = batteries(candidate, wanted)
        elif (score := candidate.scores[criterion]) is not None:
            scores[criterion] = score
    return scores


def total(scores: Mapping[str, float], weights: Mapping[str, int]) -> float:
    """The weighted mean: each score times its weight, summed, then divided by the sum of the weights; 0 when every
    weight is 0. A criterion the candidate was not measured on counts in neither sum.

    Summed in the criteria's order, so that the page's script gets the very same float."""
    weight_sum = 0
    weighted = 0.0
    for criterion, weight in weights.items():
        if criterion in scores:
            weight_sum += weight
            weighted += weight * scores[criterion]
    return weighted / weight_sum if weight_sum else 0.0


def _order(places: list[Place]) -> list[Place]:
    return sorted(places, key=lambda place: (-place.total, place.candidate.name.lower()))


def ahead_on(place: Place, following: Place, weights: Mapping[str, int]) -> list[str]:
    """The criteria on which a place gains most on the next one, by weight times the difference in score, largest
    first; two at most."""
    gains = {
        criterion: weight * (place.scores[criterion] - following.scores[criterion])
        for criterion, weight in weights.items()
        if criterion in place.scores and criterion in following.scores
    }
    ahead = sorted((criterion for criterion, gain in gains.items() if gain > 0), key=lambda criterion: -gains[criterion])
    return ahead[:REASONS_SHOWN]


def flips(first: Place, second: Place, weights: Mapping[str, int]) -> list[Flip]:
    """For each criterion, the weight nearest its current one, from 0 to 5, at which the second place would sort before
    the first while every other weight stays; listed from the smallest change."""
    found = []
    for criterion, weight in weights.items():
        for to in sorted(range(MAX_WEIGHT + 1), key=lambda to: (abs(to - weight), to)):
            if to == weight:
                continue
            changed = {**weights, criterion: to}
            trial = [replace(place, total=total(place.scores, changed)) for place in (first, second)]
            if _order(trial)[0].candidate == second.candidate:
                found.append(Flip(criterion, weight, to))
                break
    return sorted(found, key=lambda flip: (abs(flip.to - flip.weight), list(weights).index(flip.criterion)))


def rank(candidates: Sequence[Candidate], choice: Choice, feature_names: Mapping[str, str]) -> Ranking:
    """Filter by the hard requirements, then order by the weighted mean of the criteria, ties by name."""
    places, excluded = [], []
    for candidate in candidates:
        problems = failures(candidate, choice, feature_names)
        if problems:
            excluded.append((candidate, problems))
            continue
        scores = scores_for(candidate, choice, list(feature_names))
        places.append(Place(candidate, total(scores, choice.weights), scores))
    ordered = _order(places)
    explained = [
        replace(place, ahead_on=ahead_on(place, ordered[index + 1], choice.weights)) if index + 1 < len(ordered) else place
        for index, place in enumerate(ordered)
    ]
    swaps = flips(explained[0], explained[1], choice.weights) if len(explained) > 1 else []
    return Ranking(explained, excluded, swaps)
