"""The `webatlas` command: data maintenance that the build never does by itself."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from functools import partial
from pathlib import Path

import httpx

from webatlas.bench.count import run as count_run
from webatlas.bench.count import saving as count_saving
from webatlas.bench.count.run import CountOptions
from webatlas.bench.errors import BenchError
from webatlas.bench.load import run as load_run
from webatlas.bench.load import saving
from webatlas.bench.load.report import format_table
from webatlas.bench.load.run import LoadOptions
from webatlas.bench.site.report import format_results, results_json
from webatlas.bench.site.run import DEFAULT_PAGES, DEFAULT_SCALING_SIZES, BenchOptions, page_path, run_bench
from webatlas.catalogue.install_results import INSTALL_CHECK_FILE, InstallCheckError
from webatlas.catalogue.integration_results import INTEGRATION_CHECK_FILE
from webatlas.catalogue.integrations import INTEGRATIONS_FILE
from webatlas.catalogue.loading import DATA_DIR, STARS_FILE, load_catalogue
from webatlas.catalogue.reading import CatalogueError
from webatlas.maintenance import install_check, integration_check, refresh, stars
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


def _refresh(args: argparse.Namespace, transport: httpx.BaseTransport | None) -> int:
    token = os.environ.get("GITHUB_TOKEN") or None
    services = refresh.Services(pypi_url=args.pypi_url, github_api_url=args.github_api_url, github_token=token, transport=transport)
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


def _check_integrations(args: argparse.Namespace) -> int:
    try:
        changed = integration_check.run(args.root, _progress)
    except (InstallCheckError, CatalogueError, OSError, ValueError) as error:
        print(f"webatlas check-integrations: {error}; {INTEGRATION_CHECK_FILE} is unchanged", file=sys.stderr)
        return 1
    print(f"{INTEGRATION_CHECK_FILE}: {'updated' if changed else 'unchanged'}")
    return 0


def _snippet_python(args: argparse.Namespace) -> int:
    try:
        catalogue = load_catalogue(args.root)
    except CatalogueError as error:
        print(f"webatlas snippet-python: {error}", file=sys.stderr)
        return 1
    entry = catalogue.entries.get(args.slug)
    if entry is None:
        print(f"webatlas snippet-python: {args.slug!r} is no catalogue entry", file=sys.stderr)
        return 1
    chosen = catalogue.snippet_python(entry)
    if chosen is None:
        print(f"webatlas snippet-python: no release of {args.slug!r} installs on any Python the install check ran", file=sys.stderr)
        return 1
    return _print_interpreter(chosen[0], "snippet-python")


def _python(args: argparse.Namespace) -> int:
    return _print_interpreter(args.minor, "python")


def _print_interpreter(minor: str, command: str) -> int:
    """Print the interpreter of `minor`, or say in one line that this machine lacks it."""
    found = find_interpreters([minor], lambda message: print(f"webatlas {command}: {message}", file=sys.stderr))
    if not found:
        return 1
    print(next(iter(found.values())))
    return 0


def _bench_site(args: argparse.Namespace) -> int:
    options = BenchOptions(
        pages=[page_path(page) for page in args.pages.split(",")],
        lighthouse_runs=args.runs,
        build_repeats=args.build_repeats,
        scaling_sizes=[] if args.no_scaling else args.sizes,
        scaling_repeats=args.scaling_repeats,
        lighthouse=not args.no_lighthouse,
        compress=not args.uncompressed,
    )
    try:
        results = run_bench(args.root, options, _progress)
    except (BenchError, CatalogueError, OSError) as error:
        print(f"webatlas bench-site: {error}", file=sys.stderr)
        return 1
    print(format_results(results))
    if args.output:
        args.output.write_text(json.dumps(results_json(results), indent=1) + "\n", encoding="utf-8")
        print(f"results written to {args.output}")
    return 0


def _bench(args: argparse.Namespace) -> int:
    only = tuple(args.only or ())
    try:
        if args.count == "instructions":
            counts = CountOptions(requests=args.requests, windows=args.windows, at_once=args.at_once, only=only)
            path = count_saving.write(count_run.run(args.root, counts, _progress), args.root)
        else:
            options = LoadOptions(rounds=args.rounds, seconds=args.seconds, warmup_seconds=args.warmup, only=only)
            result = load_run.run(args.root, options, _progress)
            print(format_table(result))
            path = saving.write(result, args.root)
    except (BenchError, CatalogueError, OSError) as error:
        print(f"webatlas bench: {error}", file=sys.stderr)
        return 1
    print(f"results written to {path.relative_to(args.root)}")
    return 0


def _positive(text: str) -> int:
    """A whole number of at least 1, for argparse."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is below 1")
    return number


def _counts(text: str) -> list[int]:
    """A comma-separated list of whole numbers of at least 1, for argparse."""
    return [_positive(part) for part in text.split(",")]


