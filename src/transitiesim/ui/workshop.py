"""Workshop screens (Streamlit): start and join, the facilitator's controls, each role's screen
and the debrief. Thin: every action calls ``transitiesim.workshop``, whose SQLite store holds the
state; screens that others change refresh themselves every few seconds.

Links carry who you are: ``?join=CODE`` (join form), ``?ws=CODE&pt=TOKEN`` (a participant),
``?ws=CODE&ft=TOKEN`` (the facilitator). Every widget has a key.
"""

from __future__ import annotations

import hashlib
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from .. import labels
from ..params import PARAM_BY_NAME
from ..scenario import load_scenario, shipped_scenarios
from ..text import t
from ..textsafe import markdown_text
from ..workshop import (
    CARDS,
    ROLES,
    WorkshopError,
    WorkshopStore,
    close_round,
    create_workshop,
    is_facilitator,
    join,
    lever_range,
    load_state,
    open_round,
    participant_of,
    play_card,
    submit,
)
from ..workshop import debrief as db
from ..workshop.service import WorkshopState, default_db_path, normalise_code
from . import analysis as an

REFRESH_SECONDS = 2


def store() -> WorkshopStore:
    """The store at TRANSITIESIM_WORKSHOP_DB (or the user's state folder), one per path."""
    return _store(str(default_db_path()))


@st.cache_resource(show_spinner=False)
def _store(path: str) -> WorkshopStore:
    return WorkshopStore(path)


@st.cache_resource(show_spinner=False)
def _playable() -> list[str]:
    """Shipped scenarios a workshop can play: with the decentralisation, starting before it."""
    out = []
    for name in shipped_scenarios():
        s = load_scenario(name)
        if s["decentralisation"] and s["reform_year"] > s["start_year"]:
            out.append(name)
    return out


def _lang() -> str:
    return st.session_state.get("lang", "nl")


def _language_switch() -> None:
    st.sidebar.radio(t("language", _lang()), ["nl", "en"], key="lang", horizontal=True,
                     format_func=lambda c: {"nl": "Nederlands", "en": "English"}[c])


def _pretty(code: str) -> str:
    return f"{code[:4]}-{code[4:]}"


def _base_url() -> str:
    url = st.context.url  # None outside a browser session (AppTest)
    return url.split("?")[0] if url else ""


def _go(**params: str) -> None:
    st.query_params.from_dict({**params, "lang": _lang()})
    st.rerun()


def route() -> bool:
    """Show a workshop screen if the link asks for one; False for the comparison app."""
    q = st.query_params
    if "join" in q:
        _language_switch()
        join_view(q["join"], _lang())
    elif "ws" in q and "ft" in q:
        _language_switch()
        facilitator_view(q["ws"], q["ft"], _lang())
    elif "ws" in q and "pt" in q:
        _language_switch()
        participant_view(q["pt"], _lang())
    else:
        return False
    return True


# --- start and join -------------------------------------------------------------------------
def home(lang: str) -> None:
    """The workshop entry in the app: start one (facilitator) or join one with a code."""
    st.title(t("ws_title", lang))
    st.write(t("ws_intro", lang))
    left, right = st.columns(2)
    with left:
        st.subheader(t("ws_start", lang))
        options = _playable()
        st.selectbox(t("ws_scenario", lang), options, key="ws_scenario",
                     index=options.index("calibrated") if "calibrated" in options else 0)
        st.number_input(t("ws_teams", lang), 1, 6, 2, key="ws_teams")
        st.number_input(t("ws_rounds", lang), 1, 11, 4, key="ws_rounds")
        st.number_input(t("ws_seed", lang), 0, 2**31 - 1, 1, key="ws_seed")
        if st.button(t("ws_create", lang), key="ws_create", type="primary"):
            try:
                with st.spinner("..."):
                    made = create_workshop(store(), st.session_state["ws_scenario"],
                                           teams=int(st.session_state["ws_teams"]),
                                           rounds=int(st.session_state["ws_rounds"]),
                                           seed=int(st.session_state["ws_seed"]))
            except WorkshopError as exc:
                st.error(markdown_text(str(exc)))
            else:
                _go(ws=made.code, ft=made.facilitator_token)
    with right:
        st.subheader(t("ws_join_title", lang))
        st.text_input(t("ws_code", lang), key="ws_join_code")
        if st.button(t("ws_go", lang), key="ws_join_go"):
            _go(join=normalise_code(st.session_state.get("ws_join_code", "")))


