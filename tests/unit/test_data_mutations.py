"""Whatever an editor or a bad merge does to a data file, loading it succeeds or fails as bad data naming the file.

Hypothesis mutates each kind of file in `data/` two ways: its bytes (bytes that are not UTF-8, control characters,
cut or inserted spans) and its structure (a value replaced, a key renamed or dropped, an item repeated), then loads it
with the loader and cross-checks the build runs on it, against the rest of the real catalogue.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import ROOT
from webatlas.catalogue.benchmarks.results import BENCHMARKS_DIR, newest
from webatlas.catalogue.claims import load_claims
from webatlas.catalogue.criteria import load_criteria
from webatlas.catalogue.cross_checks import (
    check_install_results,
    check_references,
    check_snapshot,
    check_star_repositories,
    check_task_features,
)
from webatlas.catalogue.install_results import load_install_check
from webatlas.catalogue.integration_results import load_integration_check
from webatlas.catalogue.integrations import check_integration_results, load_integrations
from webatlas.catalogue.loading import (
    FEATURES_FILE,
    load_catalogue,
    load_entries,
    load_pairs,
    load_star_counts,
    load_tasks,
    load_vocabulary,
)
from webatlas.catalogue.reading import CatalogueError
from webatlas.catalogue.snapshot import load_snapshot

CATALOGUE = load_catalogue(ROOT)
ENTRY = "data/catalogue/starlette.yaml"
BENCHMARK_SET = sorted((ROOT / BENCHMARKS_DIR).glob("*.json"))[-1].relative_to(ROOT).as_posix()


def _load_entry(path: Path) -> None:
    """The mutated entry among the real others, as the build loads them, with the references between them checked."""
    entries = load_entries(path.parent, CATALOGUE.features)
    check_references(path.parent, entries)


LOADERS: dict[str, Callable[[Path], object]] = {
    "data/features.yaml": load_vocabulary,
    "data/tasks.yaml": lambda path: check_task_features(path, load_tasks(path), CATALOGUE.features, FEATURES_FILE),
    "data/comparisons.yaml": lambda path: load_pairs(path, CATALOGUE.entries),
    "data/criteria.yaml": lambda path: load_criteria(path, CATALOGUE.features),
    "data/claims.yaml": lambda path: load_claims(path, CATALOGUE.entries, CATALOGUE.tasks),
    "data/github_stars.csv": lambda path: check_star_repositories(path, load_star_counts(path), CATALOGUE.entries),
    "data/pypi_snapshot.json": lambda path: check_snapshot(path, load_snapshot(path), CATALOGUE.entries),
    "data/install_check.json": lambda path: check_install_results(
        path, load_install_check(path), CATALOGUE.snapshot, CATALOGUE.entries
    ),
    "data/integrations.yaml": lambda path: load_integrations(path, CATALOGUE.entries, CATALOGUE.features),
    "data/integration_check.json": lambda path: check_integration_results(
        path, load_integration_check(path), CATALOGUE.integrations, CATALOGUE.snapshot
    ),
    ENTRY: _load_entry,
    BENCHMARK_SET: lambda path: newest(path.parents[2]),
}
"""Every kind of data file, by the path of one real file of that kind, with what the build does to it."""

NOT_UTF8 = [b"\xe9", b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\xf0\x28\x8c\x28"]
"""Latin-1's é, a byte UTF-8 never uses, a broken pair, an encoded surrogate and a broken four-byte sequence."""
CONTROL = [b"\x00", b"\x07", b"\x1b", b"\x7f", b"\xc2\x85", b"\xef\xbf\xbe"]
"""Characters YAML refuses or treats specially: NUL, BEL, ESC, DEL, NEL and a noncharacter."""

scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**40), 2**40), st.floats(allow_nan=False), st.text(max_size=20))
values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3), max_leaves=6
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of every file some loader reads, to mutate one at a time."""
    root = tmp_path_factory.mktemp("mutations")
    for relative in LOADERS:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(ROOT / "data" / "catalogue", root / "data" / "catalogue", dirs_exist_ok=True)
    for relative in LOADERS:
        shutil.copy(ROOT / relative, root / relative)
    return root


def _mutate_bytes(data: st.DataObject, original: bytes) -> bytes:
    start = data.draw(st.integers(0, len(original)), label="at")
    end = data.draw(st.integers(start, min(len(original), start + 8)), label="up to")
    inserted = data.draw(st.one_of(st.sampled_from(NOT_UTF8 + CONTROL), st.binary(min_size=0, max_size=4)), label="bytes")
    return original[:start] + inserted + original[end:]


def _paths(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a node inside a parsed document."""
    found = [path]
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        found.extend(_paths(child, (*path, key)))
    return found


def _mutate_structure(data: st.DataObject, document: Any) -> Any:
    """The document with one node replaced, dropped, repeated or, in a mapping, renamed."""
    path = data.draw(st.sampled_from(_paths(document)), label="node")
    if not path:
        return data.draw(values, label="whole document")
    *parents, key = path
    parent = document
    for step in parents:
        parent = parent[step]
    action = data.draw(st.sampled_from(["replace", "drop", "repeat", "rename"]), label="action")
    if action == "replace":
        parent[key] = data.draw(values, label="value")
    elif action == "drop":
        del parent[key]
    elif action == "repeat" and isinstance(parent, list):
        parent.insert(key, parent[key])
    elif action == "rename" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=8), label="new key")] = parent.pop(key)
    return document


def _structure_of(relative: str, original: bytes) -> tuple[Any, Callable[[Any], bytes]]:
    """The parsed file and how to write it back."""
    text = original.decode("utf-8")
    if relative.endswith(".json"):
        return json.loads(text), lambda document: json.dumps(document).encode()
    if relative.endswith(".csv"):
        # A few rows are enough for a structure mutation; the byte mutations cover the whole file.
        rows = [list(row) for row in csv.reader(io.StringIO(text))][:6]

        def write_csv(document: Any) -> bytes:
            out = io.StringIO()
            writer = csv.writer(out)
            for row in document if isinstance(document, list) else [[document]]:
                writer.writerow(row if isinstance(row, list) else [row])
            return out.getvalue().encode()

        return rows, write_csv
    return yaml.safe_load(text), lambda document: yaml.safe_dump(document, allow_unicode=True).encode()


@settings(max_examples=1000, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_a_mutated_data_file_loads_or_fails_as_bad_data_naming_it(project: Path, data: st.DataObject) -> None:
    relative = data.draw(st.sampled_from(sorted(LOADERS)), label="file")
    path = project / relative
    original = (ROOT / relative).read_bytes()
    if data.draw(st.booleans(), label="bytes, not structure"):
        mutated = _mutate_bytes(data, original)
    else:
        document, write = _structure_of(relative, original)
        mutated = write(_mutate_structure(data, document))
    path.write_bytes(mutated)
    try:
        LOADERS[relative](path)
    except CatalogueError as error:
        message = str(error)
        assert path.name in message.splitlines()[0], message
        assert "Traceback" not in message
    finally:
        path.write_bytes(original)


@pytest.mark.parametrize(
    ("inserted", "problem"),
    [
        (b"\xe9", "not UTF-8: byte 0xe9 at line 3 (byte offset"),
        (b"\x07", "character U+0007 is not allowed in YAML, at line 3"),
    ],
)
def test_bad_bytes_name_the_file_and_the_line(tmp_path: Path, inserted: bytes, problem: str) -> None:
    path = tmp_path / "tasks.yaml"
    path.write_bytes(b"- slug: hello\n  title: Hello\n  summary: caf" + inserted + b"\n")
    with pytest.raises(CatalogueError) as raised:
        load_tasks(path)
    assert raised.value.file == str(path)
    assert problem in raised.value.problem
    assert "\n" not in str(raised.value)

