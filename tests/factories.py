"""Small, valid catalogue projects written to a temporary folder, for tests to break on purpose."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import yaml

SOURCE = "https://example.org/docs"
AS_OF = "2026-01-15"


def fact(value: Any) -> dict[str, Any]:
    return {"value": value, "source": SOURCE, "as_of": AS_OF}


def cell(support: str = "built-in", via: str | None = None) -> dict[str, Any]:
    """A feature cell."""
    return {"support": support, **({"via": via} if via else {}), "source": SOURCE, "version": "1.0", "as_of": AS_OF}


def feature(slug: str, layers: list[str], provided_by: str = "application") -> dict[str, Any]:
    """A term of the feature vocabulary."""
    return {
        "slug": slug,
        "name": slug.upper(),
        "definition": f"Does {slug}.",
        "judged_by": "A documented API.",
        "terms": [slug],
        "layers": layers,
        "provided_by": provided_by,
        "why_provided_by": "Because.",
    }


FEATURES = [
    feature("websockets", ["framework", "server"]),
    feature("cors", ["framework"]),
    feature("http2", ["framework", "server"], "server"),
]
VOCABULARY = {
    "maintained_within_months": 24,
    "support_levels": [
        {"level": level, "rule": f"When {level} applies."} for level in ("built-in", "inherited", "official-extension", "third-party", "no")
    ],
    "features": FEATURES,
}
TASKS = [{"slug": "hello_text", "title": "Hello", "summary": "Says hello."}]
CRITERIA = {
    "candidate_layers": ["framework"],
    "required_features": ["websockets"],
    "default_statuses": ["active"],
    "criteria": {
        "maturity": {
            "name": "Maturity",
            "asks": "How old?",
            "default_weight": 3,
            "full_marks_age_years": 10,
            "full_marks_releases_per_year": 6,
        },
        "momentum": {"name": "Momentum", "asks": "How loved?", "default_weight": 2, "window_months": 12, "full_marks_stars_a_year": 1000},
        "batteries": {"name": "Batteries", "asks": "How complete?", "default_weight": 3},
        "performance": {"name": "Performance", "asks": "How fast?", "default_weight": 1},
    },
}


def entry(slug: str = "demo", repository: str = "https://github.com/demo/demo") -> dict[str, Any]:
    """A complete, valid catalogue entry."""
    return {
        "slug": slug,
        "name": slug.title(),
        "layer": "framework",
        "tagline": "A framework for tests.",
        "summary": "Exists only in tests.",
        "package": {"pypi": slug, "module": slug},
        "facts": {
            "origins": fact({"year": 2019, "author": "Someone"}),
            "interfaces": fact(["ASGI"]),
            "built_on": fact([]),
            "servers": fact({"built_in": True, "runs_on": [], "recommended": "built-in"}),
            "own_server": fact({"provides": []}),
            "licence": fact("MIT"),
        },
        "features": {"websockets": cell(), "cors": cell("third-party", "demo-cors")},
        "strengths": ["Small."],
        "limitations": ["Imaginary."],
        "use_cases": ["Tests."],
        "install": f"pip install {slug}",
        "links": {"repository": repository, "documentation": SOURCE, "pypi": f"https://pypi.org/project/{slug}/", "changelog": SOURCE},
        # Every task needs a recipe or a reason; a factory project writes no recipes.
        "snippets": {"command": "uvicorn {module}:app --port {port}", "unsupported": {"hello_text": "Exists only in tests."}},
    }


def package_snapshot(name: str) -> dict[str, Any]:
    """What the refresh command stores for a package with two releases."""
    return {
        "name": name,
        "latest_version": "1.0",
        "licence": {"expression": "MIT", "text": None, "classifiers": []},
        "releases": [
            {"version": "0.1", "date": "2019-01-02", "requires_python": None},
            {"version": "1.0", "date": "2025-06-30", "requires_python": ">=3.10"},
        ],
    }


def snapshot(names: list[str]) -> dict[str, Any]:
    return {"as_of": AS_OF, "packages": {name: package_snapshot(name) for name in names}}


def install_check(packages: dict[str, str]) -> dict[str, Any]:
    """An install check in which every package's latest release (1.0) installs and imports; keyed slug -> package."""
    attempt = {"version": "1.0", "installs": True, "imports": True, "failure": None}
    on_python = {"3.11.7": {"latest": attempt, "tested": None}}
    results = {slug: {"package": name, "module": name, "pythons": on_python} for slug, name in packages.items()}
    return {"pythons": ["3.11.7"], "platform": "linux-x86_64", "checked_on": AS_OF, "results": results}


