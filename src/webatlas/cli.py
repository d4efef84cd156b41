"""The `webatlas` command: data maintenance that the build never does by itself."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from webatlas import stars
from webatlas.catalogue import STARS_FILE
from webatlas.loading import CatalogueError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="webatlas", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root holding data/ (default: current directory)")
    commands = parser.add_subparsers(dest="command", required=True)
    import_stars = commands.add_parser("import-stars", help=f"carry transcribed star counts for catalogue repositories into {STARS_FILE}")
    import_stars.add_argument("source", type=Path, help="a date,repo,stars,source CSV, such as ../shared/data/github-star-history.csv")
    args = parser.parse_args(argv)

    try:
        count, changed = stars.import_transcribed(args.source, args.root)
    except (CatalogueError, ValueError, OSError) as error:
        print(f"webatlas: {error}; {STARS_FILE} is unchanged", file=sys.stderr)
        return 1
    print(f"{STARS_FILE}: {count} rows, {'updated' if changed else 'already up to date'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
