"""The scenario comparison app (Streamlit). Thin: it collects choices, calls ``run`` through a
cache, and shows what ``ui.analysis`` computes. No model logic lives here.

Every widget has a key; tests find widgets by key, never by position.
"""

from __future__ import annotations

import dataclasses
import io
import ipaddress
import json
import logging
import os
import re
import time
import zipfile
from collections.abc import Callable
from urllib.parse import parse_qsl

import pandas as pd
import plotly.colors
import plotly.graph_objects as go
import streamlit as st
import tomli_w

from .. import data, labels
from ..indicators import better
from ..params import DOMAINS, PARAMETERS
from ..run import provenance, replication_seeds
from ..scenario import (
    Problem,
    Scenario,
    ScenarioError,
    load_scenario_text,
    load_shipped,
    shipped_scenarios,
)
from ..statline import read_population, scenario_raw
from ..text import domain_label, t, unit_words
from ..textsafe import (
    MAX_NAME_CHARS,
    NAME_ALLOWED,
    clip_text,
    html_text,
    markdown_text,
    name_problem,
    slug,
    spreadsheet_safe,
)
from . import analysis as an
from . import errors, link, workshop
from .link import EDITABLE, MAX_SCENARIOS, PRECISIONS
from .runner import RunCache

log = logging.getLogger("transitiesim.app")
DEFAULT_SCENARIOS = ["no-decentralisation", "transition-only", "transformation"]
DEFAULT_SEEDS = 5
DEFAULT_PRECISION = 0.1
# What the "Why?" tab offers: indicators the model produces (not derived sums); the
# mechanisms it suggests are the indicator's domain's (explain.suggested_mechanisms).
WHY_INDICATORS = ("clients_jeugd", "spending_eur_jeugd", "clients_wmo",
                  "clients_wmo_household_help", "spending_eur_wmo", "bijstand_recipients",
                  "unmet_need", "waiting_list", "reserves_eur")
WHY_MOST_MECHANISMS = 5  # 2^5 runs per seed: a few minutes at the comparison's precision
SERIES = ("unmet_need", "waiting_list", "clients_wmo", "clients_jeugd", "carers_overburdened",
          "informal_carers", "wellbeing_mean", "wellbeing_p10", "deficit_eur_total",
          "cost_per_client_eur", "providers_active", "providers_bankrupt",
          "innovation_adoption", "citizen_initiatives", "youth_care_share",
          "bijstand_recipients", "exits_to_work", "reserves_eur")
# Phones (issue 19, item 7): Streamlit stacks a row of columns one under the other below
# 640 px, so the six headline cards of three scenarios became 18 in a column. There they go
# two to a row with smaller figures, the tab bar wraps instead of hiding its last tabs, and
# the charts' toolbar (which covered their titles) is left out; zooming still works by touch.
# At every width a card's label wraps rather than cutting off its unit ("Onvervulde hulpv…"),
# with room for three lines on wide screens so the figures of a row stay level.
NARROW_SCREEN_CSS = """
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] * {
  white-space: normal !important; overflow: visible !important; }
@media (min-width: 641px) {
  [data-testid="stMetricLabel"] { min-height: 4.6em; align-items: flex-start !important; } }
@media (max-width: 640px) {
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) {
    flex-wrap: wrap !important; gap: 0.5rem !important; }
  [data-testid="stHorizontalBlock"]:has([data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important;
    width: calc(50% - 0.5rem) !important; }
  [data-testid="stMetricValue"] { font-size: 1.5rem !important; }
  [data-testid="stMain"] [role="tablist"] {
    flex-wrap: wrap !important; overflow: visible !important; }
  .modebar-container { display: none !important; }
}
"""
MAX_CHOSEN_MUNICIPALITIES = 5  # lines in one chart that stay apart
MAX_UPLOAD_BYTES = 1_000_000  # .streamlit/config.toml's server.maxUploadSize is 1 (MB) too
ROOM_ENV = "TRANSITIESIM_ROOM"  # set by scripts/room.sh: serve the workshop pages to a room


@st.cache_resource(show_spinner=False)
def run_cache() -> RunCache:
    """One cache (and worker pool) per app process, shared by every session."""
    cache = RunCache()
    cache.warm_up()
    return cache


@st.cache_resource(show_spinner=False)
def shipped(name: str) -> Scenario:
    """A shipped scenario by name, never a path (immutable: one object serves every session)."""
    return load_shipped(name)


def _lang() -> str:
    return st.session_state.get("lang", "nl")


def _restore_from_url() -> None:
    """First run of a session: take the choices from the link, if any."""
    if st.session_state.get("_restored"):
        return
    st.session_state["_restored"] = True
    st.session_state.setdefault("custom", {})
    query = {k: v for k in st.query_params.keys() if (v := st.query_params.get(k)) is not None}
    shared = link.parse_share(query, list(shipped_scenarios()), st.session_state["custom"])
    problems = list(shared.problems)
    for edit in shared.edits:
        try:
            scenario = link.apply_changes(shipped(edit.base), edit.changes)
        except ScenarioError as exc:  # values fine one by one, not together
            problems += [Problem(f"{edit.name}: {p.field}", p.value, p.allowed)
                         for p in exc.problems]
            continue
        _add_custom(edit.name, _as_copy(scenario, edit.name), (edit.base, dict(edit.changes)))
    if shared.lang:
        st.session_state["lang"] = shared.lang
    known = set(shipped_scenarios()) | set(st.session_state["custom"])
    chosen = [s for s in shared.scenarios if s in known]
    if len(chosen) >= 2:
        st.session_state["scenarios"] = chosen
    if shared.baseline in known:
        st.session_state["baseline"] = shared.baseline
    if shared.seeds is not None:
        st.session_state["seeds"] = shared.seeds
    if shared.precision is not None:
        st.session_state["precision"] = shared.precision
    st.session_state["url_problems"] = problems


