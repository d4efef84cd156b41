"""The server recipes, on each server's page and side by side on the pages that compare two servers."""

from __future__ import annotations

from dataclasses import dataclass

from webatlas.catalogue.catalogue import Catalogue
from webatlas.catalogue.cells import UNMAINTAINED
from webatlas.catalogue.models import Entry
from webatlas.catalogue.serving import ServingRecipe, pinned


@dataclass(frozen=True)
class ServingRow:
    """A recipe with the server it belongs to and that server's pinned version."""

    recipe: ServingRecipe
    server: Entry
    version: str | None
    uses: tuple[tuple[str, str], ...]
    """The other distributions the recipe runs, each with its pinned version."""


def rows(catalogue: Catalogue, *servers: Entry) -> list[ServingRow]:
    """The recipes of `servers`, server by server, each in the order of data/serving.yaml."""
    pins = catalogue.serving_pins
    return [
        ServingRow(recipe, server, _version(catalogue, server), tuple((name, str(pinned(pins, name))) for name in recipe.uses))
        for server in servers
        for recipe in catalogue.serving.values()
        if recipe.server == server.slug
    ]


def _version(catalogue: Catalogue, server: Entry) -> str | None:
    return pinned(catalogue.serving_pins, server.package.pypi) if server.package else None


def without_recipe(catalogue: Catalogue, server: Entry) -> bool:
    """Whether the site gives a server no recipe because it is no longer maintained."""
    return catalogue.status_of(server).status in UNMAINTAINED
