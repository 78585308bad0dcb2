"""The loader's and the link's problems as a browser user reads them, in the page's language.

``ScenarioError`` speaks English to scripts and the command line (field, value, what is
allowed). In the app the same problem is shown in the chosen language: the frame and the
common phrases of "value" and "allowed" are recognised here and worded by the message
catalogue (context ``loader``; in English its words are the loader's own), a declared
parameter is named
by its short name too and its range comes from the declaration in the language's units,
and the command-line hint ("'transitiesim params' lists them all") becomes one a browser user
can follow. A phrase this table does not know stays as the loader wrote it (the field and the
value are always there). ``tests/test_errors.py`` runs the loader on bad files and checks the
Dutch message for English words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from .. import labels
from ..catalogue import message
from ..params import PARAM_BY_NAME
from ..scenario import Problem, ScenarioError
from ..text import t
from ..textsafe import NAME_ALLOWED, clip, clip_text

_Rule = tuple[re.Pattern[str], Callable[[re.Match[str], str], str]]
# The field of a problem with the name typed for an edited copy (shown as the box's label).
EDIT_NAME_FIELD = "edit_name"


def _number(text: str, lang: str) -> str:
    """A number as the loader wrote it ("1,000,000", "0.25") in ``lang``'s signs."""
    if lang != "nl":
        return text
    return text.replace(",", "\u2009").replace(".", ",")


def _say(key: str, lang: str, **fields: str) -> str:
    """The catalogue's words for the loader's phrase ``key`` (context ``loader``)."""
    return message("loader", key, lang).format(**fields)


def _guess(name: str | None, lang: str) -> str:
    """" (did you mean 'x'?)" in ``lang``, or nothing."""
    return _say("guess", lang, name=name) if name else ""


def _keys(keys: str, lang: str) -> str:
    """The loader's list of known keys; in Dutch each as code (they are not Dutch words)."""
    return ", ".join(f"`{k}`" for k in keys.split(", ")) if lang == "nl" else keys


_GUESS = r"(?: \(did you mean ('[^']*')\?\))?"
# (pattern of the loader's English phrase, its words in the language from the catalogue);
# applied to "allowed" and "value". In English the catalogue's words are the loader's own.
_RULES: list[_Rule] = [
    (re.compile(r"a declared parameter name" + _GUESS + r"; 'transitiesim params' lists them all"),
     lambda m, lang: _say("parameter_hint", lang, guess=_guess(m[1], lang))),
    (re.compile(r"a known key" + _GUESS + r": (.*)", re.S),
     lambda m, lang: _say("known_key", lang, guess=_guess(m[1], lang), keys=_keys(m[2], lang))),
    (re.compile(r"at most ([\d,]+) bytes"),
     lambda m, lang: _say("at_most_bytes", lang, n=_number(m[1], lang))),
    (re.compile(r"([\d,]+) bytes"), lambda m, lang: _say("bytes", lang, n=_number(m[1], lang))),
    (re.compile(r"TOML syntax \((.*)\)", re.S),
     lambda m, lang: _say("toml_syntax", lang, detail=m[1])),
    (re.compile(re.escape(NAME_ALLOWED) + "(; not a shipped scenario's name)?"),
     lambda m, lang: _say("name_allowed", lang)
     + (_say("not_shipped_name", lang) if m[1] else "")),
    (re.compile(r"text of at most ([\d,]+) characters without control characters"),
     lambda m, lang: _say("text_chars", lang, n=_number(m[1], lang))),
    (re.compile(r"a shipped scenario name: (.*)", re.S),
     lambda m, lang: _say("shipped_name", lang, names=m[1])),
    (re.compile(r"the CBS code \(GM0344\) or name of one of the (\d+) municipalities of 2015"
                r"(?: \(did you mean (.*)\?\))?", re.S),
     lambda m, lang: _say("cbs_code_or_name", lang, n=m[1], guess=_guess(m[2], lang))),
    (re.compile(r"the CBS code of one of the (\d+) municipalities of 2015 \(GM0344\)"),
     lambda m, lang: _say("cbs_code", lang, n=m[1])),
    (re.compile(r"a link version this transitiesim reads: (.*) \(a newer transitiesim made "
                r"this link\)"),
     lambda m, lang: _say("link_version", lang, versions=m[1])),
    # A StatLine export (statline.py, uploaded in the app)
    (re.compile(r"a column whose name matches (.*)", re.S),
     lambda m, lang: _say("column_matching", lang, pattern=m[1])),
    (re.compile(r"a whole number from (\S+) to (\S+)"),
     lambda m, lang: _say("whole_number", lang, low=_number(m[1], lang),
                          high=_number(m[2], lang))),
]


