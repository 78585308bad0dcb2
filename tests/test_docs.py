"""Docs stay true to the code: generated references match, the ODD names every parameter and
indicator, the README's quick start is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

from transitiesim.docgen import GENERATED
from transitiesim.indicators import INDICATORS
from transitiesim.params import DOMAINS, PARAMETERS

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def test_generated_references_are_up_to_date():
    for name, fn in GENERATED.items():
        committed = (DOCS / name).read_text(encoding="utf-8")
        assert committed == fn(), f"docs/{name} is stale: run python -m transitiesim.docgen docs"


def test_odd_names_every_parameter():
    odd = (DOCS / "odd.md").read_text(encoding="utf-8")
    missing = [p.name for p in PARAMETERS if f"`{p.name}`" not in odd]
    assert not missing


def test_odd_defines_every_indicator():
    odd = (DOCS / "odd.md").read_text(encoding="utf-8")
    templated = re.compile(r"^(.*_)(" + "|".join(DOMAINS) + r")$")
    for ind in INDICATORS:
        m = templated.match(ind.name)
        name = f"{m.group(1)}<d>" if m else ind.name
        assert f"`{name}`" in odd, ind.name


def test_odd_names_every_step_of_the_schedule():
    import inspect

    from transitiesim.model import TransitionModel

    odd = (DOCS / "odd.md").read_text(encoding="utf-8")
    calls = re.findall(r"self\.(?:\w+\.)*(\w+)\(", inspect.getsource(TransitionModel.step))
    for call in calls:
        assert call in odd, call


def test_glossary_defines_the_dutch_terms_used():
    glossary = (DOCS / "glossary.md").read_text(encoding="utf-8")
    for term in ("Wmo", "Jeugdwet", "Participatiewet", "wijkteam", "bijstand", "mantelzorg",
                 "burgerkracht", "burgerinitiatief", "zelfredzaamheid", "eigen kracht eerst",
                 "Wsw", "Rijk"):
        assert term in glossary, term


def test_readme_quick_start_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/start.sh" in readme and "bash scripts/test.sh" in readme
    assert "scripts/test.sh" in ci
    for script in ("start.sh", "test.sh", "setup.sh"):
        assert (ROOT / "scripts" / script).is_file()