def _as_copy(scenario: Scenario, name: str) -> Scenario:
    """An edited or uploaded scenario under its own name: its titles are its name, so it can
    never pass for a shipped scenario (the app marks it as a copy as well)."""
    return dataclasses.replace(scenario, name=name, title_nl=name, title_en=name)


def _add_custom(name: str, scenario: Scenario, spec: tuple[str, dict] | None) -> None:
    st.session_state.setdefault("custom", {})[name] = (scenario, spec)


def _free_name(name: str) -> str:
    """``name``, or the first of ``name-2``, ``name-3``, ... (``x-3``, ``x-4``, ... for a taken
    ``x-2``) that no scenario has: a new copy never replaces another, whose results would be
    lost without a word."""
    taken = set(shipped_scenarios()) | set(st.session_state.get("custom", {}))
    if name not in taken:
        return name
    numbered = re.fullmatch(r"(.+)-([0-9]{1,6})", name)
    stem, k = (numbered[1], int(numbered[2]) + 1) if numbered else (name, 2)
    stem = stem[:MAX_NAME_CHARS - 8]
    while f"{stem}-{k}" in taken:
        k += 1
    return f"{stem}-{k}"


def _scenario(name: str) -> Scenario:
    custom = st.session_state.get("custom", {})
    return custom[name][0] if name in custom else shipped(name)


def _title(name: str, lang: str) -> str:
    """The scenario's title as plain text; a copy (edited or uploaded) is marked with a pencil
    and its name, so it cannot pass for a shipped one. Render it with markdown_text or
    html_text, never as it is."""
    s = _scenario(name)
    title = (s.title_nl if lang == "nl" else s.title_en) or name
    if name in st.session_state.get("custom", {}):
        return f"\u270e {name}" if title == name else f"\u270e {name}: {title}"
    return title


def _titled(names: list[str], lang: str) -> Callable[[str], str]:
    """A format function for a choice among ``names``: their titles taken now, during the
    run, so it never reads the session when Streamlit (or AppTest) calls it afterwards."""
    titles = {n: _title(n, lang) for n in names}
    return lambda n: titles.get(n, n)


def _on_add_edit() -> None:
    """Button callback: add the edited copy and put it in the comparison."""
    lang = _lang()
    base = st.session_state["edit_base"]
    name = (st.session_state.get("edit_name") or f"{base}-copy").strip()
    if name_problem(name) or name in shipped_scenarios():
        # kept as the problem, not its text: shown in the language of the page at the time
        st.session_state["edit_error"] = Problem(errors.EDIT_NAME_FIELD, name,
                                                 NAME_ALLOWED + "; not a shipped scenario's name")
        return
    original = _scenario(base)
    changes = {p.name: st.session_state[f"lever_{p.name}"] for p in EDITABLE
               if f"lever_{p.name}" in st.session_state
               and st.session_state[f"lever_{p.name}"] != original[p.name]}
    if st.session_state.get("edit_cbs"):  # one municipality of CBS's table
        changes[link.MUNICIPALITY_KEY] = st.session_state["edit_cbs"]
    try:
        edited = link.apply_changes(original, changes)
    except ScenarioError as exc:
        st.session_state["edit_error"] = exc
        return
    root_base, root_changes = base, {}
    custom = st.session_state.get("custom", {})
    if base in custom and custom[base][1] is not None:  # an edit of an edit
        root_base, root_changes = custom[base][1]
    spec = (root_base, {**root_changes, **changes}) if root_base in shipped_scenarios() else None
    asked, name = name, _free_name(name)
    _add_custom(name, _as_copy(edited, name), spec)
    dropped = _join_comparison(name, keep=base)
    st.session_state["baseline"] = base  # a copy is compared with what it was made from
    st.session_state["edit_error"] = None
    st.session_state["edit_notice"] = _added_notice(name, dropped, lang, asked)
    st.session_state["edit_name"] = _free_name(name)  # the next copy's name is free too


def _join_comparison(name: str, keep: str | None) -> list[str]:
    """Put ``name`` last in the comparison, with ``keep`` (the baseline) in it too, within
    ``MAX_SCENARIOS``: the oldest others make room. Returns those taken out, oldest first,
    so the page can say so (nothing leaves the comparison without a word)."""
    chosen = [s for s in st.session_state.get("scenarios", []) if s != name]
    if keep is not None and keep != name and keep not in chosen:
        chosen.insert(0, keep)
    dropped = []
    while len(chosen) + 1 > MAX_SCENARIOS:
        out = next(s for s in chosen if s != keep)
        chosen.remove(out)
        dropped.append(out)
    st.session_state["scenarios"] = [*chosen, name]
    return dropped


def _added_notice(name: str, dropped: list[str], lang: str, asked: str | None = None,
                  in_link: bool = True) -> str:
    """'Scenario added' (under another name when ``asked`` was taken), which scenarios left
    the comparison to make room, and whether the link carries the new copy."""
    notice = t("upload_ok", lang).format(name=name)
    if asked is not None and asked != name:
        notice += " " + t("name_taken", lang).format(asked=asked, name=name)
    if not in_link:
        notice += " " + t("not_in_link", lang)
    if dropped:
        notice += " " + t("scenarios_dropped", lang).format(
            max=MAX_SCENARIOS, names=", ".join(_title(n, lang) for n in dropped))
    return notice


