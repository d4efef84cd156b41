"""Find the code samples in `snippets/`, the command that runs each, and the version each is tested with."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name

from webatlas.catalogue.models import Entry, Task
from webatlas.catalogue.reading import CatalogueError, read_text
from webatlas.text import did_you_mean

DOCUMENTED_PORT = 8000
"""The port the site shows in commands; tests substitute a free one."""

REQUIREMENTS = "requirements.txt"
"""Each snippet folder pins its own isolated environment in this file."""


@dataclass(frozen=True)
class Snippet:
    """One task solved in one framework: a runnable file and the command that starts it."""

    entry: Entry
    task: Task
    path: Path

    @property
    def features(self) -> tuple[str, ...]:
        """The features this recipe proves: its task's, and those its framework's catalogue file says it uses."""
        assert self.entry.snippets is not None  # discover_snippets only pairs files with runnable entries
        own = (self.task.demonstrates,) if self.task.demonstrates else ()
        return own + tuple(self.entry.snippets.proves.get(self.task.slug, ()))

    @property
    def include_path(self) -> str:
        """Path relative to `snippets/`, as pages include it."""
        return f"{self.entry.slug}/{self.path.name}"

    def command(self, port: int = DOCUMENTED_PORT) -> str:
        """The shell command that serves this snippet, or runs it when its task is no server, from its folder."""
        assert self.entry.snippets is not None  # discover_snippets only pairs files with runnable entries
        runner = self.entry.snippets
        template = self.task.command or runner.commands.get(self.task.slug, runner.command)
        return template.format(module=self.path.stem, port=port)


@dataclass(frozen=True)
class SnippetEnvironment:
    """The pinned environment a framework's snippets are tested in."""

    entry: Entry
    version: str
    pins: dict[str, str]
    """Every pinned distribution, by canonical name, with its version."""

    @property
    def package(self) -> str:
        """The distribution whose pinned version the site reports."""
        assert self.entry.package is not None  # entries with snippets have a package, see Entry
        return self.entry.package.pypi


def _pin(text: str) -> tuple[str, str]:
    """The canonical name and the version of one `name==version` requirement; ValueError for any other text."""
    try:
        requirement = Requirement(text)
    except InvalidRequirement as error:
        # packaging points at the fault on further lines; the first says what it is.
        raise ValueError(f"'{text}' is no requirement: {str(error).splitlines()[0]}") from None
    specifiers = list(requirement.specifier)
    if len(specifiers) != 1 or specifiers[0].operator != "==" or specifiers[0].version.endswith(".*"):
        # The site reports the pinned version as the tested one, so a range or a URL would let the two drift apart.
        raise ValueError(f"'{text}' is not an exact name==version pin")
    return canonicalize_name(requirement.name), specifiers[0].version


def pins(requirements: Path) -> dict[str, str]:
    """The version of every requirement of `requirements`, by canonical name; each must be an exact `name==version` pin."""
    found: dict[str, str] = {}
    for number, line in enumerate(read_text(requirements).splitlines(), start=1):
        text = line.partition("#")[0].strip()
        if not text:
            continue
        try:
            name, version = _pin(text)
        except ValueError as error:
            raise CatalogueError(requirements, f"line {number}", "(pin)", str(error)) from None
        found[name] = version
    return found


def pinned_version(requirements: Path, package: str) -> str:
    """The exact version `requirements` pins for `package`."""
    version = pins(requirements).get(canonicalize_name(package))
    if version is None:
        raise CatalogueError(requirements, package, "(pin)", f"no '{package}==VERSION' line")
    return version


def discover(snippets_dir: Path, entries: dict[str, Entry], tasks: dict[str, Task]) -> tuple[list[Snippet], dict[str, SnippetEnvironment]]:
    """Pair every snippet file with its entry and task; stray folders or files fail loudly."""
    snippets: list[Snippet] = []
    environments: dict[str, SnippetEnvironment] = {}
    for folder in sorted(path for path in snippets_dir.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))):
        entry = entries.get(folder.name)
        if entry is None:
            raise CatalogueError(folder, folder.name, "(folder)", "no catalogue entry has this slug")
        if entry.snippets is None:
            raise CatalogueError(folder, entry.slug, "snippets", "the entry has snippets but no 'snippets' runner in its catalogue file")
        requirements = folder / REQUIREMENTS
        if not requirements.is_file():
            raise CatalogueError(folder, entry.slug, REQUIREMENTS, "missing: each snippet folder pins its own environment")
        assert entry.package is not None  # Entry refuses snippets without a package
        environments[entry.slug] = SnippetEnvironment(
            entry=entry, version=pinned_version(requirements, entry.package.pypi), pins=pins(requirements)
        )
        for path in sorted(folder.glob("*.py")):
            task = tasks.get(path.stem)
            if task is None:
                problem = f"'{path.stem}' is not a task in data/tasks.yaml{did_you_mean(path.stem, tasks)}"
                raise CatalogueError(path, entry.slug, "(task)", problem)
            if task.slug in entry.snippets.unsupported:
                raise CatalogueError(path, entry.slug, f"snippets.unsupported.{task.slug}", "the task has a snippet, so it is supported")
            snippets.append(Snippet(entry=entry, task=task, path=path))
        for field, task_slugs in (("commands", entry.snippets.commands), ("proves", entry.snippets.proves)):
            for task_slug in task_slugs:
                if not (folder / f"{task_slug}.py").is_file():
                    problem = f"snippets/{entry.slug}/{task_slug}.py does not exist, so it has no {field}"
                    raise CatalogueError(folder, entry.slug, f"snippets.{field}.{task_slug}", problem)
    return snippets, environments
