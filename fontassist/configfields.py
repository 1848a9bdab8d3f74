"""Fields of the settings dataclasses: one default and one help text each, and a type check.

A setting is declared once, on its dataclass, with :func:`setting`; the command
line and the app read its default (``dataclasses.fields``) and its help text
(:func:`help_text`) from there instead of restating them. :func:`check_types`
checks the values against the resolved annotations (``typing.get_type_hints``),
not against annotation strings.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from .errors import FontAssistError

_HELP = "help"


def setting(default: Any = dataclasses.MISSING, help: str = "", **kwargs) -> Any:
    """A dataclass field with a default and a help text (the CLI's and the app's)."""
    return dataclasses.field(default=default, metadata={_HELP: help}, **kwargs)


def help_text(cls: type, name: str) -> str:
    """The help text a field was declared with (empty if none)."""
    return _field(cls, name).metadata.get(_HELP, "")


def default_of(cls: type, name: str) -> Any:
    """A field's default value (calling its factory), or ``dataclasses.MISSING``."""
    f = _field(cls, name)
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return f.default


def _field(cls: type, name: str) -> dataclasses.Field:
    for f in dataclasses.fields(cls):
        if f.name == name:
            return f
    raise KeyError(f"{cls.__name__} has no field {name!r}")


def check_types(obj: Any, what: str) -> None:
    """Raise FontAssistError when an init field of dataclass ``obj`` does not match its annotation."""
    hints = typing.get_type_hints(type(obj))
    for f in dataclasses.fields(obj):
        if not f.init:
            continue
        value = getattr(obj, f.name)
        hint = hints[f.name]
        if not matches(value, hint):
            raise FontAssistError(
                f"{what} {f.name} = {value!r} has the wrong type; it must be {describe(hint)}."
            )


def matches(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits the type ``hint`` (bool is not a number; an int is a float)."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(matches(value, arg) for arg in typing.get_args(hint))
    if hint is type(None) or hint is None:
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return isinstance(value, tuple) and all(matches(v, args[0]) for v in value)
        return isinstance(value, tuple) and len(value) == len(args) and all(map(matches, value, args))
    return isinstance(value, origin or hint)


def describe(hint: Any) -> str:
    """The type in words, for an error message."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(describe(arg) for arg in typing.get_args(hint))
    if origin is tuple:
        return f"a list of {describe(typing.get_args(hint)[0]).removeprefix('a ')}s"
    words = {
        int: "a whole number",
        float: "a number",
        bool: "true or false",
        str: "a name",
        type(None): "none",
    }
    return words.get(hint, f"a {getattr(hint, '__name__', hint)}")
