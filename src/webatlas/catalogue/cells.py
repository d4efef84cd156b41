"""Resolve every entry's feature cells: stated ones as stated, inherited ones from their base, server-provided ones from servers.

Whatever can be computed is computed here, and any stated cell that contradicts the rules of `data/features.yaml`
fails with one message naming the file, the entry and the field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from webatlas.catalogue.integrations import INTEGRATIONS_FILE, Derivations, IntegrationPackage
from webatlas.catalogue.models import Entry, Feature, FeatureCell, Status, Support, Vocabulary
from webatlas.catalogue.reading import CatalogueError
from webatlas.catalogue.serving import PROVED_FEATURE, SERVERS_REQUIREMENTS, ServingRecipe, pinned
from webatlas.catalogue.snapshot import PyPISnapshot
from webatlas.text import listed

UNMAINTAINED: frozenset[Status] = frozenset({"unmaintained", "archived"})
"""Statuses of a catalogue server that no longer counts for a feature it would provide."""
OFFERED = ("built-in", "official-extension")
"""Levels at which an entry offers a feature: what "has feature X" filters on, and what a cookbook recipe must back up."""


@dataclass(frozen=True)
class Cell:
    """A feature cell as pages show it: its level, and where it comes from."""

    support: Support
    source: str
    as_of: dt.date
    version: str | None
    """The release the source documents; None for a cell computed from servers."""
    via: tuple[str, ...] = ()
    """The package of an extension or a third-party cell."""
    inherited_from: Entry | None = None
    servers: tuple[Entry, ...] = ()
    """The maintained catalogue servers that give the entry a server-provided feature."""
    own_server_of: Entry | None = None
    """For a server-provided feature that the entry's own server has: the base whose server that is, if not its own."""
    note: str | None = None
    derived: tuple[str, ...] = ()
    """The packages of `via` that come from data/integrations.yaml, verified by the integration check."""
    recipes: tuple[str, ...] = ()
    """The server recipes of data/serving.yaml that prove the cell, whose tests run with `version`."""

    @property
    def computed(self) -> bool:
        """Whether nobody states the level: it is inherited, comes from servers or is proved by server recipes."""
        return self.inherited_from is not None or self.version is None or self.own_server_of is not None or bool(self.recipes)


Cells = dict[str, dict[str, Cell]]
"""Entry slug -> feature slug -> cell."""


def level_words(cell: Cell) -> str:
    """The level and the package it names, without where a computed level comes from: "official extension: sanic-ext"."""
    level = "official extension" if cell.support == "official-extension" else cell.support
    return f"{level}: {', '.join(cell.via)}" if cell.via else level


def describe(cell: Cell, *, brief: bool = False) -> str:
    """The cell in words, such as "built-in, from Starlette", "official extension: sanic-ext" or
    "third-party: via Hypercorn (server)"; `brief` says "via its servers" instead of naming them, for narrow tables."""
    words = level_words(cell)
    if cell.servers and brief:
        words = f"{words}: via its servers"
    elif cell.servers:
        names = ", ".join(server.name for server in cell.servers)
        words = f"{words}: via {names} (server{'s' if len(cell.servers) > 1 else ''})"
    base = cell.inherited_from or cell.own_server_of
    return f"{words}, from {base.name}" if base is not None else words


@dataclass(frozen=True)
class _Context:
    entries: Mapping[str, Entry]
    features: Mapping[str, Feature]
    vocabulary: Vocabulary
    snapshot: PyPISnapshot
    status_of: Callable[[Entry], Status]
    entries_dir: Path
    registry: Mapping[str, IntegrationPackage]
    derivations: Derivations
    serving: Mapping[str, ServingRecipe]
    serving_pins: Mapping[str, str]

    def error(self, entry: Entry, field: str, problem: str) -> CatalogueError:
        return CatalogueError(self.entries_dir / f"{entry.slug}.yaml", entry.slug, field, problem)


