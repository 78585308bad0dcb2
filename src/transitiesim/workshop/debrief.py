"""The debrief: the teams' paths against the shipped scenarios, what each round's decisions
changed, and the report (HTML or PDF) and log (CSV) to take home."""

from __future__ import annotations

import base64
import functools
import html
import io

import pandas as pd

from ..extras import require
from ..indicators import DERIVED_BY_NAME, declared, label
from ..params import PARAM_BY_NAME
from ..run import run
from ..scenario import load_scenario
from ..text import t
from ..textsafe import spreadsheet_safe
from .cards import CARDS
from .play import play
from .roles import LEVER_ROLE, ROLES
from .service import WorkshopState, WorkshopStore, log_table, round_inputs

# The indicators a debrief shows, in this order (care spending is Wmo plus youth care).
DEBRIEF_INDICATORS = ("unmet_need", "waiting_list", "care_spending_eur", "carers_overburdened",
                      "wellbeing_p10", "innovation_adoption")
COMPARE_WITH = ("no-decentralisation", "transition-only", "transformation")


def _with_derived(df: pd.DataFrame) -> pd.DataFrame:
    df = df.copy()
    df["care_spending_eur"] = _derived(df, "care_spending_eur")
    return df


def team_paths(state: WorkshopState) -> pd.DataFrame:
    """One row per team and closed round (round 0 = the year before the reform)."""
    rows = [{"team": team, "round": k, **values}
            for team, path in state.results.items() for k, values in enumerate(path)]
    return _with_derived(pd.DataFrame(rows)).astype({"year": int})


@functools.lru_cache(maxsize=32)
def _shipped_path(name: str, seed: int, first: int, last: int) -> pd.DataFrame:
    scenario = load_scenario(name).with_params(end_year=last)
    yearly = run(scenario, seed=seed).yearly()
    return _with_derived(yearly[(yearly.year >= first) & (yearly.year <= last)])


def scenario_paths(state: WorkshopState, names: tuple[str, ...] = COMPARE_WITH
                   ) -> pd.DataFrame:
    """The shipped scenarios over the same years with the workshop's seed (shared draws)."""
    first, last = state.year(0), state.year(max(state.closed_rounds, 0))
    parts = [_shipped_path(n, state.seed, first, last).assign(scenario=n) for n in names]
    return pd.concat(parts, ignore_index=True)


def decision_effects(store: WorkshopStore, state: WorkshopState, team: int) -> pd.DataFrame:
    """Per closed round of ``team``: the decisions taken and what they changed in that year,
    as the difference between the team's path and the same path without that round's decisions
    (same draws, same cards), so the effect is the decisions' own."""
    k_max = state.closed_rounds
    if k_max < 1:
        return pd.DataFrame()
    inputs = round_inputs(store, state.code, team, k_max)
    full = state.results[team]
    rows = []
    for k, rnd in enumerate(inputs, start=1):
        if not rnd.decisions:
            continue
        without = play(state.scenario, state.seed, inputs[:k], withhold=k)[-1]
        row = {"round": k, "year": state.year(k),
               "decisions": "; ".join(f"{lever} = {value:g} ({PARAM_BY_NAME[lever].unit})"
                                      for lever, value in sorted(rnd.decisions.items())),
               "roles": ", ".join(sorted({LEVER_ROLE[lever] for lever in rnd.decisions}))}
        for name in DEBRIEF_INDICATORS:
            row[name] = _derived(full[k], name) - _derived(without, name)
        rows.append(row)
    return pd.DataFrame(rows)


def _derived(values, name: str):
    """An indicator or a declared derived one, from a dict of values or a table."""
    if name in DERIVED_BY_NAME:
        return DERIVED_BY_NAME[name].compute(values)
    return values[name]


def chart_label(name: str, lang: str) -> str:
    """The label of a debrief indicator; money is summed over the year (``play.year_values``)."""
    if declared(name).unit == "EUR per month":
        return f"{label(name, lang)} ({tr('eur_per_year', lang)})"
    return label(name, lang)


# --- the report -------------------------------------------------------------------------------
def tr(key: str, lang: str) -> str:
    return t(f"ws_{key}", lang)


def figure(state: WorkshopState, paths: pd.DataFrame, shipped: pd.DataFrame, lang: str):
    """Large charts for a projector: one panel per debrief indicator, teams in bold colours,
    shipped scenarios as thin grey lines."""
    require("report", "the debrief's charts")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 3, figsize=(16, 9), constrained_layout=True)
    styles = {"no-decentralisation": ":", "transition-only": "--", "transformation": "-."}
    for ax, name in zip(axes.flat, DEBRIEF_INDICATORS, strict=True):
        for scen, part in shipped.groupby("scenario"):
            ax.plot(part.year, part[name], color="0.55", lw=1.5, ls=styles.get(scen, "-"),
                    label=str(scen))
        for team, part in paths.groupby("team"):
            ax.plot(part.year, part[name], lw=3.5, marker="o", ms=7,
                    label=f"{tr('team', lang)} {team}")
        ax.set_title(chart_label(name, lang), fontsize=15)
        if name.endswith("_eur"):
            ax.yaxis.set_major_formatter(lambda v, _pos: f"{v / 1e6:,.1f} M")
        ax.tick_params(labelsize=12)
        ax.xaxis.get_major_locator().set_params(integer=True)
    axes.flat[0].legend(fontsize=11)
    return fig


