"""Trust boundaries: every hostile case found by an adversarial review, with the message it
now gets. What comes from a user (a link, an upload, a scenario or sweep file, a flag, a
workshop call) is data: refused by field or accepted and runnable; never a traceback, a file
read or written where it was not asked for, or code run."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest

from tests.apptest import new_app, ok, shown
from transitiesim import load_scenario
from transitiesim.scenario import (
    MAX_CHAIN,
    ScenarioError,
    load_scenario_text,
    load_shipped,
    shipped_scenarios,
)
from transitiesim.sweeps import SweepError, build_sweep_spec, load_sweep, sweep
from transitiesim.sweeps.spec import MAX_RUNS
from transitiesim.ui import link
from transitiesim.ui.analysis import python_snippet

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = list(shipped_scenarios())
HOSTILE_NAME = 'x"]=0;__import__("os").system("touch PWNED");#'


def fields(exc: ScenarioError) -> list[str]:
    return [p.field for p in exc.problems]


def page_text(at) -> str:
    parts = [m.value for m in at.markdown] + [m.value for m in at.caption]
    parts += [e.value for kind in ("info", "success", "warning", "error") for e in at.get(kind)]
    parts += [h.value for h in at.title] + [c.value for c in at.code]
    return "\n".join(parts)


# --- the shared link ---------------------------------------------------------------------------
def test_a_link_naming_a_local_file_is_refused_and_reads_nothing(tmp_path):
    secret = tmp_path / "secret.toml"
    secret.write_text('name = "leak"\ntitle_nl = "GEHEIM-UIT-EEN-BESTAND"\n', encoding="utf-8")
    shared = link.parse_share({"s": "default,leak", "n": "1", "p": "0.1",
                               "e0": f"leak|{secret}|"}, SHIPPED)
    assert shared.edits == [] and shared.scenarios == []
    assert "e0.base" in [p.field for p in shared.problems]
    with pytest.raises(ScenarioError) as err:
        load_shipped(str(secret))
    assert fields(err.value) == ["scenario"]


def test_a_name_cannot_become_code_in_the_python_snippet():
    shared = link.parse_share({"e0": f"{HOSTILE_NAME}|default|citizen_power=0.5"}, SHIPPED)
    assert shared.edits == [] and shared.problems[0].field == "e0.name"
    # Even called directly with such a name, the snippet holds it as a string, never as code.
    snippet = python_snippet([(HOSTILE_NAME, "default", {"citizen_power": 0.5})], [1])
    called = {node.func.id for node in ast.walk(ast.parse(snippet))
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert called <= {"load_scenario", "run_seeds", "print"}
    strings = [n.value for n in ast.walk(ast.parse(snippet)) if isinstance(n, ast.Constant)]
    assert HOSTILE_NAME in strings


def test_an_edit_can_never_carry_a_shipped_name():
    shared = link.parse_share({"e0": "transformation|transformation|cut_wmo=0.8"}, SHIPPED)
    assert shared.edits == []
    assert "not a shipped scenario's" in str(shared.problems[0])


@pytest.mark.parametrize("query, field", [
    ({"n": "abc"}, "n"), ({"n": "0"}, "n"), ({"n": "21"}, "n"), ({"p": "0.3"}, "p"),
    ({"p": "nan"}, "p"), ({"lang": "fr"}, "lang"), ({"e0": "x|default|bogus=1"}, "e0.bogus"),
    ({"e0": "x|default|cut_wmo=7"}, "e0.cut_wmo"), ({"e0": "x|default|cut_wmo=nan"}, "e0.cut_wmo"),
    ({"e0": "x|default|scale=1"}, "e0.scale"), ({"e0": "x|../default|"}, "e0.base"),
    ({"e7": "x|default|"}, "e7"), ({"e0": "x|" + "a" * 6000 + "|"}, "e0"),
    ({"s": "default,/etc/passwd"}, "s"),
])
def test_every_bad_link_value_is_refused_by_field(query, field):
    shared = link.parse_share(query, SHIPPED)
    assert field in [p.field for p in shared.problems], shared.problems


def test_link_values_are_typed_by_the_declaration():
    shared = link.parse_share({"e0": "mine|transition-only|access_strictness=0.6,"
                                     "contracting=tender,decentralisation=true"}, SHIPPED)
    assert not shared.problems
    assert dict(shared.edits[0].changes) == {"access_strictness": 0.6,
                                             "contracting": "tender",
                                             "decentralisation": True}


@pytest.mark.parametrize("query", [
    {"s": "default,leak", "n": "1", "p": "0.1", "e0": "leak|/etc/hostname|"},
    {"s": "default,x", "e0": "x|/proc/self/pagemap|"},
    {"s": "default,x", "e0": "x|" + "/a" * 3000 + "|"},
    {"n": "x1"},
    {"s": "default,x", "e0": "x|default|bogus=1"},
    {"s": "transformation,transition-only", "e0": "transformation|transformation|cut_wmo=0.8"},
])
@pytest.mark.slow
def test_hostile_links_give_the_page_and_a_warning_never_a_traceback(query):
    at = ok(new_app(**query).run())
    text = shown(page_text(at))
    assert "Niet alles uit de link is overgenomen" in text
    assert "Traceback" not in text
    assert set(at.session_state["custom"]) <= {"x"}


@pytest.mark.slow
def test_an_edited_copy_in_a_link_is_marked_and_shows_its_own_name():
    at = ok(new_app(s="transformation,mine", b="transformation",
                    e0="mine|transformation|cut_wmo=0.8").run())
    cards = [shown(m.value) for m in at.markdown if m.value.startswith("**")]
    assert cards[:2] == ["**Transformatie** (basis)", "**\u270e mine**"]


# --- uploads and what the page renders ----------------------------------------------------------
@pytest.mark.slow
def test_an_uploaded_title_is_shown_as_text_not_markdown():
    at = ok(new_app().run())
    text = (b'name = "mine"\nextends = "default"\ntitle_nl = "![x](http://example.org/x.png) '
            b':red[Transformatie]"\n')
    ok(at.file_uploader(key="upload").upload("mine.toml", text).run())
    card = next(m.value for m in at.markdown if "mine" in m.value and m.value.startswith("**"))
    assert "\\!\\[x\\]\\(http" in card and "\\:red\\[" in card  # escaped: shown literally
    assert shown(card) == "**\u270e mine: ![x](http://example.org/x.png) :red[Transformatie]**"


@pytest.mark.slow
def test_an_upload_with_a_shipped_name_keeps_its_own_identity():
    at = ok(new_app().run())
    text = b'name = "transformation"\nextends = "default"\ntitle_nl = "Transformatie"\n'
    ok(at.file_uploader(key="upload").upload("t.toml", text).run())
    assert at.session_state["scenarios"][-1] == "transformation-upload"
    assert load_scenario("transformation").title_nl == "Transformatie"  # the shipped one


def test_streamlit_is_configured_to_hide_tracebacks_and_limit_uploads():
    from transitiesim.ui.page import MAX_UPLOAD_BYTES

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["maxUploadSize"] * 1_000_000 >= MAX_UPLOAD_BYTES
    assert config["server"]["maxUploadSize"] <= 1


@pytest.mark.slow
def test_the_app_refuses_to_serve_beyond_loopback_outside_the_room_mode(monkeypatch):
    from streamlit import config

    before = config.get_option("server.address")
    config.set_option("server.address", "0.0.0.0")
    try:
        at = ok(new_app().run())
        assert "scripts/room.sh" in shown(" ".join(e.value for e in at.error))
        assert not at.get("plotly_chart") and not at.text_input
        monkeypatch.setenv("TRANSITIESIM_ROOM", "1")
        at = ok(new_app().run())
        keys = {w.key for w in at.button}
        assert "ws_create" in keys  # the workshop home
        assert not any(w.key == "sweep_dir" for w in at.text_input)
        assert not at.get("plotly_chart")
    finally:
        config.set_option("server.address", before)


@pytest.mark.slow
def test_an_unexpected_error_shows_a_message_not_a_traceback(monkeypatch):
    from transitiesim.ui import page

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(page, "headline_cards", broken)
    at = new_app().run()
    assert not at.exception
    assert "Er ging iets mis" in " ".join(e.value for e in at.error)


def test_the_run_cache_is_bounded_in_bytes():
    from transitiesim.ui.runner import RunCache, tables_bytes

    table = pd.DataFrame({"x": range(10_000)})  # 80 kB and its index
    size = tables_bytes((table, table))
    cache = RunCache(workers=1, max_bytes=3 * size + 100)
    for seed in range(10):
        cache._put(("s", seed), (table, table))
    assert cache.bytes <= cache.max_bytes and len(cache._store) == 3
    assert list(cache._store) == [("s", 7), ("s", 8), ("s", 9)]


# --- scenario files -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, field, fragment", [
    ("x = " + "[" * 500 + "]" * 500, "file", "nested"),
    ('extends = "default"\n[[events]]\ndate = "2019-01"\nkind = ["own_contribution"]\n'
     "amount_eur_per_month = 19\n", "events[0].kind", "one of"),
    ('extends = "default"\n[unemployment]\n0000 = 0.07\n', "unemployment.0000", "1990"),
    ('name = "/some/absolute/dir"\nextends = "default"\n', "name", "never a path"),
    ('name = "../escaped"\nextends = "default"\n', "name", "never a path"),
    ('name = "\\u0000"\nextends = "default"\n', "name", "never a path"),
    ('extends = "default"\n[[events]]\ndate = "2019-01"\nkind = "extra_budget"\n'
     'domain = "wmo"\namount_eur = -1e11\n', "events[0].amount_eur", "from 0"),
    ('extends = "default"\n[[events]]\ndate = "0000-01"\nkind = "own_contribution"\n'
     "amount_eur_per_month = 19\n", "events[0].date", "YYYY-MM"),
    ('extends = "default"\n[[events]]\ndate = "9999-12"\nkind = "own_contribution"\n'
     "amount_eur_per_month = 19\n", "events[0].date", "YYYY-MM"),
    ('extends = "default"\n[[events]]\ndate = "2019-01\\n"\nkind = "own_contribution"\n'
     "amount_eur_per_month = 19\n", "events[0].date", "YYYY-MM"),
    ('extends = "default"\n[[events]]\ndate = "\u0662\u0660\u0661\u0669-01"\n'
     'kind = "own_contribution"\namount_eur_per_month = 19\n', "events[0].date", "YYYY-MM"),
    ('extends = "default"\ntitle_nl = "a\\u0000b"\n', "title_nl", "control characters"),
])
def test_hostile_scenario_files_are_refused_by_field(text, field, fragment):
    with pytest.raises(ScenarioError) as err:
        load_scenario_text(text, "upload.toml")
    assert field in fields(err.value)
    assert fragment in str(err.value)


def test_a_long_extends_chain_is_refused_not_a_recursion_error(tmp_path):
    (tmp_path / "s0.toml").write_text('extends = "default"\n', encoding="utf-8")
    for i in range(1, 900):
        (tmp_path / f"s{i}.toml").write_text(f'extends = "s{i - 1}.toml"\n', encoding="utf-8")
    with pytest.raises(ScenarioError) as err:
        load_scenario(tmp_path / "s899.toml")
    assert f"a chain of at most {MAX_CHAIN} files" in str(err.value)


def test_scenario_error_survives_being_sent_between_processes():
    import pickle

    with pytest.raises(ScenarioError) as err:
        load_scenario_text('extends = "default"\n[parameters]\ncut_wmo = 7\n', "x.toml")
    back = pickle.loads(pickle.dumps(err.value))
    assert str(back) == str(err.value) and back.fields == ["parameters.cut_wmo"]


# --- the command line ---------------------------------------------------------------------------
def cli(*args: str, cwd: Path | None = None, timeout: float = 120):
    return subprocess.run([sys.executable, "-m", "transitiesim.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("args, fragment", [
    (["run", "default", "--seed", "-1"], "--seed: got -1; allowed: a whole number from 0"),
    (["run", "default", "--seeds", "99999999999999999999"],
     "--seeds: got 99999999999999999999; allowed: a whole number from 1 to 1,000"),
    (["run", "default", "--scale", "nan"], "--scale: got nan"),
    (["sweep", "/etc", "--out", "x"], "file: got '/etc'; allowed: a path to an existing file"),
    (["compare", "default", "--set", "end_year=2014"],
     "parameters.end_year: got 2014; allowed: 2016 or later"),
    (["check", "/proc/self/pagemap"], "allowed: a readable file"),
    (["analyze", "/etc", "--indicator", "unmet_need"], "folder: got '/etc'"),
    (["calibrate", "default", "--out", "x.toml", "--name", "../up"], "--name: got '../up'"),
])
def test_bad_flags_and_files_get_a_message_and_exit_2(args, fragment, tmp_path):
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2, proc.stderr
    assert fragment in proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # nothing written


def test_out_pointing_at_a_file_is_refused_before_the_run(tmp_path):
    (tmp_path / "afile").write_text("keep me", encoding="utf-8")
    started = time.perf_counter()
    proc = cli("run", "netherlands", "--scale", "0.05", "--out", "afile", cwd=tmp_path)
    assert proc.returncode == 2 and "--out: got 'afile'; allowed: a folder" in proc.stderr
    assert time.perf_counter() - started < 60  # a run of netherlands would take longer
    assert (tmp_path / "afile").read_text(encoding="utf-8") == "keep me"


@pytest.mark.slow
def test_a_dead_scheduler_is_refused_before_the_sweep_folder_is_made(tmp_path):
    """Refused after --scheduler-timeout (the message says how long it waited), and a
    timeout out of range is refused before anyone is asked."""
    spec = tmp_path / "s.toml"
    spec.write_text('scenario = "default"\nbase = { scale = 0.01, end_year = 2014 }\n'
                    "[parameters.citizen_power]\n", encoding="utf-8")
    proc = cli("sweep", str(spec), "--out", str(tmp_path / "out"), "--scheduler",
               "tcp://127.0.0.1:9", "--scheduler-timeout", "1.5", "--quiet")
    assert proc.returncode == 2 and "--scheduler: got 'tcp://127.0.0.1:9'" in proc.stderr
    assert "none answered within 1.5 s" in proc.stderr
    assert not (tmp_path / "out").exists()
    proc = cli("sweep", str(spec), "--out", str(tmp_path / "out"), "--scheduler",
               "tcp://127.0.0.1:9", "--scheduler-timeout", "nan", "--quiet")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "--scheduler-timeout: got nan; allowed: a finite number from 0.5 to 600" \
        in proc.stderr
    assert not (tmp_path / "out").exists()


# --- sweeps -------------------------------------------------------------------------------------
def test_a_huge_grid_is_refused_with_the_size_that_fits_before_anything_is_built():
    raw = {"scenario": "default", "design": "grid", "levels": 100,
           "parameters": {p: {} for p in ("citizen_power", "innovation_uptake", "cut_wmo",
                                          "learning_orientation", "cut_jeugd", "prevention_share")}}
    started = time.perf_counter()
    with pytest.raises(SweepError) as err:
        build_sweep_spec(raw)
    assert time.perf_counter() - started < 5
    assert "got '1,000,000,000,000 runs" in str(err.value)
    assert f"at most {MAX_RUNS:,} runs: levels = 5 or fewer" in str(err.value)


def test_non_text_indicators_are_refused_by_position():
    raw = {"scenario": "default", "indicators": [{"a": 1}],
           "parameters": {"citizen_power": {}}}
    with pytest.raises(SweepError) as err:
        build_sweep_spec(raw)
    assert "indicators[0]" in err.value.fields


TINY = {"name": "tiny", "scenario": "default", "base": {"scale": 0.02, "end_year": 2014},
        "design": "lhs", "samples": 4, "indicators": ["clients_wmo"],
        "parameters": {"access_strictness": {"low": 0.1, "high": 0.5}}}


def test_resume_verifies_files_and_reruns_damaged_runs(tmp_path):
    out = tmp_path / "tiny"
    first = sweep(build_sweep_spec(TINY), out)
    assert first.done == 4 and not first.failed
    before = {p.name: p.read_bytes() for p in (out / "national").glob("*.parquet")}
    nat = out / "national"
    halved = nat / "p00000-r000.parquet"
    halved.write_bytes(halved.read_bytes()[: halved.stat().st_size // 2])
    (nat / "p00001-r000.parquet").write_bytes(b"")
    other = out / "municipalities" / "p00002-r000.parquet"
    other.write_bytes(other.read_bytes()[:-9])  # truncated: the footer is gone
    manifest = out / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    manifest.write_text("\n".join(lines), encoding="utf-8")  # the last line lacks its newline

    damaged = load_sweep(out)  # analysis reads only whole runs, and says which are not
    assert {r for r, _ in damaged.damaged} == {"p00000-r000", "p00001-r000", "p00002-r000"}
    assert len(damaged.runs) == 0  # the fourth run's manifest line is cut, so it is not counted

    again = sweep(build_sweep_spec(TINY), out)
    assert {r for r, _ in again.repaired} == {"p00000-r000", "p00001-r000", "p00002-r000"}
    assert again.done == 3 and again.skipped == 1 and not again.failed
    after = {p.name: p.read_bytes() for p in (out / "national").glob("*.parquet")}
    assert after == before  # re-run bit for bit
    results = load_sweep(out)
    assert not results.damaged and len(results.runs) == 4
    assert results.runs.run_id.is_unique
    assert manifest.read_text(encoding="utf-8").endswith("\n")


def _flip_a_byte_parquet_still_reads(good: bytes) -> bytes:
    """The file with one byte in its data pages flipped such that it still reads as Parquet
    with the same rows (same size and footer): a change only a checksum can see."""
    import io

    import pyarrow.parquet as pq

    rows = pq.read_table(io.BytesIO(good)).num_rows
    for at in range(len(good) // 3, len(good) // 2):
        changed = bytearray(good)
        changed[at] ^= 0xFF
        try:
            if pq.read_table(io.BytesIO(bytes(changed))).num_rows == rows:
                return bytes(changed)
        except Exception:  # noqa: BLE001 - any failure to read: try the next byte
            continue
    raise AssertionError("no byte found whose change leaves the file readable")


def test_a_file_that_differs_from_its_checksum_is_run_again(tmp_path):
    out = tmp_path / "tiny"
    sweep(build_sweep_spec(TINY), out)
    victim = out / "national" / "p00003-r000.parquet"
    good = victim.read_bytes()
    victim.write_bytes(_flip_a_byte_parquet_still_reads(good))
    quick = sweep(build_sweep_spec(TINY), out)  # sizes, footers and rows: cannot tell
    assert quick.repaired == [] and quick.skipped == 4
    again = sweep(build_sweep_spec(TINY), out, verify_checksums=True)
    assert [r for r, _ in again.repaired] == ["p00003-r000"]
    assert "checksum" in again.repaired[0][1]
    assert victim.read_bytes() == good


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="reads /proc")
def test_workers_die_with_a_killed_sweep(tmp_path):
    import signal

    spec = tmp_path / "s.toml"
    spec.write_text('scenario = "default"\nbase = { scale = 0.2 }\ndesign = "lhs"\n'
                    'samples = 40\n[parameters.citizen_power]\n', encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "transitiesim.cli", "sweep", str(spec),
                             "--out", str(tmp_path / "out"), "--workers", "2", "--quiet"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not list((tmp_path / "out" / "national").glob(
                "*.parquet")):
            time.sleep(0.5)
        family = _descendants(proc.pid)
        assert len(family) >= 3, family  # the fork server and two workers at least
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and [p for p in family if _alive(p)]:
        time.sleep(0.5)
    assert [p for p in family if _alive(p)] == []


def _descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its exit status is left


# --- workshops ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def workshop_db(tmp_path_factory):
    from transitiesim.workshop import WorkshopStore, create_workshop

    folder = tmp_path_factory.mktemp("ws") / "new" / "state"
    store = WorkshopStore(folder / "w.db")
    return store, create_workshop(store, "calibrated", teams=1, rounds=2, seed=3)


def test_five_simultaneous_closes_simulate_and_log_the_year_once(workshop_db):
    from transitiesim.workshop import close_round, open_round
    from transitiesim.workshop.service import log_table

    store, ws = workshop_db
    k = open_round(store, ws.code, ws.facilitator_token)
    results, barrier = [], threading.Barrier(5)

    def close() -> None:
        barrier.wait()
        results.append(close_round(store, ws.code, ws.facilitator_token, k))

    threads = [threading.Thread(target=close) for _ in range(5)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(results) == [False] * 4 + [True]
    actions = list(log_table(store, ws.code).action)
    assert [a for a in actions if a.startswith("close_round")] == ["close_round"]
    assert actions.count("year_simulated") == 1


def test_tokens_are_stored_hashed_in_a_private_file(workshop_db):
    from transitiesim.workshop import join

    store, ws = workshop_db
    token = join(store, ws.code, 1, "residents", "Bewoner")
    for path in store.path.parent.glob("w.db*"):
        data = path.read_bytes()
        assert token.encode() not in data and ws.facilitator_token.encode() not in data
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    assert stat.S_IMODE(store.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(store.path.parent.parent.stat().st_mode) == 0o700


def test_hostile_workshop_requests_are_refused_by_field(workshop_db):
    from transitiesim.workshop import NotAllowed, WorkshopError, create_workshop, join, submit
    from transitiesim.workshop.service import is_facilitator

    store, ws = workshop_db
    assert is_facilitator(store, ws.code, "\u00e9\u00e9n-token") is False  # non-ASCII
    with pytest.raises(NotAllowed):
        from transitiesim.workshop import open_round

        open_round(store, ws.code, "t\u00f8ken")
    for kwargs, field in (({"name": "a\u0000b"}, "name"), ({"name": "x" * 61}, "name"),
                          ({"team": True}, "team"), ({"role": ["municipality"]}, "role")):
        args = {"code": ws.code, "team": 1, "role": "residents", "name": "ok"} | kwargs
        with pytest.raises(WorkshopError) as err:
            join(store, **args)
        assert err.value.field == field
    token = join(store, ws.code, 1, "municipality", "Wethouder")
    for values in ({}, [1], {("a",): 1}, {"access_strictness": float("nan")}):
        with pytest.raises(WorkshopError):
            submit(store, token, values)
    with pytest.raises(WorkshopError) as err:
        create_workshop(store, "/etc/passwd")
    assert err.value.field == "scenario"


def test_the_log_csv_neutralises_spreadsheet_formulas(workshop_db):
    from transitiesim.workshop import join
    from transitiesim.workshop.debrief import log_csv

    store, ws = workshop_db
    join(store, ws.code, 1, "provider", '=HYPERLINK("http://example.org","x")')
    join(store, ws.code, 1, "provider", "+31 6 1234")
    text = log_csv(store, ws.code).decode("utf-8")
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text and "'+31 6 1234" in text


def test_an_old_database_is_migrated_to_hashed_tokens(tmp_path):
    import sqlite3

    from transitiesim.workshop import WorkshopStore
    from transitiesim.workshop.service import SCHEMA, is_facilitator, participant_of

    path = tmp_path / "old.db"
    con = sqlite3.connect(path)
    con.executescript(SCHEMA.replace(",\n    closing_since REAL", ""))
    con.execute("INSERT INTO workshops (code, facilitator_token, scenario_name, scenario_toml, "
                "seed, teams, rounds, created) VALUES ('ABCDEFGH', 'plainfac', 'x', '', 1, 1, 1,"
                " 'now')")
    con.execute("INSERT INTO participants VALUES ('plainpt', 'ABCDEFGH', 1, 'residents', 'A', "
                "'now')")
    con.commit()
    con.close()
    store = WorkshopStore(path)
    assert is_facilitator(store, "ABCDEFGH", "plainfac")
    assert participant_of(store, "plainpt")["name"] == "A"
    assert b"plainfac" not in path.read_bytes()


def test_a_close_interrupted_by_a_server_stop_is_finished_after_the_stale_time(tmp_path):
    from transitiesim.workshop import WorkshopStore, close_round, create_workshop, open_round
    from transitiesim.workshop.service import CLOSING_STALE_S, load_state, log_table

    store = WorkshopStore(tmp_path / "w.db")
    ws = create_workshop(store, "calibrated", teams=1, rounds=1, seed=3)
    k = open_round(store, ws.code, ws.facilitator_token)
    with store.write() as con:  # what a server stop in the middle of closing leaves behind
        con.execute("UPDATE workshops SET status = 'closing', closing_since = ? WHERE code = ?",
                    (time.time() - 10, ws.code))
    assert close_round(store, ws.code, ws.facilitator_token, k) is False  # still being closed
    with store.write() as con:
        con.execute("UPDATE workshops SET closing_since = ? WHERE code = ?",
                    (time.time() - CLOSING_STALE_S - 1, ws.code))
    assert close_round(store, ws.code, ws.facilitator_token, k) is True
    assert load_state(store, ws.code).status == "closed"
    assert list(log_table(store, ws.code).action)[-2:] == ["close_round_resumed",
                                                           "year_simulated"]


@pytest.mark.parametrize("args, fragment", [
    (["validate", "--reference", "empty.csv"], "--reference: got 'empty.csv'; allowed: a CSV"),
    (["validate", "--reference", "."], "--reference: got '.'; allowed: a readable CSV file"),
    (["statline", ".", "--out", "s.toml"], "file: got '.'; allowed: a readable CSV export"),
])
def test_bad_data_files_get_a_message_naming_the_flag(args, fragment, tmp_path):
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    proc = cli(*args, cwd=tmp_path)
    assert proc.returncode == 2 and fragment in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize("args,port", [((), "8501"), (("--server.port", "8600"), "8600"),
                                       (("--server.port=8700",), "8700"),
                                       (("--theme.base", "dark", "--server.port", "8800"), "8800")])
def test_the_room_script_names_the_port_streamlit_will_use(args, port):
    """`scripts/room.sh` tells the trainer which port to share: the --server.port passed on
    to Streamlit (either spelling), else 8501. Its own lines that work this out are run,
    not a copy of them."""
    script = Path("scripts/room.sh").read_text()
    lines = script[script.index("port=8501"):]
    lines = lines[:lines.index("\ndone\n") + len("\ndone\n")]
    out = subprocess.run(["bash", "-c", lines + 'echo "$port"', "_", *args],
                         capture_output=True, text=True, check=True)
    assert out.stdout.strip() == port
