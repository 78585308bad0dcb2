"""The interface's words in Dutch and English, from one gettext message catalogue per language.

The catalogues are ``locale/<lang>/LC_MESSAGES/transitiesim.po`` beside this module: each
message has a context (the table it belongs to: ``ui`` for the app's and the reports'
sentences, ``unit`` and ``parameter unit`` for units in words, ``domain``, ``section``,
``parameter`` for the levers' short names, ``choice`` for a choice's words) and a key (what the
code asks for), and a comment with the other language's text for the translator. Edit the
``.po`` files with any gettext tool, then compile them:

    .venv/bin/pybabel compile -d src/transitiesim/locale -D transitiesim

``tests/test_catalogue.py`` fails when a compiled ``.mo`` is older than its ``.po``, when the
two languages hold different keys or placeholders, and when the code asks for a key the
catalogues lack. The lookup is strict: a missing message raises ``KeyError`` rather than
showing its key. Read with the standard library's ``gettext``; nothing here is imported by
the model.
"""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

DOMAIN = "transitiesim"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("nl", "en")


class _Missing(gettext.NullTranslations):
    """The last fallback: a message the catalogue lacks is an error, never its key shown."""

    def pgettext(self, context: str, message: str) -> str:
        raise KeyError(f"no message {message!r} in context {context!r} of the catalogue")


@cache
def translations(lang: str) -> gettext.GNUTranslations:
    """The compiled catalogue of ``lang`` ('nl' or 'en')."""
    if lang not in LANGUAGES:
        raise KeyError(f"language: got {lang!r}; allowed: {', '.join(LANGUAGES)}")
    found = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang])
    assert isinstance(found, gettext.GNUTranslations)
    found.add_fallback(_Missing())
    return found


def message(context: str, key: str, lang: str) -> str:
    """The text of ``key`` in ``context`` in ``lang``; ``KeyError`` if the catalogue has none."""
    return translations(lang).pgettext(context, key)


def has(context: str, key: str) -> bool:
    """Whether the catalogue has ``key`` in ``context`` (both languages hold the same keys)."""
    try:
        message(context, key, "en")
    except KeyError:
        return False
    return True
