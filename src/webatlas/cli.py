"""The `webatlas` command: data maintenance that the build never does by itself."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from webatlas.catalogue.install_results import INSTALL_CHECK_FILE, InstallCheckError
from webatlas.catalogue.loading import DATA_DIR, STARS_FILE, load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.maintenance import install_check, refresh, stars
from webatlas.maintenance.fetching import FetchError
from webatlas.maintenance.interpreters import find_interpreters


def _progress(message: str) -> None:
    print(message, flush=True)


def _import_stars(args: argparse.Namespace) -> int:
    try:
        count, changed = stars.import_transcribed(args.source, args.root)
    except (CatalogueError, ValueError, OSError) as error:
        print(f"webatlas: {error}; {STARS_FILE} is unchanged", file=sys.stderr)
        return 1
    print(f"{STARS_FILE}: {count} rows, {'updated' if changed else 'already up to date'}")
    return 0


def _refresh(args: argparse.Namespace) -> int:
    token = os.environ.get("GITHUB_TOKEN") or None
    services = refresh.Services(pypi_url=args.pypi_url, github_api_url=args.github_api_url, github_token=token)
    try:
        changed = refresh.refresh(args.root, services, dt.date.today(), _progress)
    except (FetchError, CatalogueError, OSError) as error:
        print(f"webatlas refresh: {error}; {DATA_DIR}/ is unchanged", file=sys.stderr)
        return 1
    print(f"updated {', '.join(changed)}" if changed else "no changes: data/ already matches the services")
    return 0


def _check_installs(args: argparse.Namespace) -> int:
    try:
        changed = install_check.run(args.root, _progress)
    except (InstallCheckError, CatalogueError, OSError) as error:
        print(f"webatlas check-installs: {error}; {INSTALL_CHECK_FILE} is unchanged", file=sys.stderr)
        return 1
    print(f"{INSTALL_CHECK_FILE}: {'updated' if changed else 'unchanged'}")
    return 0


def _snippet_python(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue(args.root)
    except CatalogueError as error:
        print(f"webatlas snippet-python: {error}", file=sys.stderr)
        return 1
    entry = catalogue.entries.get(args.slug)
    chosen = catalogue.snippet_python(entry) if entry is not None else None
    if entry is None or chosen is None:
        print(f"webatlas snippet-python: no release of {args.slug!r} installs on any Python the install check ran", file=sys.stderr)
        return 1
    python = chosen[0]
    found = find_interpreters([python], lambda message: print(f"webatlas snippet-python: {message}", file=sys.stderr))
    if not found:
        return 1
    print(next(iter(found.values())))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="webatlas", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root holding data/ (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)

    import_stars = commands.add_parser("import-stars", help=f"carry transcribed star counts for catalogue repositories into {STARS_FILE}")
    import_stars.add_argument("source", type=Path, help="a date,repo,stars,source CSV, such as ../shared/data/github-star-history.csv")
    import_stars.set_defaults(run=_import_stars)

    update = commands.add_parser("refresh", help="take a new PyPI snapshot, and GitHub star history when GITHUB_TOKEN is set")
    update.add_argument("--pypi-url", default=refresh.PYPI_URL, help="PyPI's base URL (default: %(default)s)")
    update.add_argument("--github-api-url", default=refresh.GITHUB_API_URL, help="GitHub's REST API base URL (default: %(default)s)")
    update.set_defaults(run=_refresh)

    check = commands.add_parser(
        "check-installs", help=f"install and import every catalogue package on this Python into {INSTALL_CHECK_FILE}"
    )
    check.set_defaults(run=_check_installs)

    snippet_python = commands.add_parser(
        "snippet-python", help="print the interpreter an entry's snippets run on: the newest Python its release works on"
    )
    snippet_python.add_argument("slug", help="the catalogue entry, such as fastapi")
    snippet_python.set_defaults(run=_snippet_python)

    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
