"""Feature cells: inherited and server-provided ones are computed, and stated ones that contradict the rules fail the build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.factories import cell, changed, entry, fact, write_project
from tests.helpers import ROOT
from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import describe
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.prose import uncited_claims
from webatlas.catalogue.reading import CatalogueError

REAL = load_catalogue(ROOT)


def server(slug: str, http2: str = "built-in") -> dict[str, Any]:
    """A server entry whose own HTTP/2 cell says `http2`."""
    data = entry(slug)
    data["layer"] = "server"
    for name in ("servers", "own_server"):
        del data["facts"][name]
    data["features"] = {"websockets": cell(), "http2": cell(http2)}
    del data["snippets"]
    return data


def framework(slug: str, **changes: Any) -> dict[str, Any]:
    data = entry(slug)
    del data["snippets"]
    for dotted, value in changes.items():
        changed(data, dotted.replace("__", "."), value)
    return data


def load(tmp_path: Path, entries: list[dict[str, Any]]) -> Catalogue:
    return load_catalogue(write_project(tmp_path, entries))


def refused(tmp_path: Path, entries: list[dict[str, Any]]) -> CatalogueError:
    with pytest.raises(CatalogueError) as raised:
        load(tmp_path, entries)
    assert str(raised.value).count("\n") == 0
    return raised.value


def test_an_application_gets_http2_from_its_own_server(tmp_path: Path) -> None:
    catalogue = load(tmp_path, [framework("demo", facts__own_server=fact({"provides": ["http2"]}))])
    found = catalogue.cell(catalogue.entries["demo"], "http2")
    assert (found.support, found.computed, found.version) == ("built-in", True, None)
    assert describe(found) == "built-in"


def test_an_application_gets_http2_from_the_maintained_servers_it_runs_on(tmp_path: Path) -> None:
    runs_on = {"built_in": False, "runs_on": ["fast", "plain"], "recommended": "fast"}
    app = framework("demo", facts__servers=fact(runs_on))
    del app["facts"]["own_server"]
    catalogue = load(tmp_path, [app, server("fast"), server("plain", "no")])
    found = catalogue.cell(catalogue.entries["demo"], "http2")
    assert (found.support, [entry.slug for entry in found.servers]) == ("third-party", ["fast"])
    assert describe(found) == "third-party: via Fast (server)"


def test_an_archived_server_gives_no_feature(tmp_path: Path) -> None:
    runs_on = {"built_in": False, "runs_on": ["gone"], "recommended": "gone"}
    app = framework("demo", facts__servers=fact(runs_on))
    del app["facts"]["own_server"]
    archived = server("gone")
    archived["facts"]["archived"] = fact("2025-01-01")
    catalogue = load(tmp_path, [app, archived])
    assert catalogue.cell(catalogue.entries["demo"], "http2").support == "no"


def test_a_framework_cannot_state_a_feature_its_server_provides(tmp_path: Path) -> None:
    error = refused(tmp_path, [framework("demo", features__http2=cell("built-in"))])
    assert error.field == "features"
    assert "'http2' comes from the entry's servers and is computed" in error.problem


def test_an_inherited_cell_takes_its_base_level_and_names_it(tmp_path: Path) -> None:
    base = framework("base", features__cors=cell("third-party", "demo-cors"))
    built = framework("built", facts__built_on=fact(["base"]))
    built["features"]["cors"] = {"from": "base", "source": "https://example.org/built/cors", "version": "1.0", "as_of": "2026-01-15"}
    catalogue = load(tmp_path, [base, built])
    found = catalogue.cell(catalogue.entries["built"], "cors")
    assert (found.support, found.via, found.inherited_from and found.inherited_from.slug) == ("third-party", ("demo-cors",), "base")
    assert describe(found) == "third-party: demo-cors, from Base"
    assert found.source == "https://example.org/built/cors"


INHERITANCE_ERRORS = {
    "from an entry it is not built on": ({}, "features.cors.from", "'base' is not in built_on"),
    "from a base that lacks the feature": ({"features__cors": cell("no")}, "features.cors.from", "base does not offer cors"),
}


@pytest.mark.parametrize("case", INHERITANCE_ERRORS, ids=list(INHERITANCE_ERRORS))
def test_inheriting_what_cannot_be_inherited_fails(tmp_path: Path, case: str) -> None:
    base_changes, field, problem = INHERITANCE_ERRORS[case]
    built = framework("built", **({"facts__built_on": fact(["base"])} if base_changes else {}))
    built["features"]["cors"] = {"from": "base", "source": "https://example.org/x", "version": "1.0", "as_of": "2026-01-15"}
    error = refused(tmp_path, [framework("base", **base_changes), built])
    assert (error.entry, error.field) == ("built", field)
    assert problem in error.problem


def test_saying_no_to_what_a_base_offers_needs_a_note(tmp_path: Path) -> None:
    base = framework("base")
    built = framework("built", facts__built_on=fact(["base"]), features__websockets=cell("no"))
    error = refused(tmp_path, [base, built])
    assert (error.entry, error.field) == ("built", "features.websockets.support")
    assert "inherit with 'from: base' or say why in 'note'" in error.problem
    built["features"]["websockets"]["note"] = "Its router hides the base's WebSocket routes."
    catalogue = load(tmp_path / "again", [base, built])
    assert catalogue.cell(catalogue.entries["built"], "websockets").note == "Its router hides the base's WebSocket routes."


def test_an_unmaintained_package_does_not_count(tmp_path: Path) -> None:
    root = write_project(tmp_path)
    snapshot_file = root / "data" / "pypi_snapshot.json"
    snapshot_file.write_text(snapshot_file.read_text().replace('"2025-06-30"', '"2023-06-30"'))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("demo", "features.cors.via")
    assert "demo-cors's newest release is from 2023-06-30, over 24 months before the snapshot" in raised.value.problem


def test_a_citation_must_name_a_cell(tmp_path: Path) -> None:
    error = refused(tmp_path, [framework("demo", strengths=["Faster than [[ghost:cors]] ever was."])])
    assert (error.entry, error.field) == ("demo", "strengths.0")
    assert "cites [[ghost:cors]]" in error.problem


def test_prose_naming_another_entry_with_a_feature_must_cite_its_cell(tmp_path: Path) -> None:
    catalogue = load(tmp_path, [framework("demo", limitations=["Needs Other for cors. Fine otherwise."]), framework("other")])
    claims = uncited_claims(catalogue.entries["demo"], catalogue.entries, catalogue.features)
    assert [(claim.field, claim.other.slug, claim.feature.slug) for claim in claims] == [("limitations.0", "other", "cors")]
    cited = load(tmp_path / "cited", [framework("demo", limitations=["Needs Other for cors ([[other:cors]])."]), framework("other")])
    assert uncited_claims(cited.entries["demo"], cited.entries, cited.features) == []


@pytest.mark.parametrize("slug", sorted(REAL.entries))
def test_real_prose_cites_every_cell_it_speaks_of(slug: str) -> None:
    claims = uncited_claims(REAL.entries[slug], REAL.entries, REAL.features)
    assert not claims, [f"{claim.field}: cite [[{claim.other.slug}:{claim.feature.slug}]] in {claim.sentence!r}" for claim in claims]


def test_real_http2_cells_follow_from_the_servers() -> None:
    """Spot checks of the rule against the real catalogue, where the data is settled."""
    fastapi, uvicorn = REAL.entries["fastapi"], REAL.entries["uvicorn"]
    http2 = REAL.cell(fastapi, "http2")
    assert http2.computed and http2.support == "third-party"
    assert uvicorn in http2.servers
    klein = REAL.cell(REAL.entries["klein"], "http2")
    assert (klein.support, klein.own_server_of) == ("built-in", REAL.entries["twisted"])
    assert REAL.cell(REAL.entries["tornado"], "http2").support == "no"
