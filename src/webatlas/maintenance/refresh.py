"""The refresh command: fetch PyPI (and GitHub, with a token), validate everything, then write `data/` atomically."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from webatlas.catalogue.cross_checks import snapshot_packages
from webatlas.catalogue.integrations import INTEGRATIONS_FILE, load_integrations
from webatlas.catalogue.loading import ENTRIES_DIR, FEATURES_FILE, SNAPSHOT_FILE, STARS_FILE, load_entries, load_features, load_star_counts
from webatlas.catalogue.models import Entry, StarCount
from webatlas.catalogue.snapshot import PackageSnapshot, PyPISnapshot, package_from_pypi, to_json
from webatlas.maintenance import github, stars
from webatlas.maintenance.fetching import FetchError, get_json, open_client
from webatlas.writing import write_atomically

PYPI_URL = "https://pypi.org"
GITHUB_API_URL = "https://api.github.com"


@dataclass(frozen=True)
class Services:
    """Where the refresh command asks and how; tests pass a transport that answers for fake services."""

    pypi_url: str = PYPI_URL
    github_api_url: str = GITHUB_API_URL
    github_token: str | None = None
    transport: httpx.BaseTransport | None = None
    """None sends requests over the network."""


Progress = Callable[[str], None]


def _fetch_package(client: httpx.Client, name: str, services: Services) -> PackageSnapshot:
    url = f"{services.pypi_url}/pypi/{name}/json"
    answer = get_json(client, url).body
    try:
        raw = package_from_pypi(answer)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FetchError(f"{url}: malformed answer: {type(error).__name__}: {error}") from None
    try:
        return PackageSnapshot.model_validate(raw)
    except ValueError as error:
        raise FetchError(f"{url}: malformed answer: {str(error).splitlines()[0]}") from None


def fetch_snapshot(
    client: httpx.Client, entries: list[Entry], services: Services, today: dt.date, progress: Progress, integrations: Sequence[str] = ()
) -> PyPISnapshot:
    """Ask PyPI for every catalogue package, in catalogue order, then for each package a feature cell or the registry of
    integrations relies on."""
    names = list(snapshot_packages({entry.slug: entry for entry in entries}, integrations))
    packages = {}
    for number, name in enumerate(names, start=1):
        progress(f"PyPI {number}/{len(names)}: {name}")
        packages[name] = _fetch_package(client, name, services)
    return PyPISnapshot(as_of=today, packages=packages)


def fetch_stars(
    client: httpx.Client, entries: list[Entry], current: list[StarCount], token: str, services: Services, progress: Progress
) -> list[StarCount]:
    """Replace each catalogue repository's API rows with what the star-history endpoint answers now."""
    repositories = sorted({entry.github_repo for entry in entries if entry.github_repo})
    rows = current
    for number, repository in enumerate(repositories, start=1):
        progress(f"GitHub {number}/{len(repositories)}: {repository}")
        history = github.fetch_star_history(client, repository, token, api_url=services.github_api_url)
        rows = stars.with_api_rows(rows, repository, history)
    return rows


def refresh(root: Path, services: Services, today: dt.date, progress: Progress) -> list[str]:
    """Fetch and validate everything first, then write; return the files that changed.

    Any FetchError or CatalogueError leaves `data/` as it was.
    """
    features = load_features(root / FEATURES_FILE)
    by_slug = load_entries(root / ENTRIES_DIR, features)
    entries = list(by_slug.values())
    integrations = sorted(load_integrations(root / INTEGRATIONS_FILE, by_slug, features))
    with open_client(services.transport) as client:
        snapshot = fetch_snapshot(client, entries, services, today, progress, integrations)
        writes = {root / SNAPSHOT_FILE: to_json(snapshot)}
        if services.github_token:
            current = load_star_counts(root / STARS_FILE)
            writes[root / STARS_FILE] = stars.to_csv(fetch_stars(client, entries, current, services.github_token, services, progress))
        else:
            progress("GitHub: skipped, GITHUB_TOKEN is not set")
    return [str(path.relative_to(root)) for path, text in writes.items() if write_atomically(path, text)]