def resolve(
    entries: Mapping[str, Entry],
    features: Mapping[str, Feature],
    vocabulary: Vocabulary,
    snapshot: PyPISnapshot,
    status_of: Callable[[Entry], Status],
    entries_dir: Path,
    registry: Mapping[str, IntegrationPackage],
    derivations: Derivations,
    serving: Mapping[str, ServingRecipe],
    serving_pins: Mapping[str, str],
) -> Cells:
    """Every entry's every applicable feature, resolved; bases before the entries built on them. A feature an entry does
    not state is derived from the packages of `derivations`, and graceful shutdown from the server recipes of `serving`,
    tested with `serving_pins`."""
    context = _Context(entries, features, vocabulary, snapshot, status_of, entries_dir, registry, derivations, serving, serving_pins)
    cells: Cells = {}

    def of(entry: Entry) -> dict[str, Cell]:
        if entry.slug not in cells:
            for base in entry.facts.built_on.value:
                of(entries[base])
            cells[entry.slug] = _entry_cells(entry, context, cells)
        return cells[entry.slug]

    for entry in entries.values():
        of(entry)
    return cells


def _entry_cells(entry: Entry, context: _Context, cells: Cells) -> dict[str, Cell]:
    resolved: dict[str, Cell] = {}
    for slug, feature in context.features.items():
        if entry.layer not in feature.layers:
            continue
        if feature.provided_by == "server" and entry.layer != "server":
            resolved[slug] = _from_servers(entry, slug, context, cells)
        elif slug == PROVED_FEATURE and (recipes := [recipe for recipe in context.serving.values() if recipe.server == entry.slug]):
            resolved[slug] = _proved(entry, slug, recipes, context)
        elif slug in entry.features:
            resolved[slug] = _with_derived(entry, slug, _stated(entry, slug, entry.features[slug], context, cells), context)
        else:
            resolved[slug] = _derived(entry, slug, context)
    return resolved


def _derived(entry: Entry, feature: str, context: _Context) -> Cell:
    """A cell the entry leaves unstated: third-party through the registry's verified packages."""
    derivation = context.derivations.get((entry.slug, feature))
    if derivation is None:
        problem = f"feature {feature!r} is not stated, and no package of {INTEGRATIONS_FILE} verified for {entry.name} derives it"
        raise context.error(entry, "features", problem)
    names, source = derivation.names, str(derivation.packages[0].source)
    return Cell(support="third-party", via=names, derived=names, source=source, as_of=derivation.checked_on, version=None)


def _proved(entry: Entry, feature: str, recipes: list[ServingRecipe], context: _Context) -> Cell:
    """A server's cell that its recipes prove: built-in when a request in flight at SIGTERM finished in any of them, with
    a note on those where it did not, or where a worker can miss the signal."""
    if feature in entry.features:
        raise context.error(entry, f"features.{feature}", "is proved by the server's recipes in data/serving.yaml: remove the cell")
    if entry.package is None:
        raise context.error(entry, "package", "a server with recipes is tested with its pinned package, and this one has none")
    version = pinned(context.serving_pins, entry.package.pypi)
    if version is None:
        raise context.error(entry, "package", f"{entry.package.pypi} is not pinned in {SERVERS_REQUIREMENTS}, which its recipes run")
    cut_off = [recipe.title for recipe in recipes if not recipe.in_flight_finishes]
    missed = [recipe.title for recipe in recipes if recipe.may_miss_sigterm]
    notes = []
    if cut_off and len(cut_off) < len(recipes):
        notes.append(f"A request in flight is cut off in: {listed(cut_off)}.")
    if missed:
        notes.append(f"A worker can miss the signal, and is then killed at the server's timeout, in: {listed(missed)}.")
    return Cell(
        support="built-in" if len(cut_off) < len(recipes) else "no",
        source=str(entry.links.documentation),
        as_of=context.snapshot.as_of,
        version=version,
        note=" ".join(notes) or None,
        recipes=tuple(recipe.slug for recipe in recipes),
    )


def _with_derived(entry: Entry, feature: str, stated: Cell, context: _Context) -> Cell:
    """A stated cell, with the registry's packages added to a third-party one; a stated 'no' or package that the
    registry gives is refused, since the two would disagree or say the same thing twice."""
    field = f"features.{feature}"
    registered = {
        name for name, package in context.registry.items() if feature in package.features and package.integration_for(entry.slug)
    }
    doubled = sorted(registered & set(stated.via))
    if doubled and stated.inherited_from is None:
        problem = f"{doubled[0]} is in {INTEGRATIONS_FILE} for {entry.name}, so this cell is derived from it: remove the cell"
        raise context.error(entry, f"{field}.via", problem)
    derivation = context.derivations.get((entry.slug, feature))
    if derivation is None or stated.inherited_from is not None or stated.support in OFFERED:
        return stated
    if stated.support == "no":
        give = "give" if len(derivation.names) > 1 else "gives"
        packages = listed(list(derivation.names))
        problem = f"says no, but {packages} of {INTEGRATIONS_FILE} {give} it, verified by the integration check: remove the cell"
        raise context.error(entry, f"{field}.support", problem)
    return replace(stated, via=(*stated.via, *derivation.names), derived=derivation.names)


