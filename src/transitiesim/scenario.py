"""Loading and validating scenario files.

A scenario file is TOML::

    name = "transformation"
    extends = "default"              # a shipped scenario name or a path relative to this file
    title_nl = "Transformatie"
    title_en = "Transformation"
    description_nl = "..."
    description_en = "..."

    [parameters]                     # any parameter of transitiesim.params, by name
    citizen_power = 0.8

    [unemployment]                   # yearly average rate as a share; years not listed carry
    2014 = 0.074                     # the rate of the latest earlier year forward

    [residence_permits]              # asylum residence permits a year, nationally (persons);
    2016 = 37000                     # carried forward like unemployment, none before the first

    [[events]]                       # national events; kinds in transitiesim.params.EVENT_KINDS
    date = "2019-01"
    kind = "own_contribution"
    amount_eur_per_month = 19

    [[municipalities]]               # optional: an explicit list instead of generated sizes
    name = "Middelstad"
    inhabitants = 100000

    [[municipalities]]               # or one of CBS's 393 of 2015, all its data from the table
    cbs = "Emmen"                    # (its CBS code, GM0114, or its name)

A child's ``[parameters]``, ``[unemployment]`` and ``[residence_permits]`` entries override the
parent's one by one; a
child that lists ``[[events]]`` or ``[[municipalities]]`` replaces the parent's whole list.

Every mistake is reported by field, with the value given and what is allowed. All mistakes in a
file are reported together, so a user can fix them in one go.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

import tomli_w

from . import data
from .params import EVENT_KINDS, PARAM_BY_NAME, PARAMETERS, UNEMPLOYMENT_RANGE, Param
from .textsafe import (
    NAME_ALLOWED,
    clip,
    clip_text,
    has_control_characters,
    name_problem,
    slug,
)

META_KEYS = ("name", "extends", "title_nl", "title_en", "description_nl", "description_en")
TABLE_KEYS = ("parameters", "unemployment", "residence_permits", "events", "municipalities")
# Tables a child merges entry by entry over its parent's (parameter = value, year = value).
MERGED_TABLES = ("parameters", "unemployment", "residence_permits")
# Asylum residence permits a year that a scenario may give: CBS counted 16,000 to 37,000 a
# year in 2014-2020; the upper end leaves room for what-ifs far beyond that.
PERMITS_RANGE = (0.0, 500_000.0)
# Limits that keep every input small enough to check completely (a file is data, not a program).
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 4  # a scenario nests at most: [[municipalities]] -> table -> value (3 levels)
MAX_CHAIN = 16  # 'extends' links in one chain
MAX_EVENTS = 200
MAX_MUNICIPALITIES = 2_000
MAX_TITLE_CHARS = 200
MAX_DESCRIPTION_CHARS = 2_000
# Years the model has data and rules for: events and unemployment rates outside are refused.
YEAR_RANGE = (1990, 2100)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario: the field, the value given and what is allowed."""

    field: str
    value: Any
    allowed: str

    def __str__(self) -> str:
        return f"{clip_text(self.field, 200)}: got {clip(self.value)}; allowed: {self.allowed}"


class ScenarioError(ValueError):
    """A scenario file or override is invalid. ``problems`` lists every mistake found (at least
    one: an error without a named problem would tell the user nothing)."""

    def __init__(self, problems: list[Problem], source: str = "scenario"):
        if not problems:
            raise TypeError("ScenarioError needs at least one Problem")
        self.problems = list(problems)
        self.source = source
        lines = "\n".join(f"  - {p}" for p in self.problems)
        n = len(self.problems)
        super().__init__(f"{source} has {n} problem{'s' if n != 1 else ''}:\n{lines}")

    @property
    def fields(self) -> list[str]:
        return [p.field for p in self.problems]

    def __reduce__(self):  # survives being sent between processes (sweeps, the app's workers)
        return (type(self), (self.problems, self.source))


@dataclass(frozen=True)
class Event:
    """A dated national event (``year``, ``month`` 1-12) with its declared fields."""

    year: int
    month: int
    kind: str
    values: Mapping[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"date": f"{self.year:04d}-{self.month:02d}", "kind": self.kind, **self.values}