def _on_upload() -> None:
    """Upload callback: validate the file with the loader; refuse it with the loader's message."""
    lang = _lang()
    file = st.session_state.get("upload")
    if file is None:
        return
    data = file.getvalue()
    source = clip_text(file.name, 80)  # the file's name is the user's text, shown as text
    try:
        if len(data) > MAX_UPLOAD_BYTES:
            raise ScenarioError([Problem("file", f"{len(data):,} bytes",
                                         f"at most {MAX_UPLOAD_BYTES:,} bytes")], source)
        if source.lower().endswith(".csv"):  # a StatLine export: its municipalities
            scenario = _statline_scenario(data, source)
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                raise ScenarioError([Problem("file", "not UTF-8 text",
                                             "a TOML file in UTF-8")], source) from None
            scenario = load_scenario_text(text, source)
    except ScenarioError as exc:
        st.session_state["upload_error"] = exc
        return
    # Never a shipped scenario's name nor another copy's: a copy keeps its own, marked,
    # identity, and replaces nothing.
    asked = scenario.name if scenario.name not in shipped_scenarios() else \
        f"{scenario.name}-upload"
    name = _free_name(asked)
    # The link carries the file as an edited copy when levers alone make it from a shipped one.
    spec = link.as_edit(scenario, {n: shipped(n) for n in shipped_scenarios()})
    _add_custom(name, dataclasses.replace(scenario, name=name), spec)
    dropped = _join_comparison(name, keep=st.session_state.get("baseline"))
    st.session_state["upload_error"] = None
    st.session_state["edit_notice"] = _added_notice(name, dropped, lang, asked,
                                                    in_link=spec is not None)


# What an uploaded StatLine export is run as: the Netherlands' scenario, for its municipalities
# (as ``transitiesim statline`` does by default).
STATLINE_BASE = "netherlands"


def _statline_scenario(data: bytes, source: str) -> Scenario:
    """An uploaded CBS StatLine export (population per municipality, by age if given) as
    ``STATLINE_BASE`` for those municipalities, named after the file. Raises ScenarioError
    (the reader's problems, naming the column or row) like the loader."""
    text = None
    for encoding in ("utf-8-sig", "cp1252"):  # StatLine writes either
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    if text is None:
        raise ScenarioError([Problem("file", "not UTF-8 or Windows-1252 text",
                                     "a CSV export from StatLine")], source)
    municipalities = read_population(source, text=text)
    name = slug(source.rsplit(".", 1)[0], fallback="statline")
    return load_scenario_text(tomli_w.dumps(scenario_raw(municipalities, name, STATLINE_BASE)),
                              source)


def sidebar(lang: str) -> None:
    sb = st.sidebar
    sb.radio(t("language", lang), ["nl", "en"], key="lang", horizontal=True,
             format_func=lambda c: {"nl": "Nederlands", "en": "English"}[c])
    lang = _lang()
    options = list(shipped_scenarios()) + [n for n in st.session_state.get("custom", {})
                                          if n not in shipped_scenarios()]
    st.session_state.setdefault("scenarios", DEFAULT_SCENARIOS)
    sb.multiselect(t("scenarios", lang), options, key="scenarios", max_selections=MAX_SCENARIOS,
                   format_func=_titled(options, lang))
    chosen = st.session_state["scenarios"] or options[:1]
    if st.session_state.get("baseline") not in chosen:
        st.session_state["baseline"] = chosen[0]
    sb.selectbox(t("baseline", lang), chosen, key="baseline",
                 format_func=_titled(chosen, lang))
    st.session_state.setdefault("seeds", DEFAULT_SEEDS)
    sb.slider(t("seeds", lang), 1, 20, key="seeds")
    scale_param = next(p for p in PARAMETERS if p.name == "scale")
    st.session_state.setdefault("precision", DEFAULT_PRECISION)
    sb.select_slider(t("precision", lang), options=list(PRECISIONS), key="precision",
                     format_func=lambda v: an.decimal(v, lang),
                     help=t("precision_help", lang) + " "
                     + (scale_param.help_nl if lang == "nl" else scale_param.help_en))
    sb.file_uploader(t("upload", lang), type=["toml", "csv"], key="upload",
                     on_change=_on_upload, help=t("upload_help", lang))
    if st.session_state.get("upload_error"):
        sb.error(markdown_text(t("upload_refused", lang).format(
            error=errors.error_text(st.session_state["upload_error"], lang))))
    with sb.expander(t("edit", lang)):
        _edit_form(lang, options)


@st.cache_data(show_spinner=False)
def _cbs_names() -> dict[str, str]:
    """CBS code -> name of the 393 municipalities of 2015, by name."""
    table = data.municipalities_2015().sort_values("name")
    return dict(zip(table.code, table.name, strict=True))


def _edit_form(lang: str, options: list[str]) -> None:
    if st.session_state.get("edit_base") not in options:
        # A copy starts from the comparison's baseline, which it is then compared with; a
        # base from outside the comparison would join it to be compared with.
        baseline = st.session_state.get("baseline")
        st.session_state["edit_base"] = baseline if baseline in options else options[0]
    base = st.selectbox(t("edit_base", lang), options, key="edit_base",
                        format_func=_titled(options, lang))
    original = _scenario(base)
    if st.session_state.get("_edit_loaded") != base:
        # A new base: set every lever widget to that scenario's value.
        for p in EDITABLE:
            st.session_state[f"lever_{p.name}"] = original[p.name]
        st.session_state["_edit_loaded"] = base
        st.session_state["edit_name"] = _free_name(f"{base}-2")
    st.text_input(t("edit_name", lang), key="edit_name")
    # One's own municipality: any of CBS's 393 of 2015, found by typing its name.
    codes = _cbs_names()
    st.selectbox(t("edit_cbs", lang), ["", *codes], key="edit_cbs",
                 format_func=lambda c: codes.get(c, t("edit_cbs_none", lang)),
                 help=t("edit_cbs_help", lang))
    st.caption(t("edit_levers", lang))
    sections: dict[str, list] = {}
    for p in EDITABLE:
        sections.setdefault(labels.section(p), []).append(p)
    show_all = st.checkbox(t("edit_all", lang), key="edit_all")
    # Tabs, not a choice of section: every shown lever is rendered, so an edit in one tab is
    # kept while another is open (Streamlit forgets a widget that is not rendered).
    shown = [s for s in labels.SECTIONS if show_all or s in labels.FIRST_SECTIONS]
    for tab, name in zip(st.tabs([labels.section_title(s, lang) for s in shown]), shown,
                         strict=True):
        with tab:
            for p in sections.get(name, []):
                _lever_widget(p, lang)
    st.button(t("edit_add", lang), key="edit_add", on_click=_on_add_edit)
    if st.session_state.get("edit_error"):
        st.error(markdown_text(errors.any_text(st.session_state["edit_error"], lang)))


