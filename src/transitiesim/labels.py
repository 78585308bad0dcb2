"""Short names, units in words and sections for the declared parameters, as the app shows them.

The declaration (``params.py``) gives each parameter a one-line help sentence in Dutch and
English; a sidebar of sentences is unreadable (issue 19: "32 sentence-long sliders in a narrow
sidebar; the unit only in the tooltip"). Each editable parameter has a short name in both
languages, each unit its words, each choice its words and each section its title in the
message catalogue (``catalogue.py``: contexts ``parameter``, ``parameter unit``, ``choice``,
``section``); here each parameter gets the section of the edit form it sits in: money, access,
citizen power, innovation and providers first, then behaviour and context. The help sentence
stays the tooltip. ``tests/test_labels.py`` checks that every editable parameter and every unit
is covered, that names are short and unique per language, and that no section is empty.
"""

from __future__ import annotations

from .catalogue import has, message
from .params import Param

# The edit form's sections, in order: the first five always shown, the rest under "all".
SECTIONS = ("money", "access", "citizens", "innovation", "providers", "behaviour", "wellbeing",
            "simulation")
FIRST_SECTIONS = ("money", "access", "citizens", "innovation", "providers")

# Parameters whose section is not their declaration group's (group -> section otherwise).
_SECTION_OF_GROUP = {"budget": "money", "levers": "access", "citizens": "citizens",
                     "innovation": "innovation", "providers": "providers",
                     "behaviour": "behaviour", "wellbeing": "wellbeing",
                     "simulation": "simulation"}
_SECTION_OVERRIDES = {
    # municipal levers about money and organisations
    "tariff_factor": "providers", "contracting": "providers", "payment": "providers",
    "support_tariff_discount": "providers",
    "prevention_share": "money", "prevention_share_before": "money",
    "experiment_fund_share": "innovation", "initiative_support_eur_per_capita": "citizens",
    "carer_support_eur_per_capita": "citizens", "learning_orientation": "money",
    # rules of the finance and access repertoire declared with the budgets
    "transition_law": "access",
    "network_at_reassessment": "access",
    "municipal_hours_factor": "access", "care_continuity": "providers",
    "provider_entry": "providers", "provider_capacity_change": "providers",
    "fair_price": "providers",
    "provider_tariff_bid": "providers", "municipal_heterogeneity": "behaviour",
}

SHORT_MAX = 40  # characters of a short name, in either language (tests/test_labels.py)


def section_title(key: str, lang: str) -> str:
    """The title of the edit form's section ``key`` (one of ``SECTIONS``) in ``lang``."""
    return message("section", key, lang)


def choice_words(p: Param, choice: str, lang: str) -> str:
    """How the edit form shows ``choice`` of ``p`` in ``lang`` (the choice itself if the
    table has no words for it)."""
    key = f"{p.name}={choice}"
    return message("choice", key, lang) if has("choice", key) else choice


def section(p: Param) -> str:
    """The edit form's section of ``p``."""
    return _SECTION_OVERRIDES.get(p.name, _SECTION_OF_GROUP.get(p.group, "behaviour"))


def short_name(p: Param, lang: str) -> str:
    """``p``'s short name in ``lang`` ("nl" or "en"); its help sentence if it has none."""
    if not has_short_name(p):
        return p.help_nl if lang == "nl" else p.help_en
    return message("parameter", p.name, lang)


def has_short_name(p: Param) -> bool:
    """Whether ``p`` has a short name (every editable parameter; not the settings, such as the
    scale and the years, which the app sets with its own controls)."""
    return has("parameter", p.name)


def unit_words(p: Param, lang: str) -> str:
    """``p``'s unit in ``lang``; "" for none (choices, switches, dimensionless "-")."""
    if p.unit == "-" or p.type is bool or p.choices:
        return ""
    # no brackets inside the label's brackets: "need severity, 0-1"
    return message("parameter unit", p.unit, lang)


def lever_label(p: Param, lang: str) -> str:
    """What a lever widget is labelled: its short name and, where it has one, its unit."""
    unit = unit_words(p, lang)
    return f"{short_name(p, lang)} ({unit})" if unit else short_name(p, lang)


def allowed_words(p: Param, lang: str, low: float | None = None, high: float | None = None
                  ) -> str:
    """What ``p`` accepts, in ``lang``: on or off, its choices, or its range (``low``-``high``
    where a workshop role narrows it) in the language's units and decimal sign."""
    if p.type is bool:
        return message("ui", "allowed_bool", lang)
    if p.choices:
        return message("ui", "allowed_one_of", lang).format(
            choices=", ".join(f"{choice_words(p, c, lang)} (`{c}`)" for c in p.choices))
    ends = [f"{v:g}" for v in (p.low if low is None else low, p.high if high is None else high)]
    unit = unit_words(p, lang)
    if lang == "nl":
        ends = [e.replace(".", ",") for e in ends]
    words = message("ui", "allowed_whole" if p.type is int else "allowed_number", lang)
    return words.format(low=ends[0], high=ends[1]) + (f" ({unit})" if unit else "")


def lever_help(p: Param, lang: str, low: float | None = None, high: float | None = None
               ) -> str:
    """The tooltip: the declaration's help sentence, the allowed values (the declared range,
    or ``low``-``high`` where a workshop role narrows it) and the name under which scenario
    files and the command line know the parameter."""
    sentence = p.help_nl if lang == "nl" else p.help_en
    allowed = allowed_words(p, lang, low, high)
    name_word = message("ui", "name_in_files", lang)
    return f"{sentence}\n\n{allowed}; {name_word}: `{p.name}`"
