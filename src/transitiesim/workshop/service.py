"""Workshops: join codes, roles, rounds and results, kept in SQLite.

Every action is one function here; the app only calls these. The database holds the whole state
(workshops, participants, decisions, cards, results and a log of every action), so a browser
refresh, a participant who drops and rejoins with their link, or a restart of the server loses
nothing. Results are recomputed from the stored decisions (``play.play``), never from memory.

Who may do what:

* the facilitator's token (in the facilitator's link) opens and closes rounds and plays cards;
* a participant's token (in their own link) sets only the levers of the role they joined as;
* the join code lets anyone join; it has 32^8 (about 10^12) possible values.

Tokens are stored as SHA-256 digests only, so the database file does not hand out anyone's
link; the file is created readable by its owner alone (0600, in a 0700 folder).
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from ..params import PARAM_BY_NAME
from ..scenario import Scenario, ScenarioError, load_scenario_text, load_shipped
from ..textsafe import clip, has_control_characters
from .cards import CARDS
from .play import RoundInput, first_year, play
from .roles import LEVER_ROLE, ROLES, lever_range

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a room
CODE_LENGTH = 8
MAX_TEAMS = 6
MAX_NAME_CHARS = 60
MAX_TOKEN_CHARS = 200  # tokens are 22 or 32 characters; anything longer is not one
# A round whose closing started this long ago without finishing (the server stopped while the
# year was simulated) may be closed again; a younger claim means someone is closing it now.
CLOSING_STALE_S = 300
SCHEMA_VERSION = 2  # 2: tokens stored hashed, closing claims timed
SCHEMA = """
CREATE TABLE IF NOT EXISTS workshops (
    code TEXT PRIMARY KEY, facilitator_token TEXT NOT NULL, scenario_name TEXT NOT NULL,
    scenario_toml TEXT NOT NULL, seed INTEGER NOT NULL, teams INTEGER NOT NULL,
    rounds INTEGER NOT NULL, created TEXT NOT NULL,
    current_round INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'closing', 'closed')),
    closing_since REAL);
CREATE TABLE IF NOT EXISTS participants (
    token TEXT PRIMARY KEY, code TEXT NOT NULL REFERENCES workshops(code),
    team INTEGER NOT NULL, role TEXT NOT NULL, name TEXT NOT NULL, joined TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS decisions (
    code TEXT NOT NULL, team INTEGER NOT NULL, round INTEGER NOT NULL, lever TEXT NOT NULL,
    value REAL NOT NULL, role TEXT NOT NULL, token TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (code, team, round, lever));
CREATE TABLE IF NOT EXISTS ready (
    code TEXT NOT NULL, team INTEGER NOT NULL, round INTEGER NOT NULL, role TEXT NOT NULL,
    PRIMARY KEY (code, team, round, role));
CREATE TABLE IF NOT EXISTS cards (
    code TEXT NOT NULL, round INTEGER NOT NULL, card TEXT NOT NULL, PRIMARY KEY (code, round));
CREATE TABLE IF NOT EXISTS results (
    code TEXT NOT NULL, team INTEGER NOT NULL, round INTEGER NOT NULL, values_json TEXT NOT NULL,
    PRIMARY KEY (code, team, round));
CREATE TABLE IF NOT EXISTS log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL, at TEXT NOT NULL,
    actor TEXT NOT NULL, team INTEGER, role TEXT, action TEXT NOT NULL, detail TEXT NOT NULL);