def _lever_widget(p, lang: str) -> None:
    """A widget generated from the parameter's declaration (label, help, range, unit)."""
    key = f"lever_{p.name}"
    label, help_text = labels.lever_label(p, lang), labels.lever_help(p, lang)
    if p.type is bool:
        st.checkbox(label, key=key, help=help_text)
    elif p.choices:
        st.selectbox(label, list(p.choices), key=key, help=help_text,
                     format_func=lambda c: labels.choice_words(p, c, lang))
    elif p.type is int:
        st.number_input(label, min_value=int(p.low), max_value=int(p.high), step=1, key=key,
                        help=help_text)
    else:
        span = p.high - p.low
        step = 10 ** (len(str(int(span))) - 3) if span >= 100 else (0.01 if span <= 2 else 0.1)
        st.slider(label, float(p.low), float(p.high), step=float(step), key=key,
                  help=help_text)


def compute(names: list[str], seeds: list[int], precision: float, lang: str
            ) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """Run (or fetch from the cache) every scenario for every seed."""
    cache = run_cache()
    started, computed_before = time.perf_counter(), cache.computed
    texts = {name: scenario.to_toml() for name, scenario in as_run(names, precision).items()}
    keys = [(texts[name], seed) for name in names for seed in seeds]
    bar = st.progress(0.0)

    def progress(done: int, total: int) -> None:
        bar.progress(done / total, t("running", lang).format(done=done, total=total))

    tables = iter(cache.get(keys, progress))
    national, local = {}, {}
    for name in names:
        parts = [next(tables) for _ in seeds]
        national[name] = pd.concat([n for n, _ in parts], ignore_index=True)
        local[name] = pd.concat([loc for _, loc in parts], ignore_index=True)
    bar.empty()
    st.session_state["last_timing"] = (cache.computed - computed_before,
                                       time.perf_counter() - started)
    return national, local


def _effective_scale(scenario: Scenario, precision: float) -> float:
    """The scenario's scale times the precision, kept above what its smallest municipality needs.
    """
    wanted = scenario["scale"] * precision
    try:
        scenario.with_params(scale=wanted)
        return wanted
    except ScenarioError:
        return scenario["scale"]


def headline_cards(national, baseline: str, lang: str, per_100k: bool = False
                   ) -> list[an.Difference]:
    st.subheader(t("cards", lang).format(year=an.FROM_YEAR))
    st.caption(t("cards_note", lang))
    diffs = an.differences(national, baseline)
    shown = st.session_state["shown_cards"] = {}
    for name in national:
        st.markdown(f"**{markdown_text(_title(name, lang))}**"
                    + (f" ({t('baseline_tag', lang)})" if name == baseline else ""))
        cols = st.columns(len(an.HEADLINES))
        for col, ind in zip(cols, an.HEADLINES, strict=True):
            d = next(x for x in diffs if x.scenario == name and x.indicator == ind)
            delta = None if name == baseline else an.format_number(d.diff, ind, lang)
            value = an.format_number(d.value, ind, lang)
            shown[(name, ind)] = (value, delta, d.diff)
            interval = None if name == baseline else t("interval", lang).format(
                low=an.format_number(d.low, ind, lang), high=an.format_number(d.high, ind, lang))
            words = an.unit_label(ind, lang, per_100k)
            col.metric(f"{an.label(ind, lang)} ({words})", value, delta=delta,
                       delta_color="inverse" if better(ind) < 0 else "normal",
                       delta_description=interval, help=t("card_help", lang).format(
                           label=an.label(ind, lang), year=an.FROM_YEAR, unit=words))
    return diffs


