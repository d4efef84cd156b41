"""Typed models of the catalogue: entries, sourced facts, features and tasks."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Annotated, Generic, Literal, TypeVar
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

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
    """Catalogue servers the documentation says it runs on."""
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
    def _releases_in_order(self) -> Facts:
        if self.releases and self.releases.value.latest_release.date < self.releases.value.first_release.date:
            raise ValueError("latest_release is older than first_release")
        return self


class FeatureSupport(Strict):
    """One cell of the feature matrix, with the page that shows it and the version it applies to."""

    support: Support
    via: Text | None = None
    source: HttpUrl
    version: Text
    as_of: PastDate

    @model_validator(mode="after")
    def _names_the_extension(self) -> FeatureSupport:
        if self.support in ("official-extension", "third-party") and self.via is None:
            raise ValueError(f"support {self.support!r} needs 'via' naming the package")
        if self.support in ("built-in", "no") and self.via is not None:
            raise ValueError(f"support {self.support!r} takes no 'via'")
        return self


class Links(Strict):
    repository: HttpUrl
    documentation: HttpUrl
    pypi: HttpUrl | None = None
    changelog: HttpUrl


class Package(Strict):
    """The entry's distribution on PyPI and the module that imports it."""

    pypi: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]
    module: Annotated[str, Field(pattern=r"^[A-Za-z_][\w.]*$")]


class SnippetRunner(Strict):
    """How the entry's snippets are run: the command template, filled with the snippet's module and a port."""

    command: Text

    @field_validator("command")
    @classmethod
    def _has_placeholders(cls, command: str) -> str:
        for placeholder in ("{module}", "{port}"):
            if placeholder not in command:
                raise ValueError(f"command must contain {placeholder}")
        return command


def _vocabulary(info: ValidationInfo) -> Mapping[str, frozenset[str]]:
    """Feature slug -> layers it applies to, handed in by the loader as validation context."""
    vocabulary: Mapping[str, frozenset[str]] = (info.context or {}).get("features", {})
    return vocabulary


def _known_feature(name: str, info: ValidationInfo) -> str:
    vocabulary = _vocabulary(info)
    if name not in vocabulary:
        raise ValueError(f"unknown feature {name!r}; data/features.yaml defines {', '.join(sorted(vocabulary))}")
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
    features: dict[FeatureName, FeatureSupport]
    strengths: Annotated[list[Text], Field(min_length=1)]
    limitations: Annotated[list[Text], Field(min_length=1)]
    use_cases: Annotated[list[Text], Field(min_length=1)]
    install: Text
    links: Links
    snippets: SnippetRunner | None = None

    @field_validator("features")
    @classmethod
    def _states_every_feature(cls, features: dict[str, FeatureSupport], info: ValidationInfo) -> dict[str, FeatureSupport]:
        layer = info.data.get("layer")
        expected = {slug for slug, layers in _vocabulary(info).items() if layer in layers}
        missing = sorted(expected - set(features))
        if missing:
            raise ValueError(f"feature {missing[0]!r} is not stated")
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
    """The layers whose entries state this feature."""


class Task(Strict):
    """A cookbook task: the same job done in each framework, under one contract."""

    slug: Slug
    title: Text
    summary: Text


class StarCount(Strict):
    """A repository's GitHub star count on a day, and where the figure comes from."""

    repository: Annotated[str, Field(pattern=r"^[\w.-]+/[\w.-]+$")]
    date: PastDate
    stars: Annotated[int, Field(ge=0)]
    source: Text

    @property
    def dataset(self) -> str:
        """The public dataset the figure was transcribed from: `owner/name` of a `github:` source."""
        match = re.match(r"^github:([\w.-]+/[\w.-]+)", self.source)
        return match.group(1) if match else self.source
