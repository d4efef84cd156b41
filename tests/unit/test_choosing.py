"""The picker's method: requirements filter with reasons, the weighted mean ranks, ties go by name, and a suggested
weight change really swaps the top two while no smaller one does."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.helpers import ROOT
from webatlas.catalogue.criteria import load_criteria
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.choosing import published, wording
from webatlas.choosing.candidates import Candidate, candidates
from webatlas.choosing.scoring import Choice, Flip, rank, total

FEATURES = {"websockets": "WebSockets", "openapi": "OpenAPI generation", "cors": "CORS", "sessions": "Sessions"}
ALLOWED = frozenset({"active", "maintenance"})


def person(slug: str, maturity: float, momentum: float, built_in: set[str] = frozenset(), **facts: object) -> Candidate:  # type: ignore[assignment]
    values: dict[str, object] = {
        "interfaces": ("ASGI",),
        "licence": "MIT",
        "status": "active",
        "pythons": ("3.11", "3.12"),
        "offered": frozenset(built_in),
        **facts,
    }
    return Candidate(
        slug=slug,
        name=slug.title(),
        built_in=frozenset(built_in),
        scores={"maturity": maturity, "momentum": momentum, "performance": None},
        measures={"maturity": f"{slug} maturity", "momentum": f"{slug} momentum", "performance": "not measured yet"},
        **values,  # type: ignore[arg-type]
    )


def order(people: list[Candidate], **choice: object) -> list[str]:
    defaults: dict[str, object] = {"weights": {"maturity": 1, "momentum": 1, "batteries": 1}, "statuses": ALLOWED}
    return [place.candidate.slug for place in rank(people, Choice(**{**defaults, **choice}), FEATURES).places]  # type: ignore[arg-type]


def test_the_total_is_the_weighted_mean_of_the_scores() -> None:
    assert total({"a": 1.0, "b": 0.0}, {"a": 3, "b": 1}) == pytest.approx(0.75)
    assert total({"a": 0.4, "b": 0.8}, {"a": 0, "b": 2}) == pytest.approx(0.8)
    assert total({"a": 0.4}, {"a": 0}) == 0.0


def test_weights_decide_the_order_and_equal_totals_go_by_name() -> None:
    old, young = person("old", maturity=1.0, momentum=0.2), person("young", maturity=0.2, momentum=1.0)
    assert order([young, old], weights={"maturity": 3, "momentum": 1}) == ["old", "young"]
    assert order([old, young], weights={"maturity": 1, "momentum": 3}) == ["young", "old"]
    assert order([young, old], weights={"maturity": 1, "momentum": 1}) == ["old", "young"]


def test_batteries_counts_the_wanted_features_built_in_or_all_when_none_is_wanted() -> None:
    many, few = person("many", 0.5, 0.5, {"cors", "sessions", "openapi"}), person("few", 0.5, 0.5, {"websockets"})
    only_batteries = {"batteries": 1}
    assert order([few, many], weights=only_batteries) == ["many", "few"]
    assert order([many, few], weights=only_batteries, wanted=frozenset({"websockets"})) == ["few", "many"]
    places = rank([many], Choice(weights=only_batteries, statuses=ALLOWED, wanted=frozenset({"cors", "websockets"})), FEATURES).places
    assert places[0].scores["batteries"] == 0.5
    wanted = frozenset({"cors", "websockets"})
    assert wording.measure(places[0], "batteries", wanted) == "1 of 2 wanted features built in"


def test_every_failed_requirement_is_named_and_the_candidate_left_out() -> None:
    people = [
        person("fits", 0.5, 0.5, {"websockets"}),
        person("wsgi", 0.5, 0.5, set(), interfaces=("WSGI",), licence="GPL-3.0-only", status="archived", pythons=("3.11",)),
    ]
    choice = Choice(
        weights={"maturity": 1},
        statuses=ALLOWED,
        interface="ASGI",
        features=frozenset({"websockets"}),
        python="3.12",
        licences=frozenset({"MIT"}),
    )
    ranking = rank(people, choice, FEATURES)
    assert [place.candidate.slug for place in ranking.places] == ["fits"]
    assert ranking.excluded == [
        (
            people[1],
            [
                "does not speak ASGI",
                "no WebSockets built in or by official extension",
                "latest release does not install on Python 3.12",
                "licence is GPL-3.0-only",
                "status is archived",
            ],
        )
    ]


def test_each_place_names_the_criteria_that_put_it_ahead_of_the_next() -> None:
    first = person("first", maturity=0.9, momentum=0.1, built_in={"cors", "sessions"})
    second = person("second", maturity=0.2, momentum=0.6)
    ranking = rank([first, second], Choice(weights={"maturity": 3, "momentum": 1, "batteries": 2}, statuses=ALLOWED), FEATURES)
    assert ranking.places[0].ahead_on == ["maturity", "batteries"]
    assert ranking.places[1].ahead_on == []
    criteria = load_criteria(ROOT / "data" / "criteria.yaml", load_catalogue(ROOT).features).criteria.by_slug()
    assert wording.why(ranking.places[0], ranking.places[1], criteria) == "Ahead of Second on Maturity and Batteries included."
    assert wording.why(ranking.places[1], None, criteria) == "Last of those that qualify."


def test_a_suggested_flip_swaps_the_top_two_and_no_smaller_change_of_that_weight_does() -> None:
    steady = person("steady", maturity=0.9, momentum=0.3)
    rising = person("rising", maturity=0.5, momentum=0.8)
    weights = {"maturity": 3, "momentum": 1}
    ranking = rank([steady, rising], Choice(weights=weights, statuses=ALLOWED), FEATURES)
    assert [place.candidate.slug for place in ranking.places] == ["steady", "rising"]
    # maturity 3 -> 1 and momentum 1 -> 3 both swap them: 0.9·1+0.3 < 0.5+0.8 and 2.7+0.9 < 1.5+2.4.
    assert ranking.flips == [Flip("maturity", 3, 1), Flip("momentum", 1, 3)]
    for flip in ranking.flips:
        swapped = order([steady, rising], weights={**weights, flip.criterion: flip.to})
        assert swapped == ["rising", "steady"]
        nearer = flip.to + (1 if flip.to < flip.weight else -1)
        assert order([steady, rising], weights={**weights, flip.criterion: nearer}) == ["steady", "rising"]


def test_no_flip_is_offered_when_the_first_is_better_on_everything() -> None:
    best, worse = person("best", 0.9, 0.9), person("worse", 0.1, 0.1)
    ranking = rank([best, worse], Choice(weights={"maturity": 2, "momentum": 2}, statuses=ALLOWED), FEATURES)
    assert ranking.flips == []
    criteria = load_catalogue(ROOT).criteria.criteria.by_slug()
    assert wording.flip(ranking, criteria) == "No single weight change from 0 to 5 puts Worse ahead of Best."


def test_scores_print_out_of_100_with_half_rounding_up_like_the_script() -> None:
    assert [wording.out_of_100(score) for score in (0.125, 0.135, 0.5, 0.994, 0.995, 1.0)] == [13, 14, 50, 99, 100, 100]


def test_a_criterion_a_candidate_was_not_measured_on_counts_in_neither_sum() -> None:
    assert total({"maturity": 0.8}, {"maturity": 1, "performance": 3}) == pytest.approx(0.8)
    timed = replace(person("timed", 0.6, 0.0), scores={"maturity": 0.6, "momentum": 0.0, "performance": 0.2})
    untimed = person("untimed", 0.5, 0.0)
    ranking = rank([timed, untimed], Choice(weights={"maturity": 1, "performance": 1}, statuses=ALLOWED), FEATURES)
    assert [place.candidate.slug for place in ranking.places] == ["untimed", "timed"]
    assert ranking.places[0].total == pytest.approx(0.5) and ranking.places[1].total == pytest.approx(0.4)
    assert wording.score(ranking.places[0], "performance") == "not measured"


def test_the_real_candidates_have_scores_between_0_and_1_and_performance_waits_for_figures() -> None:
    catalogue = load_catalogue(ROOT)
    people = candidates(catalogue)
    assert {candidate.slug for candidate in people} == {
        slug for slug, entry in catalogue.entries.items() if entry.layer in catalogue.criteria.candidate_layers
    }
    for candidate in people:
        for criterion in ("maturity", "momentum"):
            score = candidate.scores[criterion]
            assert score is not None and 0 <= score <= 1, (candidate.slug, criterion)
    measured = ["maturity", "momentum", "batteries", "performance"] if catalogue.benchmarks else ["maturity", "momentum", "batteries"]
    assert published.measured(catalogue, people) == measured
    assert ("performance" in published.default_choice(catalogue, people).weights) == (catalogue.benchmarks is not None)
    for candidate in people:
        performance = candidate.scores["performance"]
        assert performance is None or 0 < performance <= 1


def test_momentum_is_stars_gained_a_year_over_the_span_the_series_covers() -> None:
    catalogue = load_catalogue(ROOT)
    fastapi = next(candidate for candidate in candidates(catalogue) if candidate.slug == "fastapi")
    series = catalogue.stars_of(catalogue.entries["fastapi"])
    last = series[-1]
    # The window is 12 months: the newest count on or before the same day a year before the last one opens it.
    first = [count for count in series if count.date <= last.date.replace(year=last.date.year - 1)][-1]
    per_year = (last.stars - first.stars) * 365.25 / (last.date - first.date).days
    assert f"{per_year:+,.0f} stars a year, from {first.stars:,} on {first.date.isoformat()}" in fastapi.measures["momentum"]


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (("required_features", ["telepathy"]), "required_features", "'telepathy' is not a feature"),
        (("candidate_layers", ["framework", "server"]), "required_features", "'openapi' does not apply to the server layer"),
    ],
)
def test_bad_criteria_fail_naming_the_file_and_field(tmp_path: Path, change: tuple[str, object], field: str, problem: str) -> None:
    import yaml

    raw = yaml.safe_load((ROOT / "data" / "criteria.yaml").read_text())
    raw[change[0]] = change[1]
    path = tmp_path / "criteria.yaml"
    path.write_text(yaml.safe_dump(raw))
    features = load_catalogue(ROOT).features
    with pytest.raises(CatalogueError) as raised:
        load_criteria(path, features)
    assert raised.value.field == field and problem in raised.value.problem


def test_a_weight_above_5_fails_naming_the_criterion(tmp_path: Path) -> None:
    path = tmp_path / "criteria.yaml"
    path.write_text((ROOT / "data" / "criteria.yaml").read_text().replace("default_weight: 3", "default_weight: 6", 1))
    with pytest.raises(CatalogueError) as raised:
        load_criteria(path, load_catalogue(ROOT).features)
    assert "criteria.maturity.default_weight" in raised.value.field


def test_the_published_file_carries_the_scores_the_build_ranks_with() -> None:
    import json

    catalogue = load_catalogue(ROOT)
    data = json.loads(published.candidates_json(catalogue))
    people = candidates(catalogue)
    assert [item["slug"] for item in data["candidates"]] == [candidate.slug for candidate in people]
    assert [item["scores"] for item in data["candidates"]] == [candidate.scores for candidate in people]
    assert data["requiredFeatures"] == catalogue.criteria.required_features
    assert [item["default"] for item in data["criteria"]] == [c.default_weight for c in catalogue.criteria.criteria.by_slug().values()]


