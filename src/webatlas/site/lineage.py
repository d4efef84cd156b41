"""Lay out the "built on" graph: which entries sit on which, in columns from foundations to the entries built on them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from webatlas.catalogue.loading import Catalogue
from webatlas.catalogue.models import Entry

COLUMN_WIDTH = 210
ROW_HEIGHT = 56
NODE_WIDTH = 160
NODE_HEIGHT = 34
MARGIN = 12


@dataclass(frozen=True)
class Node:
    entry: Entry
    x: int
    y: int


@dataclass(frozen=True)
class Edge:
    """From the entry that is built on (`base`) to the entry built on it."""

    base: Node
    built: Node


@dataclass(frozen=True)
class Lineage:
    nodes: list[Node]
    edges: list[Edge]
    width: int
    height: int
    node_width: int = NODE_WIDTH
    node_height: int = NODE_HEIGHT


def layout(catalogue: Catalogue) -> Lineage:
    """Place every entry that takes part in a `built_on` relation; a column is one step further from the foundations."""
    entries = catalogue.entries
    bases = {slug: entry.facts.built_on.value for slug, entry in entries.items()}
    linked = {slug for slug, on in bases.items() if on} | {base for on in bases.values() for base in on}

    @cache
    def depth(slug: str) -> int:
        # load_catalogue refuses cycles, so the recursion ends at entries built on nothing.
        return 1 + max((depth(base) for base in bases[slug]), default=-1)

    columns: dict[int, list[str]] = {}
    for slug in linked:
        columns.setdefault(depth(slug), []).append(slug)
    rows: dict[str, int] = {}
    for column in sorted(columns):
        # Foundations go by name; each later entry goes next to its highest base, which keeps arrows short.
        columns[column].sort(key=lambda slug: (min((rows[base] for base in bases[slug]), default=0), entries[slug].name.lower()))
        rows.update((slug, row) for row, slug in enumerate(columns[column]))
    nodes = {slug: Node(entries[slug], MARGIN + depth(slug) * COLUMN_WIDTH, MARGIN + rows[slug] * ROW_HEIGHT) for slug in rows}
    edges = [Edge(nodes[base], nodes[slug]) for slug in sorted(linked) for base in bases[slug]]
    tallest = max((len(slugs) for slugs in columns.values()), default=0)
    return Lineage(
        nodes=list(nodes.values()),
        edges=edges,
        width=2 * MARGIN + max(len(columns) - 1, 0) * COLUMN_WIDTH + NODE_WIDTH,
        height=2 * MARGIN + max(tallest - 1, 0) * ROW_HEIGHT + NODE_HEIGHT,
    )