def join_view(code: str, lang: str) -> None:
    try:
        state = load_state(store(), code)
    except WorkshopError as exc:
        st.error(markdown_text(str(exc)))
        return
    st.title(t("ws_join_title", lang) + f" {_pretty(state.code)}")
    st.text_input(t("ws_name", lang), key="ws_name")
    st.selectbox(t("ws_team", lang), list(range(1, state.teams + 1)), key="ws_team")
    role = st.radio(t("ws_role", lang), list(ROLES), key="ws_role",
                    format_func=lambda r: ROLES[r].title(lang))
    st.caption(ROLES[role].about(lang))
    if st.button(t("ws_join", lang), key="ws_join", type="primary"):
        try:
            token = join(store(), state.code, int(st.session_state["ws_team"]), role,
                         st.session_state.get("ws_name", ""))
        except WorkshopError as exc:
            st.error(markdown_text(str(exc)))
        else:
            _go(ws=state.code, pt=token)


# --- a participant ----------------------------------------------------------------------------
def participant_view(token: str, lang: str) -> None:
    try:
        who = participant_of(store(), token)
    except WorkshopError as exc:
        st.error(t("ws_unknown_link", lang).format(error=markdown_text(str(exc))))
        return
    role = ROLES[who["role"]]
    st.title(role.title(lang))
    st.caption(t("ws_you_are", lang).format(name=markdown_text(who["name"]), team=who["team"],
                                           role=role.title(lang)))
    st.caption(role.about(lang))
    st.caption(t("ws_my_link", lang).format(
        link=markdown_text(f"{_base_url()}?ws={who['code']}&pt={token}")))
    _participant_live(token, who, lang)


@st.fragment(run_every=REFRESH_SECONDS)
def _participant_live(token: str, who: dict, lang: str) -> None:
    state = load_state(store(), who["code"])
    role = ROLES[who["role"]]
    _status_line(state, lang)
    if state.status == "open":
        if state.card:
            card = CARDS[state.card]
            st.warning(t("ws_card_now", lang).format(title=card.title(lang),
                                                     text=card.text(lang)))
        _decision_form(state, token, who, lang)
    elif state.current_round >= state.rounds and state.status == "closed":
        st.success(t("ws_finished", lang))
    else:
        st.info(t("ws_wait", lang))
    _results(state, who["team"], role.sees, lang)


def _lever_widget(name: str, low: float, high: float, key: str, lang: str) -> None:
    p = PARAM_BY_NAME[name]
    label = labels.lever_label(p, lang)
    span = high - low
    # fine enough for small shares (the experiment fund is 0.005 by default)
    step = 10 ** (len(str(int(span))) - 3) if span >= 100 else (0.001 if span <= 2 else 0.1)
    st.slider(label, float(low), float(high), step=float(step), key=key,
              help=labels.lever_help(p, lang, low, high))


def _decision_form(state: WorkshopState, token: str, who: dict, lang: str) -> None:
    k = state.current_round
    role = ROLES[who["role"]]
    in_force = state.current_levers(who["team"], who["role"])
    keys = {}
    with st.form(key=f"ws_form_{k}"):
        st.subheader(t("ws_decide", lang).format(year=state.year(k)))
        for lever in role.levers:
            key = f"ws_lever_{lever}_{k}"
            keys[lever] = key
            if key not in st.session_state:
                st.session_state[key] = float(in_force[lever])
            low, high = lever_range(state.scenario, lever)
            _lever_widget(lever, low, high, key, lang)
        sent = st.form_submit_button(t("ws_submit", lang), type="primary")
    if sent:
        try:
            submit(store(), token, {lever: float(st.session_state[key])
                                    for lever, key in keys.items()})
        except WorkshopError as exc:
            st.error(t("ws_refused", lang).format(error=markdown_text(str(exc))))
        else:
            st.session_state[f"ws_sent_{k}"] = True
    if st.session_state.get(f"ws_sent_{k}"):
        st.success(t("ws_submitted", lang))


def _status_line(state: WorkshopState, lang: str) -> None:
    if state.current_round == 0:
        st.info(t("ws_not_started", lang).format(year=state.year(0)))
        return
    st.markdown("### " + t("ws_round_status", lang).format(
        round=state.current_round, rounds=state.rounds, year=state.year(state.current_round),
        status=t(f"ws_status_{state.status}", lang)))