def main(argv: list[str] | None = None, *, transport: httpx.BaseTransport | None = None) -> int:
    """Run one command; `transport` carries the refresh command's requests, None meaning the network, so tests can fake the services."""
    parser = argparse.ArgumentParser(prog="webatlas", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root holding data/ (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)

    import_stars = commands.add_parser("import-stars", help=f"carry transcribed star counts for catalogue repositories into {STARS_FILE}")
    import_stars.add_argument("source", type=Path, help="a date,repo,stars,source CSV, such as ../shared/data/github-star-history.csv")
    import_stars.set_defaults(run=_import_stars)

    update = commands.add_parser("refresh", help="take a new PyPI snapshot, and GitHub star history when GITHUB_TOKEN is set")
    update.add_argument("--pypi-url", default=refresh.PYPI_URL, help="PyPI's base URL (default: %(default)s)")
    update.add_argument("--github-api-url", default=refresh.GITHUB_API_URL, help="GitHub's REST API base URL (default: %(default)s)")
    update.set_defaults(run=partial(_refresh, transport=transport))

    check = commands.add_parser(
        "check-installs", help=f"install and import every catalogue package on this Python into {INSTALL_CHECK_FILE}"
    )
    check.set_defaults(run=_check_installs)

    integrations = commands.add_parser(
        "check-integrations",
        help=f"install each package of {INTEGRATIONS_FILE} beside each framework's pinned release, into {INTEGRATION_CHECK_FILE}",
    )
    integrations.set_defaults(run=_check_integrations)

    snippet_python = commands.add_parser(
        "snippet-python", help="print the interpreter an entry's snippets run on: the newest Python its release works on"
    )
    snippet_python.add_argument("slug", help="the catalogue entry, such as fastapi")
    snippet_python.set_defaults(run=_snippet_python)

    python = commands.add_parser("python", help="print the interpreter of a Python minor version: the running one, or pyenv's")
    python.add_argument("minor", help="such as 3.13")
    python.set_defaults(run=_python)

    bench = commands.add_parser(
        "bench-site",
        help="time the build and run Lighthouse on each page type, against a plain Material site of the same page count",
    )
    bench.add_argument(
        "--runs", type=_positive, default=3, help="Lighthouse runs per page, of which the table shows the median (default: 3)"
    )
    pages = ",".join(page or "/" for page in DEFAULT_PAGES)
    bench.add_argument("--pages", default=pages, help="comma-separated page paths to audit (default: %(default)s)")
    bench.add_argument("--build-repeats", type=_positive, default=5, help="timed builds of each site (default: %(default)s)")
    bench.add_argument(
        "--sizes",
        type=_counts,
        default=list(DEFAULT_SCALING_SIZES),
        help="catalogue sizes to grow to, beyond the real one, which is always the first point (default: 100,250,500)",
    )
    bench.add_argument("--scaling-repeats", type=_positive, default=1, help="timed builds of each site at each size (default: %(default)s)")
    bench.add_argument("--no-scaling", action="store_true", help="skip the grown catalogues, the longest part of the run")
    bench.add_argument("--no-lighthouse", action="store_true", help="time the builds only")
    bench.add_argument("--uncompressed", action="store_true", help="serve pages without gzip, unlike a static host")
    bench.add_argument("--output", type=Path, help="also write every run's figures to this JSON file")
    bench.set_defaults(run=_bench_site)

    load = commands.add_parser(
        "bench",
        help="time every framework's cookbook snippets and every server with wrk, and write data/benchmarks/<date>-<machine>.json",
    )
    load.add_argument("--rounds", type=_positive, default=LoadOptions.rounds, help="timed rounds per configuration (default: %(default)s)")
    load.add_argument("--seconds", type=_positive, default=LoadOptions.seconds, help="length of each round (default: %(default)s)")
    load.add_argument(
        "--warmup", type=int, default=LoadOptions.warmup_seconds, help="warm-up seconds per configuration, or 0 (default: %(default)s)"
    )
    load.add_argument(
        "--only", type=lambda text: text.split(","), help="comma-separated configurations or subjects, such as raw-asgi,fastapi"
    )
    load.add_argument(
        "--count",
        choices=("cpu", "instructions"),
        default="cpu",
        help="cpu: time with wrk (default); instructions: count each server's instructions per request under callgrind, "
        "and write data/benchmarks/instructions/<date>-<machine>.json",
    )
    load.add_argument(
        "--requests",
        type=_positive,
        default=CountOptions.requests,
        help="with --count instructions: requests per window (default: %(default)s)",
    )
    load.add_argument(
        "--windows",
        type=_positive,
        default=CountOptions.windows,
        help="with --count instructions: windows per configuration (default: %(default)s)",
    )
    load.add_argument(
        "--at-once",
        type=_positive,
        default=CountOptions.at_once,
        help="with --count instructions: configurations counted at once (default: %(default)s)",
    )
    load.set_defaults(run=_bench)

    args = parser.parse_args(argv)
    status: int = args.run(args)
    return status


if __name__ == "__main__":
    sys.exit(main())