"""


class WorkshopError(ValueError):
    """A refused action: which field, the value given and what is allowed."""

    def __init__(self, field: str, value: Any, allowed: str):
        self.field, self.value, self.allowed = field, value, allowed
        super().__init__(f"{field}: got {clip(value)}; allowed: {allowed}")


class NotAllowed(WorkshopError):
    """The token given may not do this (another role's lever, a facilitator action)."""


def token_digest(token: Any) -> str:
    """What the database keeps of a token: its SHA-256, so the file holds no usable link."""
    text = token if isinstance(token, str) else str(token)
    return hashlib.sha256(text[:MAX_TOKEN_CHARS + 1].encode("utf-8", "surrogatepass")
                          ).hexdigest()


def default_db_path() -> Path:
    """``TRANSITIESIM_WORKSHOP_DB`` if set, else ``~/.local/state/transitiesim/workshops.db``."""
    env = os.environ.get("TRANSITIESIM_WORKSHOP_DB")
    if env:
        return Path(env)
    state = Path(os.environ.get("XDG_STATE_HOME", Path.home() / ".local" / "state"))
    return state / "transitiesim" / "workshops.db"


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


class WorkshopStore:
    """The SQLite file holding every workshop. Each call opens its own connection, so one
    store serves all of Streamlit's session threads; writes take SQLite's write lock."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path is not None else default_db_path()
        _private_dirs(self.path.parent)
        if not self.path.exists():  # created by us: readable by the owner alone
            os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
        con = self._connect()
        try:
            con.executescript(SCHEMA)
            _migrate(con)
        finally:
            con.close()

    def _connect(self) -> sqlite3.Connection:
        con = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        con.row_factory = sqlite3.Row
        con.execute("PRAGMA journal_mode=WAL")
        return con

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            con.execute("BEGIN IMMEDIATE")
            yield con
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            con.close()

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        con = self._connect()
        try:
            yield con
        finally:
            con.close()


def _private_dirs(folder: Path) -> None:
    """Create ``folder`` and missing parents as 0700 (existing folders are left as they are)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for d in reversed(missing):
        d.mkdir(mode=0o700, exist_ok=True)
        os.chmod(d, 0o700)  # mkdir's mode is filtered by the umask


def _migrate(con: sqlite3.Connection) -> None:
    """Bring a database of an earlier version up to date (tokens hashed, closing claims)."""
    version = con.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    con.create_function("digest", 1, token_digest, deterministic=True)
    con.execute("BEGIN IMMEDIATE")
    columns = {r[1] for r in con.execute("PRAGMA table_info(workshops)")}
    if "closing_since" not in columns:
        con.execute("ALTER TABLE workshops ADD COLUMN closing_since REAL")
    if version < 2:
        con.execute("UPDATE workshops SET facilitator_token = digest(facilitator_token)")
        con.execute("UPDATE participants SET token = digest(token)")
        con.execute("UPDATE decisions SET token = digest(token)")
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    con.execute("COMMIT")


def _log(con: sqlite3.Connection, code: str, actor: str, action: str, detail: Any,
         team: int | None = None, role: str | None = None) -> None:
    con.execute("INSERT INTO log (code, at, actor, team, role, action, detail) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (code, _now(), actor, team, role, action, json.dumps(detail, ensure_ascii=False)))


def normalise_code(code: str) -> str:
    """The code as stored: ASCII letters and digits of the code's alphabet, upper case (a
    code read aloud may come back with a dash or spaces)."""
    text = code if isinstance(code, str) else str(code)
    return "".join(ch for ch in text[:40].upper() if ch in CODE_ALPHABET or ch in "01IO")


def _workshop(con: sqlite3.Connection, code: str) -> sqlite3.Row:
    row = con.execute("SELECT * FROM workshops WHERE code = ?", (normalise_code(code),)).fetchone()
    if row is None:
        raise WorkshopError("code", code, "the join code of an existing workshop")
    return row


def _facilitator(con: sqlite3.Connection, code: str, token: str) -> sqlite3.Row:
    ws = _workshop(con, code)
    if not secrets.compare_digest(token_digest(token), ws["facilitator_token"]):
        raise NotAllowed("facilitator", "(this link)", "the facilitator's own link")
    return ws


def _participant(con: sqlite3.Connection, token: str) -> sqlite3.Row:
    row = con.execute("SELECT * FROM participants WHERE token = ?",
                      (token_digest(token),)).fetchone()
    if row is None:
        raise NotAllowed("participant", "(this link)", "the link you received when you joined")
    return row


# --- the facilitator ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Created:
    code: str
    facilitator_token: str


def create_workshop(store: WorkshopStore, scenario: Scenario | str, teams: int = 2,
                    rounds: int = 4, seed: int = 1) -> Created:
    """A new workshop on ``scenario`` (a shipped name or a loaded Scenario); round 0 (the year
    before the reform) is computed at once so every screen has a starting point."""
    if not isinstance(scenario, Scenario):
        try:
            scenario = load_shipped(scenario)  # a name from a request is never a path
        except ScenarioError:
            raise WorkshopError("scenario", scenario, "a shipped scenario name") \
                from None
    problems = []
    most = scenario["end_year"] - first_year(scenario) + 1
    if not scenario["decentralisation"] or scenario["reform_year"] <= scenario["start_year"]:
        problems.append(WorkshopError(
            "scenario", scenario.name,
            "a scenario with the decentralisation and a start year before the reform year"))
    if isinstance(teams, bool) or not isinstance(teams, int) or not 1 <= teams <= MAX_TEAMS:
        problems.append(WorkshopError("teams", teams, f"a whole number from 1 to {MAX_TEAMS}"))
    if isinstance(rounds, bool) or not isinstance(rounds, int) or not 1 <= rounds <= max(most, 1):
        problems.append(WorkshopError(
            "rounds", rounds, f"a whole number from 1 to {most} (one simulated year each, "
            f"{first_year(scenario)} to {scenario['end_year']})"))
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < 2**63:
        problems.append(WorkshopError("seed", seed, "a whole number from 0 to 2^63 - 1"))
    if problems:
        raise problems[0]
    start = play(scenario, seed, [])[0]
    with store.write() as con:
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if con.execute("SELECT 1 FROM workshops WHERE code = ?", (code,)).fetchone() is None:
                break
        token = secrets.token_urlsafe(24)
        con.execute("INSERT INTO workshops (code, facilitator_token, scenario_name, scenario_toml,"
                    " seed, teams, rounds, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (code, token_digest(token), scenario.name, scenario.to_toml(), seed, teams,
                     rounds, _now()))
        for team in range(1, teams + 1):
            con.execute("INSERT INTO results VALUES (?, ?, 0, ?)", (code, team, json.dumps(start)))
        _log(con, code, "facilitator", "create",
             {"scenario": scenario.name, "teams": teams, "rounds": rounds, "seed": seed})
    return Created(code, token)


def open_round(store: WorkshopStore, code: str, facilitator_token: str) -> int:
    """Open the next round. Returns its number (the open one if a round is already open)."""
    with store.write() as con:
        ws = _facilitator(con, code, facilitator_token)
        if ws["status"] in ("open", "closing"):
            return ws["current_round"]
        if ws["current_round"] >= ws["rounds"]:
            raise WorkshopError("round", ws["current_round"] + 1,
                                f"at most {ws['rounds']} rounds in this workshop")
        k = ws["current_round"] + 1
        con.execute("UPDATE workshops SET current_round = ?, status = 'open' WHERE code = ?",
                    (k, ws["code"]))
        _log(con, ws["code"], "facilitator", "open_round", {"round": k})
        return k


def play_card(store: WorkshopStore, code: str, facilitator_token: str, card: str | None) -> None:
    """Play ``card`` in the open round (``None`` takes a played card back)."""
    if card is not None and (not isinstance(card, str) or card not in CARDS):
        raise WorkshopError("card", card, "one of " + ", ".join(CARDS))
    with store.write() as con:
        ws = _facilitator(con, code, facilitator_token)
        if ws["status"] != "open":
            raise WorkshopError("round", ws["current_round"], "an open round")
        k = ws["current_round"]
        con.execute("DELETE FROM cards WHERE code = ? AND round = ?", (ws["code"], k))
        if card is not None:
            con.execute("INSERT INTO cards VALUES (?, ?, ?)", (ws["code"], k, card))
        _log(con, ws["code"], "facilitator", "play_card", {"round": k, "card": card})


def close_round(store: WorkshopStore, code: str, facilitator_token: str, round_no: int) -> bool:
    """Close round ``round_no`` and simulate its year for every team.

    Closing is applied once: a second close of the same round (a double click, two facilitator
    screens, five at once) or of an earlier one returns False and changes and logs nothing.
    Decisions are frozen when closing starts. Closing claims the round with a time stamp; if
    the server stops while the year is simulated, a close after :data:`CLOSING_STALE_S`
    seconds takes the claim over and finishes it.
    """
    claim = time.time()
    with store.write() as con:
        ws = _facilitator(con, code, facilitator_token)
        if ws["current_round"] != round_no or ws["status"] == "closed":
            return False
        since = ws["closing_since"]
        if ws["status"] == "closing" and since is not None and claim - since < CLOSING_STALE_S:
            return False  # someone is closing it right now
        con.execute("UPDATE workshops SET status = 'closing', closing_since = ? WHERE code = ?",
                    (claim, ws["code"]))
        _log(con, ws["code"], "facilitator",
             "close_round" if ws["status"] == "open" else "close_round_resumed",
             {"round": round_no})
    scenario = scenario_of(ws)
    computed = {team: play(scenario, ws["seed"], round_inputs(store, ws["code"], team,
                                                                round_no))[-1]
                for team in range(1, ws["teams"] + 1)}
    with store.write() as con:
        now = _workshop(con, ws["code"])
        if now["current_round"] != round_no or now["status"] != "closing" \
                or now["closing_since"] != claim:  # another close took the claim over
            return False
        for team, values in computed.items():
            con.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                        (ws["code"], team, round_no, json.dumps(values)))
        con.execute("UPDATE workshops SET status = 'closed' WHERE code = ?", (ws["code"],))
        _log(con, ws["code"], "model", "year_simulated",
             {"round": round_no, "year": int(next(iter(computed.values()))["year"])})
    return True


