"""The /choose/ page as built: its ranking and method come from the code and data that rank, and it is in the nav."""

from __future__ import annotations

import html
import json
import re

from tests.building import Build, read_page
from tests.helpers import ROOT
from webatlas.catalogue.loading import load_catalogue
from webatlas.choosing import published, scoring
from webatlas.choosing.candidates import candidates, maturity, momentum

CATALOGUE = load_catalogue(ROOT)
PEOPLE = candidates(CATALOGUE)


def plain(text: str) -> str:
    """Page text without tags and with single spaces, to find sentences that Markdown wrapped or linked."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


def ranking_block(build: Build) -> str:
    text = read_page(build, "choose/index.html")
    return text[text.index("data-atlas-ranking") : text.index("<template")]


def slotted(block: str, slot: str) -> list[str]:
    """The text of every element of the ranking that fills `slot`."""
    return [plain(found) for found in re.findall(rf'data-slot="{slot}">(.*?)</', block, re.DOTALL)]


def test_the_page_ranks_for_the_default_weights_without_a_script(small_site: Build) -> None:
    """Worked out for the small site of tests/small_site.py, with weights Maturity 3, Momentum 2 and Batteries 3 (no
    benchmark set, so Performance takes none) and only active entries:

    - Maturity, half for age (full at 10 years) and half for releases in the last 12 months (full at 6): Fastapi and
      Litestar 0.5 * 4/10 + 0.5 * 3/6 = 0.45 (4 years is 1,461 days); Django 0.5 + 0.5 = 1.
    - Momentum: Fastapi gained 5,100 stars from 2024-12-01 to 2025-12-15, past the 1,000 a year of full marks, so 1;
      Litestar's counts start inside the window and Django has none, so 0.
    - Batteries, the share of the three features built in: Fastapi and Litestar 2/3, Django 1/3.
    - Totals: Fastapi (3 * 0.45 + 2 * 1 + 3 * 2/3) / 8 = 0.66875, Django (3 + 0 + 1) / 8 = 0.5, Litestar 3.35 / 8 = 0.41875.
    - Momentum at 0 would give Fastapi 3.35 / 6 < Django 4 / 6; no other single change puts Django first.
    - Sanic installs nowhere, so it is unmaintained and left out.
    """
    block = ranking_block(small_site)
    assert re.findall(r'<li data-slug="([^"]+)"', block) == ["fastapi", "django", "litestar"]
    assert slotted(block, "total") == ["67", "50", "42"]
    assert slotted(block, "why") == [
        "Ahead of Django on Momentum and Batteries.",
        "Ahead of Litestar on Maturity.",
        "Last of those that qualify.",
    ]
    assert slotted(block, "summary") == ["3 of 4 candidates meet your requirements, ranked by Maturity 3, Momentum 2, Batteries 3."]
    assert slotted(block, "flip") == ["To put Django ahead of Fastapi: set Momentum from 2 to 0."]
    assert plain(re.findall(r'data-slot="excluded">(.*?)</ul>', block, re.DOTALL)[0]) == "Sanic: status is unmaintained"


def test_each_place_shows_what_its_scores_come_from(small_site: Build) -> None:
    first = ranking_block(small_site).split("<li data-slug=")[1]
    rows = [[plain(cell) for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)] for row in re.findall(r"<tr>(.*?)</tr>", first)]
    assert rows[1:] == [
        ["Maturity", "3", "45", "4 years since the first release; 3 releases in the 12 months to 2026-01-15"],
        # 5,100 stars over the 379 days from 2024-12-01 to 2025-12-15, scaled to 365.25 days.
        ["Momentum", "2", "100", "+4,915 stars a year, from 100 on 2024-12-01 to 5,200 on 2025-12-15"],
        ["Batteries", "3", "67", "2 of 3 wanted features built in"],
    ]


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
