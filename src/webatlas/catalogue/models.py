"""Typed models of the catalogue: entries, sourced facts, features and tasks."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Mapping
from typing import Annotated, Generic, Literal, TypeVar, get_args
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from webatlas.text import did_you_mean

Layer = Literal["server", "toolkit", "framework"]
"""Where an entry sits: a server runs apps, a toolkit gives building blocks, a framework gives a full stack."""

Interface = Literal["ASGI", "WSGI", "RSGI", "own"]
"""The contract between server and application; `own` means the entry serves HTTP itself."""

Status = Literal["active", "maintenance", "unmaintained", "archived"]

Support = Literal["built-in", "official-extension", "third-party", "no"]
"""How an entry offers a feature."""

LAYER_TITLES: dict[str, str] = {"framework": "Full frameworks", "toolkit": "Toolkits", "server": "Servers"}
"""Layers in navigation order, with their section titles."""

LAYER_NAMES: dict[str, str] = {"framework": "Full framework", "toolkit": "Toolkit", "server": "Server"}
"""What one entry of each layer is called."""

SLUG_PATTERN = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$"
PACKAGE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*$"
"""A PyPI distribution name."""
_SPDX_ID = re.compile(r"^[A-Za-z0-9.+-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]+)*$")


def _http_url(value: str) -> str:
    """Accept only absolute http(s) URLs with a host."""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{value!r} is not an http(s) URL")
    return value


def _not_in_future(value: dt.date) -> dt.date:
    """Reject dates after today: a fact cannot be true as of tomorrow."""
    if value > dt.date.today():
        raise ValueError(f"{value.isoformat()} is in the future")
    return value


HttpUrl = Annotated[str, AfterValidator(_http_url)]
PastDate = Annotated[dt.date, AfterValidator(_not_in_future)]
Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Text = Annotated[str, Field(min_length=1)]

T = TypeVar("T")


class Strict(BaseModel):
    """Base for catalogue models: unknown keys are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Sourced(Strict, Generic[T]):
    """A fact, the page that states it, and the day it was checked there."""

    value: T
    source: HttpUrl
    as_of: PastDate


class Release(Strict):
    version: Text
    date: PastDate


class Origins(Strict):
    """Who started the project and when."""

    year: Annotated[int, Field(ge=1990, le=dt.date.today().year)]
    author: Text


class Servers(Strict):
    """The servers an application runs on, as its documentation presents them."""

    built_in: bool
    """The entry ships its own HTTP server."""
    runs_on: list[Slug]
    """Catalogue servers the documentation says it runs on, speaking HTTP for it."""
    supervised_by: list[Slug] = []
    """Catalogue servers that only manage its processes through a worker class while another server speaks HTTP, such as
    Gunicorn running aiohttp's own worker; they give it none of the features servers provide."""
    recommended: Slug | None
    """The server the documentation recommends: `built-in`, one of `runs_on`, or None when it ranks none."""

    @model_validator(mode="after")
    def _recommends_a_known_server(self) -> Servers:
        if self.recommended is None:
            return self
        if self.recommended == BUILT_IN_SERVER:
            if not self.built_in:
                raise ValueError(f"recommended is {BUILT_IN_SERVER!r} but built_in is false")
        elif self.recommended not in self.runs_on:
            raise ValueError(f"recommended server {self.recommended!r} is not in runs_on")
        return self


BUILT_IN_SERVER = "built-in"


class OwnServer(Strict):
    """What the entry's own bundled server provides of the features that come from servers, such as HTTP/2."""

    model_config = ConfigDict(populate_by_name=True)

    provides: list[str] | None = None
    """The server-provided features the own server offers; empty when it offers none."""
    inherited_from: Slug | None = Field(default=None, alias="from")
    """A `built_on` base whose own server this entry runs, such as Twisted's for Klein."""

    @model_validator(mode="after")
    def _one_answer(self) -> OwnServer:
        if (self.provides is None) == (self.inherited_from is None):
            raise ValueError("own_server states either 'provides' or 'from', the base whose server it runs")
        return self


class StatedReleases(Strict):
    """Release facts for an entry that is not distributed on PyPI, stated by hand with a source."""

    first_release: Release
    latest_release: Release
    release_count: Annotated[int, Field(ge=1)]
    requires_python: Text


