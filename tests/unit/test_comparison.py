"""Pairs to compare are checked data, and the comparison's rows and summary say what the cells say."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import entry, write_project
from tests.helpers import ROOT
from webatlas.catalogue.cells import level_words
from webatlas.catalogue.loading import PAIRS_FILE, load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.comparison.rows import feature_rows
from webatlas.comparison.summary import pair_summary

CATALOGUE = load_catalogue(ROOT)

BAD_PAIRS = {
    "unknown entry": ("- [demo, nosuch]\n", "pair #1", "second", "'nosuch' is no catalogue entry"),
    "itself": ("- [demo, demo]\n", "pair #1", "second", "compares 'demo' with itself"),
    "listed twice": ("- [demo, other]\n- [other, demo]\n", "pair #2", "(pair)", "already compared"),
    "not a pair": ("- [demo]\n", "pair #1", "(pair)", "expected two entry slugs"),
}


@pytest.mark.parametrize("case", BAD_PAIRS)
def test_a_bad_pair_names_file_pair_and_field(tmp_path: Path, case: str) -> None:
    text, label, field, problem = BAD_PAIRS[case]
    write_project(tmp_path, [entry("demo"), entry("other", "https://github.com/demo/other")])
    (tmp_path / PAIRS_FILE).write_text(text)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(tmp_path)
    assert raised.value.file.endswith(PAIRS_FILE)
    assert (raised.value.entry, raised.value.field) == (label, field)
    assert problem in raised.value.problem


def test_the_pairs_readers_search_for_are_listed() -> None:
    wanted = {
        ("fastapi", "litestar"), ("fastapi", "django"), ("fastapi", "flask"), ("fastapi", "sanic"), ("fastapi", "starlette"),
        ("flask", "quart"), ("sanic", "aiohttp"), ("django", "litestar"), ("uvicorn", "granian"), ("uvicorn", "hypercorn"),
        ("gunicorn", "uvicorn"),
    }  # fmt: skip
    assert wanted <= set(CATALOGUE.pairs)


@pytest.mark.parametrize(("first", "second"), CATALOGUE.pairs)
def test_the_summary_names_exactly_the_features_whose_cells_differ(first: str, second: str) -> None:
    pair = [CATALOGUE.entries[first], CATALOGUE.entries[second]]
    both = [slug for slug in CATALOGUE.cells[first] if slug in CATALOGUE.cells[second]]
    differing = [
        CATALOGUE.features[slug].name
        for slug in both
        if level_words(CATALOGUE.cell(pair[0], slug)) != level_words(CATALOGUE.cell(pair[1], slug))
    ]
    text = " ".join(pair_summary(CATALOGUE, *pair))
    if differing:
        assert f"They differ on {len(differing)} of the {len(both)} features both are judged on" in text
    for slug in both:
        name = CATALOGUE.features[slug].name
        mentioned = f": {name}" in text or f", {name}" in text or f" and {name}" in text
        assert mentioned == (name in differing), name


def test_rows_cover_every_feature_of_either_layer_and_mark_agreement() -> None:
    pair = [CATALOGUE.entries["fastapi"], CATALOGUE.entries["uvicorn"]]
    rows = feature_rows(CATALOGUE, pair)
    assert [row.feature.slug for row in rows] == list(CATALOGUE.features)
    for row in rows:
        server_cell = row.cells[1]
        assert (server_cell is None) == ("server" not in row.feature.layers)
        assert not (row.same and server_cell is None), "a feature one entry is not judged on is no agreement"
