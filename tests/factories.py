"""Small, valid catalogue projects written to a temporary folder, for tests to break on purpose."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

SOURCE = "https://example.org/docs"
AS_OF = "2026-01-15"


def fact(value: Any) -> dict[str, Any]:
    return {"value": value, "source": SOURCE, "as_of": AS_OF}


FEATURES = [
    {"slug": "websockets", "name": "WebSockets", "definition": "Talks WebSocket.", "judged_by": "A documented API."},
    {"slug": "cors", "name": "CORS", "definition": "Sends CORS headers.", "judged_by": "A documented middleware."},
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
        "facts": {
            "interfaces": fact(["ASGI"]),
            "first_release": fact({"version": "0.1", "date": "2019-01-02"}),
            "latest_release": fact({"version": "1.0", "date": "2025-06-30"}),
            "licence": fact("MIT"),
            "requires_python": fact(">=3.10"),
            "status": fact("active"),
        },
        "features": {
            "websockets": {"support": "built-in", "source": SOURCE, "as_of": AS_OF},
            "cors": {"support": "third-party", "via": "demo-cors", "source": SOURCE, "as_of": AS_OF},
        },
        "strengths": ["Small."],
        "limitations": ["Imaginary."],
        "use_cases": ["Tests."],
        "install": f"pip install {slug}",
        "links": {"repository": repository, "documentation": SOURCE, "pypi": f"https://pypi.org/project/{slug}/", "changelog": SOURCE},
        "snippets": {"package": slug, "command": "uvicorn {module}:app --port {port}"},
    }


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
    (root / "snippets").mkdir()
    return root
