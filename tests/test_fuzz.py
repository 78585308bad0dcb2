"""Fuzzing every way in: scenario files, sweep files, command lines, shared links and workshop
calls. Each generated input must be refused with messages that name a field, or accepted and
usable (a scenario runs, a sweep's runs are counted and its design built, a link's edits build
scenarios); never another exception. The counts are printed at the end of the test session.

Examples per test are bounded (FUZZ_EXAMPLES, default 150) so the suite stays within its time.
"""

from __future__ import annotations

import ast
import functools
import os
import string
from collections import Counter
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transitiesim import run
from transitiesim.params import EVENT_KINDS, PARAMETERS
from transitiesim.scenario import (
    META_KEYS,
    TABLE_KEYS,
    Scenario,
    ScenarioError,
    load_scenario_text,
    shipped_scenarios,
)
from transitiesim.sweeps import SweepError, build_sweep_spec
from transitiesim.sweeps.runner import count_runs_of, tasks_for
from transitiesim.sweeps.spec import MAX_RUNS, TOP_KEYS
from transitiesim.textsafe import name_problem
from transitiesim.ui import link
from transitiesim.ui.analysis import python_snippet

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
# derandomize and no example database: every run tries the same inputs, so counts compare.
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                                       HealthCheck.function_scoped_fixture])
SHIPPED = list(shipped_scenarios())
COUNTS: dict[str, Counter] = {}


def count(kind: str, outcome: str) -> None:
    COUNTS.setdefault(kind, Counter())[outcome] += 1


def watched(kind: str):
    """Count an input that raised anything but the expected refusal, then let the test fail."""
    def wrap(test):
        @functools.wraps(test)
        def run_one(*args, **kwargs):
            try:
                return test(*args, **kwargs)
            except Exception:
                count(kind, "unexpected error")
                raise
        return run_one
    return wrap


def refused_by_field(exc: ScenarioError) -> None:
    """A refusal the user can act on: at least one problem, each naming a field."""
    assert exc.problems, exc
    for p in exc.problems:
        assert isinstance(p.field, str) and p.field, exc
        assert isinstance(p.allowed, str) and p.allowed, exc
    str(exc)  # the message itself can be made


# --- building blocks ------------------------------------------------------------------------------
WEIRD_TEXT = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", "..", "../escaped", "/etc/passwd", "/proc/self/pagemap", "\u0000",
                     "default", "transformation", "0000-01", "9999-12", "2019-01\n",
                     "\u0662\u0660\u0661\u0669-01", "2019-13", "nan", "inf", "-1", "1e400",
                     "![x](http://e/x.png)", "=HYPERLINK(\"x\")", 'x"]=0;#', "a" * 300]),
)
SCALARS = st.one_of(
    st.integers(-10**12, 10**12), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    WEIRD_TEXT)
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(WEIRD_TEXT, inner, max_size=4)), max_leaves=12)
PARAM_NAMES = [p.name for p in PARAMETERS]


def param_value(p) -> st.SearchStrategy:
    """Mostly values near and inside the declared range, sometimes anything at all."""
    if p.type is bool:
        inside = near = st.booleans()
    elif p.choices:
        inside = near = st.sampled_from(list(p.choices))
    elif p.type is int:
        inside = st.integers(int(p.low), int(p.high))
        near = st.integers(int(p.low) - 2, int(p.high) + 2)
    else:
        span = p.high - p.low
        inside = st.floats(p.low, p.high)
        near = st.floats(p.low - 0.1 * span, p.high + 0.1 * span, allow_nan=False)
    return st.one_of(inside, inside, inside, inside, inside, inside, near, SCALARS)


def good_value(p) -> st.SearchStrategy:
    """A value inside the declared range (in type and bounds), with a rare wild one."""
    if p.type is bool:
        inside = st.booleans()
    elif p.choices:
        inside = st.sampled_from(list(p.choices))
    elif p.type is int:
        inside = st.integers(int(p.low), int(p.high))
    else:
        inside = st.floats(p.low, p.high)
    return mostly(inside, param_value(p))


