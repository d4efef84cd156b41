"""Third-party cells derived from data/integrations.yaml and the integration check, on small made-up projects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.factories import AS_OF, cell, changed, entry, integration_check, package_snapshot, write_project
from webatlas.catalogue.loading import load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.site.render import integrations as render_integrations

WORKS = {"framework_version": "1.0", "python": "3.11.7", "probed": False, "failure": None}
FAILS = {
    "framework_version": "1.0",
    "python": "3.11.7",
    "probed": False,
    "failure": {"kind": "import fails", "excerpt": "ModuleNotFoundError: No module named 'cors_kit.other'"},
}


def cors_kit(entries: tuple[str, ...] = ("demo", "other")) -> dict[str, Any]:
    return {
        "package": "cors-kit",
        "features": ["cors"],
        "source": "https://example.org/cors-kit",
        "version": "1.0",
        "as_of": AS_OF,
        "integrations": [{"entry": slug, "module": f"cors_kit.{slug}"} for slug in entries],
    }


def project(
    tmp_path: Path, entries: list[dict[str, Any]], outcomes: dict[str, dict[str, Any]], registry: list[dict[str, Any]] | None = None
) -> Path:
    """A project whose registry holds cors-kit, checked with `outcomes` by entry slug."""
    root = write_project(tmp_path, entries)
    registry = [cors_kit()] if registry is None else registry
    (root / "data" / "integrations.yaml").write_text(yaml.safe_dump(registry))
    checked = {slug: {"module": f"cors_kit.{slug}", **outcome} for slug, outcome in outcomes.items()}
    results = {"cors-kit": {"version": "1.0", "entries": checked}}
    (root / "data" / "integration_check.json").write_text(json.dumps(integration_check(results)))
    snapshot_file = root / "data" / "pypi_snapshot.json"
    snapshot = json.loads(snapshot_file.read_text())
    snapshot["packages"]["cors-kit"] = package_snapshot("cors-kit")
    snapshot_file.write_text(json.dumps(snapshot))
    return root


def without_cors(slug: str) -> dict[str, Any]:
    return changed(entry(slug, f"https://github.com/demo/{slug}"), "features.cors")


def test_an_unstated_cell_is_third_party_through_the_verified_packages(tmp_path: Path) -> None:
    catalogue = load_catalogue(project(tmp_path, [without_cors("demo"), without_cors("other")], {"demo": WORKS, "other": WORKS}))
    derived = catalogue.cells["demo"]["cors"]
    assert (derived.support, derived.via, derived.derived) == ("third-party", ("cors-kit",), ("cors-kit",))
    assert (derived.source, derived.as_of.isoformat(), derived.version) == ("https://example.org/cors-kit", AS_OF, None)
    assert derived.computed


def test_a_package_the_check_saw_fail_gives_nothing_so_the_cell_must_be_stated(tmp_path: Path) -> None:
    root = project(tmp_path, [without_cors("demo"), without_cors("other")], {"demo": WORKS, "other": FAILS})
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert raised.value.file.endswith("data/catalogue/other.yaml")
    assert (raised.value.entry, raised.value.field) == ("other", "features")
    assert raised.value.problem == "feature 'cors' is not stated, and no package of data/integrations.yaml verified for Other derives it"


def test_a_stated_no_that_the_registry_contradicts_is_refused(tmp_path: Path) -> None:
    stated_no = changed(entry(), "features.cors", cell("no"))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, [stated_no, without_cors("other")], {"demo": WORKS, "other": WORKS}))
    assert (raised.value.entry, raised.value.field) == ("demo", "features.cors.support")
    assert raised.value.problem == (
        "says no, but cors-kit of data/integrations.yaml gives it, verified by the integration check: remove the cell"
    )


def test_a_stated_registry_package_is_refused_even_when_its_check_failed(tmp_path: Path) -> None:
    doubled = changed(entry(), "features.cors", cell("third-party", "cors-kit"))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, [doubled, without_cors("other")], {"demo": FAILS, "other": WORKS}))
    assert (raised.value.entry, raised.value.field) == ("demo", "features.cors.via")
    assert raised.value.problem == "cors-kit is in data/integrations.yaml for Demo, so this cell is derived from it: remove the cell"


def test_a_package_made_for_one_framework_joins_the_verified_ones(tmp_path: Path) -> None:
    # The factory entry states third-party via demo-cors, a package made for Demo alone.
    catalogue = load_catalogue(project(tmp_path, [entry(), without_cors("other")], {"demo": WORKS, "other": WORKS}))
    joined = catalogue.cells["demo"]["cors"]
    assert (joined.support, joined.via, joined.derived, joined.version) == ("third-party", ("demo-cors", "cors-kit"), ("cors-kit",), "1.0")


def test_a_better_level_stays(tmp_path: Path) -> None:
    built_in = changed(entry(), "features.cors", cell("built-in"))
    catalogue = load_catalogue(project(tmp_path, [built_in, without_cors("other")], {"demo": WORKS, "other": WORKS}))
    assert (catalogue.cells["demo"]["cors"].support, catalogue.cells["demo"]["cors"].via) == ("built-in", ())


def test_a_check_that_misses_a_framework_asks_for_a_new_check(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, [without_cors("demo"), without_cors("other")], {"demo": WORKS}))
    assert raised.value.file.endswith("data/integration_check.json")
    assert raised.value.problem == "checked with ['demo'], not ['demo', 'other']: run `make check-integrations`"


def test_a_package_made_for_one_framework_does_not_belong_in_the_registry(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(project(tmp_path, [without_cors("demo"), without_cors("other")], {"demo": WORKS}, [cors_kit(("demo",))]))
    assert raised.value.file.endswith("data/integrations.yaml")
    assert (raised.value.entry, raised.value.field) == ("cors-kit", "integrations")
    assert raised.value.problem == "List should have at least 2 items after validation, not 1"


def test_an_unmaintained_package_is_refused_in_the_registry(tmp_path: Path) -> None:
    root = project(tmp_path, [without_cors("demo"), without_cors("other")], {"demo": WORKS, "other": WORKS})
    snapshot_file = root / "data" / "pypi_snapshot.json"
    snapshot = json.loads(snapshot_file.read_text())
    # The snapshot is of 2026-01-15; a newest release of 2023-12-31 is 24 whole months before it.
    snapshot["packages"]["cors-kit"]["releases"] = [{"version": "1.0", "date": "2023-12-31", "requires_python": None}]
    snapshot_file.write_text(json.dumps(snapshot))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert raised.value.file.endswith("data/integrations.yaml")
    assert (raised.value.entry, raised.value.field) == ("cors-kit", "package")
    assert raised.value.problem.startswith("the newest release is from 2023-12-31, over 24 months before the snapshot of 2026-01-15")


def with_cors_task(root: Path) -> Path:
    tasks = yaml.safe_load((root / "data" / "tasks.yaml").read_text())
    tasks.append({"slug": "cors", "title": "CORS", "summary": "Answers preflight requests.", "demonstrates": "cors"})
    (root / "data" / "tasks.yaml").write_text(yaml.safe_dump(tasks))
    return root


def skipping_cors(slug: str, reason: str) -> dict[str, Any]:
    return changed(without_cors(slug), "snippets.unsupported.cors", reason)


def test_a_reason_that_ignores_a_verified_package_is_refused(tmp_path: Path) -> None:
    entries = [skipping_cors("demo", "Only hand-written header hooks would do it."), skipping_cors("other", "No cors-kit hook for Other.")]
    root = with_cors_task(project(tmp_path, entries, {"demo": WORKS, "other": WORKS}))
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(root)
    assert (raised.value.entry, raised.value.field) == ("demo", "snippets.unsupported.cors")
    assert raised.value.problem == (
        "the integration check verified cors-kit for Demo's cors: write snippets/demo/cors.py with it, "
        "or say in this reason why cors-kit cannot do the task"
    )


def test_a_reason_that_says_why_the_package_falls_short_stands(tmp_path: Path) -> None:
    entries = [skipping_cors("demo", "Cors-Kit answers preflights with 200 only."), skipping_cors("other", "No cors-kit hook.")]
    catalogue = load_catalogue(with_cors_task(project(tmp_path, entries, {"demo": WORKS, "other": WORKS})))
    assert catalogue.entries["demo"].snippets is not None
    assert catalogue.entries["demo"].snippets.unsupported["cors"] == "Cors-Kit answers preflights with 200 only."


def test_the_method_page_lists_each_package_with_what_the_check_found(tmp_path: Path) -> None:
    entries = [without_cors("demo"), changed(entry("other", "https://github.com/demo/other"), "features.cors", cell("no"))]
    listed = render_integrations(load_catalogue(project(tmp_path, entries, {"demo": WORKS, "other": FAILS})))
    assert "These 1 packages" not in listed
    assert "This package ships code of its own for several catalogue frameworks." in listed
    row = (
        "| `cors-kit` 1\\.0 | [CORS](features.md#cors) | [Demo](catalogue/demo.md) ✓ · [Other](catalogue/other.md) ✗ import fails "
        "| [example\\.org](https://example.org/cors-kit) |"
    )
    assert row in listed


def test_with_no_package_the_method_page_says_so(tmp_path: Path) -> None:
    assert "No package that serves several frameworks is registered" in render_integrations(load_catalogue(write_project(tmp_path)))
