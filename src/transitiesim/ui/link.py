"""The shareable link: what it may hold and how it is read back, without any user interface.

A link is data from anyone who sends it. It may name shipped scenarios and edited copies of
them (a new name, a shipped base, changed parameter values), the baseline, the number of seeds,
the precision and the language. It can never name a file, never give a copy a shipped
scenario's name, and every value is checked against the parameter declaration, so a link that
asks for anything else is refused field by field and the rest of it still restores.

    ?s=default,strict&b=default&n=2&lang=en&p=0.1&e0=strict|transition-only|access_strictness=0.6
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from ..params import PARAM_BY_NAME, PARAMETERS, Param
from ..scenario import Problem, Scenario, ScenarioError, cbs_municipality, check_value
from ..textsafe import NAME_ALLOWED, name_problem

# What an edited copy may change: policy levers, national settings and uncertainties (not the
# simulation's period or scale, which the app's own controls set).
EDITABLE_KINDS = ("lever", "national", "uncertainty")
EDITABLE = tuple(p for p in PARAMETERS if p.kind in EDITABLE_KINDS)
EDITABLE_NAMES = frozenset(p.name for p in EDITABLE)
PRECISIONS = (0.1, 0.25, 1.0)
MAX_SCENARIOS = 4
MAX_EDITS = MAX_SCENARIOS  # e0 .. e3
MAX_SEEDS = 20
# The link format's version: a link keeps restoring what it restored when it was made. A new
# format gets a new number and this module goes on reading the old ones; a link without ``v``
# is of version 1 (links made before the number was written).
LINK_VERSION = 1
READS_VERSIONS = (1,)
MAX_VALUE_CHARS = 2_000  # one query value; a whole edit of every parameter is about 1,500
_EDIT_KEY = re.compile(r"e[0-9]")
_NUMBER = re.compile(r"-?[0-9]{1,20}(\.[0-9]{1,20})?([eE][-+]?[0-9]{1,3})?")


# An edited copy may also be made for one municipality of CBS's 2015 table: this key of its
# changes holds the CBS code (``Scenario.for_municipality``), never a parameter's name.
MUNICIPALITY_KEY = "cbs"


def apply_changes(scenario: Scenario, changes: Mapping[str, Any]) -> Scenario:
    """``scenario`` with an edit's ``changes``: parameter values, and the municipality under
    ``MUNICIPALITY_KEY`` if any. Raises ScenarioError like the loader."""
    params = {k: v for k, v in changes.items() if k != MUNICIPALITY_KEY}
    out = scenario.with_params(**params) if params else scenario
    code = changes.get(MUNICIPALITY_KEY)
    return out.for_municipality(code) if code else out


def model_part(scenario: Scenario) -> dict[str, Any]:
    """What the model reads of a scenario: everything but its name, titles and descriptions.
    Two scenarios with the same model part give the same results for the same seeds."""
    raw = scenario.to_raw()
    for key in ("name", "title_nl", "title_en", "description_nl", "description_en"):
        raw.pop(key, None)
    return raw


def as_edit(scenario: Scenario, shipped: Mapping[str, Scenario]
            ) -> tuple[str, dict[str, Any]] | None:
    """A shipped base and the changes (editable values, one CBS municipality) that make
    ``scenario``, so a link can carry an uploaded file as an edited copy; bases are tried from
    its own lineage, nearest first, then the rest. None when nothing the link carries makes
    the same model (other events, periods, municipalities or settings)."""
    near = [n for n in reversed(scenario.lineage) if n in shipped]
    target = model_part(scenario)
    for name in dict.fromkeys([*near, *shipped]):
        base = shipped[name]
        changes: dict[str, Any] = {p.name: scenario[p.name] for p in EDITABLE
                                   if scenario[p.name] != base[p.name]}
        places = scenario.municipalities
        if len(places) == 1 and places[0].cbs and places != base.municipalities:
            changes[MUNICIPALITY_KEY] = places[0].cbs
        try:
            made = apply_changes(base, changes)
        except ScenarioError:
            continue
        if model_part(made) == target:
            return name, changes
    return None


@dataclass(frozen=True)
class Edit:
    """An edited copy: its name, the shipped scenario it starts from, checked typed values."""

    name: str
    base: str
    changes: Mapping[str, Any]


@dataclass
class Shared:
    """What a link restores; ``problems`` lists what it asked for and could not have."""

    scenarios: list[str] = field(default_factory=list)
    baseline: str | None = None
    seeds: int | None = None
    precision: float | None = None
    lang: str | None = None
    edits: list[Edit] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def share_query(state: dict) -> str:
    """Query string that restores a comparison (scenarios, baseline, seeds, language, edits),
    marked with the link format's version (``LINK_VERSION``)."""
    params = {"v": str(LINK_VERSION), "s": ",".join(state["scenarios"]), "b": state["baseline"],
              "n": str(state["seeds"]), "lang": state["lang"], "p": str(state["precision"])}
    for i, (name, base, changes) in enumerate(state.get("edited", [])):
        params[f"e{i}"] = "|".join([name, base, ",".join(f"{k}={format_value(v)}" for k, v in
                                                         changes.items())])
    return urlencode(params)


