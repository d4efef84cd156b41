"""Cross-checks between the files of `data/` and `snippets/`: each fails with one message naming file, entry and field."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from webatlas.catalogue.cells import Cells
from webatlas.catalogue.install_results import InstallCheck
from webatlas.catalogue.models import Entry, Feature, StarCount, Task
from webatlas.catalogue.prose import citations, prose_fields
from webatlas.catalogue.reading import CatalogueError, Problem
from webatlas.catalogue.snapshot import PyPISnapshot
from webatlas.catalogue.snippets import Snippet
from webatlas.text import did_you_mean, listed


def check_task_features(path: Path, tasks: Mapping[str, Task], features: Mapping[str, Feature], features_file: str) -> None:
    """Every feature a task demonstrates is in the vocabulary, the file `features_file` names."""
    for task in tasks.values():
        if task.demonstrates is not None and task.demonstrates not in features:
            problem = f"{task.demonstrates!r} is not a feature of {features_file}{did_you_mean(task.demonstrates, features)}"
            raise CatalogueError(path, task.slug, "demonstrates", problem)


def check_task_setups(path: Path, tasks: Mapping[str, Task], snippets_dir: Path) -> None:
    """Every setup script a task names is a file under `snippets_dir`."""
    for task in tasks.values():
        if task.setup is not None and not (snippets_dir / task.setup).is_file():
            raise CatalogueError(path, task.slug, "setup", f"snippets/{task.setup} does not exist")


def check_star_repositories(path: Path, star_counts: Sequence[StarCount], entries: Mapping[str, Entry]) -> None:
    """Every star count is of a catalogue entry's repository; rows are numbered as in the file, after its header."""
    known_repos = {entry.github_repo for entry in entries.values()}
    for number, count in enumerate(star_counts, start=2):
        if count.repository not in known_repos:
            raise CatalogueError(path, f"row {number}", "repository", f"{count.repository!r} is no catalogue entry's repository")


def check_references(directory: Path, entries: Mapping[str, Entry]) -> None:
    """Every `built_on` names another entry, and every server an entry runs on is a catalogue server."""
    for slug, entry in entries.items():
        file = directory / f"{slug}.yaml"
        for base in entry.facts.built_on.value:
            if base not in entries or base == slug:
                raise CatalogueError(file, slug, "facts.built_on.value", f"{base!r} is not another catalogue entry")
        servers = entry.facts.servers
        for field_name in ("runs_on", "supervised_by"):
            for server in getattr(servers.value, field_name) if servers else []:
                if server not in entries or entries[server].layer != "server":
                    raise CatalogueError(file, slug, f"facts.servers.value.{field_name}", f"{server!r} is not a catalogue server")
    for slug in entries:
        if cycle := _cycle_from(slug, entries, ()):
            raise CatalogueError(directory / f"{slug}.yaml", slug, "facts.built_on.value", f"built_on forms a cycle: {' -> '.join(cycle)}")


def _cycle_from(slug: str, entries: Mapping[str, Entry], path: tuple[str, ...]) -> tuple[str, ...]:
    """The first `built_on` path from `slug` back to an entry already on `path`, or () when there is none."""
    if slug in path:
        return (*path, slug)
    for base in entries[slug].facts.built_on.value:
        if cycle := _cycle_from(base, entries, (*path, slug)):
            return cycle
    return ()


def snapshot_packages(entries: Mapping[str, Entry], integrations: Iterable[str] = ()) -> dict[str, str]:
    """Every PyPI package the snapshot covers -> the first entry that needs it, or its own name: catalogue packages,
    then packages cells rely on, then the packages of data/integrations.yaml."""
    packages = {entry.package.pypi: slug for slug, entry in entries.items() if entry.package}
    for slug, entry in entries.items():
        for name in entry.relied_on_packages:
            packages.setdefault(name, slug)
    for name in integrations:
        packages.setdefault(name, name)
    return packages


def check_snapshot(path: Path, snapshot: PyPISnapshot, entries: Mapping[str, Entry], integrations: Iterable[str] = ()) -> None:
    """The snapshot holds exactly the catalogue's PyPI packages and the packages its cells and the registry rely on."""
    packages = snapshot_packages(entries, integrations)
    for name, slug in packages.items():
        if name not in snapshot.packages:
            raise CatalogueError(path, slug, "packages", f"no snapshot of {name!r}: run `make refresh`")
    for name in snapshot.packages:
        if name not in packages:
            raise CatalogueError(path, name, "packages", "no catalogue entry has or relies on this package: run `make refresh`")