def _results(state: WorkshopState, team: int, sees: tuple[str, ...], lang: str) -> None:
    path = state.results[team]
    last = path[-1]
    prev = path[-2] if len(path) > 1 else None
    st.subheader(t("ws_results", lang).format(year=int(last["year"])))
    cols = st.columns(3)
    for i, name in enumerate(sees):
        delta = None if prev is None else an.format_number(last[name] - prev[name], name, lang)
        cols[i % 3].metric(an.label(name, lang), an.format_number(last[name], name, lang),
                           delta=delta, delta_color="off")
    chosen = st.selectbox(t("ws_indicator", lang), list(sees), key=f"ws_chart_{team}",
                          format_func=lambda n: an.label(n, lang))
    fig = go.Figure()
    for other, other_path in state.results.items():
        years = [int(v["year"]) for v in other_path]
        colour, symbol = an.series_style(other - 1)
        fig.add_scatter(x=years, y=[v[chosen] for v in other_path], mode="lines+markers",
                        name=f"{t('ws_team', lang)} {other}",
                        line={"width": 4 if other == team else 1.5, "color": colour},
                        marker={"symbol": symbol, "size": 9})
    fig.update_layout(height=320, margin={"t": 20, "b": 20}, xaxis={"dtick": 1})
    st.plotly_chart(an.localise_figure(fig, lang), key=f"ws_fig_{team}", width="stretch")


# --- the facilitator ----------------------------------------------------------------------------
def facilitator_view(code: str, token: str, lang: str) -> None:
    if not is_facilitator(store(), code, token):
        st.error(t("ws_not_facilitator", lang))
        return
    state = load_state(store(), code)
    st.title(f"Workshop {_pretty(state.code)}")
    st.markdown("## " + t("ws_code_is", lang).format(code=_pretty(state.code)))
    base = _base_url()
    st.markdown(t("ws_join_link", lang).format(join=f"{base}?join={state.code}"))
    with st.expander(t("ws_fac_link", lang)):  # closed: the screen may be on a projector
        st.code(f"{base}?ws={state.code}&ft={token}", language=None)
    view = st.radio(" ", ["control", "debrief"], key="ws_view", horizontal=True,
                    label_visibility="collapsed", format_func=lambda v: t(f"ws_{v}", lang))
    if view == "debrief":
        debrief_view(state, lang)
        return
    _controls(state, token, lang)
    _facilitator_live(state.code, lang)


def _act(action, *args) -> None:
    """Run a facilitator action; a refusal (another screen acted first) is shown, not raised."""
    try:
        action(store(), *args)
    except WorkshopError as exc:
        st.session_state["ws_refusal"] = str(exc)
    st.rerun()


def _controls(state: WorkshopState, token: str, lang: str) -> None:
    k = state.current_round
    if st.session_state.get("ws_refusal"):
        st.error(t("ws_refused", lang).format(
            error=markdown_text(st.session_state.pop("ws_refusal"))))
    if state.status == "closed":
        if k < state.rounds:
            if st.button(t("ws_open", lang).format(round=k + 1), key="ws_open", type="primary"):
                _act(open_round, state.code, token)
        else:
            st.success(t("ws_finished", lang))
        return
    options = [""] + list(CARDS)
    st.session_state.setdefault(f"ws_card_{k}", state.card or "")
    left, right = st.columns([3, 1])
    left.selectbox(t("ws_card", lang), options, key=f"ws_card_{k}",
                   format_func=lambda c: CARDS[c].title(lang) if c else t("ws_no_card", lang))
    if right.button(t("ws_play", lang), key="ws_play"):
        _act(play_card, state.code, token, st.session_state[f"ws_card_{k}"] or None)
    if state.card:
        st.warning(t("ws_card_now", lang).format(title=CARDS[state.card].title(lang),
                                                 text=CARDS[state.card].text(lang)))
    if st.button(t("ws_close", lang).format(round=k), key="ws_close", type="primary"):
        with st.spinner(t("ws_status_closing", lang)):
            _act(close_round, state.code, token, k)