def _band_figure(national, name: str, lang: str) -> tuple[go.Figure, pd.DataFrame]:
    fig = go.Figure()
    rows = []
    for i, (scen, table) in enumerate(national.items()):
        b = an.bands(table, name)
        colour, symbol = an.series_style(i)
        fig.add_trace(go.Scatter(x=list(b.date) + list(b.date[::-1]),
                                 y=list(b.high) + list(b.low[::-1]), fill="toself",
                                 fillcolor=colour, opacity=0.15, line={"width": 0},
                                 hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(x=b.date, y=b["median"], name=html_text(_title(scen, lang)),
                                 mode="lines+markers", line={"color": colour},
                                 marker={"symbol": symbol, "size": 8, "maxdisplayed": 14}))
        rows.append(b.assign(scenario=scen))
    fig.update_layout(title=an.label(name, lang),
                      yaxis_title=an.unit_label(name, lang,
                                                bool(st.session_state.get("per_100k"))),
                      margin={"t": 40, "b": 20}, height=380, legend={"orientation": "h"})
    return fig, pd.concat(rows, ignore_index=True)


def _csv_button(data: pd.DataFrame, key: str, lang: str) -> None:
    st.download_button(t("export_csv", lang),
                       spreadsheet_safe(data).to_csv(index=False).encode("utf-8"),
                       file_name=f"{key}.csv", mime="text/csv", key=f"csv_{key}")


def tab_series(national, lang: str) -> None:
    name = st.selectbox(t("indicator", lang), SERIES, key="series_indicator",
                        format_func=lambda n: an.label(n, lang))
    fig, data = _band_figure(national, name, lang)
    st.plotly_chart(an.localise_figure(fig, lang, dates=True), key="chart_series",
                    width="stretch")
    # A text alternative (scenario titles may come from a user: shown as text, not Markdown).
    st.text(an.chart_text(national, name, {n: _title(n, lang) for n in national}, lang,
                          bool(st.session_state.get("per_100k"))))
    _csv_button(data, f"series_{name}", lang)


def tab_budget(national, lang: str) -> None:
    domain = st.selectbox(t("domain", lang), [*DOMAINS, "total"], key="budget_domain",
                          format_func=lambda d: (t("domain_total", lang) if d == "total"
                                                 else domain_label(d, lang)))
    fig = go.Figure()
    rows = []
    for i, (scen, table) in enumerate(national.items()):
        yearly = table.groupby(["seed", "year"])[[f"budget_eur_{domain}",
                                                  f"spending_eur_{domain}"]].sum()
        med = yearly.groupby("year").median().reset_index()
        colour, symbol = an.series_style(i)
        title = html_text(_title(scen, lang))
        fig.add_trace(go.Scatter(x=med.year, y=med[f"budget_eur_{domain}"],
                                 name=f"{title}: {t('budget', lang)}", mode="lines+markers",
                                 line={"color": colour, "dash": "dash"},
                                 marker={"symbol": f"{symbol}-open", "size": 8}))
        fig.add_trace(go.Scatter(x=med.year, y=med[f"spending_eur_{domain}"],
                                 name=f"{title}: {t('spending', lang)}", mode="lines+markers",
                                 line={"color": colour}, marker={"symbol": symbol, "size": 8}))
        rows.append(med.assign(scenario=scen))
    per_100k = bool(st.session_state.get("per_100k"))
    fig.update_layout(yaxis_title=unit_words("EUR per year", lang, per_100k), height=380,
                      margin={"t": 20, "b": 20},
                      legend={"orientation": "h"})
    st.plotly_chart(an.localise_figure(fig, lang), key="chart_budget", width="stretch")
    _csv_button(pd.concat(rows, ignore_index=True), f"budget_{domain}", lang)


def tab_municipalities(local, national, lang: str, scales: dict[str, float], precision: float
                       ) -> None:
    """Each municipality of a scenario per 100,000 inhabitants, ranked; ``scales``: the
    persons simulated per inhabitant in each scenario as run at ``precision``, for the
    warning when too few persons stand for a municipality."""
    multi = [s for s, tab in local.items() if tab.municipality_id.nunique() > 1]
    if not multi:
        st.info(t("no_munis", lang))
        return
    scen = st.selectbox(t("muni_scenario", lang), multi, key="muni_scenario",
                        format_func=_titled(multi, lang))
    name = st.selectbox(t("indicator", lang), [s for s in SERIES if s in local[scen]],
                        key="muni_indicator", format_func=lambda n: an.label(n, lang))
    table = local[scen]
    year = st.select_slider(t("muni_year", lang), sorted(table.year.unique()),
                            value=int(table.year.max()), key="muni_year")
    rows = table[table.year == year].groupby(["municipality", "seed"])[[name, "population"]]
    per = rows.mean().groupby("municipality").median()
    # counts and amounts per 100,000 inhabitants; a share or a mean as it is
    per["per_100k"] = per[name] / per["population"] * 1e5 if an.scaled(name) else per[name]
    shown_as = t("per_100k_words", lang) if an.scaled(name) else an.unit_label(name, lang)
    per["simulated_persons"] = (per["population"] * scales[scen]).round()
    thin, total = an.thin_municipalities(per["population"], scales[scen])
    if thin:
        advice = "thin_munis_more" if precision < max(PRECISIONS) else "thin_munis_script"
        st.warning(t("thin_munis", lang).format(
            thin=thin, total=total,
            min=an.format_number(an.MIN_SIMULATED_PERSONS, "population", lang))
            + " " + t(advice, lang))
    per = per.sort_values("per_100k").reset_index()
    title = f"{an.label(name, lang)}, {shown_as}"
    codes = an.cbs_codes(per.municipality)
    if codes is not None:  # CBS's municipalities of 2015: a map
        st.plotly_chart(_map_figure(per, codes, name, title, lang), key="chart_munis_map",
                        width="stretch")
        st.caption(t("map_source", lang))
        st.text(an.map_text(per.municipality, per.per_100k, name, lang, shown_as))
    else:
        # Municipality names may come from an uploaded file: plotly renders some HTML in labels.
        fig = go.Figure(go.Bar(x=[html_text(m) for m in per.municipality], y=per.per_100k))
        fig.update_layout(title=title, height=380, margin={"t": 40, "b": 20})
        st.plotly_chart(an.localise_figure(fig, lang), key="chart_munis", width="stretch")
    # The same ranked, as a table one can search and sort (shown as text, never Markdown).
    ranked = per.sort_values("per_100k", ascending=False)[
        ["municipality", "per_100k", "simulated_persons"]].rename(columns={
            "municipality": t("muni_name", lang),
            "per_100k": t("muni_per_100k", lang) if an.scaled(name) else shown_as,
            "simulated_persons": t("muni_simulated", lang)})
    st.dataframe(ranked, key="table_munis", hide_index=True, width="stretch")
    _csv_button(per, f"municipalities_{name}_{year}", lang)
    _municipalities_over_time(table, national[scen], name, scen, lang, shown_as)


def _map_figure(per: pd.DataFrame, codes: list[str], name: str, title: str, lang: str
                ) -> go.Figure:
    """The municipalities coloured by ``per.per_100k`` on a plain chart (no map service, no
    tiles: nothing is fetched), one filled outline each, named with its value on hover, and
    a colour bar. ``name``: the indicator, for its number format."""
    outlines = an.municipality_outlines()
    low, high = float(per.per_100k.min()), float(per.per_100k.max())
    span = high - low or 1.0
    fig = go.Figure()
    for place, code, value in zip(per.municipality, codes, per.per_100k, strict=True):
        xs, ys = outlines[code]
        colour = "lightgrey" if pd.isna(value) else \
            plotly.colors.sample_colorscale(an.MAP_COLOURS, (value - low) / span)[0]
        fig.add_trace(go.Scatter(
            x=xs, y=ys, fill="toself", fillcolor=colour, mode="lines",
            line={"color": "white", "width": 0.4}, hoveron="fills", showlegend=False,
            name=f"{html_text(place)}: {an.format_number(value, name, lang)}"))
    # The colour bar, on an invisible marker trace.
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="markers", showlegend=False,
                             hoverinfo="skip", marker={
                                 "colorscale": an.MAP_COLOURS, "cmin": low, "cmax": high,
                                 "color": [low], "showscale": True,
                                 "colorbar": {"thickness": 12, "exponentformat": "none"}}))
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False, scaleanchor="x", scaleratio=an.LATITUDE_FACTOR)
    fig.update_layout(title=title, height=560, margin={"t": 40, "b": 10, "l": 10, "r": 10},
                      plot_bgcolor="white")
    return an.localise_figure(fig, lang)


