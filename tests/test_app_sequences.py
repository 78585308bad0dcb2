"""Any sequence of what a visitor does (add a shipped scenario, add an edited copy, upload a
file, switch language, show per 100,000, reload the page from its own link) keeps every
scenario and every result (issue 19 item 1), driven through the real page with AppTest:

- a scenario leaves the comparison only to make room for a new one (at most four), and the
  page then names it;
- a copy (edited or uploaded) never replaces another: each has its own name, and the
  definition of every copy made so far never changes;
- every scenario in the comparison has its cards, and a scenario's numbers, once shown, are
  the same whenever they are shown again in the same language and view;
- reloading from the address bar restores the comparison, the baseline and every copy with
  the same numbers, or names what it could not restore.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests import apptest
from tests.apptest import ok, shown
from transitiesim.scenario import load_shipped, shipped_scenarios
from transitiesim.ui import link
from transitiesim.ui.analysis import HEADLINES

pytestmark = pytest.mark.slow

SHIPPED = ("no-decentralisation", "transition-only", "transformation", "citizen-power")
SHIPPED_ALL = frozenset(shipped_scenarios())
LEVERS = (("access_strictness", (0.3, 0.6)), ("citizen_power", (0.2, 0.8)))

actions = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(SHIPPED)),
    st.tuples(st.just("edit"), st.integers(0, 3), st.sampled_from(LEVERS),
              st.sampled_from(["", "mine", "transition-only-2"])),
    st.tuples(st.just("upload"), st.sampled_from(["", "mine", "upload"]),
              st.sampled_from([0.3, 0.7])),
    st.tuples(st.just("lang")),
    st.tuples(st.just("per_100k")),
    st.tuples(st.just("reload")),
)


def _start():
    at = apptest.new_app()
    at.session_state["scenarios"] = ["no-decentralisation", "transition-only"]
    at.session_state["seeds"] = 1
    return ok(at.run())


def _messages(at) -> str:
    return " ".join(shown(x.value) for x in (*at.success, *at.warning, *at.error))


def _definitions(at) -> dict[str, str]:
    """Every copy's model (what its results depend on; its titles may differ)."""
    return {n: json.dumps(link.model_part(s), sort_keys=True)
            for n, (s, _) in at.session_state["custom"].items()}


def _act(at, action):
    kind = action[0]
    if kind == "add":
        if action[1] in at.session_state["scenarios"]:
            return at
        if len(at.session_state["scenarios"]) >= 4:
            return at  # the multiselect refuses a fifth itself (max_selections)
        return ok(at.multiselect(key="scenarios").select(action[1]).run())
    if kind == "edit":
        _, k, (lever, values), name = action
        names = at.session_state["scenarios"]
        # As choosing it in the form (whose labels AppTest can only format inside a run).
        at.session_state["edit_base"] = names[k % len(names)]
        ok(at.run())
        current = at.slider(key=f"lever_{lever}").value
        at.slider(key=f"lever_{lever}").set_value(values[0] if current != values[0]
                                                   else values[1])
        if name:
            at.text_input(key="edit_name").set_value(name)
        return ok(at.button(key="edit_add").click().run())
    if kind == "upload":
        _, name, power = action
        text = (f'name = "{name}"\n' if name else "") + \
            f'extends = "transition-only"\n[parameters]\ncitizen_power = {power}\n'
        return ok(at.file_uploader(key="upload").upload("s.toml", text.encode()).run())
    if kind == "lang":
        lang = _get(at, "lang", "nl")
        return ok(at.radio(key="lang").set_value("en" if lang == "nl" else "nl").run())
    if kind == "per_100k":
        return ok(at.checkbox(key="per_100k").set_value(not at.checkbox(key="per_100k").value)
                  .run())
    query = {k: at.query_params[k] for k in at.query_params}
    fresh = apptest.new_app(**{k: v[0] if isinstance(v, list) else v for k, v in query.items()})
    fresh = ok(fresh.run())
    if _get(at, "per_100k"):  # a view, not part of the link
        fresh = ok(fresh.checkbox(key="per_100k").set_value(True).run())
    return fresh


def _get(at, key, default=None):
    return at.session_state[key] if key in at.session_state else default


def _title(at, name: str) -> str:
    """How the page names a scenario in its messages: a copy by its name, a shipped one by
    its title in the page's language."""
    if name in _get(at, "custom", {}) or name not in SHIPPED_ALL:
        return name
    s = load_shipped(name)
    return s.title_nl if _get(at, "lang", "nl") == "nl" else s.title_en


@settings(max_examples=12, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(actions, min_size=2, max_size=6))
# What lost a copy before (issue 19): the same name twice (the form keeps the last name), a
# file without a name twice, a copy restored from its link and edited again, and a full
# comparison taking one more.
@example([("edit", 1, LEVERS[0], ""), ("edit", 1, LEVERS[1], "")])
@example([("upload", "", 0.3), ("upload", "", 0.7), ("reload",)])
@example([("edit", 1, LEVERS[0], "mine"), ("reload",), ("edit", 2, LEVERS[1], "mine"),
          ("per_100k",), ("reload",)])
@example([("add", "transformation"), ("add", "citizen-power"), ("upload", "mine", 0.7),
          ("lang",), ("edit", 3, LEVERS[0], "")])
def test_any_sequence_keeps_every_scenario_and_every_result(sequence):
    at = _start()
    seen: dict[tuple[str, str, bool, str], str] = {}  # (scenario, lang, per 100k, card)
    copies: dict[str, str] = {}  # every copy made so far: its definition
    for action in sequence:
        before = list(at.session_state["scenarios"])
        at = _act(at, action)
        after = list(at.session_state["scenarios"])
        messages = _messages(at)
        definitions = _definitions(at)
        # Nothing leaves the comparison without a word: what left is named on the page.
        for gone in set(before) - set(after):
            assert _title(at, gone) in messages, (action, gone, messages)
        if action[0] == "reload":
            # The link restores every copy in the comparison as it was.
            for name in after:
                if name in copies:
                    assert definitions[name] == copies[name], (action, name)
            copies = dict(definitions)  # a new session holds what its link carried
        else:
            # No copy replaces another, and no copy's definition changes.
            for name, toml in copies.items():
                assert definitions.get(name) == toml, (action, name)
            new = [n for n in definitions if n not in copies]
            if action[0] in ("edit", "upload"):
                assert len(new) == 1 and after[-1] == new[0], (action, new, messages)
            copies = dict(definitions)
        # Every scenario compared has its cards; numbers shown before are shown again.
        cards = at.session_state["shown_cards"]
        view = (_get(at, "lang", "nl"), bool(_get(at, "per_100k", False)))
        for name in after:
            for ind in HEADLINES:
                assert (name, ind) in cards, (action, name, ind)
                key = (name, *view, ind)
                if key in seen:
                    assert cards[(name, ind)][0] == seen[key], (action, key)
                seen[key] = cards[(name, ind)][0]