def format_value(value: Any) -> str:
    """A parameter value as the link writes it (``true``/``false`` for switches)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parse_edit(text: str) -> tuple[str, str, dict[str, str]]:
    """One ``e<i>`` value split into name, base and ``name=value`` pairs (values still text)."""
    name, base, changes = (text.split("|") + ["", ""])[:3]
    pairs = dict(item.split("=", 1) for item in changes.split(",") if "=" in item)
    return name, base, pairs


def parse_value(p: Param, text: str, where: str) -> tuple[Any, Problem | None]:
    """A value from a link, typed by its declaration and checked against its range."""
    bad = Problem(where, text, p.allowed())
    if p.type is bool:
        if text not in ("true", "false"):
            return text, Problem(where, text, "true or false")
        return check_value(p, text == "true", where)
    if p.type in (int, float):
        if not _NUMBER.fullmatch(text):
            return text, bad
        number = float(text)
        if not math.isfinite(number):
            return text, bad
        return check_value(p, int(number) if p.type is int and number.is_integer() else number,
                           where)
    return check_value(p, text, where)


def parse_share(query: Mapping[str, str], shipped: Collection[str],
                custom: Collection[str] = ()) -> Shared:
    """Read a link's query parameters. Never raises: what is wrong goes to ``problems``."""
    out = Shared()
    for key, value in query.items():
        if not isinstance(value, str) or len(value) > MAX_VALUE_CHARS:
            out.problems.append(Problem(str(key)[:20], f"{len(str(value)):,} characters",
                                        f"at most {MAX_VALUE_CHARS:,} characters"))
    ok = {k: v for k, v in query.items()
          if isinstance(v, str) and len(v) <= MAX_VALUE_CHARS}
    if "v" in ok and ok["v"] not in {str(v) for v in READS_VERSIONS}:
        # A newer format: what follows is read as far as it can be, and the reader is told.
        out.problems.append(Problem("v", ok["v"], "a link version this transitiesim reads: "
                                    + ", ".join(map(str, READS_VERSIONS))
                                    + " (a newer transitiesim made this link)"))
    if ok.get("lang") in ("nl", "en"):
        out.lang = ok["lang"]
    elif "lang" in ok:
        out.problems.append(Problem("lang", ok["lang"], "nl or en"))
    for key in sorted(k for k in ok if k.startswith("e") and k[1:].isdigit()):
        if not _EDIT_KEY.fullmatch(key) or int(key[1:]) >= MAX_EDITS:
            out.problems.append(Problem(key, "an edited copy", f"at most {MAX_EDITS}: e0 to "
                                        f"e{MAX_EDITS - 1}"))
            continue
        edit = _parse_one_edit(key, ok[key], shipped, [e.name for e in out.edits], out.problems)
        if edit is not None:
            out.edits.append(edit)
    known = list(shipped) + [n for n in custom if n not in shipped] + [e.name for e in out.edits]
    if "s" in ok:
        chosen = list(dict.fromkeys(s for s in ok["s"].split(",") if s))
        unknown = [s for s in chosen if s not in known]
        for s in unknown:
            out.problems.append(Problem("s", s, "a shipped scenario or an edited copy in this "
                                        "link"))
        chosen = [s for s in chosen if s in known]
        if len(chosen) > MAX_SCENARIOS:
            out.problems.append(Problem("s", f"{len(chosen)} scenarios",
                                        f"at most {MAX_SCENARIOS}"))
        if len(chosen) >= 2:
            out.scenarios = chosen[:MAX_SCENARIOS]
    if "b" in ok:
        if ok["b"] in (out.scenarios or known):
            out.baseline = ok["b"]
        else:
            out.problems.append(Problem("b", ok["b"], "one of the chosen scenarios"))
    if "n" in ok:
        n = ok["n"]
        if re.fullmatch(r"[0-9]{1,2}", n) and 1 <= int(n) <= MAX_SEEDS:
            out.seeds = int(n)
        else:
            out.problems.append(Problem("n", n, f"a whole number from 1 to {MAX_SEEDS}"))
    if "p" in ok:
        given = ok["p"]
        precision = float(given) if _NUMBER.fullmatch(given) else None
        if precision in PRECISIONS:
            out.precision = precision
        else:
            out.problems.append(Problem("p", given,
                                        "one of " + ", ".join(map(str, PRECISIONS))))
    return out


def _parse_one_edit(key: str, text: str, shipped: Collection[str], taken: list[str],
                    problems: list[Problem]) -> Edit | None:
    name, base, pairs = parse_edit(text)
    found = len(problems)
    if name_problem(name):
        problems.append(Problem(f"{key}.name", name, NAME_ALLOWED))
    elif name in shipped:
        problems.append(Problem(f"{key}.name", name, "a name that is not a shipped scenario's "
                                "(an edited copy never carries a shipped name)"))
    elif name in taken:
        problems.append(Problem(f"{key}.name", name, "a name not used by another copy"))
    if base not in shipped:
        problems.append(Problem(f"{key}.base", base, "a shipped scenario name: "
                                + ", ".join(shipped)))
    changes: dict[str, Any] = {}
    for param, raw in pairs.items():
        where = f"{key}.{param}"
        if param == MUNICIPALITY_KEY:
            place = cbs_municipality(raw) if len(raw) <= 80 else None
            if place is None or place.cbs is None:
                problems.append(Problem(where, raw, "the CBS code of one of the 393 "
                                        "municipalities of 2015 (GM0344)"))
            else:
                changes[param] = place.cbs
            continue
        p = PARAM_BY_NAME.get(param)
        if p is None or param not in EDITABLE_NAMES:
            problems.append(Problem(where, param, "a lever, national setting or uncertainty "
                                    "of the declaration ('transitiesim params' lists them)"))
            continue
        value, problem = parse_value(p, raw, where)
        if problem:
            problems.append(problem)
        else:
            changes[param] = value
    if len(problems) > found:
        return None
    return Edit(name, base, changes)