class Facts(Strict):
    """Facts stated by hand. Release facts come from the PyPI snapshot instead, unless `releases` states them."""

    origins: Sourced[Origins]
    interfaces: Sourced[Annotated[list[Interface], Field(min_length=1)]]
    built_on: Sourced[list[Slug]]
    servers: Sourced[Servers] | None = None
    own_server: Sourced[OwnServer] | None = None
    """What the entry's own server provides; stated exactly when `servers.built_in` is true."""
    licence: Sourced[Text]
    archived: Sourced[PastDate] | None = None
    """The day the repository was archived, when it is."""
    declared_status: Sourced[Literal["maintenance", "unmaintained"]] | None = None
    """The project's own statement that it is no longer actively developed."""
    releases: Sourced[StatedReleases] | None = None

    @field_validator("licence")
    @classmethod
    def _licence_is_spdx(cls, licence: Sourced[str]) -> Sourced[str]:
        if not _SPDX_ID.match(licence.value):
            raise ValueError(f"{licence.value!r} is not an SPDX licence expression")
        return licence

    @field_validator("built_on")
    @classmethod
    def _built_on_is_unique(cls, built_on: Sourced[list[str]]) -> Sourced[list[str]]:
        if len(set(built_on.value)) != len(built_on.value):
            raise ValueError("built_on names an entry twice")
        return built_on

    @model_validator(mode="after")
    def _own_server_when_built_in(self) -> Facts:
        built_in = self.servers is not None and self.servers.value.built_in
        if built_in != (self.own_server is not None):
            raise ValueError("own_server is stated exactly when servers.built_in is true")
        return self

    @model_validator(mode="after")
    def _releases_in_order(self) -> Facts:
        if self.releases and self.releases.value.latest_release.date < self.releases.value.first_release.date:
            raise ValueError("latest_release is older than first_release")
        return self


class FeatureCell(Strict):
    """One cell of the feature matrix as an entry states it: a support level, or the base it inherits the feature from.

    `webatlas.catalogue.cells` turns it into what pages show, adding what is computed.
    """

    model_config = ConfigDict(populate_by_name=True)

    support: Support | None = None
    inherited_from: Slug | None = Field(default=None, alias="from")
    """A `built_on` base whose own cell, with its support level, the entry presents as its own."""
    via: Annotated[str, Field(pattern=PACKAGE_PATTERN)] | None = None
    """The PyPI distribution of an official extension or a third-party package."""
    source: HttpUrl
    version: Text
    """The entry's own release the judgement was checked against, also when the evidence is an extension's page."""
    as_of: PastDate
    note: Text | None = None
    """What a reader should know beside the level: an experimental flag, or why an entry lacks what its base has."""

    @model_validator(mode="after")
    def _names_the_extension(self) -> FeatureCell:
        if (self.support is None) == (self.inherited_from is None):
            raise ValueError("a cell states either 'support' or 'from', the base it inherits the feature from")
        if self.support in ("official-extension", "third-party") and self.via is None:
            raise ValueError(f"support {self.support!r} needs 'via' naming the package")
        if self.support not in ("official-extension", "third-party") and self.via is not None:
            raise ValueError(f"{'from' if self.support is None else f'support {self.support!r}'} takes no 'via'")
        return self


class Links(Strict):
    repository: HttpUrl
    documentation: HttpUrl
    pypi: HttpUrl | None = None
    changelog: HttpUrl


class Package(Strict):
    """The entry's distribution on PyPI and the module that imports it."""

    pypi: Annotated[str, Field(pattern=PACKAGE_PATTERN)]
    module: Annotated[str, Field(pattern=r"^[A-Za-z_][\w.]*$")]