# --- participants -----------------------------------------------------------------------------
def join(store: WorkshopStore, code: str, team: int, role: str, name: str) -> str:
    """Join a workshop's team in a role. Returns the participant's token (their link)."""
    given = name
    name = name.strip() if isinstance(name, str) else ""
    with store.write() as con:
        ws = _workshop(con, code)
        if not isinstance(role, str) or role not in ROLES:
            raise WorkshopError("role", role, "one of " + ", ".join(ROLES))
        if isinstance(team, bool) or not isinstance(team, int) or not 1 <= team <= ws["teams"]:
            raise WorkshopError("team", team, f"a team from 1 to {ws['teams']}")
        if not name or len(name) > MAX_NAME_CHARS or has_control_characters(name):
            raise WorkshopError("name", given, f"a name (or a nickname) of 1 to "
                                f"{MAX_NAME_CHARS} characters without control characters")
        token = secrets.token_urlsafe(16)
        con.execute("INSERT INTO participants VALUES (?, ?, ?, ?, ?, ?)",
                    (token_digest(token), ws["code"], team, role, name, _now()))
        _log(con, ws["code"], name, "join", {"team": team, "role": role}, team, role)
    return token


def decide(store: WorkshopStore, token: str, lever: str, value: float) -> None:
    """A participant sets one of their role's levers for the open round."""
    submit(store, token, {lever: value}, only_changed=False)