@st.composite
def scenario_dicts(draw) -> dict:
    raw: dict = {}
    keys = draw(st.lists(st.sampled_from([*META_KEYS, *TABLE_KEYS, "bogus"]), max_size=6,
                         unique=True))
    for key in keys:
        if key == "parameters":
            names = draw(st.lists(st.sampled_from(PARAM_NAMES + ["citizen_powr"]), max_size=5,
                                  unique=True))
            raw[key] = {n: draw(param_value(PARAMETERS[PARAM_NAMES.index(n)]))
                        if n in PARAM_NAMES else 1 for n in names}
        elif key == "events":
            raw[key] = draw(st.lists(events(), max_size=3))
        elif key == "unemployment":
            raw[key] = draw(st.dictionaries(st.one_of(st.integers(0, 9999).map(str), WEIRD_TEXT),
                                            st.one_of(st.floats(-0.1, 0.6), SCALARS),
                                            max_size=3))
        elif key == "residence_permits":
            raw[key] = draw(st.dictionaries(st.one_of(st.integers(0, 9999).map(str), WEIRD_TEXT),
                                            st.one_of(st.floats(-10, 1e6), SCALARS),
                                            max_size=3))
        elif key == "extends":
            raw[key] = draw(st.one_of(st.sampled_from(SHIPPED), WEIRD_TEXT))
        else:
            raw[key] = draw(st.one_of(WEIRD_TEXT, VALUES))
    return raw


def mostly(good: st.SearchStrategy, bad: st.SearchStrategy) -> st.SearchStrategy:
    """``good`` about nine times in ten, so most cases get past one check to reach the next.
    (Hypothesis favours the ends of a range, so the rare branch is a value in the middle.)"""
    return st.integers(0, 9).flatmap(lambda i: bad if i == 7 else good)


@st.composite
def events(draw) -> dict:
    kind = draw(mostly(st.sampled_from(list(EVENT_KINDS)), SCALARS))
    item = {"date": draw(mostly(st.builds(lambda y, m: f"{y:04d}-{m:02d}",
                                          st.integers(2014, 2025), st.integers(1, 12)),
                                st.one_of(st.builds(lambda y, m: f"{y:04d}-{m:02d}",
                                                    st.integers(0, 9999), st.integers(0, 99)),
                                          VALUES))),
            "kind": kind}
    declared = EVENT_KINDS[kind].fields if isinstance(kind, str) and kind in EVENT_KINDS else ()
    for f in declared:
        if f.choices:
            item[f.name] = draw(mostly(st.sampled_from(list(f.choices)), SCALARS))
        else:
            item[f.name] = draw(mostly(st.floats(f.low, f.high),
                                       st.one_of(st.floats(), SCALARS)))
    if draw(st.integers(0, 9)) == 0:
        item[draw(WEIRD_TEXT)] = draw(VALUES)
    return item


def toml_text(raw: dict) -> str | None:
    try:
        return tomli_w.dumps(raw)
    except (TypeError, ValueError):  # nan keys and the like tomli-w cannot write
        return None


# --- scenario files -------------------------------------------------------------------------------
@FUZZ
@given(raw=scenario_dicts())
@watched("scenario file")
def test_fuzzed_scenario_files_are_refused_by_field_or_load(raw):
    text = toml_text(raw)
    if text is None:
        count("scenario file", "not writable as TOML")
        return
    try:
        scenario = load_scenario_text(text, "fuzz.toml")
    except ScenarioError as exc:
        refused_by_field(exc)
        count("scenario file", "refused")
    else:
        assert isinstance(scenario, Scenario) and not name_problem(scenario.name)
        count("scenario file", "accepted")


SHIPPED_TEXT = [(Path(p).read_text(encoding="utf-8")) for p in shipped_scenarios().values()]


@FUZZ
@given(base=st.sampled_from(SHIPPED_TEXT),
       edits=st.lists(st.tuples(st.floats(0, 1), st.integers(0, 3),
                                st.text(alphabet=string.printable + "[]{}=\"'\u0000\u00e9",
                                        max_size=8)), min_size=1, max_size=4))
@watched("mutated shipped file")
def test_mutated_shipped_files_are_refused_by_field_or_load(base, edits):
    text = base
    for where, action, piece in edits:
        i = int(where * len(text))
        if action == 0:
            text = text[:i] + piece + text[i:]
        elif action == 1:
            text = text[:i] + text[i + len(piece) + 1:]
        elif action == 2:
            text = text[:i] + piece + text[i + len(piece):]
        else:
            text = text[:i]
    try:
        load_scenario_text(text, "mutated.toml")
    except ScenarioError as exc:
        refused_by_field(exc)
        count("mutated shipped file", "refused")
    else:
        count("mutated shipped file", "accepted")


# What a run costs is set by these; the runnable fuzz keeps them small and fuzzes the rest.
SIZE = {"inhabitants", "municipalities", "scale", "start_year", "end_year", "burn_in_years",
        "size_log_sd"}
RUNNABLE = [p for p in PARAMETERS if p.name not in SIZE]