def _municipalities_over_time(table: pd.DataFrame, national: pd.DataFrame, name: str,
                              scen: str, lang: str, shown_as: str) -> None:
    """Municipalities chosen by name (typing filters the list), year by year per 100,000
    inhabitants beside all municipalities together: the median over seeds and its 10-90%
    band, so a place is read with its noise."""
    names = sorted(table.municipality.unique())
    chosen = st.multiselect(t("muni_choose", lang), names, key=f"muni_chosen_{scen}",
                            max_selections=MAX_CHOSEN_MUNICIPALITIES,
                            placeholder=t("muni_choose_hint", lang))
    if not chosen:
        return
    per_year = an.municipalities_per_year(table, national, name, chosen)
    fig = go.Figure()
    for i, (place, rows) in enumerate(per_year.groupby("municipality", sort=False)):
        colour, symbol = an.series_style(i)
        title = html_text(place) if place != an.ALL_MUNICIPALITIES else t("muni_all", lang)
        fig.add_trace(go.Scatter(x=list(rows.year) + list(rows.year[::-1]),
                                 y=list(rows.high) + list(rows.low[::-1]), fill="toself",
                                 fillcolor=colour, opacity=0.15, line={"width": 0},
                                 hoverinfo="skip", showlegend=False))
        fig.add_trace(go.Scatter(x=rows.year, y=rows["median"], name=title,
                                 mode="lines+markers", line={"color": colour},
                                 marker={"symbol": symbol, "size": 8}))
    fig.update_layout(title=f"{an.label(name, lang)}, {shown_as}", height=380,
                      margin={"t": 40, "b": 20}, legend={"orientation": "h"})
    st.plotly_chart(an.localise_figure(fig, lang), key="chart_munis_chosen", width="stretch")
    _csv_button(per_year, f"municipalities_chosen_{name}", lang)


def tab_distribution(national, lang: str) -> None:
    st.caption(t("distribution_note", lang))
    for name in ("wellbeing_p10", "carers_overburdened"):
        fig, data = _band_figure(national, name, lang)
        st.plotly_chart(an.localise_figure(fig, lang, dates=True), key=f"chart_dist_{name}",
                        width="stretch")
        _csv_button(data, f"distribution_{name}", lang)


def default_keys() -> list[tuple[str, int]]:
    """The runs of the comparison a fresh app opens with (the shipped default scenarios,
    seeds and precision), keyed as ``compute`` asks the cache for them: what
    ``python -m transitiesim.ui.warm`` computes ahead of the first visitor."""
    seeds = replication_seeds(0, DEFAULT_SEEDS)
    texts = {n: s.with_params(scale=_effective_scale(s, DEFAULT_PRECISION)).to_toml()
             for n, s in ((n, load_shipped(n)) for n in DEFAULT_SCENARIOS)}
    return [(texts[n], seed) for n in DEFAULT_SCENARIOS for seed in seeds]


def as_run(names: list[str], precision: float) -> dict[str, Scenario]:
    """Each scenario as the app runs it: at its scale times the precision."""
    scenarios = {n: _scenario(n) for n in names}
    return {n: s.with_params(scale=_effective_scale(s, precision)) for n, s in scenarios.items()}


