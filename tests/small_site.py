"""A small made-up catalogue built into the real site: four frameworks whose figures are easy to work out by hand.

The hand-written pages link to fastapi, litestar, sanic and django, so the made-up entries take those slugs; everything
else about them is invented here. What the pages must show for this data is worked out in the tests that read them.

| Entry    | Interfaces | Licence      | First release | Releases in the last year | WebSockets | CORS        | Stars           |
|----------|------------|--------------|---------------|---------------------------|------------|-------------|-----------------|
| Fastapi  | ASGI       | MIT          | 2022-01-15    | 3                         | built-in   | built-in    | dataset and API |
| Litestar | ASGI       | MIT          | 2022-01-15    | 3                         | built-in   | built-in    | API only        |
| Sanic    | ASGI       | MIT          | 2022-01-15    | 3                         | built-in   | third-party | none            |
| Django   | WSGI       | BSD-3-Clause | 2016-01-15    | 6                         | built-in   | extension   | none            |

Every latest release is 1.0 of 2025-12-01, in a PyPI snapshot of 2026-01-15, and requires Python 3.10, Django's 3.12.
The install check ran on Python 3.11, 3.12 and 3.13: Django 1.0 is not supported on 3.11, works on 3.12 and fails to
import on 3.13, where 0.9 works; Sanic 1.0 fails to build everywhere, so Sanic is unmaintained; everything else installs
everywhere, and those three entries are active. Django's CORS is an official extension, which the picker's hard
requirements count and its batteries criterion does not. No entry states a server, so none has HTTP/2.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import yaml

from tests.building import Build, copy_project, mkdocs_build
from tests.factories import AS_OF, cell, changed, entry, package_snapshot, write_project
from webatlas.catalogue.models import STAR_HISTORY_SOURCE

SITE_SOURCES = ["mkdocs.yml", "docs", "hooks", "overrides", "src", "snippets/_scripts"]
"""Everything of the real project that is not data: the small site differs from the real one only in `data/`."""

SITE_URL = "https://atlas.example.org/"
"""The address the small site is built for, as a deployment sets it with SITE_URL."""

DATASET = "github:someone/dataset/file.csv@abc"


def _framework(slug: str, interfaces: list[str], cors: dict[str, Any], licence: str = "MIT") -> dict[str, Any]:
    data = changed(entry(slug, f"https://github.com/demo/{slug}"), "facts.interfaces.value", interfaces)
    changed(data, "facts.licence.value", licence)
    return changed(data, "features.cors", cors)


ENTRIES = [
    _framework("fastapi", ["ASGI"], cell("built-in")),
    _framework("litestar", ["ASGI"], cell("built-in")),
    _framework("sanic", ["ASGI"], cell("third-party", "demo-cors")),
    _framework("django", ["WSGI"], cell("official-extension", "demo-cors"), licence="BSD-3-Clause"),
]

RECENT = [("0.8", "2025-03-01"), ("0.9", "2025-07-01"), ("1.0", "2025-12-01")]
RELEASES: dict[str, list[tuple[str, str]]] = {
    "fastapi": [("0.1", "2022-01-15"), *RECENT],
    "litestar": [("0.1", "2022-01-15"), *RECENT],
    "sanic": [("0.1", "2022-01-15"), *RECENT],
    "django": [
        ("0.1", "2016-01-15"),
        ("0.5", "2025-02-01"),
        ("0.6", "2025-04-01"),
        ("0.7", "2025-06-01"),
        ("0.8", "2025-08-01"),
        ("0.9", "2025-10-01"),
        ("1.0", "2025-12-01"),
    ],
}
"""Each package's releases, oldest first."""

REQUIRES_PYTHON = {"django": ">=3.12"}

