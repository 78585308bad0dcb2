"""The loader's and the link's problems as a browser user reads them, in the page's language.

``ScenarioError`` speaks English to scripts and the command line (field, value, what is
allowed). In the app the same problem is shown in the chosen language: the frame and the
common phrases of "value" and "allowed" are translated here, a declared parameter is named
by its short name too and its range comes from the declaration in the language's units,
and the command-line hint ("'transitiesim params' lists them all") becomes one a browser user
can follow. A phrase this table does not know stays as the loader wrote it (the field and the
value are always there). ``tests/test_errors.py`` runs the loader on bad files and checks the
Dutch message for English words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import labels
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


def _hint(m: re.Match[str], lang: str) -> str:
    guess = f" ({'bedoelt u' if lang == 'nl' else 'did you mean'} {m[1]}?)" if m[1] else ""
    if lang == "nl":
        return ("de naam van een parameter" + guess + "; 'Alle parameters tonen' onder "
                "'Kopie van een scenario aanpassen' laat ze alle zien, met hun naam in de uitleg")
    return ("a declared parameter name" + guess + "; 'Show every parameter' under 'Edit a copy "
            "of a scenario' lists them all, with their names in the help")


_GUESS = r"(?: \(did you mean ('[^']*')\?\))?"
# (pattern of the English phrase, its words in the language); applied to "allowed" and "value".
_RULES: list[_Rule] = [
    (re.compile(r"a declared parameter name" + _GUESS + r"; 'transitiesim params' lists them all"),
     _hint),
    (re.compile(r"a known key" + _GUESS + r": (.*)", re.S),
     lambda m, lang: ("een bekende sleutel" + (f" (bedoelt u {m[1]}?)" if m[1] else "")
                      + ": " + ", ".join(f"`{k}`" for k in m[2].split(", ")))
     if lang == "nl" else m[0]),
    (re.compile(r"at most ([\d,]+) bytes"),
     lambda m, lang: f"hoogstens {_number(m[1], lang)} bytes" if lang == "nl" else m[0]),
    (re.compile(r"([\d,]+) bytes"),
     lambda m, lang: f"{_number(m[1], lang)} bytes"),
    (re.compile(r"a (?:UTF-8 TOML file|TOML file in UTF-8)"),
     lambda m, lang: "een TOML-bestand in UTF-8" if lang == "nl" else m[0]),
    (re.compile(r"not UTF-8 text"),
     lambda m, lang: "geen tekst in UTF-8" if lang == "nl" else m[0]),
    (re.compile(r"not valid TOML"),
     lambda m, lang: "geen geldige TOML" if lang == "nl" else m[0]),
    (re.compile(r"TOML syntax \((.*)\)", re.S),
     lambda m, lang: f"TOML-syntaxis (de lezer meldt: {m[1]})" if lang == "nl" else m[0]),
    (re.compile(r"true or false"),
     lambda m, lang: "true of false" if lang == "nl" else m[0]),
    (re.compile(re.escape(NAME_ALLOWED) + "(; not a shipped scenario's name)?"),
     lambda m, lang: ("een naam van 1 tot 64 letters, cijfers, '.', '_' of '-' (beginnend met "
                      "een letter of cijfer, zonder '..'): hij geeft de map met resultaten "
                      "een naam, dus nooit een pad"
                      + ("; niet de naam van een meegeleverd scenario" if m[1] else ""))
     if lang == "nl" else m[0]),
    (re.compile(r"text of at most ([\d,]+) characters without control characters"),
     lambda m, lang: (f"tekst van hoogstens {_number(m[1], lang)} tekens zonder stuurtekens"
                      if lang == "nl" else m[0])),
    (re.compile(r"a shipped scenario name: (.*)", re.S),
     lambda m, lang: f"de naam van een meegeleverd scenario: {m[1]}" if lang == "nl" else m[0]),
    (re.compile(r"the CBS code \(GM0344\) or name of one of the (\d+) municipalities of 2015"
                r"(?: \(did you mean (.*)\?\))?", re.S),
     lambda m, lang: (f"de CBS-code (GM0344) of de naam van een van de {m[1]} gemeenten van "
                      "2015" + (f" (bedoelt u {m[2]}?)" if m[2] else ""))
     if lang == "nl" else m[0]),
    (re.compile(r"the CBS code of one of the (\d+) municipalities of 2015 \(GM0344\)"),
     lambda m, lang: (f"de CBS-code van een van de {m[1]} gemeenten van 2015 (GM0344)"
                      if lang == "nl" else m[0])),
    (re.compile(r"nothing beside cbs: name, inhabitants and ages come from CBS's table"),
     lambda m, lang: ("niets naast cbs: naam, inwoners en leeftijden komen uit de tabel van "
                      "CBS") if lang == "nl" else m[0]),
    (re.compile(r"a municipality not listed before"),
     lambda m, lang: "een gemeente die nog niet in de lijst staat" if lang == "nl" else m[0]),
    (re.compile(r"a link version this transitiesim reads: (.*) \(a newer transitiesim made "
                r"this link\)"),
     lambda m, lang: (f"een linkversie die deze transitiesim leest: {m[1]} (een nieuwere "
                      "transitiesim maakte deze link)") if lang == "nl" else m[0]),
    (re.compile(r"a whole number from (\S+) to (\S+)"),
     lambda m, lang: (f"een geheel getal van {_number(m[1], lang)} tot {_number(m[2], lang)}"
                      if lang == "nl" else m[0])),
]


def _phrase(text: str, lang: str) -> str:
    for pattern, words in _RULES:
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
    key = field.rsplit(".", 1)[-1]
    p = PARAM_BY_NAME.get(key)
    if p is not None and p.name in labels.SHORT:  # settings (scale, years) have no short name
        field = f"{field} ({labels.short_name(p, lang)})"
    if p is not None and problem.allowed == p.allowed():  # the declared range or choices
        allowed = labels.allowed_words(p, lang)
    else:
        allowed = _phrase(str(problem.allowed), lang)
    value = problem.value
    shown = _phrase(value, lang) if isinstance(value, str) else clip(value)
    if isinstance(value, str) and shown == value:
        shown = clip(value)
    if lang == "nl":
        return f"{field}: gekregen {shown}; toegestaan: {allowed}"
    return f"{field}: got {shown}; allowed: {allowed}"


def error_text(error: ScenarioError, lang: str) -> str:
    """A refused scenario, file or link in ``lang``: what was refused and every problem."""
    n = len(error.problems)
    source = clip_text(error.source, 80)
    if lang == "nl":
        head = f"{source} heeft {n} {'probleem' if n == 1 else 'problemen'}:"
    else:
        head = f"{source} has {n} problem{'s' if n != 1 else ''}:"
    return head + "\n" + "\n".join(f"  - {problem_text(p, lang)}" for p in error.problems)


def any_text(error: ScenarioError | Problem, lang: str) -> str:
    """``error_text`` for a refused scenario, ``problem_text`` for a single problem."""
    return error_text(error, lang) if isinstance(error, ScenarioError) else \
        problem_text(error, lang)