@st.composite
def runnable_scenarios(draw) -> str:
    names = draw(st.lists(st.sampled_from([p.name for p in RUNNABLE]), max_size=6, unique=True))
    params = {n: draw(good_value(next(p for p in RUNNABLE if p.name == n))) for n in names}
    raw = {"name": "fuzz", "extends": "default",
           "parameters": {"scale": 0.01, "end_year": 2016, **params}}
    if draw(st.booleans()):
        raw["events"] = draw(st.lists(events(), max_size=3))
    if draw(st.booleans()):
        raw["unemployment"] = draw(st.dictionaries(
            mostly(st.integers(2000, 2030), st.integers(0, 9999)).map(str),
            mostly(st.floats(0, 0.5), st.floats()), max_size=3))
    if draw(st.booleans()):
        raw["residence_permits"] = draw(st.dictionaries(
            mostly(st.integers(2000, 2030), st.integers(0, 9999)).map(str),
            mostly(st.floats(0, 5e5), st.floats()), max_size=3))
    return toml_text(raw)


@settings(FUZZ, max_examples=max(EXAMPLES // 3, 10))
@given(text=runnable_scenarios())
@watched("scenario run")
def test_what_the_loader_accepts_runs(text):
    """'What check accepts, run runs': every accepted file runs to its end without an error."""
    if text is None:
        return
    try:
        scenario = load_scenario_text(text, "fuzz.toml")
    except ScenarioError as exc:
        refused_by_field(exc)
        count("scenario run", "refused")
        return
    result = run(scenario, seed=1)
    months = 12 * (scenario["end_year"] - scenario["start_year"] + 1)
    assert len(result.national) == months
    assert result.national.drop(columns=["date"]).notna().all().all()
    count("scenario run", "accepted and ran")


# --- sweep files ----------------------------------------------------------------------------------
# Numbers that act in the default scenario (a cut or lever acts: it has the decentralisation).
SWEEPABLE = [p.name for p in PARAMETERS if p.type is float and p.kind in ("lever", "national",
                                                                         "uncertainty")]


@st.composite
def sweep_dicts(draw) -> dict:
    raw: dict = {"scenario": draw(st.one_of(st.just("default"), st.just("default"),
                                            st.sampled_from(SHIPPED), WEIRD_TEXT))}
    raw["base"] = {"scale": 0.01, "end_year": 2014}
    raw["parameters"] = {draw(st.sampled_from(SWEEPABLE)): {}}
    for key in draw(st.lists(st.sampled_from([k for k in TOP_KEYS if k not in ("scenario",
                                                                              "base")]
                                             + ["bogus"]), max_size=5, unique=True)):
        if key == "parameters":
            names = draw(st.lists(st.sampled_from(SWEEPABLE + ["nope"]), min_size=1,
                                  max_size=4, unique=True))
            raw[key] = {n: draw(st.one_of(
                st.just({}), st.just({}),
                st.fixed_dictionaries({}, optional={"low": SCALARS, "high": SCALARS}),
                st.fixed_dictionaries({"values": st.lists(SCALARS, max_size=4)}), VALUES))
                for n in names}
        elif key == "design":
            raw[key] = draw(st.one_of(st.sampled_from(["grid", "lhs", "sobol", "morris"]),
                                      VALUES))
        elif key in ("samples", "replications", "levels", "seed"):
            raw[key] = draw(st.one_of(st.integers(-2, 8), st.integers(-2, 8),
                                      st.sampled_from([16, 10**6, 2**64]), VALUES))
        elif key == "indicators":
            raw[key] = draw(st.one_of(st.lists(st.one_of(st.sampled_from(
                ["unmet_need", "clients_wmo"]), VALUES), max_size=3), VALUES))
        else:
            raw[key] = draw(VALUES)
    return raw


@FUZZ
@given(raw=sweep_dicts())
@watched("sweep file")
def test_fuzzed_sweep_files_are_refused_by_field_or_usable(raw):
    text = toml_text(raw)
    if text is None:
        count("sweep file", "not writable as TOML")
        return
    import tomllib

    try:
        spec = build_sweep_spec(tomllib.loads(text), "fuzz-sweep.toml")
    except SweepError as exc:
        refused_by_field(exc)
        count("sweep file", "refused")
        return
    runs = count_runs_of(spec)
    assert 1 <= runs <= MAX_RUNS
    if runs <= 200:
        assert len(tasks_for(spec)) == runs  # every design point validated and listed
    count("sweep file", "accepted")


# --- the command line -----------------------------------------------------------------------------
FLAG_VALUES = st.one_of(st.sampled_from(["-1", "0", "1", "2", "nan", "inf", "1e400", "abc", "",
                                         "99999999999999999999", "0.01", "0.001", "2014",
                                         "citizen_power=0.5", "citizen_power=[[[1]]]", "=",
                                         "unmet_need", "bogus=1", "end_year=2014"]),
                        st.text(max_size=12))
COMMANDS = ["run", "compare", "check", "sweep", "analyze", "params", "scenarios", "statline",
            "validate", "explain", "bogus"]
FLAGS = ["--seeds", "--seed", "--scale", "--set", "--out", "--workers", "--retries",
         "--indicator", "--from-year", "--lang", "--executor", "--reference", "--name",
         "--from", "--to", "--mechanisms"]


GOOD_FLAGS = {"--seeds": st.sampled_from(["1", "2"]), "--seed": st.integers(0, 2**63 - 1).map(str),
              "--scale": st.sampled_from(["0.01", "0.02"]),
              "--set": st.sampled_from(["citizen_power=0.5", "contracting=tender",
                                        "learning_orientation=0.9", "cut_wmo=0.3"]),
              "--out": st.sampled_from(["out", "results/x", "sub/deeper"]),
              "--lang": st.sampled_from(["nl", "en"]), "--name": st.sampled_from(["mine", "a-b"]),
              "--indicator": st.sampled_from(["clients_jeugd", "unmet_need"]),
              "--from": st.sampled_from(["2014", "2015"]),
              "--to": st.sampled_from(["2015", "2016"]),
              "--mechanisms": st.sampled_from(["outreach", "cuts,outreach", "labour_market"])}


@st.composite
def argvs(draw) -> list[str]:
    command = draw(st.sampled_from(COMMANDS))
    argv = [command]
    if command in ("run", "compare", "check", "sweep", "analyze", "statline", "explain"):
        argv.append(draw(mostly(st.sampled_from(["default", "fuzz.toml", "calibrated"]),
                                st.one_of(st.sampled_from(["nosuch", "../x.toml", "sub", ""]),
                                          WEIRD_TEXT))))
    for flag in draw(st.lists(st.sampled_from(FLAGS), max_size=3)):
        argv += [flag, draw(mostly(GOOD_FLAGS.get(flag, FLAG_VALUES), FLAG_VALUES))]
    # Runs are kept short: one simulated year (compare refuses it, which is also a case).
    if command in ("run", "compare"):
        argv += ["--scale", "0.01", "--set", "end_year=2014", "--quiet"]
    if command == "validate":
        argv += ["--scale", "0.001", "--seeds", "1"]
    if command == "explain":  # two subsets of one short run each
        argv += ["--scale", "0.005", "--seeds", "1", "--workers", "1", "--set", "end_year=2016",
                 "--mechanisms", "outreach", "--quiet"]
    return argv


@pytest.mark.slow
@FUZZ
@given(argv=argvs())
@watched("command line")
def test_fuzzed_command_lines_exit_with_a_message_never_a_traceback(argv, tmp_path, capsys,
                                                                      monkeypatch):
    from transitiesim import cli

    work = tmp_path / "cwd"
    work.mkdir(exist_ok=True)
    (work / "fuzz.toml").write_text('name = "f"\nextends = "default"\n', encoding="utf-8")
    (work / "sub").mkdir(exist_ok=True)
    monkeypatch.chdir(work)
    before = set(tmp_path.rglob("*"))
    try:
        code = cli.main(argv)
    except SystemExit as exc:  # argparse: a usage message (2) or --help (0)
        code = exc.code
    out, err = capsys.readouterr()
    assert code in (0, 1, 2), (argv, err)
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:
        assert err.strip(), argv  # a refusal says why
    written = {p for p in set(tmp_path.rglob("*")) - before}
    # Nothing outside the working folder; inside it only results a command was asked for.
    assert all(work in p.parents for p in written), written
    count("command line", {0: "ran", 1: "ran with failures", 2: "refused"}[code])


# --- shared links ---------------------------------------------------------------------------------
LINK_TEXT = st.one_of(st.text(max_size=40), st.text(alphabet="|=,;/.-_ %&?#abcdefgt0123456789",
                                                      max_size=40), WEIRD_TEXT)


GOOD_QUERY = {"n": st.integers(1, 20).map(str), "p": st.sampled_from(["0.1", "0.25", "1.0"]),
              "lang": st.sampled_from(["nl", "en"]), "b": st.sampled_from(SHIPPED + ["mine"])}


def edit_pair(draw) -> tuple[str, str]:
    from transitiesim.params import PARAM_BY_NAME

    name = draw(mostly(st.sampled_from(sorted(link.EDITABLE_NAMES)), LINK_TEXT))
    p = PARAM_BY_NAME.get(name)
    good = good_value(p).map(link.format_value) if p is not None else LINK_TEXT
    return name, draw(mostly(good, LINK_TEXT))


@st.composite
def queries(draw) -> dict[str, str]:
    q = {}
    for key in draw(st.lists(st.sampled_from(["s", "b", "n", "p", "lang", "e0", "e1", "e3", "e4",
                                              "e12", "x"]), max_size=6, unique=True)):
        if key.startswith("e"):
            name = draw(mostly(st.sampled_from(["mine", "t2", "copy-3"]), LINK_TEXT))
            base = draw(mostly(st.sampled_from(SHIPPED), LINK_TEXT))
            pairs = [edit_pair(draw) for _ in range(draw(st.integers(0, 3)))]
            q[key] = f"{name}|{base}|" + ",".join(f"{k}={v}" for k, v in pairs)
        elif key == "s":
            q[key] = ",".join(draw(st.lists(mostly(st.sampled_from(SHIPPED + ["mine"]),
                                                   LINK_TEXT), max_size=5)))
        else:
            q[key] = draw(mostly(GOOD_QUERY.get(key, LINK_TEXT), LINK_TEXT))
    return q


@FUZZ
@given(query=queries())
@watched("link")
def test_fuzzed_links_restore_only_checked_choices(query):
    from transitiesim.scenario import load_shipped

    shared = link.parse_share(query, SHIPPED)
    for p in shared.problems:
        assert p.field and p.allowed
    names = set(SHIPPED) | {e.name for e in shared.edits}
    assert set(shared.scenarios) <= names and len(shared.scenarios) <= link.MAX_SCENARIOS
    assert shared.seeds is None or 1 <= shared.seeds <= link.MAX_SEEDS
    assert shared.precision is None or shared.precision in link.PRECISIONS
    specs = []
    for e in shared.edits:
        assert not name_problem(e.name) and e.name not in SHIPPED and e.base in SHIPPED
        assert set(e.changes) <= link.EDITABLE_NAMES
        try:
            load_shipped(e.base).with_params(**e.changes)
        except ScenarioError as exc:  # fine one by one, not together (the app says so)
            refused_by_field(exc)
        specs.append((e.name, e.base, dict(e.changes)))
    snippet = python_snippet(specs, [1, 2])
    called = {n.func.id for n in ast.walk(ast.parse(snippet))
              if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    assert called <= {"load_scenario", "run_seeds", "print"}
    count("link", "with problems" if shared.problems else "clean")


# --- workshop calls -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    from transitiesim.workshop import WorkshopStore, create_workshop, join, open_round

    store = WorkshopStore(tmp_path_factory.mktemp("fuzzws") / "w.db")
    ws = create_workshop(store, "calibrated", teams=2, rounds=1, seed=1)
    token = join(store, ws.code, 1, "municipality", "W")
    open_round(store, ws.code, ws.facilitator_token)
    return store, ws, token


CALL_ARGS = st.one_of(SCALARS, VALUES, st.dictionaries(st.one_of(st.sampled_from(
    ["access_strictness", "prevention_share", "tariff_cut"]), WEIRD_TEXT), SCALARS, max_size=3))


@FUZZ
@given(call=st.sampled_from(["join", "submit", "play_card", "open_round", "state", "create",
                             "participant"]),
       a=CALL_ARGS, b=CALL_ARGS, c=CALL_ARGS, real=st.booleans())
@watched("workshop call")
def test_fuzzed_workshop_calls_are_refused_by_field_or_done(workshop, call, a, b, c, real):
    from transitiesim.workshop import (
        WorkshopError,
        create_workshop,
        join,
        load_state,
        open_round,
        participant_of,
        play_card,
        submit,
    )

    store, ws, token = workshop
    code = ws.code if real else a
    try:
        if call == "join":
            join(store, code, b, c if not real else "residents", a)
        elif call == "submit":
            submit(store, token if real else a, b)
        elif call == "play_card":
            play_card(store, code, ws.facilitator_token if real else b, c)
        elif call == "open_round":
            open_round(store, code, b)
        elif call == "state":
            load_state(store, code)
        elif call == "create":
            create_workshop(store, a, teams=b, rounds=c, seed=1)
        else:
            participant_of(store, a)
    except WorkshopError as exc:
        assert exc.field and exc.allowed
        str(exc)
        count("workshop call", "refused")
    else:
        count("workshop call", "done")
