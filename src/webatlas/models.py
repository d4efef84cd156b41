"""Typed models of the catalogue: entries, sourced facts, features and tasks."""

from __future__ import annotations

import datetime as dt
import re
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


class Facts(Strict):
    interfaces: Sourced[Annotated[list[Interface], Field(min_length=1)]]
    first_release: Sourced[Release]
    latest_release: Sourced[Release]
    licence: Sourced[Text]
    requires_python: Sourced[Text]
    status: Sourced[Status]

    @field_validator("licence")
    @classmethod
    def _licence_is_spdx(cls, licence: Sourced[str]) -> Sourced[str]:
        if not _SPDX_ID.match(licence.value):
            raise ValueError(f"{licence.value!r} is not an SPDX licence expression")
        return licence

    @model_validator(mode="after")
    def _releases_in_order(self) -> Facts:
        if self.latest_release.value.date < self.first_release.value.date:
            raise ValueError("latest_release is older than first_release")
        return self


class FeatureSupport(Strict):
    """One cell of the feature matrix, with the page that shows it."""

    support: Support
    via: Text | None = None
    source: HttpUrl
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
    pypi: HttpUrl
    changelog: HttpUrl


class SnippetRunner(Strict):
    """How the entry's snippets are run: the distribution they pin and the command template."""

    package: Text
    command: Text

    @field_validator("command")
    @classmethod
    def _has_placeholders(cls, command: str) -> str:
        for placeholder in ("{module}", "{port}"):
            if placeholder not in command:
                raise ValueError(f"command must contain {placeholder}")
        return command


def _known_feature(name: str, info: ValidationInfo) -> str:
    vocabulary: frozenset[str] = (info.context or {}).get("features", frozenset())
    if name not in vocabulary:
        raise ValueError(f"unknown feature {name!r}; data/features.yaml defines {', '.join(sorted(vocabulary))}")
    return name


FeatureName = Annotated[str, AfterValidator(_known_feature)]


class Entry(Strict):
    """One framework, toolkit or server of the catalogue."""

    slug: Slug
    name: Text
    layer: Layer
    tagline: Text
    summary: Text
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
        vocabulary: frozenset[str] = (info.context or {}).get("features", frozenset())
        missing = sorted(vocabulary - set(features))
        if missing:
            raise ValueError(f"feature {missing[0]!r} is not stated")
        return features

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
