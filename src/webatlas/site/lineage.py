"""Lay out the "built on" graph: which entries sit on which, in columns from foundations to the entries built on them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.models import LAYER_NAMES, Entry
from webatlas.text import listed

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

    def description(self, node: Node) -> str:
        """What the arrows at `node` say, in words: its layer, what it is built on and what is built on it.

        A screen reader cannot follow the arrows, so each box's link is named with this sentence; it starts with the
        name the box shows, so the link can still be found by what it says.
        """
        slug = node.entry.slug
        bases = _names(edge.base.entry for edge in self.edges if edge.built.entry.slug == slug)
        built_on_it = _names(edge.built.entry for edge in self.edges if edge.base.entry.slug == slug)
        kind = LAYER_NAMES[node.entry.layer].lower()
        text = f"{node.entry.name}, {'an' if kind[:1] in 'aeiou' else 'a'} {kind}"
        if bases:
            text += f" built on {listed(bases)}"
        if built_on_it:
            text += f"; {listed(built_on_it)} {'is' if len(built_on_it) == 1 else 'are'} built on it"
        return text


def _names(entries: Iterable[Entry]) -> list[str]:
    return sorted((entry.name for entry in entries), key=str.casefold)


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
