"""`data/criteria.yaml`: what the picker at /choose/ ranks, the requirements a reader can set, and the weighted criteria."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from pydantic import Field

from webatlas.catalogue.models import Feature, Layer, Slug, Status, Strict, Text
from webatlas.catalogue.reading import CatalogueError, read_yaml, validate
from webatlas.text import did_you_mean

CRITERIA_FILE = "data/criteria.yaml"

MAX_WEIGHT = 5
Weight = Annotated[int, Field(ge=0, le=MAX_WEIGHT)]


class Criterion(Strict):
    name: Text
    asks: Text
    """The question the criterion answers, as the page puts it to the reader."""
    default_weight: Weight


class Maturity(Criterion):
    """Half for the years since the first release, half for the releases of the last twelve months."""

    full_marks_age_years: Annotated[int, Field(ge=1)]
    full_marks_releases_per_year: Annotated[int, Field(ge=1)]


class Momentum(Criterion):
    """GitHub stars gained a year over a recent window, on a logarithmic scale."""

    window_months: Annotated[int, Field(ge=1)]
    full_marks_stars_a_year: Annotated[int, Field(ge=1)]


class CriteriaSet(Strict):
    """The weighted criteria, in the order the page shows them."""

    maturity: Maturity
    momentum: Momentum
    batteries: Criterion
    performance: Criterion

    def by_slug(self) -> dict[str, Criterion]:
        return {slug: getattr(self, slug) for slug in type(self).model_fields}


class Criteria(Strict):
    candidate_layers: Annotated[list[Layer], Field(min_length=1)]
    required_features: list[Slug]
    default_statuses: Annotated[list[Status], Field(min_length=1)]
    criteria: CriteriaSet


def load_criteria(path: Path, features: Mapping[str, Feature]) -> Criteria:
    """Read and validate the picker's criteria; a required feature must exist and apply to every candidate layer."""
    criteria = validate(Criteria, read_yaml(path), file=path, entry="(file)")
    for slug in criteria.required_features:
        feature = features.get(slug)
        if feature is None:
            problem = f"{slug!r} is not a feature of data/features.yaml{did_you_mean(slug, features)}"
            raise CatalogueError(path, "(file)", "required_features", problem)
        missing = sorted(set(criteria.candidate_layers) - set(feature.layers))
        if missing:
            raise CatalogueError(path, "(file)", "required_features", f"{slug!r} does not apply to the {missing[0]} layer")
    return criteria