def integration_check(results: dict[str, Any]) -> dict[str, Any]:
    """An integration check with `results` by package, as `make check-integrations` writes it."""
    return {"checked_on": AS_OF, "platform": "linux-x86_64", "results": results}


DELETE = object()
"""Pass as the value to `changed` to remove the field."""


def changed(data: dict[str, Any], dotted: str, value: Any = DELETE) -> dict[str, Any]:
    """`data` with the field at the dotted path set to `value`, or removed; `data` itself is modified."""
    *parents, last = dotted.split(".")
    node = data
    for key in parents:
        node = node[key]
    if value is DELETE:
        del node[last]
    else:
        node[last] = value
    return data


def write_project(root: Path, entries: list[dict[str, Any]] | None = None) -> Path:
    """Write data/ and snippets/ for `entries` (one valid entry by default) below `root`."""
    entries = copy.deepcopy(entries if entries is not None else [entry()])
    (root / "data" / "catalogue").mkdir(parents=True)
    (root / "data" / "features.yaml").write_text(yaml.safe_dump(VOCABULARY))
    (root / "data" / "tasks.yaml").write_text(yaml.safe_dump(TASKS))
    (root / "data" / "comparisons.yaml").write_text("[]\n")
    (root / "data" / "criteria.yaml").write_text(yaml.safe_dump(CRITERIA, sort_keys=False))
    (root / "data" / "claims.yaml").write_text("[]\n")
    for number, item in enumerate(entries):
        name = item.get("slug", f"entry{number}") if isinstance(item.get("slug"), str) else f"entry{number}"
        path = root / "data" / "catalogue" / f"{name}.yaml"
        if path.exists():
            path = path.with_name(f"{name}-{number}.yaml")
        path.write_text(yaml.safe_dump(item, sort_keys=False))
    (root / "data" / "github_stars.csv").write_text(
        "repository,date,stars,source\ndemo/demo,2024-01-31,100,github:someone/dataset/file.csv@abc\n"
    )
    packages = {
        item["slug"]: item["package"]["pypi"] for item in entries if isinstance(item.get("package"), dict) and "pypi" in item["package"]
    }
    relied_on = {
        cell["via"]
        for item in entries
        for cell in (item.get("features") or {}).values()
        if isinstance(cell, dict) and isinstance(cell.get("via"), str)
    }
    (root / "data" / "pypi_snapshot.json").write_text(json.dumps(snapshot(sorted(set(packages.values()) | relied_on))))
    (root / "data" / "install_check.json").write_text(json.dumps(install_check(packages)))
    (root / "data" / "integrations.yaml").write_text("[]\n")
    (root / "data" / "serving.yaml").write_text("[]\n")
    (root / "data" / "integration_check.json").write_text(json.dumps(integration_check({})))
    (root / "snippets").mkdir()
    return root


def write_recipe(root: Path, slug: str, task: str) -> Path:
    """An (empty) recipe for `task` in the snippet folder of entry `slug`, which pins the entry's package."""
    folder = root / "snippets" / slug
    folder.mkdir(exist_ok=True)
    (folder / "requirements.txt").write_text(f"{slug}==1.0\n")
    recipe = folder / f"{task}.py"
    recipe.write_text("")
    return recipe
