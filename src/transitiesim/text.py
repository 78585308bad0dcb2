"""Interface strings in Dutch and English, shared by the app (``ui``) and the workshop's reports
(``workshop.debrief``), so neither imports the other. The words themselves are in the gettext
catalogue (``catalogue.py``, ``locale/``); this module asks for them by key. Parameter and
indicator help texts are not here: they come from their declarations (``params.py``,
``indicators.py``)."""

from __future__ import annotations

from .catalogue import message


def t(key: str, lang: str) -> str:
    """The sentence ``key`` in ``lang`` ('nl' or 'en'), from the catalogue (context ``ui``)."""
    return message("ui", key, lang)


def domain_label(domain: str, lang: str) -> str:
    """A domain's name (``params.DOMAINS``) in ``lang``."""
    return message("domain", domain, lang)


def unit_words(unit: str, lang: str, per_100k: bool = False) -> str:
    """A declared unit in plain words in ``lang``; ``per_100k``: per 100,000 inhabitants."""
    words = message("unit", unit, lang)
    return words + (" " + t("per_100k_words", lang) if per_100k else "")
