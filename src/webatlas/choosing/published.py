"""What the /choose/ page publishes: the data its script ranks from, the default choice, and the requirement groups of the
static decision guide, all from the same candidates and criteria."""

from __future__ import annotations

import json
from dataclasses import dataclass

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.install_results import minor
from webatlas.choosing.candidates import Candidate, candidates
from webatlas.choosing.scoring import BATTERIES, Choice

PAGE_URI = "choose.md"
DATA_URI = "choose/candidates.json"

INTERFACE_WORDS = {"ASGI": "ASGI", "WSGI": "WSGI", "RSGI": "RSGI", "own": "its own server"}


def feature_names(catalogue: Catalogue) -> dict[str, str]:
    """The features that apply to a candidate layer, by slug: what a reader can want."""
    layers = set(catalogue.criteria.candidate_layers)
    return {slug: feature.name for slug, feature in catalogue.features.items() if layers & set(feature.layers)}


def measured(catalogue: Catalogue, people: list[Candidate]) -> list[str]:
    """The criteria that can take a weight: batteries always, the others once some candidate has a score."""
    return [
        slug
        for slug in catalogue.criteria.criteria.by_slug()
        if slug == BATTERIES or any(person.scores[slug] is not None for person in people)
    ]


def default_choice(catalogue: Catalogue, people: list[Candidate]) -> Choice:
    criteria = catalogue.criteria.criteria.by_slug()
    return Choice(
        weights={slug: criteria[slug].default_weight for slug in measured(catalogue, people)},
        statuses=frozenset(catalogue.criteria.default_statuses),
    )


def options(catalogue: Catalogue, people: list[Candidate]) -> dict[str, list[str]]:
    """The values each hard requirement offers, as the candidates have them."""
    return {
        "interfaces": sorted({interface for person in people for interface in person.interfaces}),
        "pythons": [minor(python) for python in catalogue.install_check.ordered_pythons],
        "licences": sorted({person.licence for person in people}),
        "statuses": ["active", "maintenance", "unmaintained", "archived"],
    }


@dataclass(frozen=True)
class GuideRow:
    requirement: str
    option: str
    meet: list[Candidate]


def guide(catalogue: Catalogue) -> list[GuideRow]:
    """For every value of every hard requirement, the candidates that meet it."""
    people = candidates(catalogue)
    names = feature_names(catalogue)
    values = options(catalogue, people)
    rows = [GuideRow("Interface", INTERFACE_WORDS[value], [p for p in people if value in p.interfaces]) for value in values["interfaces"]]
    for slug in catalogue.criteria.required_features:
        rows.append(GuideRow(names[slug], "built in or by official extension", [p for p in people if slug in p.offered]))
    for python in values["pythons"]:
        rows.append(GuideRow("Python", f"latest release installs on {python}", [p for p in people if python in p.pythons]))
    rows += [GuideRow("Licence", licence, [p for p in people if p.licence == licence]) for licence in values["licences"]]
    rows += [GuideRow("Status", status, [p for p in people if p.status == status]) for status in values["statuses"]]
    return rows


def candidates_json(catalogue: Catalogue) -> str:
    """Everything picker.js ranks from; the scores are the ones the build's own ranking uses."""
    people = candidates(catalogue)
    criteria = catalogue.criteria.criteria.by_slug()
    weighted = measured(catalogue, people)
    data = {
        "criteria": [
            {"slug": slug, "name": item.name, "default": item.default_weight, "measured": slug in weighted}
            for slug, item in criteria.items()
        ],
        "requiredFeatures": catalogue.criteria.required_features,
        "defaultStatuses": catalogue.criteria.default_statuses,
        "features": feature_names(catalogue),
        **options(catalogue, people),
        "candidates": [
            {
                "slug": person.slug,
                "name": person.name,
                "interfaces": list(person.interfaces),
                "licence": person.licence,
                "status": person.status,
                "pythons": list(person.pythons),
                "offered": sorted(person.offered),
                "builtIn": sorted(person.built_in),
                "scores": person.scores,
                "measures": person.measures,
            }
            for person in people
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