PYTHONS = ["3.11.7", "3.12.1", "3.13.0"]
WORKS = {"installs": True, "imports": True, "failure": None}
DJANGO_ON_3_13 = "ImportError: cannot import name 'cgi' from the standard library"
SANIC_BUILD = "error: command 'gcc' failed: No such file or directory"
INSTALLS: dict[str, dict[str, Any]] = {
    "django": {
        "3.11.7": {
            "latest": {
                "version": "1.0",
                "installs": False,
                "imports": False,
                "failure": {"kind": "the release does not support this Python", "excerpt": "Requires-Python >=3.12"},
            },
            "tested": None,
        },
        "3.12.1": {"latest": {"version": "1.0", **WORKS}, "tested": None},
        "3.13.0": {
            "latest": {
                "version": "1.0",
                "installs": True,
                "imports": False,
                "failure": {"kind": "import fails", "excerpt": DJANGO_ON_3_13},
            },
            "tested": {"version": "0.9", **WORKS},
        },
    },
    "sanic": {
        python: {
            "latest": {
                "version": "1.0",
                "installs": False,
                "imports": False,
                "failure": {"kind": "build of the C extension fails", "excerpt": SANIC_BUILD},
            },
            "tested": None,
        }
        for python in PYTHONS
    },
}
"""Install results that are not "1.0 works on every Python"."""

STARS = [
    ("demo/fastapi", "2024-12-01", 100, DATASET),
    ("demo/fastapi", "2025-12-01", 5100, DATASET),
    ("demo/fastapi", "2025-12-08", 5150, STAR_HISTORY_SOURCE),
    ("demo/fastapi", "2025-12-15", 5200, STAR_HISTORY_SOURCE),
    ("demo/litestar", "2025-12-08", 300, STAR_HISTORY_SOURCE),
    ("demo/litestar", "2025-12-15", 310, STAR_HISTORY_SOURCE),
]
"""Fastapi gains 5,100 stars in the 12 months to its last count, more than full marks; Litestar's counts start too late
to measure a year."""

PAIRS = [["fastapi", "django"]]


def _snapshot(entries: list[dict[str, Any]]) -> dict[str, Any]:
    packages = {}
    for item in entries:
        name = item["package"]["pypi"]
        package = package_snapshot(name)
        if name in RELEASES:
            required = REQUIRES_PYTHON.get(name, ">=3.10")
            package["releases"] = [{"version": version, "date": day, "requires_python": required} for version, day in RELEASES[name]]
        packages[name] = package
    packages["demo-cors"] = package_snapshot("demo-cors")
    return {"as_of": AS_OF, "packages": packages}


def _install_check(entries: list[dict[str, Any]]) -> dict[str, Any]:
    everywhere = {python: {"latest": {"version": "1.0", **WORKS}, "tested": None} for python in PYTHONS}
    results = {
        item["slug"]: {
            "package": item["package"]["pypi"],
            "module": item["package"]["module"],
            "pythons": INSTALLS.get(item["slug"], everywhere),
        }
        for item in entries
    }
    return {"pythons": PYTHONS, "platform": "linux-x86_64", "checked_on": AS_OF, "results": results}


def stars_csv(rows: list[tuple[str, str, int, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["repository", "date", "stars", "source"])
    writer.writerows(rows)
    return buffer.getvalue()


def write_small_site(root: Path, entries: list[dict[str, Any]] = ENTRIES, stars: list[tuple[str, str, int, str]] = STARS) -> Path:
    """The real site's sources with the small catalogue (or `entries` and `stars`) as its data, below `root`."""
    copy_project(write_project(root, entries), SITE_SOURCES)
    data = root / "data"
    (data / "pypi_snapshot.json").write_text(json.dumps(_snapshot(entries)))
    (data / "install_check.json").write_text(json.dumps(_install_check(entries)))
    (data / "github_stars.csv").write_text(stars_csv(stars))
    (data / "comparisons.yaml").write_text(yaml.safe_dump(PAIRS))
    return root


def build_small_site(destination: Path, site_url: str = SITE_URL) -> Build:
    """The small site, built strictly with the network refused, for the address `site_url`."""
    project = write_small_site(destination / "project")
    return mkdocs_build(project, destination / "site", site_url=site_url)
