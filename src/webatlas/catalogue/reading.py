"""Shared by every loader: the one error type for bad data, YAML reading and model validation."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


class CatalogueError(ValueError):
    """Bad data: the message names the file, the entry and the field."""

    def __init__(self, file: Path, entry: str, field: str, problem: str) -> None:
        self.file, self.entry, self.field, self.problem = shown(file), entry, field, problem
        super().__init__(f"{self.file}: entry '{entry}': field '{field}': {problem}")


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
    """Validate one raw entry, turning the first pydantic error into a CatalogueError."""
    try:
        return model.model_validate(raw, context=context)
    except ValidationError as error:
        first = error.errors()[0]
        # Pydantic marks a bad mapping key with a trailing "[key]"; the key itself names the field.
        location = ".".join(str(part) for part in first["loc"] if part != "[key]") or "(entry)"
        problem = first["msg"]
        if first["type"] == "missing":
            problem = "required field is missing"
        extra = error.error_count() - 1
        if extra:
            problem += f" (and {extra} more problem{'s' if extra > 1 else ''} in this entry)"
        raise CatalogueError(file, entry, location, problem) from None


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
