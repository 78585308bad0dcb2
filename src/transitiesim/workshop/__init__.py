"""Workshop mode: participants take roles and play the transition round by round.

The Python API (the app calls only this)::

    store = WorkshopStore("workshops.db")
    ws = create_workshop(store, "calibrated", teams=2, rounds=4, seed=1)
    token = join(store, ws.code, team=1, role="municipality", name="Wethouder")
    open_round(store, ws.code, ws.facilitator_token)
    decide(store, token, "access_strictness", 0.4)
    close_round(store, ws.code, ws.facilitator_token, round_no=1)
    load_state(store, ws.code).results[1]   # round 0 and round 1 (2015)

See docs/workshop.md for the trainer's guide.
"""

from .cards import CARDS, Card
from .roles import ROLES, Role, lever_range
from .service import (
    Created,
    NotAllowed,
    WorkshopError,
    WorkshopState,
    WorkshopStore,
    close_round,
    create_workshop,
    decide,
    is_facilitator,
    join,
    load_state,
    log_table,
    open_round,
    participant_of,
    play_card,
    submit,
)

__all__ = ["CARDS", "Card", "Created", "NotAllowed", "ROLES", "Role", "WorkshopError",
           "WorkshopState", "WorkshopStore", "close_round", "create_workshop", "decide",
           "is_facilitator", "join", "lever_range", "load_state", "log_table", "open_round",
           "participant_of", "play_card",
           "submit"]
