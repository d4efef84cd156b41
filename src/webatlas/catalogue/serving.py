"""The server recipes: how each maintained server runs the one app of `snippets/_serving/` behind nginx, and what the
tests must find when they start it, which the server pages then show."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Literal

from packaging.utils import canonicalize_name
from pydantic import Field

from webatlas.catalogue.models import Entry, Slug, Strict, Text
from webatlas.catalogue.reading import CatalogueError

SERVING_DIR = "snippets/_serving"
"""The app, the proxy configurations and one shell script per recipe."""

PROXY_CONFIGS = {"the proxy": "nginx.conf", "the server": "nginx_whole_path.conf"}
"""The nginx location of `SERVING_DIR` that a recipe runs behind, by who takes /api off the path."""
PROVED_FEATURE = "graceful_shutdown"
"""The server feature that the recipes prove: a server has it when a request in flight at SIGTERM finished in one of
its recipes, and a server with recipes cannot state it."""
SERVERS_REQUIREMENTS = "requirements/bench/servers.txt"
"""The pins of the servers' environment, which the recipes are tested in as the load benchmark times them."""


class ServingRecipe(Strict):
    """One way to run the app in production: a shell script that starts a server, and what its tests hold it to."""

    slug: Slug
    server: Slug
    """The server entry whose page shows the recipe."""
    title: Text
    script: Annotated[str, Field(pattern=r"^[a-z0-9_]+\.sh$")]
    """The recipe, a file of `snippets/_serving/`: the documented command with a comment on each setting."""
    interface: Literal["asgi", "wsgi"]
    wrapper: Annotated[str, Field(pattern=r"^[a-z0-9_]+_app\.py$")] | None = None
    """A module of `snippets/_serving/` that wraps the app in what the server ships for a setting it has no option for,
    such as a middleware for forwarded headers, or hands that setting to a subclass of the server's worker class; the
    script runs `<module>:app`, and the page shows it too."""
    uses: tuple[Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")], ...] = ()
    """Distributions besides the server that the recipe runs, such as the package of a worker class, by their PyPI
    names; each is pinned in `SERVERS_REQUIREMENTS`, and the page gives their versions."""
    workers: Annotated[int, Field(ge=1)]
    """How many processes answer requests; the tests see that many process ids."""
    forwarded_from: Literal["the proxy", "the proxy, scheme only", "anyone"]
    """Whose X-Forwarded-For and X-Forwarded-Proto the server believes: only the proxy's; only the proxy's
    X-Forwarded-Proto, never X-Forwarded-For, so that behind nginx the app sees the proxy's address; or any client's."""
    in_flight_finishes: bool
    """Whether a request in flight when SIGTERM reaches the server's main process still gets its answer."""
    new_connections_after_sigterm: Literal["refused", "dropped", "served"]
    """What happens to a new connection while that request is in flight: refused at once; accepted and then dropped
    unanswered; or served as before."""
    may_miss_sigterm: bool = False
    """Whether a worker can miss SIGTERM now and then, as when the kernel hands the signal to a thread that never passes
    it on: that worker goes on serving new connections until the server kills it at its timeout, which the tests then
    accept instead of `new_connections_after_sigterm`."""
    prefix_removed_by: Literal["the proxy", "the server"] = "the proxy"
    """Who takes /api off the path: nginx; or the server, which then gets the whole path, as a WSGI server's
    SCRIPT_NAME setting expects, and answers only under /api, even to a client that reaches it directly."""
    note: Text | None = None
    """What the page must say plainly, such as a setting the server lacks."""

    @property
    def proxy_config(self) -> str:
        """The file of `SERVING_DIR` with the nginx location the recipe runs behind."""
        return PROXY_CONFIGS[self.prefix_removed_by]


def pinned(pins: Mapping[str, str], distribution: str) -> str | None:
    """The version `pins` holds for `distribution`, however its name is spelt; None when it is not pinned."""
    return pins.get(canonicalize_name(distribution))


def check_serving(
    path: Path, recipes: Mapping[str, ServingRecipe], entries: Mapping[str, Entry], serving_dir: Path, pins: Mapping[str, str]
) -> None:
    """Each recipe belongs to a server of the catalogue, has its script, runs only pinned distributions besides the
    server, and says a worker may miss SIGTERM only where that changes its outcome."""
    for recipe in recipes.values():
        unpinned = [name for name in recipe.uses if pinned(pins, name) is None]
        if unpinned:
            raise CatalogueError(path, recipe.slug, "uses", f"{unpinned[0]} is not pinned in {SERVERS_REQUIREMENTS}")
        if recipe.may_miss_sigterm and recipe.new_connections_after_sigterm == "served":
            raise CatalogueError(path, recipe.slug, "may_miss_sigterm", "new connections are served after SIGTERM anyway")
        entry = entries.get(recipe.server)
        if entry is None or entry.layer != "server":
            raise CatalogueError(path, recipe.slug, "server", f"{recipe.server!r} is no server of the catalogue")
        for field, name in (("script", recipe.script), ("wrapper", recipe.wrapper)):
            if name is not None and not (serving_dir / name).is_file():
                raise CatalogueError(path, recipe.slug, field, f"{SERVING_DIR}/{name} does not exist")
