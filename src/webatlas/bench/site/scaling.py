"""Does the build stay linear as the catalogue grows? Copies of the project with the catalogue cloned up to a size,
each timed against its two anchors: the same content without the atlas's code, and a plain site of as many pages."""

from __future__ import annotations

import itertools
import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from webatlas.bench.errors import BenchError
from webatlas.bench.site.build_timing import BuildComparison, compare_builds, prepare_pair
from webatlas.catalogue.install_results import INSTALL_CHECK_FILE
from webatlas.catalogue.integration_results import INTEGRATION_CHECK_FILE
from webatlas.catalogue.integrations import INTEGRATIONS_FILE
from webatlas.catalogue.loading import ENTRIES_DIR, SERVING_FILE
from webatlas.catalogue.serving import SERVERS_REQUIREMENTS

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "data", "snippets", "src", SERVERS_REQUIREMENTS)
"""What the site is built from: the server recipes' pages read the servers' pins too."""
"""What a build reads; src/ is there for the package reference page."""

LINEAR_TOLERANCE = 1.5
"""How much dearer an entry of the last size step may be than one of the first before growth counts as worse than linear."""


def copy_project(root: Path, destination: Path) -> Path:
    destination.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = root / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            (destination / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination / part)
    return destination


def _clone(entry: dict[str, Any], copy_number: int) -> dict[str, Any]:
    """Entry `entry` under a new slug, name and repository.

    The clone has no snippets, since no recipe files exist for it. Its repository is its own and has no star counts:
    the star history page draws one line per starred entry, and a chart of hundreds of lines is not a page the atlas
    would publish, so synthetic entries stay off it, as newly added entries do until their history is transcribed.
    """
    links = {**entry["links"], "repository": f"{entry['links']['repository'].rstrip('/')}-{copy_number}"}
    clone = {**entry, "slug": f"{entry['slug']}-{copy_number}", "name": f"{entry['name']} {copy_number}", "links": links}
    clone.pop("snippets", None)
    return clone


def _clone_integrations(project: Path, clones: dict[str, str]) -> None:
    """Give each clone, keyed by its template's slug, the registry integrations and check results of its template, so
    that the cells derived from them stay derived."""
    registry_file, check_file = project / INTEGRATIONS_FILE, project / INTEGRATION_CHECK_FILE
    registry = yaml.safe_load(registry_file.read_text(encoding="utf-8"))
    check = json.loads(check_file.read_text(encoding="utf-8"))
    for package in registry:
        results = check["results"][package["package"]]["entries"]
        for integration in list(package["integrations"]):
            for clone, template in clones.items():
                if template == integration["entry"]:
                    package["integrations"].append({**integration, "entry": clone})
                    results[clone] = results[template]
    registry_file.write_text(yaml.safe_dump(registry, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")
    check_file.write_text(json.dumps(check, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _clone_serving(project: Path, clones: dict[str, str]) -> None:
    """Give each clone of a server, keyed by its template's slug, its template's recipes, so that the cells those prove
    stay proved."""
    serving_file = project / SERVING_FILE
    recipes = yaml.safe_load(serving_file.read_text(encoding="utf-8")) or []
    for recipe in list(recipes):
        for clone, template in clones.items():
            if template == recipe["server"]:
                recipes.append({**recipe, "slug": f"{clone}-{recipe['slug']}", "server": clone})
    serving_file.write_text(yaml.safe_dump(recipes, sort_keys=False, allow_unicode=True, width=120), encoding="utf-8")


def grow_catalogue(project: Path, entries: int) -> None:
    """Clone the project's entries round-robin until its catalogue holds `entries`, with their install and integration
    check results and their server recipes."""
    directory = project / ENTRIES_DIR
    originals = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.yaml"))]
    if entries < len(originals):
        raise BenchError(f"cannot grow the catalogue to {entries} entries: it already holds {len(originals)}")
    install_check_file = project / INSTALL_CHECK_FILE
    install_check = json.loads(install_check_file.read_text(encoding="utf-8"))
    results = install_check["results"]
    taken = {entry["slug"] for entry in originals}
    clones: dict[str, str] = {}
    # The nth pass over the originals makes copy n + 1 of each: fastapi-2, django-2, ..., then fastapi-3.
    templates = itertools.islice(itertools.cycle(originals), entries - len(originals))
    for index, template in enumerate(templates):
        clone = _clone(template, index // len(originals) + 2)
        if clone["slug"] in taken:
            raise BenchError(f"the synthetic entry {clone['slug']!r} would clash with an entry of the same slug")
        taken.add(clone["slug"])
        clones[clone["slug"]] = template["slug"]
        text = yaml.safe_dump(clone, sort_keys=False, allow_unicode=True, width=120)
        (directory / f"{clone['slug']}.yaml").write_text(text, encoding="utf-8")
        if template["slug"] in results:
            results[clone["slug"]] = results[template["slug"]]
    install_check_file.write_text(json.dumps(install_check, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    _clone_integrations(project, clones)
    _clone_serving(project, clones)


def grow_project(root: Path, destination: Path, entries: int) -> Path:
    """A copy of the project at `root` whose catalogue holds `entries` entries."""
    project = copy_project(root, destination)
    grow_catalogue(project, entries)
    return project


@dataclass(frozen=True)
class ScalePoint:
    """The build at one catalogue size, against its anchors."""

    entries: int
    comparison: BuildComparison


# Growth is judged on CPU seconds: a build is one process, so its CPU time is what its wall time would be on an idle
# machine, and other work on a shared one does not inflate it.


def atlas_cpu_s(point: ScalePoint) -> float:
    return point.comparison.atlas.median_cpu_s


def own_cpu_s(point: ScalePoint) -> float:
    """CPU seconds the atlas spends beyond a site of the same content: its own code's work, without the theme's,
    Markdown's or the package reference's."""
    return point.comparison.atlas.median_cpu_s - point.comparison.same_content.median_cpu_s


def marginal_costs(points: Sequence[ScalePoint], cost: Callable[[ScalePoint], float]) -> list[float]:
    """Seconds of `cost` each added entry took, from one size to the next."""
    return [(cost(after) - cost(before)) / (after.entries - before.entries) for before, after in itertools.pairwise(points)]


def stays_linear(points: Sequence[ScalePoint], cost: Callable[[ScalePoint], float]) -> bool | None:
    """Whether an entry of the last size step costs at most LINEAR_TOLERANCE times one of the first.

    None when that cannot be told: fewer than three sizes, or a first step that noise made look free.
    """
    costs = marginal_costs(points, cost)
    if len(costs) < 2 or costs[0] <= 0:
        return None
    return costs[-1] <= LINEAR_TOLERANCE * costs[0]


def measure_scaling(root: Path, sizes: Sequence[int], repeats: int, work_dir: Path, progress: Callable[[str], None]) -> list[ScalePoint]:
    """Time the atlas grown to each size, smallest first, against its anchors."""
    points = []
    for entries in sorted(sizes):
        size_dir = work_dir / f"entries-{entries}"
        progress(f"scaling: {entries} entries (copy, warm-up build, plain counterpart)")
        pair = prepare_pair(grow_project(root, size_dir / "atlas-project", entries), size_dir)
        points.append(ScalePoint(entries, compare_builds(pair, repeats, size_dir, progress)))
    return points
