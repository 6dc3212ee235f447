"""The content model to and from JSON, checked against its own type hints.

For the start-up cache: JSON cannot run code when it is read (pickle can), and every
value read back is checked against the field's declared type, so a damaged or foreign
file raises CodecError instead of building a half-right model.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import types
import typing
from collections.abc import Callable
from functools import cache, partial
from pathlib import Path
from typing import Any

JSONValue = Any
"""What json.loads returns (dicts, lists, strings, numbers, booleans, None)."""


class CodecError(ValueError):
    """A JSON value does not fit the type it is read as."""


def encode(value: object) -> JSONValue:
    """A dataclass tree (dates, paths, enums, tuples and dicts inside) as JSON values."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (tuple, list)):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {str(key): encode(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise CodecError(f"cannot write a {type(value).__name__} as JSON")


def decode[T](kind: type[T], data: JSONValue) -> T:
    """Build a `kind` from JSON values, checking every field against its type hint."""
    any_kind: Any = kind  # a class is hashable; the cache's typing cannot tell
    return typing.cast(T, _reader(any_kind)(data, kind.__name__))


Reader = Callable[[JSONValue, str], object]
"""Reads one JSON value as one type; `where` names the value in error messages."""


@cache
def _reader(kind: Any) -> Reader:
    """The reader for one type, made once (the start-up cache reads thousands of values)."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        real = [option for option in typing.get_args(kind) if option is not type(None)]
        if len(real) != 1:
            raise CodecError(f"cannot read a union of {real}")
        inner = _reader(real[0])
        optional = type(None) in typing.get_args(kind)
        return lambda data, where: None if data is None and optional else inner(data, where)
    if origin is tuple:
        item = _reader(typing.get_args(kind)[0])
        return lambda data, where: tuple(
            item(value, f"{where}[{i}]") for i, value in enumerate(_list(data, where))
        )
    if origin is dict:
        key_kind, item_kind = typing.get_args(kind)
        if key_kind is not str:
            raise CodecError(f"cannot read a dict keyed by {key_kind}")
        item = _reader(item_kind)
        return lambda data, where: {
            key: item(value, f"{where}.{key}") for key, value in _object(data, where).items()
        }
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        return _dataclass_reader(kind)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        return partial(_enum, kind)
    if kind is dt.date:
        return _date
    if kind is Path:
        return lambda data, where: Path(_of(str, data, where))
    if kind in (str, bool, float):
        return partial(_of, kind)
    if kind is int:
        return _int
    raise CodecError(f"cannot read a {kind}")


def _dataclass_reader(kind: type) -> Reader:
    hints = typing.get_type_hints(kind)
    names = frozenset(f.name for f in dataclasses.fields(kind))
    readers = {name: _reader(hints[name]) for name in names}

    def read(data: JSONValue, where: str) -> object:
        fields = _object(data, where)
        if fields.keys() != names:
            raise CodecError(f"{where}: fields {sorted(set(fields) ^ names)} differ")
        return kind(**{name: readers[name](fields[name], f"{where}.{name}") for name in names})

    return read


def _enum(kind: type[enum.Enum], data: JSONValue, where: str) -> object:
    try:
        return kind(data)
    except ValueError:
        raise CodecError(f"{where}: {data!r} is not a {kind.__name__}") from None


def _date(data: JSONValue, where: str) -> object:
    try:
        return dt.date.fromisoformat(_of(str, data, where))
    except ValueError:
        raise CodecError(f"{where}: {data!r} is not a date") from None


def _int(data: JSONValue, where: str) -> object:
    if isinstance(data, bool) or not isinstance(data, int):
        raise CodecError(f"{where}: expected a whole number")
    return data


def _object(data: JSONValue, where: str) -> dict[str, JSONValue]:
    if not isinstance(data, dict):
        raise CodecError(f"{where}: expected an object")
    return data


def _list(data: JSONValue, where: str) -> list[JSONValue]:
    if not isinstance(data, list):
        raise CodecError(f"{where}: expected a list")
    return data


def _of(kind: type, data: JSONValue, where: str) -> Any:
    if not isinstance(data, kind):
        raise CodecError(f"{where}: expected {kind.__name__}")
    return data