class SnippetRunner(Strict):
    """How the entry's snippets are run: the command template, filled with the snippet's module and a port."""

    command: Text
    application: Annotated[str, Field(pattern=r"^[A-Za-z_]\w*$")] | None = None
    """The module attribute that is the application, for a command that does not name it as `{module}:NAME`; the load
    benchmark loads it on the shared server setup. Unstated, it is `app`."""
    unsupported: dict[Slug, Text] = {}
    """Cookbook tasks the entry cannot do idiomatically, each with the reason; no snippet is forced for them."""
    proves: dict[Slug, list[Slug]] = {}
    """Features a task's recipe proves beyond the one its task demonstrates, because it uses them: a bearer_auth recipe
    that reads the token through a dependency proves dependency_injection, for example."""
    commands: dict[Slug, Text] = {}
    """Tasks whose recipe is started by another command than `command`, each with it: a WSGI server that waits on a
    database needs threads, for example."""

    @field_validator("commands")
    @classmethod
    def _task_commands_have_placeholders(cls, commands: dict[str, str]) -> dict[str, str]:
        for command in commands.values():
            cls._has_placeholders(command)
        return commands

    @field_validator("command")
    @classmethod
    def _has_placeholders(cls, command: str) -> str:
        for placeholder in ("{module}", "{port}"):
            if placeholder not in command:
                raise ValueError(f"command must contain {placeholder}")
        try:
            fields = _template_fields(command)
        except ValueError as error:
            raise ValueError(f"command is not a valid template ({error}); write a literal brace as {{{{ or }}}}") from None
        if fields - {"module", "port"}:
            raise ValueError(f"command may only use {{module}} and {{port}}, not {{{sorted(fields - {'module', 'port'})[0]}}}")
        return command


def _template_fields(command: str) -> set[str]:
    """The placeholders a command template names; ValueError when it is no template, as with an unpaired brace."""
    return {name for _, name, _, _ in string.Formatter().parse(command) if name is not None}


def _vocabulary(info: ValidationInfo) -> Mapping[str, frozenset[str]]:
    """Feature slug -> layers it applies to, handed in by the loader as validation context."""
    vocabulary: Mapping[str, frozenset[str]] = (info.context or {}).get("features", {})
    return vocabulary


def _server_provided(info: ValidationInfo) -> frozenset[str]:
    """Features an application gets from its server, which only servers state; handed in by the loader."""
    provided: frozenset[str] = (info.context or {}).get("server_provided", frozenset())
    return provided


def _known_feature(name: str, info: ValidationInfo) -> str:
    vocabulary = _vocabulary(info)
    if name not in vocabulary:
        defined = ", ".join(sorted(vocabulary))
        raise ValueError(f"unknown feature {name!r}{did_you_mean(name, vocabulary)}; data/features.yaml defines {defined}")
    return name


FeatureName = Annotated[str, AfterValidator(_known_feature)]


class Entry(Strict):
    """One framework, toolkit or server of the catalogue."""

    slug: Slug
    name: Text
    layer: Layer
    reason: Text | None = None
    """Why the entry is in the catalogue, for entries beyond the scope the seed articles set."""
    tagline: Text
    summary: Text
    package: Package | None
    facts: Facts
    features: dict[FeatureName, FeatureCell]
    strengths: Annotated[list[Text], Field(min_length=1)]
    limitations: Annotated[list[Text], Field(min_length=1)]
    use_cases: Annotated[list[Text], Field(min_length=1)]
    install: Text
    links: Links
    snippets: SnippetRunner | None = None

    @field_validator("features")
    @classmethod
    def _states_every_feature(cls, features: dict[str, FeatureCell], info: ValidationInfo) -> dict[str, FeatureCell]:
        layer = info.data.get("layer")
        if layer is None:
            # A missing or unknown layer is reported on its own; which features apply depends on it.
            return features
        if layer != "server":
            computed = sorted(set(features) & _server_provided(info))
            if computed:
                raise ValueError(f"feature {computed[0]!r} comes from the entry's servers and is computed; remove it")
        expected = {slug for slug, layers in _vocabulary(info).items() if layer in layers}
        if layer != "server":
            expected -= _server_provided(info)
        # A feature left unstated is derived from data/integrations.yaml, or refused, when the cells are resolved.
        extra = sorted(set(features) - expected)
        if extra:
            raise ValueError(f"feature {extra[0]!r} does not apply to the {layer} layer")
        return features

    @model_validator(mode="after")
    def _fits_its_layer(self) -> Entry:
        if (self.layer == "server") != (self.facts.servers is None):
            raise ValueError("facts.servers is stated for frameworks and toolkits, and only for them")
        if (self.package is None) != (self.facts.releases is not None):
            raise ValueError("facts.releases is stated exactly when the entry has no PyPI package")
        if (self.package is None) != (self.links.pypi is None):
            raise ValueError("links.pypi is given exactly when the entry has a PyPI package")
        if self.snippets is not None and self.package is None:
            raise ValueError("snippets pin the entry's PyPI package, and this entry has none")
        return self

    @property
    def relied_on_packages(self) -> list[str]:
        """The PyPI packages its stated cells name as extensions or third-party, which the snapshot must cover."""
        return sorted({cell.via for cell in self.features.values() if cell.via is not None})

    @property
    def github_repo(self) -> str | None:
        """`owner/name` when the repository is on GitHub, which keys the star history."""
        parts = urlsplit(self.links.repository)
        if parts.netloc != "github.com":
            return None
        return "/".join(parts.path.strip("/").split("/")[:2])


