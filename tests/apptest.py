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


def rendered_text(at: AppTest) -> list[tuple[str, str]]:
    """Every piece of text the page shows, as (element type, text): labels, values, options,
    help, captions, alerts, metric values and deltas, tab and button labels, and of charts
    their titles, axis titles and trace names. Left out: code blocks and the link (code, not
    language), scripts, text inputs' contents (names a person typed) and the number formats
    of sliders; spans in backticks (names of parameters and files) are dropped from text."""
    from google.protobuf.json_format import MessageToDict

    skip_kinds = {"Code", "Html", "Arrow", "DataFrame", "TextInput"}
    skip_keys = {"id", "formId", "type", "key", "spec", "data", "url", "mimetype", "format",
                 "dataType", "style", "width", "height", "default", "rawValue"}
    out: list[tuple[str, str]] = []

    def strings(kind: str, x) -> None:
        if isinstance(x, str):
            out.append((kind, re.sub(r"`[^`]*`", "", x)))
        elif isinstance(x, dict):
            for k, v in x.items():
                if k not in skip_keys:
                    strings(kind, v)
        elif isinstance(x, list):
            for v in x:
                strings(kind, v)

    def walk(node) -> None:
        proto = getattr(node, "proto", None)
        if proto is not None:
            kind = type(proto).__name__
            d = MessageToDict(proto)
            if kind == "PlotlyChart":
                import json

                spec = json.loads(d.get("spec", "{}"))
                for v in spec.get("layout", {}).values():
                    title = v.get("title") if isinstance(v, dict) else None
                    text = title.get("text") if isinstance(title, dict) else title
                    if isinstance(text, str):
                        out.append((kind, text))
                out.extend((kind, tr["name"]) for tr in spec.get("data", []) if tr.get("name"))
            elif kind not in skip_kinds:
                strings(kind, d)
        children = getattr(node, "children", None)
        for child in (children.values() if isinstance(children, dict) else children or []):
            walk(child)

    walk(at._tree)
    return out


# Words that belong to one language and not the other (lower case, whole words): a page in
# one language that shows any of the other's is half-translated (issue 19, item 3).
ENGLISH_ONLY = frozenset({
    "the", "and", "with", "without", "from", "persons", "share", "hours", "months",
    "years", "inhabitant", "inhabitants", "client", "clients", "spending", "waiting",
    "unmet", "need", "needs", "unemployment", "tender", "scale", "youth",
    "care", "budget's", "municipality", "providers", "show", "every", "seeds'", "choose"})
DUTCH_ONLY = frozenset({
    "de", "het", "een", "van", "voor", "niet", "naar", "zonder", "personen",
    "deel", "uren", "maanden", "jaren", "inwoner", "inwoners", "cliënt", "cliënten",
    "uitgaven", "wachtlijst", "onvervulde", "hulpvraag", "gemeente", "aanbieders",
    "jeugdhulp", "kies", "tonen", "aanbesteding", "werkloosheid"})


def words_of_the_other_language(at: AppTest, lang: str) -> list[tuple[str, str, str]]:
    """(element type, word, text) for each word of the other language on the page."""
    from transitiesim import data

    other = ENGLISH_ONLY if lang == "nl" else DUTCH_ONLY
    names = set(data.municipalities_2015().name)  # proper names: "De Bilt" is in no language
    found = []
    for kind, text in rendered_text(at):
        if text in names:
            continue
        for word in re.findall(r"[\w']+", text.lower()):
            if word in other:
                found.append((kind, word, text[:120]))
    return found