def report_html(store: WorkshopStore, state: WorkshopState, lang: str = "nl") -> str:
    """A self-contained HTML report (charts embedded as images, no network needed)."""
    paths, shipped = team_paths(state), scenario_paths(state)
    buf = io.BytesIO()
    fig = figure(state, paths, shipped, lang)
    fig.savefig(buf, format="png", dpi=90)
    _close(fig)
    img = base64.b64encode(buf.getvalue()).decode("ascii")
    parts = [f"<h1>{html.escape(tr('report_title', lang).format(code=state.code))}</h1>",
             f"<p>{html.escape(_setup(state, lang))}</p>",
             f"<h2>{html.escape(tr('paths', lang))}</h2>",
             f'<img alt="charts" style="max-width:100%" src="data:image/png;base64,{img}">',
             f"<h2>{html.escape(tr('cards_played', lang))}</h2>", _cards_html(state, lang)]
    for team in range(1, state.teams + 1):
        parts.append(f"<h2>{html.escape(tr('effects', lang).format(team=team))}</h2>")
        parts.append(effects_table(store, state, team, lang).to_html(index=False, border=0))
    style = ("body{font-family:sans-serif;max-width:1200px;margin:auto;font-size:18px}"
             "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ccc}")
    return (f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>"
            f"{html.escape(tr('report_title', lang).format(code=state.code))}</title>"
            f"<style>{style}</style></head><body>{''.join(parts)}</body></html>")


def report_pdf(store: WorkshopStore, state: WorkshopState, lang: str = "nl") -> bytes:
    """The same report as a PDF: the charts on page one, a page of effects per team."""
    require("report", "the PDF report")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    paths, shipped = team_paths(state), scenario_paths(state)
    buf = io.BytesIO()
    with PdfPages(buf) as pdf:
        fig = figure(state, paths, shipped, lang)
        fig.suptitle(tr("report_title", lang).format(code=state.code) + " - "
                     + _setup(state, lang), fontsize=13)
        pdf.savefig(fig)
        _close(fig)
        for team in range(1, state.teams + 1):
            table = effects_table(store, state, team, lang)
            fig, ax = plt.subplots(figsize=(16, 9))
            ax.axis("off")
            ax.set_title(tr("effects", lang).format(team=team), fontsize=14, loc="left")
            if len(table):
                t = ax.table(cellText=table.astype(str).values, colLabels=list(table.columns),
                             loc="upper left", cellLoc="left")
                t.auto_set_font_size(False)
                t.set_fontsize(9)
                t.auto_set_column_width(list(range(len(table.columns))))
            else:
                ax.text(0, 0.9, tr("none", lang), fontsize=14)
            pdf.savefig(fig)
            _close(fig)
    return buf.getvalue()


def log_csv(store: WorkshopStore, code: str) -> bytes:
    # Names and details come from participants: no cell may start a spreadsheet formula.
    return spreadsheet_safe(log_table(store, code)).to_csv(index=False).encode("utf-8")


def _close(fig) -> None:
    import matplotlib.pyplot as plt

    plt.close(fig)


def _setup(state: WorkshopState, lang: str) -> str:
    done = max(state.closed_rounds, 0)
    return tr("setup", lang).format(scenario=state.scenario.name, seed=state.seed,
                                    teams=state.teams, done=done, rounds=state.rounds,
                                    first=state.year(0), last=state.year(done))


def _cards_html(state: WorkshopState, lang: str) -> str:
    items = [f"<li>{tr('round', lang)} {k} ({state.year(k)}): "
             f"{html.escape(CARDS[c].title(lang))}</li>"
             for k, c in sorted(state.cards.items())]
    return f"<ul>{''.join(items)}</ul>" if items else f"<p>{tr('none', lang)}</p>"


def effects_table(store: WorkshopStore, state: WorkshopState, team: int, lang: str
                   ) -> pd.DataFrame:
    eff = decision_effects(store, state, team)
    if eff.empty:
        return eff
    out = eff[["round", "year", "decisions"]].copy()
    out["roles"] = [", ".join(ROLES[r].title(lang) for r in roles.split(", "))
                    for roles in eff["roles"]]
    for name in DEBRIEF_INDICATORS:
        out[chart_label(name, lang)] = eff[name].map(lambda v: f"{v:+,.3g}")
    return out
