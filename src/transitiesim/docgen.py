"""Reference tables generated from the declarations, so the docs cannot drift from the code.

``python -m transitiesim.docgen`` rewrites ``docs/parameters.md`` and ``docs/indicators.md``;
a test fails when the committed files differ from what this module generates.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import labels
from .indicators import DERIVED, INDICATORS
from .params import EVENT_KINDS, PARAMETERS


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def parameters_markdown() -> str:
    lines = [
        "# Parameters",
        "",
        "Generated from `src/transitiesim/params.py` by `python -m transitiesim.docgen`; do not "
        "edit by hand. Kinds: *lever* (municipal policy), *national* (the Rijk), *uncertainty* "
        "(behaviour and context), *setting* (how the simulation runs). Sources: *domain* is a "
        "figure from [sources.md](sources.md); *derived* is computed from such figures; "
        "*assumption* has no source and is for a scenario, a sweep or the calibration to set. "
        "A kind marked *live* may change while a run goes on (a workshop round, "
        "`TransitionModel.set_levers`); *live, per municipality* is held by each municipality, "
        "whose yearly review then adapts it.",
        "",
    ]
    groups: dict[str, list] = {}
    for p in PARAMETERS:
        groups.setdefault(p.group, []).append(p)
    for group, params in groups.items():
        lines += [f"## {group}", "",
                  "| name | in the app (en / nl) | kind | default | allowed | help (en) "
                  "| uitleg (nl) | source |",
                  "|---|---|---|---|---|---|---|---|"]
        for p in params:
            kind = p.kind + {"": "", "model": ", live",
                             "municipality": ", live, per municipality"}[p.live]
            shown = (f"{labels.lever_label(p, 'en')} / {labels.lever_label(p, 'nl')} "
                     f"({labels.section_title(labels.section(p), 'en')})"
                     if labels.has_short_name(p) else "")
            lines.append(f"| `{p.name}` | {_cell(shown)} | {kind} | {_cell(p.default)} "
                         f"| {_cell(p.allowed())} | {_cell(p.help_en)} | {_cell(p.help_nl)} "
                         f"| {_cell(p.source)} |")
        lines.append("")
    lines += ["## National events (`[[events]]`)", "",
              "| kind | fields | help (en) | uitleg (nl) |", "|---|---|---|---|"]
    for e in EVENT_KINDS.values():
        fields = ", ".join(["`date` (YYYY-MM)"] + [f"`{f.name}`" for f in e.fields])
        lines.append(f"| `{e.name}` | {fields} | {_cell(e.help_en)} | {_cell(e.help_nl)} |")
    return "\n".join(lines) + "\n"


def indicators_markdown() -> str:
    lines = [
        "# Indicators",
        "",
        "Generated from `src/transitiesim/indicators.py` by `python -m transitiesim.docgen`; do "
        "not edit by hand. Every indicator is one column of `indicators` (per month and "
        "municipality) and of `national` (per month, computed from all persons, not averaged "
        "from municipalities). *Year* says how `RunResult.yearly()` makes a calendar year: "
        "`sum` adds the months (flows), `mean` averages them (stocks and levels). Person counts "
        "are weighted: a simulated person stands for `weight` inhabitants. Definitions are in "
        "[odd.md](odd.md#indicators).",
        "",
        "*Better* says which direction is better for the people the model is about (lower, "
        "higher, or neither: more clients can mean more help or more need); the app's summary "
        "and the workshop's debrief word their sentences by it.",
        "",
        "| column | unit | year | better | label (en) | label (nl) |",
        "|---|---|---|---|---|---|",
    ]
    for i in INDICATORS:
        lines.append(f"| `{i.name}` | {i.unit} | {i.year} | {_BETTER[i.better]} "
                     f"| {_cell(i.label_en)} | {_cell(i.label_nl)} |")
    lines += ["", "## Derived indicators", "",
              "Sums of the columns above, computed after a run (`indicators.DERIVED`); the app "
              "adds them to the national table.", "",
              "| column | sum of | better | label (en) | label (nl) |", "|---|---|---|---|---|"]
    for d in DERIVED:
        lines.append(f"| `{d.name}` | {', '.join(f'`{p}`' for p in d.parts)} | "
                     f"{_BETTER[d.better]} | {_cell(d.label_en)} | {_cell(d.label_nl)} |")
    return "\n".join(lines) + "\n"


_BETTER = {-1: "lower", 1: "higher", 0: "neither"}


GENERATED = {"parameters.md": parameters_markdown, "indicators.md": indicators_markdown}


def write(docs_dir: Path) -> list[Path]:
    written = []
    for name, fn in GENERATED.items():
        path = docs_dir / name
        path.write_text(fn(), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":  # pragma: no cover
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs")
    for path in write(target):
        print(f"wrote {path}")