@dataclass(frozen=True)
class Municipality:
    """A named municipality; age shares, when given, replace the national 2015 structure.
    With ``cbs`` (a CBS code, GM0344) it is that municipality of 2015 as CBS's table has it:
    its name, inhabitants, ages, household income and social assistance (``cbs_municipality``);
    the model then measures it against the whole country (ODD 7.1)."""

    name: str
    inhabitants: int
    share_under_18: float | None = None
    share_65_plus: float | None = None
    cbs: str | None = None

    def to_dict(self) -> dict[str, Any]:
        if self.cbs is not None:
            return {"cbs": self.cbs}
        out: dict[str, Any] = {"name": self.name, "inhabitants": self.inhabitants}
        if self.share_under_18 is not None:
            out["share_under_18"] = self.share_under_18
            out["share_65_plus"] = self.share_65_plus
        return out


@dataclass(frozen=True)
class Scenario:
    """A validated, frozen scenario: every parameter resolved, nothing left to inherit."""

    name: str
    params: Mapping[str, Any]
    unemployment: Mapping[int, float]
    events: tuple[Event, ...] = ()
    residence_permits: Mapping[int, float] = field(default_factory=lambda: MappingProxyType({}))
    municipalities: tuple[Municipality, ...] = ()
    title_nl: str = ""
    title_en: str = ""
    description_nl: str = ""
    description_en: str = ""
    source: str = ""
    lineage: tuple[str, ...] = field(default=())

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def unemployment_rate(self, year: int) -> float:
        """Rate for ``year``: the latest listed year at or before it (carried forward)."""
        years = [y for y in self.unemployment if y <= year]
        if not years:
            return self.unemployment[min(self.unemployment)]
        return self.unemployment[max(years)]

    def permits(self, year: int) -> float:
        """Asylum residence permits in ``year``, nationally: the latest listed year at or
        before it (carried forward); none before the first listed year."""
        years = [y for y in self.residence_permits if y <= year]
        return self.residence_permits[max(years)] if years else 0.0

    def with_params(self, **overrides: Any) -> Scenario:
        """A new scenario with some parameters changed, validated like a file."""
        raw = self.to_raw()
        raw["parameters"].update(overrides)
        return _build(raw, f"{self.name} (changed)", lineage=self.lineage)

    def for_municipality(self, name_or_code: str) -> Scenario:
        """This scenario for one municipality of CBS's 2015 table, by CBS code (GM0344) or
        name, validated like a file: its own inhabitants, ages, income and social assistance,
        measured against the whole country (ODD 5.1)."""
        raw = self.to_raw()
        raw["municipalities"] = [{"cbs": name_or_code}]
        return _build(raw, f"{self.name} ({clip_text(str(name_or_code), 80)})",
                      lineage=self.lineage)

    def to_raw(self) -> dict[str, Any]:
        """The fully resolved scenario as plain data (no ``extends``), as in a TOML file."""
        raw: dict[str, Any] = {"name": self.name}
        for key in ("title_nl", "title_en", "description_nl", "description_en"):
            if getattr(self, key):
                raw[key] = getattr(self, key)
        raw["parameters"] = dict(self.params)
        raw["unemployment"] = {str(y): r for y, r in sorted(self.unemployment.items())}
        if self.residence_permits:
            raw["residence_permits"] = {str(y): n for y, n in
                                        sorted(self.residence_permits.items())}
        if self.events:
            raw["events"] = [e.to_dict() for e in self.events]
        if self.municipalities:
            raw["municipalities"] = [m.to_dict() for m in self.municipalities]
        return raw

    def to_toml(self) -> str:
        return tomli_w.dumps(self.to_raw())

    def __reduce__(self) -> tuple[Any, ...]:
        # Read-only mappings do not pickle; a scenario goes to another process (a sweep's or
        # the screening's workers) as its plain data and is validated again there.
        return (_build, (self.to_raw(), self.source, self.lineage))