class Feature(Strict):
    """A term of the feature vocabulary."""

    slug: Slug
    name: Text
    definition: Text
    judged_by: Text
    layers: Annotated[list[Layer], Field(min_length=1)]
    """The layers whose entries have this feature."""
    terms: Annotated[list[Text], Field(min_length=1)]
    """Words that show prose is talking about the feature; prose that pairs them with another entry's name must cite its cell."""
    provided_by: Literal["application", "server"] = "application"
    """`server`: an application gets it only from the server it runs on, so only servers state it, and it is computed for the rest."""
    why_provided_by: Text
    """Why the feature is, or is not, one a server provides."""


LevelName = Literal["built-in", "inherited", "official-extension", "third-party", "no"]
"""The answers a cell can give: the support levels, plus inheriting a base's level."""


class SupportLevel(Strict):
    level: LevelName
    rule: Text


class Vocabulary(Strict):
    """`data/features.yaml`: the support levels with their rules, and the features."""

    maintained_within_months: Annotated[int, Field(ge=1)]
    """A package an entry relies on counts only with a release this recent, before the PyPI snapshot."""
    support_levels: list[SupportLevel]
    features: Annotated[list[dict[str, object]], Field(min_length=1)]
    """Validated one by one as `Feature`, so errors name the feature."""

    @field_validator("support_levels")
    @classmethod
    def _every_level_once(cls, levels: list[SupportLevel]) -> list[SupportLevel]:
        expected = list(get_args(LevelName))
        if [level.level for level in levels] != expected:
            raise ValueError(f"support_levels must give {', '.join(expected)}, in that order")
        return levels

    def level_rules(self) -> dict[str, str]:
        """Each level's rule, with the maintenance window filled in."""
        return {level.level: level.rule.replace("{months}", str(self.maintained_within_months)) for level in self.support_levels}


class Task(Strict):
    """A cookbook task: the same job done in each framework, under one contract."""

    slug: Slug
    title: Text
    summary: Text
    demonstrates: Slug | None = None
    """The feature a passing snippet of this task proves, such as `cors`."""
    setup: Annotated[str, Field(pattern=r"^_[a-z0-9_]+/[a-z0-9_]+\.sh$")] | None = None
    """A shell script under `snippets/`, in a folder whose name starts with `_`, that readers run before any recipe of
    the task, such as one that starts a local database; the task's page shows it above the recipes."""
    command: Text | None = None
    """The command that runs every framework's recipe for a task that is no server, such as a test file, filled with
    the recipe's `{module}`; a server's command is its framework's."""

    @field_validator("command")
    @classmethod
    def _names_only_the_module(cls, command: str | None) -> str | None:
        if command is not None and _template_fields(command) != {"module"}:
            raise ValueError("command must contain {module} and no other placeholder")
        return command


STAR_HISTORY_SOURCE = "github-api:stargazers/history"
"""The `source` of every star count taken from GitHub's API; it tells API rows from transcribed ones in the star file."""


class StarCount(Strict):
    """A repository's GitHub star count on a day, and where the figure comes from."""

    repository: Annotated[str, Field(pattern=r"^[\w.-]+/[\w.-]+$")]
    date: PastDate
    stars: Annotated[int, Field(ge=0)]
    source: Text

    @property
    def from_api(self) -> bool:
        """Whether the row came from the star-history endpoint rather than a transcription."""
        return self.source == STAR_HISTORY_SOURCE

    @property
    def dataset(self) -> str:
        """The public dataset the figure was transcribed from: `owner/name` of a `github:` source."""
        return self.dataset_of(self.source)

    @staticmethod
    def dataset_of(source: str) -> str:
        match = re.match(r"^github:([\w.-]+/[\w.-]+)", source)
        return match.group(1) if match else source
