"""Shared by every loader: the one error type for bad data, YAML reading and model validation."""

from __future__ import annotations

import json
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from webatlas.text import did_you_mean

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Problem:
    """One bad value of a file: the entry and the field that hold it, and what is wrong with it."""

    entry: str
    field: str
    problem: str


class CatalogueError(ValueError):
    """Bad data: each line of the message names the file, the entry and the field of one problem.

    `entry`, `field` and `problem` are the first problem's; `more` are further problems in the same file.
    """

    def __init__(self, file: Path, entry: str, field: str, problem: str, *more: Problem) -> None:
        self.file, self.entry, self.field, self.problem = shown(file), entry, field, problem
        self.problems = (Problem(entry, field, problem), *more)
        super().__init__("\n".join(f"{self.file}: entry '{each.entry}': field '{each.field}': {each.problem}" for each in self.problems))


def shown(path: Path) -> str:
    """The path relative to the working directory when it lies below it, as a reader would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# libyaml's parser reads the catalogue about nine times as fast as the pure-Python one; the pinned PyYAML's wheels
# include it, and it resolves tags in Python, so the date resolver below is dropped just the same.
class _DateAsTextLoader(yaml.CSafeLoader):
    """Safe YAML loader that leaves dates as text, so impossible dates reach validation and get a field name."""


_DateAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}


def read_text(path: Path) -> str:
    """A data file's text; bytes that are not UTF-8, as an editor saving in Latin-1 leaves, fail at the first such byte."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem = f"not UTF-8: byte 0x{data[error.start]:02x} at line {line} (byte offset {error.start}); save the file as UTF-8"
        raise CatalogueError(path, "(file)", "(encoding)", problem) from None


def read_yaml(path: Path) -> Any:
    """Parse a YAML file; a syntax error or a character YAML refuses becomes a CatalogueError at the offending line."""
    text = read_text(path)
    try:
        return yaml.load(text, Loader=_DateAsTextLoader)
    except yaml.reader.ReaderError as error:
        # YAML refuses most control characters; the reader reports a character position, not a line.
        line = text.count("\n", 0, error.position) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        problem = f"character U+{ord(character):04X} is not allowed in YAML, at line {line}"
        raise CatalogueError(path, "(file)", "(syntax)", problem) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}" if mark else "unknown line"
        raise CatalogueError(path, "(file)", "(syntax)", f"{error.problem} at {where}") from error


def validate(model: type[M], raw: object, *, file: Path, entry: str, context: Mapping[str, Any] | None = None) -> M:
    """Validate one raw entry; every pydantic error becomes one line of a CatalogueError."""
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as error:
        first, *more = (_problem(model, entry, details) for details in error.errors())
        raise CatalogueError(file, entry, first.field, first.problem, *more) from None


def _problem(model: type[BaseModel], entry: str, details: ErrorDetails) -> Problem:
    # Pydantic marks a bad mapping key with a trailing "[key]"; the key itself names the field.
    location = tuple(part for part in details["loc"] if part != "[key]")
    if details["type"] == "missing":
        problem = "required field is missing"
    elif details["type"] == "extra_forbidden":
        key = str(location[-1])
        problem = f"unknown key {key!r}{did_you_mean(key, known_keys(model, location[:-1]))}"
    elif details["type"] == "value_error":
        # The validator's own words, without pydantic's "Value error, " in front.
        problem = str(details.get("ctx", {}).get("error", details["msg"]))
    else:
        problem = details["msg"]
    return Problem(entry, ".".join(str(part) for part in location) or "(entry)", problem)


def known_keys(model: type[BaseModel], location: Sequence[int | str]) -> list[str]:
    """The keys a mapping at `location` inside `model` may hold: its fields' names, or their aliases where they have one."""
    kinds = _possible_types(model)
    for part in location:
        kinds = [inner for kind in kinds for inner in _possible_types(_type_inside(kind, part))]
    models = [kind for kind in kinds if isinstance(kind, type) and get_origin(kind) is None and issubclass(kind, BaseModel)]
    return sorted({field.alias or name for kind in models for name, field in kind.model_fields.items()})


def _possible_types(kind: Any) -> list[Any]:
    """The types a value of `kind` may have: `kind` without `Annotated`, a union split into its members."""
    origin = get_origin(kind)
    if origin is Annotated:
        return _possible_types(get_args(kind)[0])
    if origin in (Union, types.UnionType):
        return [member for argument in get_args(kind) for member in _possible_types(argument)]
    return [kind]


def _type_inside(kind: Any, part: int | str) -> Any:
    """The type of the value at `part` (a field name, list index or mapping key) of a value of `kind`; None when unknown."""
    if get_origin(kind) in (list, dict):
        return get_args(kind)[-1]
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        fields = {field.alias or name: field for name, field in kind.model_fields.items()}
        return fields[str(part)].annotation if str(part) in fields else None
    return None


def read_keyed_json(path: Path, model: type[M], *, items: str, item_model: type[BaseModel], remedy: str) -> M:
    """Read a generated JSON file whose `items` object maps names to `item_model`s; errors name the item and its field."""
    try:
        raw = json.loads(read_text(path))
    except FileNotFoundError:
        raise CatalogueError(path, "(file)", "(file)", f"missing: {remedy}") from None
    except json.JSONDecodeError as error:
        raise CatalogueError(path, "(file)", "(syntax)", f"not JSON: {error}") from None
    keyed = raw.get(items) if isinstance(raw, dict) else None
    if not isinstance(keyed, dict):
        raise CatalogueError(path, "(file)", items, f"expected an object of {items} keyed by name")
    for name, item in keyed.items():
        validate(item_model, item, file=path, entry=name)
    return validate(model, raw, file=path, entry="(file)")


def keyed_json(model: BaseModel, items: str) -> str:
    """Stable text for a model holding an `items` mapping: keys sorted, so unchanged data gives an identical file."""
    data = model.model_dump(mode="json")
    data[items] = dict(sorted(data[items].items()))
    return json.dumps(data, indent=1, ensure_ascii=False) + "\n"
