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
from functools import cache
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
    return typing.cast(T, _decode(kind, data, kind.__name__))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _decode(kind: Any, data: JSONValue, where: str) -> object:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if data is None and type(None) in options:
            return None
        real = [option for option in options if option is not type(None)]
        if len(real) != 1:
            raise CodecError(f"{where}: cannot read a union of {real}")
        return _decode(real[0], data, where)
    if origin is tuple:
        item_kind = typing.get_args(kind)[0]
        return tuple(
            _decode(item_kind, item, f"{where}[{i}]") for i, item in enumerate(_list(data, where))
        )
    if origin is dict:
        key_kind, item_kind = typing.get_args(kind)
        if key_kind is not str or not isinstance(data, dict):
            raise CodecError(f"{where}: expected an object")
        return {key: _decode(item_kind, item, f"{where}.{key}") for key, item in data.items()}
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise CodecError(f"{where}: expected an object")
        hints = _hints(kind)
        names = {f.name for f in dataclasses.fields(kind)}
        if set(data) != names:
            raise CodecError(f"{where}: fields {sorted(set(data) ^ names)} differ")
        values = {name: _decode(hints[name], data[name], f"{where}.{name}") for name in names}
        return kind(**values)
    if isinstance(kind, type) and issubclass(kind, enum.Enum):
        try:
            return kind(data)
        except ValueError:
            raise CodecError(f"{where}: {data!r} is not a {kind.__name__}") from None
    if kind is dt.date:
        try:
            return dt.date.fromisoformat(_of(str, data, where))
        except ValueError:
            raise CodecError(f"{where}: {data!r} is not a date") from None
    if kind is Path:
        return Path(_of(str, data, where))
    if kind in (str, bool, float):
        return _of(kind, data, where)
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise CodecError(f"{where}: expected a whole number")
        return data
    raise CodecError(f"{where}: cannot read a {kind}")


def _list(data: JSONValue, where: str) -> list[JSONValue]:
    if not isinstance(data, list):
        raise CodecError(f"{where}: expected a list")
    return data


def _of(kind: type, data: JSONValue, where: str) -> Any:
    if not isinstance(data, kind):
        raise CodecError(f"{where}: expected {kind.__name__}")
    return data
