"""The /choose/ page as built: its ranking and method come from the code and data that rank, and it is in the nav."""

from __future__ import annotations

import html
import json
import re

from tests.building import Build, read_page
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.choosing import published, scoring, wording
from webatlas.choosing.candidates import candidates, maturity, momentum

CATALOGUE = load_catalogue(ROOT)
PEOPLE = candidates(CATALOGUE)


def plain(text: str) -> str:
    """Page text without tags and with single spaces, to find sentences that Markdown wrapped or linked."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def test_the_static_ranking_is_the_methods_ranking_for_the_defaults(built_site: Build) -> None:
    text = read_page(built_site, "choose/index.html")
    choice = published.default_choice(CATALOGUE, PEOPLE)
    ranking = scoring.rank(PEOPLE, choice, published.feature_names(CATALOGUE))
    ranking_block = text[text.index("data-atlas-ranking") : text.index("<template")]
    shown = re.findall(r'<li data-slug="([^"]+)"', ranking_block)
    assert shown == [place.candidate.slug for place in ranking.places]
    criteria = CATALOGUE.criteria.criteria.by_slug()
    assert html.escape(wording.flip(ranking, criteria), quote=False) in text
    assert len(re.findall(r'data-slot="excluded">(.*?)</ul>', ranking_block, re.DOTALL)[0].split("<li>")) - 1 == len(ranking.excluded)


def test_the_method_quotes_the_code_and_the_numbers_of_the_criteria_file(built_site: Build) -> None:
    text = plain(read_page(built_site, "choose/index.html"))
    rules = CATALOGUE.criteria.criteria
    for function in (maturity, momentum, scoring.batteries, scoring.total, scoring.ahead_on, scoring.flips):
        first_paragraph = " ".join((function.__doc__ or "").split("\n\n")[0].split())
        assert first_paragraph in text, function.__name__
    full_marks = f"{rules.maturity.full_marks_age_years} years and {rules.maturity.full_marks_releases_per_year} releases a year"
    assert f"Full marks at {full_marks}" in text
    assert f"Full marks at {rules.momentum.full_marks_stars_a_year:,} stars a year" in text
    for criterion in rules.by_slug().values():
        assert f"{criterion.name}, default weight {criterion.default_weight}." in text


def test_the_candidates_file_is_published_next_to_the_page_and_the_page_is_in_the_nav(built_site: Build) -> None:
    data = json.loads((built_site.site_dir / "choose" / "candidates.json").read_text(encoding="utf-8"))
    assert data == json.loads(published.candidates_json(CATALOGUE))
    home = read_page(built_site, "index.html")
    assert re.search(r'<a href="choose/" class="md-nav__link">\s*<span class="md-ellipsis">\s*Choose\s*</span>', home)
