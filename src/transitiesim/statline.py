"""Read a user's own CBS StatLine export of population per municipality and age group.

Tables such as 03759ned ("Bevolking op 1 januari; leeftijd, ... regio") or 83765NED
("Kerncijfers wijken en buurten") can be exported from StatLine as CSV. This reader accepts
such an export (``;`` or ``,`` separated) with:

- a region column (``Regio's``, ``Gemeentenaam``, ``Gemeente``, ``municipality``, ``region``);
  CBS region codes are honoured: with codes, only ``GM....`` rows (municipalities) are kept;
  rows for the whole country (``Nederland``, ``NL01``) are skipped;
- a population column (``Bevolking ...``, ``Totaal inwoners``, ``Inwoners``, ``population``,
  ``inhabitants``);
- optionally an age column (``Leeftijd``, ``age``) with groups such as ``0 tot 5 jaar``,
  ``15 tot 20 jaar``, ``95 jaar of ouder``, ``Totaal``; the shares under 18 and aged 65 or more
  are then computed per municipality, taking ages as evenly spread within a group;
- optionally a period column (``Perioden``, ``period``, ``year``): the latest period is used.

The result becomes the ``[[municipalities]]`` list of a scenario (``transitiesim statline``).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from .scenario import Municipality, Problem, ScenarioError

REGION = re.compile(r"regio|gemeente|municipalit|region", re.I)
POPULATION = re.compile(r"bevolking|inwoners|population|inhabitants", re.I)
AGE = re.compile(r"leeftijd|^age", re.I)
PERIOD = re.compile(r"perioden|period|^jaar$|^year$", re.I)
RANGE = re.compile(r"(\d+)\s*(?:tot|to|-)\s*(\d+)")
OPEN = re.compile(r"(\d+)\s*(?:jaar of ouder|years? (?:or|and) (?:older|over)|\+)")
TOTAL = re.compile(r"^\s*(totaal|total)", re.I)
NATIONAL = re.compile(r"^\s*(nederland|the netherlands|netherlands|nl01)\b", re.I)
CODE = re.compile(r"^\s*([A-Z]{2})\d{2,4}\b")


class StatlineError(ScenarioError):
    """The export cannot be read; each problem names the column or row."""


def _age_bounds(label: str) -> tuple[float, float] | None:
    """An age group label as [low, high) in years; None for a total."""
    if TOTAL.match(label):
        return None
    m = RANGE.search(label)
    if m:
        return float(m.group(1)), float(m.group(2))
    m = OPEN.search(label)
    if m:
        return float(m.group(1)), 105.0
    raise ValueError(label)


def _overlap(bounds: tuple[float, float], low: float, high: float) -> float:
    a, b = bounds
    return max(0.0, min(b, high) - max(a, low)) / (b - a)


def _number(text: str) -> float:
    return float(text.strip().replace("\u2009", "").replace(" ", "").replace(",", "."))


def read_population(source: str | Path, text: str | None = None) -> list[Municipality]:
    """Municipalities (name, inhabitants, age shares if the export has ages) from an export."""
    name = str(source)
    if text is None:
        try:
            raw = Path(source).read_bytes()
        except FileNotFoundError:
            raise StatlineError([Problem("file", name, "an existing CSV export")], name) from None
        except OSError as exc:  # a folder, a file that cannot be read
            raise StatlineError([Problem("file", name, "a readable CSV export "
                                         f"({exc.strerror or exc})")], name) from None
        for encoding in ("utf-8-sig", "cp1252"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:  # bytes that are neither (cp1252 leaves five bytes undefined)
            raise StatlineError([Problem("file", name, "a CSV export in UTF-8 or "
                                         "Windows-1252")], name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,\t")
    except csv.Error:
        raise StatlineError([Problem("file", "no ; or , separated columns",
                                     "a CSV export from StatLine")], name) from None
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [h.strip() for h in rows[0]] if rows else []
    columns = {}
    for role, pattern in (("region", REGION), ("population", POPULATION), ("age", AGE),
                          ("period", PERIOD)):
        matches = [i for i, h in enumerate(header) if pattern.search(h)]
        if matches:
            columns[role] = matches[0]
    problems = [Problem(f"column ({role})", ", ".join(header),
                        f"a column whose name matches {pattern.pattern!r}")
                for role, pattern in (("region", REGION), ("population", POPULATION))
                if role not in columns]
    if problems:
        raise StatlineError(problems, name)
    body = [r for r in rows[1:] if any(c.strip() for c in r)]
    if "period" in columns:
        latest = max(r[columns["period"]].strip() for r in body)
        body = [r for r in body if r[columns["period"]].strip() == latest]
    coded = any(CODE.match(r[columns["region"]]) for r in body)
    totals: dict[str, float] = {}
    young: dict[str, float] = {}
    old: dict[str, float] = {}
    aged: dict[str, float] = {}
    for line, r in enumerate(body, start=2):
        region = r[columns["region"]].strip()
        code = CODE.match(region)
        if NATIONAL.match(region) or (coded and (not code or code.group(1) != "GM")):
            continue
        label = CODE.sub("", region).strip(" -") if code else region
        try:
            value = _number(r[columns["population"]])
        except (ValueError, IndexError):
            problems.append(Problem(f"row {line} ({header[columns['population']]})",
                                    r[columns["population"]] if len(r) > columns["population"]
                                    else "", "a number of inhabitants"))
            continue
        if "age" not in columns:
            totals[label] = totals.get(label, 0.0) + value
            continue
        age_label = r[columns["age"]].strip()
        try:
            bounds = _age_bounds(age_label)
        except ValueError:
            problems.append(Problem(f"row {line} ({header[columns['age']]})", age_label,
                                    "an age group such as '0 tot 5 jaar', '95 jaar of ouder' "
                                    "or 'Totaal'"))
            continue
        if bounds is None:
            totals[label] = value
            continue
        aged[label] = aged.get(label, 0.0) + value
        young[label] = young.get(label, 0.0) + value * _overlap(bounds, 0, 18)
        old[label] = old.get(label, 0.0) + value * _overlap(bounds, 65, 200)
    if problems:
        raise StatlineError(problems, name)
    result = []
    for label in dict.fromkeys([*totals, *aged]):
        n = totals.get(label, aged.get(label, 0.0))
        if n < 1:
            continue
        if label in aged and aged[label] > 0:
            result.append(Municipality(label, int(round(n)),
                                       round(young[label] / aged[label], 4),
                                       round(old[label] / aged[label], 4)))
        else:
            result.append(Municipality(label, int(round(n))))
    if not result:
        raise StatlineError([Problem("rows", 0, "at least one municipality with inhabitants")],
                            name)
    return result


def scenario_raw(municipalities: list[Municipality], name: str, extends: str) -> dict:
    """A scenario (as the data of a TOML file) that is ``extends`` run for ``municipalities``:
    their number and inhabitants, titled as made from StatLine. The command line writes it
    (``transitiesim statline``), the app loads it from an uploaded export."""
    return {"name": name, "extends": extends,
            "title_nl": f"{name} (uit StatLine)", "title_en": f"{name} (from StatLine)",
            "parameters": {"inhabitants": sum(m.inhabitants for m in municipalities),
                           "municipalities": len(municipalities)},
            "municipalities": [m.to_dict() for m in municipalities]}