def results_zip(national, local, ran: dict[str, Scenario], seeds: list[int],
                precision: float) -> bytes:
    """The tables of every scenario (parquet) and ``provenance.json``: for each, the scenario
    as run (scale included), the seeds and the versions, so the zip reproduces the screen."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ran:
            for kind, table in (("national", national[name]), ("indicators", local[name])):
                data = io.BytesIO()
                table.to_parquet(data, index=False)
                z.writestr(f"{name}/{kind}.parquet", data.getvalue())
        z.writestr("provenance.json", json.dumps(
            {"precision": precision, "seeds": [int(s) for s in seeds],
             "scenarios": {n: provenance(sc, seeds) for n, sc in ran.items()}},
            indent=1, ensure_ascii=False))
    return buf.getvalue()


def tab_export(national, local, names, seeds, precision: float, lang: str) -> None:
    ran = as_run(names, precision)
    st.download_button(t("export_parquet", lang),
                       results_zip(national, local, ran, seeds, precision),
                       file_name="results.zip", mime="application/zip", key="download_parquet")
    which = st.selectbox(t("export_toml", lang), names, key="export_which",
                         format_func=_titled(names, lang))
    st.download_button(t("export_toml", lang), ran[which].to_toml().encode("utf-8"),
                       file_name=f"{which}.toml", mime="application/toml",
                       key="download_toml")
    custom = st.session_state.get("custom", {})
    query = link.share_query(_share_state(names, seeds, lang))
    base = (st.context.url or "").split("?")[0]
    st.markdown(f"**{t('export_link', lang)}**")
    st.code(f"{base}?{query}", language=None)
    st.caption(t("export_link_help", lang))
    st.markdown(f"**{t('export_python', lang)}**")
    # A shipped scenario by name, an edited copy as its base and changes, an upload as the
    # TOML file the download above saves (file name = its validated name).
    specs = [(n, *custom[n][1]) if n in custom and custom[n][1]
             else (n, f"{n}.toml", {}) if n in custom else (n, None, {}) for n in names]
    st.code(an.python_snippet(specs, seeds, {n: sc["scale"] for n, sc in ran.items()}),
            language="python")


def tab_why(names: list[str], seeds: list[int], precision: float, lang: str) -> None:
    """Why did an indicator change? ``explain`` over a few mechanisms, on request (each
    combination is a run per seed), at the comparison's precision and with two of its
    seeds."""
    from ..explain import MECHANISMS, ExplainError, explain, suggested_mechanisms

    st.caption(t("why_intro", lang))
    baseline = st.session_state.get("baseline")
    others = [n for n in names if n != baseline]  # a reform scenario, not the baseline
    name = st.selectbox(t("why_scenario", lang), names, key="why_scenario",
                        index=names.index(others[0]) if others else 0,
                        format_func=_titled(names, lang))
    indicator = st.selectbox(t("indicator", lang), WHY_INDICATORS, key="why_indicator",
                             format_func=lambda n: an.label(n, lang))
    scenario = _scenario(name)
    years = list(range(scenario["start_year"], scenario["end_year"] + 1))
    start = min(max(scenario["reform_year"], years[0]), years[-1])
    first, last = st.select_slider(t("why_years", lang), years, value=(start, years[-1]),
                                   key="why_years")
    # Each indicator keeps its own choice, starting from its domain's mechanisms.
    mechanisms = st.multiselect(
        t("why_mechanisms", lang), list(MECHANISMS),
        default=list(suggested_mechanisms(indicator, WHY_MOST_MECHANISMS)),
        max_selections=WHY_MOST_MECHANISMS, key=f"why_mechanisms_{indicator}",
        format_func=lambda m: getattr(MECHANISMS[m], f"help_{lang}"))
    scale = _effective_scale(scenario, precision)
    request = (scenario.with_params(scale=scale).to_toml(), indicator, first, last,
               tuple(mechanisms), tuple(seeds[:2]))
    done = st.session_state.setdefault("why_results", {})
    if st.button(t("why_run", lang), key="why_run") and request not in done:
        bar = st.progress(0.0)

        def progress(k: int, total: int) -> None:
            bar.progress(k / total, t("why_running", lang).format(done=k, total=total))

        try:
            done[request] = explain(scenario.with_params(scale=scale), indicator, first, last,
                                    mechanisms, seeds[:2], progress=progress)
        except ExplainError as exc:
            st.warning(t("why_refused", lang) + " " + "; ".join(
                markdown_text(str(p)) for p in exc.problems))
        bar.empty()
    result = done.get(request)
    if result is None:
        return
    table = result.table
    words = {**{m: getattr(MECHANISMS[m], f"help_{lang}") for m in result.mechanisms},
              "rest": t("why_rest", lang), "interaction": t("why_interaction", lang),
              "total": t("why_total", lang)}
    st.write(t("why_result", lang).format(
        indicator=an.label(indicator, lang), start=first, end=last, seeds=len(result.seeds),
        scale=an.decimal(scale, lang),
        total=an.format_number(float(table.loc["total", "shapley"]), indicator,
                                            lang)))
    parts = ["rest", *result.mechanisms]
    fig = go.Figure(go.Waterfall(
        orientation="h", y=[words[p] for p in parts] + [words["total"]],
        x=[float(table.loc[p, "shapley"]) for p in parts] + [0.0],
        measure=["relative"] * len(parts) + ["total"]))
    fig.update_layout(height=60 + 40 * (len(parts) + 1), margin={"t": 20, "b": 20},
                      yaxis={"autorange": "reversed"})
    st.plotly_chart(an.localise_figure(fig, lang), key="chart_why", width="stretch")
    shown_table = pd.DataFrame({
        t("why_part", lang): [words[p] for p in table.index],
        t("why_shapley", lang): [an.format_number(v, indicator, lang) for v in table.shapley],
        t("why_alone", lang): [an.format_number(v, indicator, lang) for v in table.alone],
        t("why_last", lang): [an.format_number(v, indicator, lang) if pd.notna(v) else ""
                              for v in table["last"]]})
    st.dataframe(shown_table, hide_index=True, key="why_table")
    st.session_state["why_shown"] = table


def _factor_label(name: str, lang: str) -> str:
    """A sweep factor as the levers show it (a declared parameter; a sweep file may also
    vary what it names otherwise: shown as its name)."""
    p = next((q for q in PARAMETERS if q.name == name), None)
    return labels.lever_label(p, lang) if p is not None else name


def sweep_view(lang: str) -> None:
    """Open a sweep folder (from `transitiesim sweep`) and plot its results."""
    from ..sweeps import SweepError, load_sweep, sensitivity

    st.title(t("sweep_title", lang))
    folder = st.text_input(t("sweep_folder", lang), key="sweep_dir")
    if not folder:
        st.info(t("sweep_help", lang))
        return
    try:
        results = load_sweep(folder)
    except SweepError as exc:
        st.error(markdown_text(str(exc)))
        return
    if results.damaged:
        st.warning(markdown_text(t("sweep_damaged", lang).format(
            n=len(results.damaged), first=f"{results.damaged[0][0]}: {results.damaged[0][1]}")))
    spec = results.spec
    total = len(results.design) * spec.replications
    st.write(t("sweep_summary", lang).format(name=spec.name, design=spec.design,
                                              done=len(results.runs), total=total,
                                              params=", ".join(f.name for f in spec.factors)))
    if results.runs.empty:
        return
    name = st.selectbox(t("indicator", lang), list(spec.indicators), key="sweep_indicator",
                        format_func=lambda n: an.label(n, lang))
    data = results.outcomes(name)
    factors = [f.name for f in spec.factors]
    param = st.selectbox(t("sweep_param", lang), factors, key="sweep_param",
                         format_func=lambda f: _factor_label(f, lang))
    fig = go.Figure(go.Scatter(x=data[param], y=data[name], mode="markers"))
    fig.update_layout(xaxis_title=_factor_label(param, lang),
                      yaxis_title=f"{an.label(name, lang)} ({an.unit_label(name, lang)})",
                      height=420,
                      margin={"t": 20, "b": 20})
    st.plotly_chart(an.localise_figure(fig, lang), key="chart_sweep", width="stretch")
    _csv_button(data, f"sweep_{spec.name}_{name}", lang)
    if len(results.runs) == total and not results.damaged:
        st.dataframe(sensitivity(results, name).round(3), key="sweep_table")
    else:
        st.warning(t("sweep_incomplete", lang))


def listening_beyond_this_machine() -> bool:
    """Whether the server may be reached from other machines (no address, or not loopback)."""
    address = st.get_option("server.address")
    if address in ("localhost",):
        return False
    try:
        return not ipaddress.ip_address(address).is_loopback
    except ValueError:  # None or "" (every interface), or a host name
        return True


def main() -> None:
    """The app, with a friendly message instead of a traceback if anything goes wrong (the
    traceback goes to the server's log, never to the visitor)."""
    try:
        _main()
    except Exception:  # noqa: BLE001 - the visitor gets a message, the log the details
        log.exception("transitiesim app: unexpected error")
        st.error(t("internal_error", _lang()))
    document_language(_lang())


def document_language(lang: str) -> None:
    """Tell the browser (and screen readers, spell checkers, translators) the page's
    language: Streamlit's page says ``<html lang="en">`` whatever it shows. Run last, after
    the language switch. The script is fixed text; ``lang`` is one of two codes."""
    code = lang if lang in ("nl", "en") else "nl"
    st.html(f"<script>document.documentElement.lang = {json.dumps(code)};</script>",
            unsafe_allow_javascript=True)


def _main() -> None:
    st.set_page_config(page_title="transitiesim", layout="wide")
    st.html(f"<style>{NARROW_SCREEN_CSS}</style>")
    room = os.environ.get(ROOM_ENV) == "1"
    if listening_beyond_this_machine() and not room:
        # Only the room mode (scripts/room.sh) may serve beyond this machine, and it serves
        # the workshop pages alone: the comparison and the sweep folder box stay local.
        st.error(t("not_local", _lang()))
        return
    if room:
        if not workshop.route():
            st.sidebar.radio(t("language", _lang()), ["nl", "en"], key="lang", horizontal=True,
                             format_func=lambda c: {"nl": "Nederlands", "en": "English"}[c])
            workshop.home(_lang())
        return
    _restore_from_url()
    if workshop.route():  # a workshop link: that screen only
        return
    lang = _lang()  # this run's: the format function below is called after the run too
    st.sidebar.radio(t("view", lang), ["compare", "sweep", "workshop"], key="view",
                     horizontal=True, format_func=lambda v: t(f"view_{v}", lang))
    if st.session_state.get("view") in ("sweep", "workshop"):
        st.sidebar.radio(t("language", _lang()), ["nl", "en"], key="lang", horizontal=True,
                         format_func=lambda c: {"nl": "Nederlands", "en": "English"}[c])
        if st.session_state["view"] == "sweep":
            sweep_view(_lang())
        else:
            workshop.home(_lang())
        return
    sidebar(_lang())
    lang = _lang()
    st.title(t("title", lang))
    st.write(t("intro", lang))
    if st.session_state.get("edit_notice"):
        st.success(markdown_text(st.session_state.pop("edit_notice")))
    if st.session_state.get("url_problems"):
        st.warning(t("url_refused", lang) + " " + "; ".join(
            markdown_text(errors.problem_text(p, lang)) for p in st.session_state["url_problems"]))
    names = list(st.session_state.get("scenarios") or [])
    if len(names) < 2:
        st.warning(t("pick_scenarios", lang))
        return
    baseline = st.session_state["baseline"]
    seeds = replication_seeds(0, st.session_state["seeds"])
    national, local = compute(names, seeds, st.session_state["precision"], lang)
    counted = national  # as counted, before any per-100,000 view
    sizes = {float(tab.population.iloc[0]) for tab in national.values()}
    if st.checkbox(t("per_100k", lang), key="per_100k"):
        national = {n: an.per_100k(tab) for n, tab in national.items()}
    elif len(sizes) > 1:
        st.warning(t("sizes_differ", lang))
    st.info(t("paired_note", lang))
    diffs = headline_cards(national, baseline, lang, bool(st.session_state.get("per_100k")))
    new_runs, seconds = st.session_state["last_timing"]
    st.caption(t("timing", lang).format(runs=new_runs,
                                        seconds=an.decimal(round(seconds, 1), lang)))
    tabs = st.tabs([t(k, lang) for k in ("tab_series", "tab_budget", "tab_munis",
                                          "tab_distribution", "tab_summary", "tab_export",
                                          "tab_why")])
    with tabs[0]:
        tab_series(national, lang)
    with tabs[1]:
        tab_budget(national, lang)
    with tabs[2]:
        precision = st.session_state["precision"]
        tab_municipalities(local, counted, lang, {n: float(s["scale"]) for n, s in
                                                  as_run(names, precision).items()}, precision)
    with tabs[3]:
        tab_distribution(national, lang)
    with tabs[4]:
        titles = {n: markdown_text(_title(n, lang)) for n in names}  # rendered as Markdown
        for sentence in an.summary_sentences(diffs, titles[baseline], titles, lang):
            st.markdown(f"- {sentence}")
    with tabs[5]:
        tab_export(national, local, names, seeds, st.session_state["precision"], lang)
    with tabs[6]:
        tab_why(names, seeds, st.session_state["precision"], lang)
    st.query_params.from_dict(_url_state(names, seeds, lang))


def _share_state(names: list[str], seeds: list[int], lang: str) -> dict:
    """What the shareable link holds: the choices, and how edited copies were made."""
    custom = st.session_state.get("custom", {})
    edited = [(n, *custom[n][1]) for n in names if n in custom and custom[n][1] is not None]
    return {"scenarios": names, "baseline": st.session_state["baseline"], "seeds": len(seeds),
            "lang": lang, "precision": st.session_state["precision"], "edited": edited}


def _url_state(names: list[str], seeds: list[int], lang: str) -> dict[str, str]:
    """The same as query parameters, so the address bar is always a shareable link."""
    return dict(parse_qsl(link.share_query(_share_state(names, seeds, lang))))