def shipped_dir() -> Path:
    """The folder of shipped scenarios (the repository's ``scenarios/``, or the wheel's copy)."""
    here = Path(__file__).resolve().parent
    for candidate in (here.parents[1] / "scenarios", here / "_scenarios"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the shipped scenarios folder is missing from this installation")


def shipped_scenarios() -> dict[str, Path]:
    """Shipped scenario names mapped to their files, sorted by name."""
    return {p.stem: p for p in sorted(shipped_dir().glob("*.toml"))}


def load_scenario(spec: str | Path) -> Scenario:
    """Load a scenario by shipped name (``"transformation"``) or by path to a TOML file."""
    path = _resolve(str(spec), base=Path.cwd())
    raw = _read_chain(path, seen=())
    return _build(raw, str(path), lineage=tuple(raw.pop("_lineage")))


def load_scenario_text(text: str, source: str = "uploaded scenario") -> Scenario:
    """Load a scenario from TOML text (an upload); ``extends`` may only name shipped scenarios."""
    data = parse_toml(text, source)
    raw = _inherit(data, source, base=None, seen=())
    return _build(raw, source, lineage=tuple(raw.pop("_lineage")))


# --- reading -------------------------------------------------------------------------------


def _resolve(spec: str, base: Path | None) -> Path:
    shipped = shipped_scenarios()
    candidates = []
    if base is not None:
        candidates += [base / spec, base / f"{spec}.toml"]
    for c in candidates:
        try:
            if c.is_file():
                return c.resolve()
        except (OSError, ValueError):  # a name too long for the file system, a NUL byte
            continue
    if spec in shipped:
        return shipped[spec]
    if spec.endswith(".toml") and Path(spec).stem in shipped and "/" not in spec:
        return shipped[Path(spec).stem]
    raise ScenarioError([Problem("scenario", spec,
                                 "a path to a TOML file or a shipped scenario name: "
                                 + ", ".join(shipped))], clip(spec, 80))


def load_shipped(name: str) -> Scenario:
    """A shipped scenario by name only: what a link or a workshop request may ask for. Never a
    path, whatever the text holds."""
    shipped = shipped_scenarios()
    if not isinstance(name, str) or name not in shipped:
        raise ScenarioError([Problem("scenario", name, "a shipped scenario name: "
                                     + ", ".join(shipped))], "scenario")
    return load_scenario(shipped[name])


def _depth_problem(data: Any) -> Problem | None:
    """A problem if ``data`` nests deeper than :data:`MAX_DEPTH` (checked without recursion)."""
    stack = [(data, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return Problem("file", f"tables or lists nested {depth} deep",
                           f"at most {MAX_DEPTH} levels (a scenario needs 3)")
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
    return None


def parse_toml(text: str, source: str, error: type[ScenarioError] | None = None
               ) -> dict[str, Any]:
    """TOML text as data, or the error type's message: size, syntax and nesting checked."""
    error = error or ScenarioError
    try:
        size = len(text.encode("utf-8", errors="surrogatepass"))
    except (AttributeError, TypeError):
        raise error([Problem("file", type(text).__name__, "TOML text")], source) from None
    if size > MAX_FILE_BYTES:
        raise error([Problem("file", f"{size:,} bytes", f"at most {MAX_FILE_BYTES:,} bytes")],
                    source)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error([Problem("file", "not valid TOML", f"TOML syntax ({exc})")],
                    source) from None
    except (RecursionError, MemoryError):
        raise error([Problem("file", "tables or lists nested too deeply",
                             f"at most {MAX_DEPTH} levels (a scenario needs 3)")],
                    source) from None
    problem = _depth_problem(data)
    if problem:
        raise error([problem], source)
    return data


def read_text_file(path: Path, source: str, error: type[ScenarioError] | None = None) -> str:
    """A small UTF-8 text file's contents, or the error type's message naming what is wrong."""
    error = error or ScenarioError
    try:
        exists = path.is_file()
    except (OSError, ValueError):  # a name too long for the file system, a NUL byte
        exists = False
    if not exists:
        raise error([Problem("file", str(path), "a path to an existing file")], source)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise error([Problem("file", f"{size:,} bytes",
                                 f"at most {MAX_FILE_BYTES:,} bytes")], source)
        with open(path, encoding="utf-8") as f:
            text = f.read(MAX_FILE_BYTES + 1)  # a file that grows (or lies about its size)
    except UnicodeDecodeError:
        raise error([Problem("file", "not UTF-8 text", "a TOML file in UTF-8")], source) from None
    except (OSError, ValueError) as exc:
        raise error([Problem("file", str(path), f"a readable file ({exc.__class__.__name__}: "
                             f"{clip_text(str(exc), 80)})")], source) from None
    return text


def _read_chain(path: Path, seen: tuple[str, ...]) -> dict[str, Any]:
    text = read_text_file(path, str(path))
    return _inherit(parse_toml(text, str(path)), str(path), base=path.parent, seen=seen)


def _inherit(data: dict[str, Any], source: str, base: Path | None,
             seen: tuple[str, ...]) -> dict[str, Any]:
    parent_spec = data.get("extends")
    if parent_spec is None:
        data["_lineage"] = [data.get("name", source)]
        return data
    if not isinstance(parent_spec, str):
        raise ScenarioError([Problem("extends", parent_spec,
                                     "the name of a shipped scenario or a relative path")], source)
    if len(seen) >= MAX_CHAIN:
        raise ScenarioError([Problem("extends", parent_spec,
                                     f"a chain of at most {MAX_CHAIN} files")], source)
    if base is None and parent_spec not in shipped_scenarios():
        raise ScenarioError([Problem("extends", parent_spec,
                                     "in an uploaded file, a shipped scenario: "
                                     + ", ".join(shipped_scenarios()))], source)
    parent_path = _resolve(parent_spec, base)
    if str(parent_path) in seen:
        raise ScenarioError([Problem("extends", parent_spec,
                                     "a chain without cycles; this one loops back to "
                                     + parent_path.name)], source)
    parent = _read_chain(parent_path, seen + (str(parent_path),))
    return _merge(parent, data)


def _merge(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's tables ``parameters``, ``unemployment`` and ``residence_permits`` override
    entry by entry; any other key (a list such as ``events``, or text) replaces the
    parent's."""
    merged = {k: v for k, v in parent.items() if k != "extends"}
    for key, value in child.items():
        if key == "extends":
            continue
        if key in MERGED_TABLES and isinstance(value, dict) and isinstance(
                merged.get(key), dict):
            merged[key] = {**merged[key], **value}
        else:
            merged[key] = value
    merged["_lineage"] = parent["_lineage"] + [child.get("name", "?")]
    return merged


# --- validation ----------------------------------------------------------------------------


def check_value(p: Param, value: Any, where: str) -> tuple[Any, Problem | None]:
    bad = Problem(where, value, p.allowed())
    if p.type is bool:
        return (value, None) if isinstance(value, bool) else (value, bad)
    if p.type is str:
        return (value, None) if isinstance(value, str) and value in p.choices else (value, bad)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value, bad
    if p.type is int:
        if isinstance(value, float) and not value.is_integer():
            return value, bad
        value = int(value)
    else:
        value = float(value)
    if value != value or not (p.low <= value <= p.high):  # NaN or out of range
        return value, bad
    return value, None


def unknown_key(key: str, known: list[str], where: str) -> Problem:
    """A problem for a key nobody declared, with the closest declared one as a hint."""
    close = difflib.get_close_matches(key, known, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    if len(known) > 12:
        return Problem(where, key, "a declared parameter name" + hint
                       + "; 'transitiesim params' lists them all")
    return Problem(where, key, "a known key" + hint + ": " + ", ".join(known))


_DATE = re.compile(r"([0-9]{4})-([0-9]{2})")  # ASCII digits only; used with fullmatch
_YEAR = re.compile(r"[0-9]{4}")


def _build(raw: dict[str, Any], source: str, lineage: tuple[str, ...] = ()) -> Scenario:
    problems: list[Problem] = []
    raw = dict(raw)
    raw.pop("_lineage", None)
    for key in raw:
        if key not in META_KEYS + TABLE_KEYS:
            problems.append(unknown_key(key, list(META_KEYS + TABLE_KEYS), key))
    if "name" in raw and name_problem(raw["name"]):
        problems.append(Problem("name", raw["name"], NAME_ALLOWED))
    for key in ("title_nl", "title_en", "description_nl", "description_en"):
        limit = MAX_TITLE_CHARS if key.startswith("title") else MAX_DESCRIPTION_CHARS
        value = raw.get(key, "")
        if not isinstance(value, str) or len(value) > limit or has_control_characters(
                value, allow_newlines=key.startswith("description")):
            problems.append(Problem(key, value, f"text of at most {limit:,} characters without "
                                    "control characters"))

    params: dict[str, Any] = {p.name: p.default for p in PARAMETERS}
    given = raw.get("parameters", {})
    if not isinstance(given, dict):
        problems.append(Problem("parameters", given, "a table of parameter = value"))
        given = {}
    for key, value in given.items():
        p = PARAM_BY_NAME.get(key)
        if p is None:
            problems.append(unknown_key(key, list(PARAM_BY_NAME), f"parameters.{key}"))
            continue
        value, problem = check_value(p, value, f"parameters.{key}")
        if problem:
            problems.append(problem)
        else:
            params[key] = value

    lo, hi = UNEMPLOYMENT_RANGE
    unemployment = _year_table(raw, "unemployment", "rate", lo, hi,
                               f"a share from {lo:g} to {hi:g} (6.9% is written 0.069)",
                               problems)
    lo, hi = PERMITS_RANGE
    permits = _year_table(raw, "residence_permits", "persons", lo, hi,
                          f"a number of persons from {lo:g} to {hi:,.0f}", problems)

    events = _build_events(raw.get("events", []), problems)
    municipalities = _build_municipalities(raw.get("municipalities", []), problems)

    if not problems and params["municipality_data"] == "cbs-2015" and not municipalities:
        # Resolved: CBS's table decides how many and how large (a [[municipalities]] list,
        # being the more specific, takes precedence over the table). A size or count of one's
        # own would be silently ignored, so it is refused.
        table = data.municipalities_2015()
        for key, own in (("inhabitants", int(table.inhabitants.sum())),
                         ("municipalities", len(table))):
            if params[key] not in (PARAM_BY_NAME[key].default, own):
                problems.append(Problem(
                    f"parameters.{key}", params[key],
                    f"{own:,} or no value: with municipality_data 'cbs-2015' the 393 "
                    "municipalities of 2015 come from CBS's table (set municipality_data = "
                    "'generated' for sizes of your own)"))
        params["inhabitants"] = int(table.inhabitants.sum())
        params["municipalities"] = len(table)
    if not problems:
        problems += _check_combinations(params, unemployment, municipalities)
    if problems:
        raise ScenarioError(problems, source)
    return Scenario(
        name=raw["name"] if "name" in raw else slug(Path(source).stem),
        params=MappingProxyType(params),
        unemployment=MappingProxyType(dict(sorted(unemployment.items()))),
        residence_permits=MappingProxyType(dict(sorted(permits.items()))),
        events=tuple(sorted(events, key=lambda e: (e.year, e.month))),
        municipalities=tuple(municipalities),
        title_nl=raw.get("title_nl", ""),
        title_en=raw.get("title_en", ""),
        description_nl=raw.get("description_nl", ""),
        description_en=raw.get("description_en", ""),
        source=source,
        lineage=lineage,
    )


def _build_events(items: Any, problems: list[Problem]) -> list[Event]:
    if not isinstance(items, list):
        problems.append(Problem("events", items, "a list of [[events]] tables"))
        return []
    if len(items) > MAX_EVENTS:
        problems.append(Problem("events", f"{len(items):,} events", f"at most {MAX_EVENTS}"))
        return []
    events = []
    for i, item in enumerate(items):
        where = f"events[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, item, "a table with date, kind and its fields"))
            continue
        kind_name = item.get("kind")
        kind = EVENT_KINDS.get(kind_name) if isinstance(kind_name, str) else None
        if kind is None:
            problems.append(Problem(f"{where}.kind", kind_name,
                                    "one of " + ", ".join(EVENT_KINDS)))
            continue
        date = item.get("date")
        m = _DATE.fullmatch(date) if isinstance(date, str) else None
        if not m or not 1 <= int(m.group(2)) <= 12 or not (
                YEAR_RANGE[0] <= int(m.group(1)) <= YEAR_RANGE[1]):
            problems.append(Problem(f"{where}.date", date, "a month as 'YYYY-MM', from "
                                    f"{YEAR_RANGE[0]}-01 to {YEAR_RANGE[1]}-12"))
            continue
        values: dict[str, Any] = {}
        declared = {f.name: f for f in kind.fields}
        for key in item:
            if key not in ("date", "kind") and key not in declared:
                problems.append(unknown_key(key, ["date", "kind", *declared], f"{where}.{key}"))
        for f in kind.fields:
            value = item.get(f.name)
            if f.choices:
                if value not in f.choices:
                    problems.append(Problem(f"{where}.{f.name}", value,
                                            "one of " + ", ".join(f.choices)))
                    continue
            elif isinstance(value, bool) or not isinstance(value, int | float) or not (
                f.low is not None and f.high is not None and f.low <= value <= f.high
            ):
                problems.append(Problem(f"{where}.{f.name}", value,
                                        f"a number from {f.low:g} to {f.high:g}: {f.help_en}"))
                continue
            values[f.name] = float(value) if f.type is float else value
        events.append(Event(int(m.group(1)), int(m.group(2)), kind.name,
                            MappingProxyType(values)))
    return events


def _build_municipalities(items: Any, problems: list[Problem]) -> list[Municipality]:
    if not isinstance(items, list):
        problems.append(Problem("municipalities", items, "a list of [[municipalities]] tables"))
        return []
    if len(items) > MAX_MUNICIPALITIES:
        problems.append(Problem("municipalities", f"{len(items):,} municipalities",
                                f"at most {MAX_MUNICIPALITIES:,}"))
        return []
    result, names = [], set()
    keys = ["name", "inhabitants", "share_under_18", "share_65_plus", "cbs"]
    for i, item in enumerate(items):
        where = f"municipalities[{i}]"
        if not isinstance(item, dict):
            problems.append(Problem(where, item, "a table with name and inhabitants, or cbs"))
            continue
        if "cbs" in item:
            found = _cbs_entry(item, where, problems)
            if found is not None:
                if found.name in names:
                    problems.append(Problem(f"{where}.cbs", item["cbs"],
                                            "a municipality not listed before"))
                names.add(found.name)
                result.append(found)
            continue
        for key in item:
            if key not in keys:
                problems.append(unknown_key(key, keys, f"{where}.{key}"))
        name, n = item.get("name"), item.get("inhabitants")
        young, old = item.get("share_under_18"), item.get("share_65_plus")
        if not isinstance(name, str) or not name or len(name) > 80 \
                or has_control_characters(name):
            problems.append(Problem(f"{where}.name", name, "a name of 1 to 80 characters "
                                    "without control characters"))
            continue
        if name in names:
            problems.append(Problem(f"{where}.name", name, "a name not used before"))
        names.add(name)
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= 30_000_000:
            problems.append(Problem(f"{where}.inhabitants", n,
                                    "a whole number from 1 to 30,000,000"))
            continue
        if (young is None) != (old is None):
            problems.append(Problem(f"{where}.share_65_plus" if old is None else
                                    f"{where}.share_under_18", None,
                                    "both share_under_18 and share_65_plus, or neither"))
            continue
        if young is not None:
            bad = [(k, v) for k, v in (("share_under_18", young), ("share_65_plus", old))
                   if isinstance(v, bool) or not isinstance(v, int | float) or not 0 <= v <= 1]
            for k, v in bad:
                problems.append(Problem(f"{where}.{k}", v, "a share from 0 to 1"))
            if bad:
                continue
            if young + old >= 1:
                problems.append(Problem(f"{where}.share_65_plus", old,
                                        f"less than 1 - share_under_18 ({1 - young:g})"))
                continue
            young, old = float(young), float(old)  # type: ignore[arg-type]  # both checked
        result.append(Municipality(name, n, young, old))
    return result


def cbs_municipality(name_or_code: str) -> Municipality | None:
    """The municipality of 2015 with this CBS code (GM0344) or name (Utrecht; case and
    surrounding spaces ignored) from CBS's table, or None."""
    table = data.municipalities_2015()
    key = name_or_code.strip().casefold()
    rows = table[(table.code.str.casefold() == key) | (table.name.str.casefold() == key)]
    if rows.empty:
        return None
    row = rows.iloc[0]
    return Municipality(str(row["name"]), int(row.inhabitants), float(row.share_under_18),
                        float(row.share_65_plus), cbs=str(row.code))


def _cbs_entry(item: dict[str, Any], where: str, problems: list[Problem]
               ) -> Municipality | None:
    """A ``[[municipalities]]`` entry naming a municipality of CBS's 2015 table: ``cbs`` alone
    (its data come from the table, so nothing may be set beside it)."""
    extra = [k for k in item if k != "cbs"]
    for key in extra:
        problems.append(Problem(f"{where}.{key}", item[key], "nothing beside cbs: name, "
                                "inhabitants and ages come from CBS's table"))
    given = item["cbs"]
    found = cbs_municipality(given) if isinstance(given, str) and len(given) <= 80 else None
    if found is None:
        table = data.municipalities_2015()
        close = difflib.get_close_matches(given, table.name.tolist(), n=3) \
            if isinstance(given, str) else []
        hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
        problems.append(Problem(f"{where}.cbs", given, "the CBS code (GM0344) or name of one "
                                f"of the {len(table)} municipalities of 2015" + hint))
        return None
    return None if extra else found


def _year_table(raw: dict[str, Any], key: str, what: str, lo: float, hi: float, allowed: str,
                problems: list[Problem]) -> dict[int, float]:
    """A ``[key]`` table of year = value, each value a number from ``lo`` to ``hi``."""
    out: dict[int, float] = {}
    table = raw.get(key, {})
    if not isinstance(table, dict):
        problems.append(Problem(key, table, f"a table of year = {what}"))
        return out
    for year, value in table.items():
        where = f"{key}.{year}"
        if not isinstance(year, str) or not _YEAR.fullmatch(year) or not (
                YEAR_RANGE[0] <= int(year) <= YEAR_RANGE[1]):
            problems.append(Problem(where, year, f"a year from {YEAR_RANGE[0]} to "
                                    f"{YEAR_RANGE[1]} as the key"))
        elif isinstance(value, bool) or not isinstance(value, int | float) or not (
            lo <= value <= hi
        ):
            problems.append(Problem(where, value, allowed))
        else:
            out[int(year)] = float(value)
    return out


def _check_combinations(params: dict[str, Any], unemployment: dict[int, float],
                        municipalities: list[Municipality]) -> list[Problem]:
    problems = []
    start, end, reform = params["start_year"], params["end_year"], params["reform_year"]
    if end < start:
        problems.append(Problem("parameters.end_year", end,
                                f"a year at or after start_year {start}"))
    elif reform < start:
        # The run starts under the old system (and its burn-in assumes so); a reform after
        # end_year is allowed: that run simply ends before it.
        problems.append(Problem("parameters.reform_year", reform,
                                f"a year from start_year {start} on (the simulation starts "
                                "under the old system)"))
    first = start - params["burn_in_years"]
    if params["payment"] == "task" and params["decentralisation"] and first >= reform:
        # A task is set from what the old system paid in its last year (ODD 7.7, "Payment").
        problems.append(Problem("parameters.payment", "task",
                                f"hours or results, as the run has no year under the old system "
                                f"before reform_year {reform} (it starts in {first}: start_year "
                                "less burn_in_years), which a task is set from"))
    # access_strictness (at most 0.7) always lies below residential_threshold (at least 0.75):
    # the declared ranges keep ambulant youth care reachable, so no cross-check is needed.
    if not unemployment:
        problems.append(Problem("unemployment", {}, f"a rate for {start} or an earlier year"))
    elif min(unemployment) > start:
        problems.append(Problem("unemployment", f"first year {min(unemployment)}",
                                f"a rate for start_year {start} or an earlier year"))
    smallest: float
    if municipalities:
        smallest = min(m.inhabitants for m in municipalities)
    elif params["municipality_data"] == "cbs-2015":
        smallest = int(data.municipalities_2015().inhabitants.min())
    else:
        smallest = _smallest_generated(params)
    if smallest * params["scale"] < 1:
        problems.append(Problem("parameters.scale", params["scale"],
                                f"at least {1 / smallest:.3g}, so the smallest municipality "
                                f"({smallest:,.0f} inhabitants) has a simulated person"))
    return problems


def _smallest_generated(params: Mapping[str, Any]) -> float:
    from .population import municipality_sizes

    return float(min(municipality_sizes(params["inhabitants"], params["municipalities"],
                                        params["size_log_sd"])))
