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


FEATURES = [
    {
        "slug": "websockets",
        "name": "WebSockets",
        "definition": "Talks WebSocket.",
        "judged_by": "A documented API.",
        "layers": ["framework", "server"],
    },
    {"slug": "cors", "name": "CORS", "definition": "Sends CORS headers.", "judged_by": "A documented middleware.", "layers": ["framework"]},
]
TASKS = [{"slug": "hello_text", "title": "Hello", "summary": "Says hello."}]


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
            "licence": fact("MIT"),
        },
        "features": {"websockets": cell(), "cors": cell("third-party", "demo-cors")},
        "strengths": ["Small."],
        "limitations": ["Imaginary."],
        "use_cases": ["Tests."],
        "install": f"pip install {slug}",
        "links": {"repository": repository, "documentation": SOURCE, "pypi": f"https://pypi.org/project/{slug}/", "changelog": SOURCE},
        "snippets": {"command": "uvicorn {module}:app --port {port}"},
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
    results = {slug: {"package": name, "module": name, "latest": attempt, "tested": None} for slug, name in packages.items()}
    return {"python": "3.11.7", "platform": "linux-x86_64", "checked_on": AS_OF, "results": results}


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
    (root / "data" / "features.yaml").write_text(yaml.safe_dump(FEATURES))
    (root / "data" / "tasks.yaml").write_text(yaml.safe_dump(TASKS))
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
    (root / "data" / "pypi_snapshot.json").write_text(json.dumps(snapshot(sorted(set(packages.values())))))
    (root / "data" / "install_check.json").write_text(json.dumps(install_check(packages)))
    (root / "snippets").mkdir()
    return root