def submit(store: WorkshopStore, token: str, values: dict[str, float],
           only_changed: bool = True) -> list[str]:
    """A participant's decision for the open round: their role's levers at ``values``.

    Every value is checked first; if one is refused (another role's lever, out of range, no
    round open) nothing is stored. With ``only_changed`` a lever whose value equals the one in
    force is not stored as a decision. Either way the role counts as decided for this round.
    Returns the levers stored.
    """
    if not isinstance(values, dict) or not values or len(values) > 50:
        raise WorkshopError("values", values, "a table of your role's levers and "
                            "their values")
    with store.write() as con:
        who = _participant(con, token)
        ws = _workshop(con, who["code"])
        role = ROLES[who["role"]]
        scenario = scenario_of(ws)
        for lever in values:
            if not isinstance(lever, str) or lever not in role.levers:
                owner = LEVER_ROLE.get(lever)
                raise NotAllowed(
                    "lever", lever, f"the levers of your role ({who['role']}): "
                    + ", ".join(role.levers) + (f"; '{lever}' is the {owner}'s" if owner else ""))
        if ws["status"] != "open":
            raise WorkshopError("round", ws["current_round"],
                                "decisions while a round is open (wait for the facilitator)")
        for lever, value in values.items():
            low, high = lever_range(scenario, lever)
            if isinstance(value, bool) or not isinstance(value, int | float) \
                    or value != value or not low <= value <= high:
                raise WorkshopError(lever, value,
                                    f"{low:g} to {high:g} ({PARAM_BY_NAME[lever].unit})")
        k = ws["current_round"]
        in_force = {lever: float(scenario[lever]) for lever in role.levers}
        for row in con.execute("SELECT lever, value FROM decisions WHERE code = ? AND team = ? "
                               "AND round < ? ORDER BY round", (ws["code"], who["team"], k)):
            in_force[row["lever"]] = row["value"]
        stored = []
        for lever, value in values.items():
            if only_changed and float(value) == in_force[lever]:
                con.execute("DELETE FROM decisions WHERE code = ? AND team = ? AND round = ? "
                            "AND lever = ?", (ws["code"], who["team"], k, lever))
                continue
            con.execute("INSERT OR REPLACE INTO decisions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (ws["code"], who["team"], k, lever, float(value), who["role"],
                         who["token"], _now()))
            stored.append(lever)
        con.execute("INSERT OR IGNORE INTO ready VALUES (?, ?, ?, ?)",
                    (ws["code"], who["team"], k, who["role"]))
        _log(con, ws["code"], who["name"], "decide",
             {"round": k, **{lever: float(values[lever]) for lever in stored}},
             who["team"], who["role"])
        return stored