def _stated(entry: Entry, feature: str, stated: FeatureCell, context: _Context, cells: Cells) -> Cell:
    field = f"features.{feature}"
    bases = entry.facts.built_on.value
    if stated.inherited_from is not None:
        base_slug = stated.inherited_from
        if base_slug not in bases:
            raise context.error(entry, f"{field}.from", f"{base_slug!r} is not in built_on, so nothing can be inherited from it")
        base_cell = cells[base_slug].get(feature)
        if base_cell is None or base_cell.support == "no":
            raise context.error(entry, f"{field}.from", f"{base_slug} does not offer {feature}, so there is nothing to inherit")
        return Cell(
            support=base_cell.support,
            via=base_cell.via,
            servers=base_cell.servers,
            source=stated.source,
            version=stated.version,
            as_of=stated.as_of,
            inherited_from=context.entries[base_slug],
            note=stated.note,
        )
    assert stated.support is not None  # FeatureCell states a support level or a base
    if stated.support == "no" and stated.note is None:
        offering = [base for base in bases if cells[base].get(feature) and cells[base][feature].support != "no"]
        if offering:
            problem = f"is 'no' while {offering[0]} offers it: inherit with 'from: {offering[0]}' or say why in 'note'"
            raise context.error(entry, f"{field}.support", problem)
    via = (stated.via,) if stated.via else ()
    for package in via:
        _check_maintained(entry, f"{field}.via", package, context)
    return Cell(support=stated.support, via=via, source=stated.source, version=stated.version, as_of=stated.as_of, note=stated.note)


def _check_maintained(entry: Entry, field: str, package: str, context: _Context) -> None:
    """An extension or third-party package counts only with a recent release, by the snapshot."""
    snapshot = context.snapshot
    if package not in snapshot.packages:
        raise context.error(entry, field, f"no PyPI snapshot of {package!r}: run `make refresh`")
    window = context.vocabulary.maintained_within_months
    latest = snapshot.unmaintained_since(package, window)
    if latest is not None:
        problem = (
            f"{package}'s newest release is from {latest.isoformat()}, over {window} months before the snapshot of "
            f"{snapshot.as_of.isoformat()}: an unmaintained package does not count, so judge the cell again"
        )
        raise context.error(entry, field, problem)


def _from_servers(entry: Entry, feature: str, context: _Context, cells: Cells) -> Cell:
    """Built-in when the entry's own server offers the feature; else via the maintained servers it runs on that do; else no."""
    assert entry.facts.servers is not None  # every framework and toolkit states its servers
    servers = entry.facts.servers
    own = entry.facts.own_server
    if own is not None:
        own_server_of = None
        provides = own.value.provides
        if own.value.inherited_from is not None:
            base_slug = own.value.inherited_from
            base = context.entries[base_slug] if base_slug in entry.facts.built_on.value else None
            if base is None or base.facts.own_server is None:
                problem = f"{base_slug!r} is no base of this entry with a server of its own"
                raise context.error(entry, "facts.own_server.value.from", problem)
            base_cell = cells[base_slug][feature]
            if base_cell.support == "built-in" and not base_cell.servers:
                return Cell(support="built-in", source=base_cell.source, as_of=base_cell.as_of, version=None, own_server_of=base)
            own_server_of, provides = base, []
        for name in provides or []:
            if name not in context.features or context.features[name].provided_by != "server":
                raise context.error(entry, "facts.own_server.value.provides", f"{name!r} is not a feature that servers provide")
        if feature in (provides or []):
            return Cell(support="built-in", source=own.source, as_of=own.as_of, version=None, own_server_of=own_server_of)
    offering = tuple(
        context.entries[slug]
        for slug in servers.value.runs_on
        if context.entries[slug].features[feature].support == "built-in"
        and context.status_of(context.entries[slug]) not in UNMAINTAINED
    )
    support: Support = "third-party" if offering else "no"
    return Cell(support=support, servers=offering, source=servers.source, as_of=servers.as_of, version=None)
