"""The /choose/ page's parts: the form, the ranking for the default choice, the decision guide and the method, all
from the candidates and criteria that picker.js ranks from."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from webatlas import text
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.criteria import MAX_WEIGHT
from webatlas.catalogue.models import LAYER_TITLES
from webatlas.choosing import candidates as scoring_candidates
from webatlas.choosing import published, scoring, wording
from webatlas.choosing.candidates import candidates
from webatlas.choosing.scoring import rank
from webatlas.site.render import rendered


def choose_form(catalogue: Catalogue, site_root: str) -> str:
    """The requirements and weights picker.js reads; hidden without the script."""
    people = candidates(catalogue)
    return rendered(
        "choose_form.html.j2",
        root=site_root,
        data_uri=published.DATA_URI,
        options=published.options(catalogue, people),
        interface_words=published.INTERFACE_WORDS,
        required=catalogue.criteria.required_features,
        features=published.feature_names(catalogue),
        default_statuses=catalogue.criteria.default_statuses,
        criteria=catalogue.criteria.criteria.by_slug(),
        measured=published.measured(catalogue, people),
        max_weight=MAX_WEIGHT,
    )


def choose_ranking(catalogue: Catalogue, site_root: str) -> str:
    """The ranking for the default choice, in the markup picker.js refills for the reader's."""
    people = candidates(catalogue)
    choice = published.default_choice(catalogue, people)
    feature_names = published.feature_names(catalogue)
    ranking = rank(people, choice, feature_names)
    criteria = catalogue.criteria.criteria.by_slug()
    wanted = choice.wanted or frozenset(feature_names)
    places = [
        {
            "slug": place.candidate.slug,
            "name": place.candidate.name,
            "total": wording.out_of_100(place.total),
            "why": wording.why(place, ranking.places[index + 1] if index + 1 < len(ranking.places) else None, criteria),
            "rows": [
                (criteria[slug].name, weight, wording.score(place, slug), wording.measure(place, slug, wanted))
                for slug, weight in choice.weights.items()
            ],
        }
        for index, place in enumerate(ranking.places)
    ]
    return rendered(
        "choose_ranking.html.j2",
        root=site_root,
        places=places,
        excluded=ranking.excluded,
        summary=wording.summary(ranking, choice.weights, criteria),
        flip_text=wording.flip(ranking, criteria),
    )


def decision_guide(catalogue: Catalogue, site_root: str) -> str:
    return rendered("choose_guide.html.j2", root=site_root, rows=published.guide(catalogue))


def _first_paragraph(function: Callable[..., object]) -> str:
    return " ".join((inspect.getdoc(function) or "").split("\n\n")[0].split())


def choose_method(catalogue: Catalogue) -> str:
    """How the picker ranks, from the docstrings of the code that ranks and the numbers in data/criteria.yaml."""
    criteria = catalogue.criteria.criteria
    people = candidates(catalogue)
    measured = published.measured(catalogue, people)
    rules = {
        "maturity": f"{_first_paragraph(scoring_candidates.maturity)} Full marks at {criteria.maturity.full_marks_age_years} "
        f"years and {criteria.maturity.full_marks_releases_per_year} releases a year.",
        "momentum": f"{_first_paragraph(scoring_candidates.momentum)} Full marks at {criteria.momentum.full_marks_stars_a_year:,} "
        f"stars a year, measured over the last {criteria.momentum.window_months} months of the [star history](stars.md).",
        "batteries": f"{_first_paragraph(scoring.batteries)}",
        "performance": "Not measured yet: the weight takes effect once the site's own benchmark has figures."
        if "performance" not in measured
        else f"{_first_paragraph(scoring_candidates.performance)} From the [benchmark](benchmarks.md): server CPU time per request "
        "on its cheapest setup for the headline scenario.",
    }
    return rendered(
        "choose_method.md.j2",
        layers=text.listed([LAYER_TITLES[layer].lower() for layer in catalogue.criteria.candidate_layers]),
        count=len(people),
        default_statuses=text.listed(catalogue.criteria.default_statuses, "or"),
        criteria=criteria.by_slug(),
        rules=rules,
        total_rule=_first_paragraph(scoring.total),
        ahead_rule=_first_paragraph(scoring.ahead_on),
        flip_rule=_first_paragraph(scoring.flips),
        data_uri=published.DATA_URI,
    )