# --- reading the state ----------------------------------------------------------------------
def scenario_of(ws: sqlite3.Row) -> Scenario:
    return load_scenario_text(ws["scenario_toml"], source=f"workshop {ws['code']}")


def round_inputs(store: WorkshopStore, code: str, team: int, upto: int) -> list[RoundInput]:
    with store.read() as con:
        rows = con.execute("SELECT round, lever, value FROM decisions WHERE code = ? AND team = ?"
                           " AND round <= ? ORDER BY round", (code, team, upto)).fetchall()
        cards = dict(con.execute("SELECT round, card FROM cards WHERE code = ? AND round <= ?",
                                 (code, upto)).fetchall())
    by_round: dict[int, dict[str, float]] = {k: {} for k in range(1, upto + 1)}
    for r in rows:
        by_round[r["round"]][r["lever"]] = r["value"]
    return [RoundInput(by_round[k], cards.get(k)) for k in range(1, upto + 1)]


@dataclass
class WorkshopState:
    """Everything a screen shows, read in one go."""

    code: str
    scenario: Scenario
    seed: int
    teams: int
    rounds: int
    current_round: int
    status: str  # open, closing or closed (the current round)
    card: str | None  # played in the current round
    cards: dict[int, str]  # round -> card played in it
    participants: pd.DataFrame  # token-free: team, role, name, joined
    decisions: pd.DataFrame  # round, team, role, lever, value
    ready: pd.DataFrame  # round, team, role: who has decided in which round
    results: dict[int, list[dict[str, float]]]  # team -> one dict per closed round (from 0)

    def year(self, round_no: int) -> int:
        return first_year(self.scenario) + round_no - 1

    @property
    def closed_rounds(self) -> int:
        return self.current_round if self.status == "closed" else self.current_round - 1

    def current_levers(self, team: int, role: str) -> dict[str, float]:
        """The values in force for a role: its latest decisions, else the scenario's."""
        out = {lever: float(self.scenario[lever]) for lever in ROLES[role].levers}
        d = self.decisions
        for row in d[(d.team == team) & (d.role == role)].sort_values("round").itertuples():
            out[row.lever] = row.value
        return out

    def decided(self, team: int, role: str) -> bool:
        """Whether ``role`` of ``team`` has decided in the current round."""
        r = self.ready
        return bool(((r.team == team) & (r.role == role) & (r["round"] == self.current_round))
                    .any())


def load_state(store: WorkshopStore, code: str) -> WorkshopState:
    with store.read() as con:
        ws = _workshop(con, code)
        code = ws["code"]
        participants = pd.read_sql_query(
            "SELECT team, role, name, joined FROM participants WHERE code = ? ORDER BY joined",
            con, params=(code,))
        decisions = pd.read_sql_query(
            "SELECT round, team, role, lever, value FROM decisions WHERE code = ? "
            "ORDER BY round, team, role, lever", con, params=(code,))
        ready = pd.read_sql_query("SELECT round, team, role FROM ready WHERE code = ?", con,
                                  params=(code,))
        cards = dict(con.execute("SELECT round, card FROM cards WHERE code = ?",
                                 (code,)).fetchall())
        rows = con.execute("SELECT team, round, values_json FROM results WHERE code = ? "
                           "ORDER BY team, round", (code,)).fetchall()
    results: dict[int, list[dict[str, float]]] = {t: [] for t in range(1, ws["teams"] + 1)}
    for r in rows:
        results[r["team"]].append(json.loads(r["values_json"]))
    return WorkshopState(code, scenario_of(ws), ws["seed"], ws["teams"], ws["rounds"],
                         ws["current_round"], ws["status"], cards.get(ws["current_round"]),
                         cards, participants, decisions, ready, results)


def participant_of(store: WorkshopStore, token: str) -> dict[str, Any]:
    """The participant a link belongs to (code, team, role, name)."""
    with store.read() as con:
        row = _participant(con, token)
    return {k: row[k] for k in ("code", "team", "role", "name")}


def is_facilitator(store: WorkshopStore, code: str, token: str) -> bool:
    with store.read() as con:
        try:
            _facilitator(con, code, token)
        except WorkshopError:
            return False
    return True


def log_table(store: WorkshopStore, code: str) -> pd.DataFrame:
    """The workshop log (every action, in order) as a table; exported as CSV."""
    with store.read() as con:
        ws = _workshop(con, code)
        return pd.read_sql_query("SELECT id, at, actor, team, role, action, detail FROM log "
                                 "WHERE code = ? ORDER BY id", con, params=(ws["code"],))