# The loader's fixed phrases (no value inside): the English catalogue holds each exactly as
# the loader and the StatLine reader write it, so a phrase is found by its English words.
_FIXED = ("toml_file", "not_utf8", "not_toml", "true_false", "nothing_beside_cbs",
          "not_listed", "csv_encoding", "not_csv_text", "no_columns", "statline_csv",
          "inhabitants_number", "age_group", "one_municipality")


@cache
def _fixed() -> dict[str, str]:
    return {message("loader", key, "en"): key for key in _FIXED}


# Fields that are words rather than names (a StatLine export's columns and rows).
_FIELDS: list[_Rule] = [
    (re.compile(r"column \((region|population)\)"),
     lambda m, lang: _say("field_column", lang, role=_say(f"role_{m[1]}", lang))),
    (re.compile(r"row (\d+) \((.*)\)", re.S),
     lambda m, lang: _say("field_row", lang, n=m[1], column=m[2])),
    (re.compile(r"rows"), lambda m, lang: _say("field_rows", lang)),
]


def _phrase(text: str, lang: str, rules: list[_Rule] | None = None) -> str:
    if rules is None and text in _fixed():
        return _say(_fixed()[text], lang)
    for pattern, words in _RULES if rules is None else rules:
        m = pattern.fullmatch(text)
        if m:
            return words(m, lang)
    return text


def problem_text(problem: Problem, lang: str) -> str:
    """One problem as a line in ``lang``: the field (with a declared parameter's short name),
    the value given and what is allowed."""
    field = clip_text(problem.field, 200)
    if field == EDIT_NAME_FIELD:
        field = t("edit_name", lang)
    field = _phrase(field, lang, _FIELDS)
    key = field.rsplit(".", 1)[-1]
    p = PARAM_BY_NAME.get(key)
    if p is not None and labels.has_short_name(p):  # settings (scale, years) have no short name
        field = f"{field} ({labels.short_name(p, lang)})"
    if p is not None and problem.allowed == p.allowed():  # the declared range or choices
        allowed = labels.allowed_words(p, lang)
    else:
        allowed = _phrase(str(problem.allowed), lang)
    value = problem.value
    shown = _phrase(value, lang) if isinstance(value, str) else clip(value)
    if isinstance(value, str) and shown == value:
        shown = clip(value)
    return _say("problem", lang, field=field, value=shown, allowed=allowed)


def error_text(error: ScenarioError, lang: str) -> str:
    """A refused scenario, file or link in ``lang``: what was refused and every problem."""
    n = len(error.problems)
    source = clip_text(error.source, 80)
    head = _say("head_one", lang, source=source) if n == 1 else \
        _say("head_many", lang, source=source, n=str(n))
    return head + "\n" + "\n".join(f"  - {problem_text(p, lang)}" for p in error.problems)


def any_text(error: ScenarioError | Problem, lang: str) -> str:
    """``error_text`` for a refused scenario, ``problem_text`` for a single problem."""
    return error_text(error, lang) if isinstance(error, ScenarioError) else \
        problem_text(error, lang)