def check_install_results(path: Path, results: InstallCheck, snapshot: PyPISnapshot, entries: Mapping[str, Entry]) -> None:
    """The install check covers every PyPI entry, and checked the release the snapshot calls latest."""
    for slug, entry in entries.items():
        result = results.results.get(slug)
        if entry.package is None:
            if result is not None:
                raise CatalogueError(path, slug, "results", "the entry has no PyPI package to check: run `make check-installs`")
            continue
        if result is None or result.package != entry.package.pypi:
            raise CatalogueError(path, slug, "results", f"no install check of {entry.package.pypi!r}: run `make check-installs`")
        latest = snapshot.packages[entry.package.pypi].latest_version
        if result.latest_version != latest:
            problem = f"checked {result.latest_version}, but the PyPI snapshot's latest is {latest}: run `make check-installs`"
            raise CatalogueError(path, slug, "results.pythons", problem)
    for slug in results.results:
        if slug not in entries:
            raise CatalogueError(path, slug, "results", "no catalogue entry has this slug: run `make check-installs`")


def check_unsupported_are_tasks(directory: Path, entries: Mapping[str, Entry], tasks: Mapping[str, Task]) -> None:
    """Every task an entry gives a reason for lacking is a task of data/tasks.yaml."""
    for slug, entry in entries.items():
        for task in entry.snippets.unsupported if entry.snippets else {}:
            if task not in tasks:
                problem = f"'{task}' is not a task in data/tasks.yaml{did_you_mean(task, tasks)}"
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"snippets.unsupported.{task}", problem)


def check_every_task_answered(path: Path, tasks: Mapping[str, Task], entries: Mapping[str, Entry], snippets: Sequence[Snippet]) -> None:
    """Every entry with recipes has one for each task or says why not; one line per task lists the entries that do neither."""
    written = {(snippet.entry.slug, snippet.task.slug) for snippet in snippets}
    problems = []
    for task in tasks:
        unanswered = [
            slug
            for slug, entry in entries.items()
            if entry.snippets is not None and (slug, task) not in written and task not in entry.snippets.unsupported
        ]
        if unanswered:
            wanted = f"no recipe snippets/<slug>/{task}.py and no reason snippets.unsupported.{task} in data/catalogue/<slug>.yaml"
            problems.append(Problem(task, "(recipes)", f"{wanted} for {listed(unanswered)}"))
    if problems:
        first, *more = problems
        raise CatalogueError(path, first.entry, first.field, first.problem, *more)


def check_recipes_prove_cells(directory: Path, snippets: Sequence[Snippet], cells: Cells) -> None:
    """No recipe does a feature its entry's cell says the entry lacks.

    A cell that claims the feature needs no check here: `check_every_task_answered` already asks for the recipe or a reason.
    """
    for snippet in snippets:
        slug = snippet.entry.slug
        for feature in snippet.features:
            if feature not in cells[slug]:
                problem = f"{feature!r} is no feature of {snippet.entry.name}'s layer{did_you_mean(feature, cells[slug])}"
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"snippets.proves.{snippet.task.slug}", problem)
            if cells[slug][feature].support == "no":
                problem = f"snippets/{slug}/{snippet.path.name} does {feature}, which this cell says it cannot: one of them is wrong"
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"features.{feature}", problem)


def check_reasons_name_verified_packages(
    directory: Path, entries: Mapping[str, Entry], tasks: Mapping[str, Task], cells: Cells
) -> None:
    """A reason for skipping a task whose feature a verified registry package gives the entry says why that package
    does not do it; otherwise the recipe is to be written with the package."""
    for slug, entry in entries.items():
        for task_slug, reason in (entry.snippets.unsupported.items() if entry.snippets else []):
            feature = tasks[task_slug].demonstrates
            packages = cells[slug][feature].derived if feature is not None and feature in cells[slug] else ()
            if packages and not any(package.lower() in reason.lower() for package in packages):
                names = listed(list(packages), "or")
                problem = (
                    f"the integration check verified {names} for {entry.name}'s {feature}: write snippets/{slug}/{task_slug}.py "
                    f"with it, or say in this reason why {names} cannot do the task"
                )
                raise CatalogueError(directory / f"{slug}.yaml", slug, f"snippets.unsupported.{task_slug}", problem)


def check_citations(directory: Path, entries: Mapping[str, Entry], cells: Cells) -> None:
    """Every `[[slug:feature]]` in prose names a cell that exists."""
    for slug, entry in entries.items():
        for field_name, text in prose_fields(entry):
            for cited, feature in citations(text):
                if feature not in cells.get(cited, {}):
                    problem = f"cites [[{cited}:{feature}]], but no catalogue entry {cited!r} has a cell for {feature!r}"
                    raise CatalogueError(directory / f"{slug}.yaml", slug, field_name, problem)