@st.fragment(run_every=REFRESH_SECONDS)
def _facilitator_live(code: str, lang: str) -> None:
    state = load_state(store(), code)
    _status_line(state, lang)
    st.subheader(t("ws_who", lang))
    rows = []
    for team in range(1, state.teams + 1):
        row: dict[str, Any] = {t("ws_team", lang): team}
        for name, role in ROLES.items():
            p = state.participants
            names = ", ".join(p[(p.team == team) & (p.role == name)]["name"]) or \
                t("ws_nobody", lang)
            mark = t("ws_decided", lang) if state.decided(team, name) else t("ws_pending", lang)
            row[role.title(lang)] = f"{names}: {mark}" if state.status == "open" else names
        rows.append(row)
    st.table(pd.DataFrame(rows).set_index(t("ws_team", lang)))
    paths = db.team_paths(state)
    last = paths[paths["round"] == paths["round"].max()]
    st.subheader(t("ws_results", lang).format(year=int(last["year"].iloc[0])))
    by_team = last.set_index("team")
    st.table(pd.DataFrame(
        {f"{t('ws_team', lang)} {team}": [an.format_number(by_team.loc[team, n], n, lang)
                                          for n in db.DEBRIEF_INDICATORS]
         for team in by_team.index},
        index=[db.chart_label(n, lang) for n in db.DEBRIEF_INDICATORS]))


# --- the debrief --------------------------------------------------------------------------------
def _version(state: WorkshopState) -> str:
    """Changes when a round closes: the debrief's caches are keyed by it."""
    blob = repr((state.code, state.closed_rounds, sorted(state.cards.items()),
                 state.decisions.to_dict("records")))
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


@st.cache_data(show_spinner=False, max_entries=32)
def _shipped_paths(code: str, version: str) -> pd.DataFrame:
    return db.scenario_paths(load_state(store(), code))


@st.cache_data(show_spinner=False, max_entries=64)
def _effects(code: str, version: str, team: int, lang: str) -> pd.DataFrame:
    return db.effects_table(store(), load_state(store(), code), team, lang)


def _shipped_title(name: str, lang: str) -> str:
    """A shipped scenario's title in ``lang`` (its name if it has none)."""
    s = load_scenario(name)
    return (s.title_nl if lang == "nl" else s.title_en) or name


def debrief_view(state: WorkshopState, lang: str) -> None:
    version = _version(state)
    paths = db.team_paths(state)
    with st.spinner("..."):
        shipped = _shipped_paths(state.code, version)
    st.header(t("ws_paths", lang))
    cols = st.columns(2)
    dashes = {"no-decentralisation": "dot", "transition-only": "dash", "transformation": "dashdot"}
    for i, name in enumerate(db.DEBRIEF_INDICATORS):
        fig = go.Figure()
        for scen, part in shipped.groupby("scenario"):
            fig.add_scatter(x=part.year, y=part[name], name=_shipped_title(str(scen), lang),
                            mode="lines",
                            line={"color": "grey", "width": 2, "dash": dashes.get(scen)})
        for team, part in paths.groupby("team"):
            fig.add_scatter(x=part.year, y=part[name], mode="lines+markers",
                            name=f"{t('ws_team', lang)} {team}",
                            line={"width": 5, "color": an.series_style(team - 1)[0]},
                            marker={"size": 10, "symbol": an.series_style(team - 1)[1]})
        fig.update_layout(title={"text": db.chart_label(name, lang), "font": {"size": 24}},
                          font={"size": 18}, height=460, xaxis={"dtick": 1},
                          margin={"t": 60, "b": 30})
        cols[i % 2].plotly_chart(an.localise_figure(fig, lang), key=f"ws_debrief_{name}",
                                 width="stretch")
    if state.cards:
        st.subheader(t("ws_cards_played", lang))
        for k, card in sorted(state.cards.items()):
            st.markdown(f"- {t('ws_round', lang)} {k} ({state.year(k)}): "
                        f"{CARDS[card].title(lang)}")
    for team in range(1, state.teams + 1):
        st.subheader(t("ws_effects", lang).format(team=team))
        with st.spinner("..."):
            table = _effects(state.code, version, team, lang)
        if table.empty:
            st.write(t("ws_none", lang))
        else:
            st.dataframe(table, hide_index=True, key=f"ws_effects_{team}")
    a, b, c = st.columns(3)
    a.download_button(t("ws_download_html", lang),
                      lambda: db.report_html(store(), state, lang).encode("utf-8"),
                      file_name=f"workshop_{state.code}.html", mime="text/html",
                      key="ws_dl_html")
    b.download_button(t("ws_download_pdf", lang), lambda: db.report_pdf(store(), state, lang),
                      file_name=f"workshop_{state.code}.pdf", mime="application/pdf",
                      key="ws_dl_pdf")
    c.download_button(t("ws_download_log", lang), lambda: db.log_csv(store(), state.code),
                      file_name=f"workshop_{state.code}_log.csv", mime="text/csv",
                      key="ws_dl_csv")
