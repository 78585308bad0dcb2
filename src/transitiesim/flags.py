"""Types for command-line flags, shared by ``transitiesim`` and the ``python -m`` scripts
below it (the screening): each parses one flag's text and, when it is not allowed, says the
flag's value and what is allowed (argparse puts the flag's name in front)."""

from __future__ import annotations

import argparse
import tomllib
from typing import Any

from .textsafe import clip


def number(name: str, kind: type = float, minimum: float | None = None,
            maximum: float | None = None):
    """An argparse type: a number of ``kind`` from ``minimum`` to ``maximum``; the error names
    the flag, the value and what is allowed."""
    if minimum is not None and maximum is not None:
        bounds = f" from {minimum:,} to {maximum:,}"
    elif minimum is not None:
        bounds = f" of {minimum:g} or more"
    else:
        bounds = ""
    allowed = ("a whole number" if kind is int else "a finite number") + bounds

    def parse(text: str):
        try:
            value = kind(text) if len(text) <= 40 else None
        except ValueError:
            value = None
        if value is None or value != value or value in (float("inf"), float("-inf")) or (
                minimum is not None and value < minimum) or (
                maximum is not None and value > maximum):
            shown = clip(text, 60) if value is None else value
            # argparse puts "argument NAME:" in front of this message.
            raise argparse.ArgumentTypeError(f"got {shown}; allowed: {allowed}")
        return value
    return parse


def positive_int(name: str, maximum: int | None = None):
    return number(name, int, 1, maximum)


def integer(name: str, minimum: int | None = None, maximum: int | None = None):
    return number(name, int, minimum, maximum)


def finite(name: str):
    return number(name, float)


def setting(text: str) -> tuple[str, Any]:
    """An argparse type for ``--set NAME=VALUE``: the name and the value read as TOML (0.3,
    true, "tender"; a bare word such as tender stays text). Whether the name and value are
    allowed is the scenario's to say (``Scenario.with_params``)."""
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"got {clip(text, 60)}; allowed: NAME=VALUE, e.g. "
                                         "citizen_power=0.8")
    try:
        value = tomllib.loads(f"v = {raw}")["v"]
    except (tomllib.TOMLDecodeError, RecursionError):
        value = raw
    return name.strip(), value
