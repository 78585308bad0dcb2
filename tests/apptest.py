"""Shared by the AppTest tests: the app's file and a check that a run raised nothing."""

from __future__ import annotations

import re
from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def new_app(timeout: float = 300, **query: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=timeout)
    for k, v in query.items():
        at.query_params[k] = v
    return at


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """What a person reads of Markdown the app escaped (user text is shown literally)."""
    return _ESCAPED.sub(r"\1", markdown)
