"""What comes from a user is data: helpers that keep it that way.

A scenario's title, a municipality's name, a participant's nickname or a value in a link is shown
on screens that render Markdown (Streamlit), drawn in charts that render a little HTML (plotly),
written to CSV files that spreadsheets open, and (for a scenario's name) used as a folder name.
These functions make each of those uses safe, in one place:

* :func:`markdown_text`: text for Streamlit's Markdown, shown literally (no links, images,
  emphasis, colour directives, icons or formulas);
* :func:`html_text`: text for plotly labels and HTML reports, shown literally;
* :func:`spreadsheet_safe`: a table for CSV export with no cell a spreadsheet would run as a
  formula (OWASP's "CSV injection" advice: prefix ``'`` to = + - @ tab and carriage return);
* :data:`NAME_PATTERN` and :func:`name_problem`: a scenario or sweep name is a short word of
  letters, digits, ``.``, ``_`` and ``-``, never a path;
* :func:`clip` and :func:`clip_text`: a value or a text cut to a length fit for a message.
"""

from __future__ import annotations

import html
import re
import unicodedata

import pandas as pd

MAX_NAME_CHARS = 64
NAME_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9_.-]{{0,{MAX_NAME_CHARS - 1}}}")
NAME_ALLOWED = ("a name of 1 to 64 letters, digits, '.', '_' or '-' (starting with a letter or "
                "digit, no '..'): it names the results folder, so it is never a path")
# Every ASCII punctuation character may be escaped with a backslash in CommonMark; Streamlit's
# own directives (:red[...], :material/x:, $...$) are made of such characters too.
_MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clip(value: object, limit: int = 120) -> str:
    """``repr(value)`` cut to ``limit`` characters, for a message that names what was given."""
    try:
        text = repr(value)
    except RecursionError:  # a structure nested too deep to print
        text = f"<{type(value).__name__} nested too deeply to show>"
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def clip_text(text: str, limit: int = 120) -> str:
    """``text`` with control characters escaped (as repr escapes them), cut to ``limit``: a
    user's key or file name fit for one line of a message."""
    return clip(str(text), limit + 2)[1:-1]


def markdown_text(text: object) -> str:
    """``text`` escaped so that Streamlit's Markdown shows it character for character."""
    plain = str(text).replace("\r", " ").replace("\n", " ")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", plain)


def html_text(text: object) -> str:
    """``text`` escaped for HTML (plotly trace names and titles, the HTML report)."""
    return html.escape(str(text), quote=True)


def _safe_cell(value: object) -> object:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def spreadsheet_safe(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` in which no text cell starts a spreadsheet formula."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_safe_cell)
    out.columns = [_safe_cell(str(c)) for c in out.columns]
    return out


def has_control_characters(text: str, allow_newlines: bool = False) -> bool:
    """Whether ``text`` holds control characters (NUL, escape, bidi overrides, ...)."""
    for ch in text:
        if allow_newlines and ch in "\n\t":
            continue
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            return True
    return False


def name_problem(name: object) -> bool:
    """True when ``name`` is not a valid scenario or sweep name (see :data:`NAME_ALLOWED`)."""
    return not (isinstance(name, str) and NAME_PATTERN.fullmatch(name) is not None
                and ".." not in name)


def slug(text: str, fallback: str = "scenario") -> str:
    """A valid name made from ``text`` (a file's stem, say): other characters become '-'."""
    out = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).replace("..", "-").strip("-._")[:64]
    return out if out and not name_problem(out) else fallback
