"""The analysis cache's codec: every field of the frozen dataclasses, not just the contract's.

Written generically from the dataclass definitions, so a field added to the model (with a
default) is cached without touching this module; a cache entry that no longer fits the model
decodes to None and the article is simply analysed again.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from multivector.model.analysis import Analysis


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def _plain(value: Any) -> Any:
    """Like `dataclasses.asdict`, without its deep copies (the values are immutable anyway)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: _plain(getattr(value, name)) for name in _field_names(type(value))}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def encode(analysis: Analysis) -> str:
    """JSON of the analysis without the document's text (the article row already holds it)."""
    data = _plain(analysis)
    data["document"].pop("text", None)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(kind: Any, value: Any) -> Any:
    if value is None:
        return None
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        hints = _hints(kind)
        return kind(**{f.name: _decode(hints[f.name], value[f.name])
                       for f in dataclasses.fields(kind) if f.name in value})
    origin = typing.get_origin(kind)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value, strict=True))
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(kind) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is dict:
        return dict(value)
    return value


def decode(payload: str, text: str) -> Analysis | None:
    """The cached analysis with `text` put back; None when the entry no longer fits the model."""
    try:
        data = json.loads(payload)
        data["document"]["text"] = text
        result = _decode(Analysis, data)
    except (KeyError, TypeError, ValueError):
        return None
    return result if isinstance(result, Analysis) else None
