"""The message catalogue (``transitiesim.catalogue``, ``src/transitiesim/locale``): both
languages hold the same messages with the same placeholders, every compiled ``.mo`` is what its
``.po`` compiles to, the code asks only for messages the catalogue has, and a missing one is an
error, never its key shown."""

from __future__ import annotations

import ast
import io
import re
from functools import cache
from pathlib import Path

import pytest
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from transitiesim import catalogue
from transitiesim.indicators import DERIVED, INDICATORS
from transitiesim.params import DOMAINS

SRC = Path(__file__).resolve().parents[1] / "src" / "transitiesim"


def po_path(lang: str) -> Path:
    return catalogue.LOCALE_DIR / lang / "LC_MESSAGES" / f"{catalogue.DOMAIN}.po"


@cache
def po_entries(context: str) -> dict[str, tuple[str, str]]:
    """The catalogue's messages of ``context`` as key -> (Dutch, English), read with Babel
    from the ``.po`` files (the source the ``.mo`` files are compiled from)."""
    out: dict[str, list[str]] = {}
    for lang in ("nl", "en"):
        with po_path(lang).open("rb") as f:
            for m in read_po(f):
                if m.id and m.context == context:
                    out.setdefault(m.id, []).append(m.string)
    return {k: (v[0], v[1]) for k, v in out.items()}


def _messages(lang: str) -> dict[tuple[str | None, str], str]:
    with po_path(lang).open("rb") as f:
        return {(m.context, m.id): m.string for m in read_po(f) if m.id}


def test_both_languages_hold_the_same_messages_none_empty_with_the_same_placeholders():
    nl, en = _messages("nl"), _messages("en")
    assert set(nl) == set(en)
    assert len(nl) > 400
    field = re.compile(r"\{[a-z_0-9]*\}")
    for key in nl:
        assert nl[key].strip() and en[key].strip(), key
        assert sorted(field.findall(nl[key])) == sorted(field.findall(en[key])), key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_compiled_catalogue_is_its_po_compiled(lang):
    with po_path(lang).open("rb") as f:
        compiled = io.BytesIO()
        write_mo(compiled, read_po(f))
    mo = po_path(lang).with_suffix(".mo").read_bytes()
    assert mo == compiled.getvalue(), (
        f"{po_path(lang).name} ({lang}) changed since it was compiled: run "
        "'.venv/bin/pybabel compile -d src/transitiesim/locale -D transitiesim'")


def test_a_missing_message_is_an_error_not_its_key():
    assert catalogue.message("ui", "view", "nl") == "Weergave"
    assert catalogue.message("ui", "view", "en") == "View"
    # In English the loader's phrases are the loader's own words.
    from transitiesim.textsafe import NAME_ALLOWED
    assert catalogue.message("loader", "name_allowed", "en") == NAME_ALLOWED
    with pytest.raises(KeyError, match="nope"):
        catalogue.message("ui", "nope", "nl")
    with pytest.raises(KeyError, match="language"):
        catalogue.message("ui", "view", "de")
    assert not catalogue.has("parameter", "scale") and catalogue.has("parameter", "cut_wmo")


def test_the_code_asks_only_for_messages_the_catalogue_has():
    """Every literal key the package asks for (``t(key)``, ``message(context, key)``, the
    loader's phrases) is in the catalogue; every indicator unit and domain has its words."""
    asked: set[tuple[str, str]] = set()
    for path in SRC.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            # the leading literal arguments, up to the first that is not one
            args = []
            for a in node.args:
                if not isinstance(a, ast.Constant):
                    break
                args.append(a.value)
            if node.func.id == "t" and args:  # t(key, lang)
                asked.add(("ui", args[0]))
            elif node.func.id == "_say" and args:  # ui/errors.py: _say(key, lang, ...)
                asked.add(("loader", args[0]))
            elif node.func.id == "message" and len(args) >= 2:  # message(context, key, lang)
                asked.add((args[0], args[1]))
    from transitiesim.ui import errors  # the loader's fixed phrases, asked for by a table
    asked |= {("loader", key) for key in errors._FIXED}
    # the scan finds the calls (keys made at run time are covered by the app tests)
    assert len(asked) > 150
    assert {(c, k) for c, k in asked if k not in po_entries(c)} == set()
    assert {i.unit for i in (*INDICATORS, *DERIVED)} <= set(po_entries("unit"))
    assert set(DOMAINS) == set(po_entries("domain"))
