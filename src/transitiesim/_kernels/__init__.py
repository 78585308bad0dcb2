"""Compiled per-person loops for the citizens' monthly rules (numba).

Each kernel is the rule written in ``citizens.py``'s docstrings, applied person by person in one
pass instead of several whole-array numpy passes. The arithmetic follows numpy's types exactly
(float32 where the person arrays are float32, float64 where numpy promotes), so a kernel gives
bit-for-bit the same results as the numpy code it replaced; the seeded snapshot test
(tests/test_determinism.py) checks this. Literals are written as ``F(...)`` (float32) on purpose.

The kernels are split by submodel, so each file reads as its ODD section: ``draws`` (keyed
draws), ``needs`` (7.3), ``support`` (7.4), ``care`` (7.4, informal care), ``wellbeing`` (7.5),
``ageing`` (7.2), ``placement`` (7.6), ``counts`` (the indicators' sums), ``setup`` (the
starting population), on top of ``base`` (types, need states) and ``runs`` (index sets and
the split of rows over the cores). This package re-exports them all, so callers write
``_kernels.name``. Rules that shape behaviour take their numbers as data (``NeedRules``,
``WellbeingRules``): numba freezes module-level globals into its cache.
"""

from __future__ import annotations

from .ageing import (  # noqa: F401
    _age_terms_of,
    adults_and_partnered,
    age_one_year,
    age_terms,
    cared_for_by,
    next_age_counts,
    pick_in_age_bands,
    rows_in_age_range,
    volunteering,
)
from .base import (  # noqa: F401
    FORMAL,
    INFORMAL,
    INITIATIVE,
    NONE,
    PARTS,
    U64,
    UNMET,
    WAITING,
    F,
)
from .care import (  # noqa: F401
    _care_run,
    choose_supported,
    informal_care,
    sustainable_hours,
    with_alongside,
    work_hours,
)
from .counts import (  # noqa: F401
    IN_NEED,
    ON_A_LIST,
    SERVED,
    UNMET_ANY,
    WAITING_ANY,
    _count,
    _count_status,
    amounts_by_municipality,
    bins_below_share,
    clients_by_service,
    contributions_by_municipality,
    count_by_bins,
    in_need_histogram,
    served_value,
    status_counts,
    summary_by_municipality,
    sums_by_municipality,
    weighted_count_by_group,
)
from .draws import (  # noqa: F401
    GOLDEN,
    M1,
    M2,
    TO_UNIT,
    _hash,
    _unit,
    uniforms,
)
from .needs import (  # noqa: F401
    BURDENED,
    CANDIDATE,
    ENTRY_DRAW,
    EXITED,
    NEED_PARAMS,
    NEW_JEUGD,
    NEW_WMO,
    ON_ASSISTANCE,
    ONSET_DRAW,
    RECIPIENT,
    WAS_BURDENED,
    NeedRules,
    _mark_candidates,
    _onset_rules,
    escalate_recover,
    onset_and_participation,
)
from .placement import (  # noqa: F401
    _place_group,
    clients_and_queue,
    place_waiting,
)
from .runs import (  # noqa: F401
    RADIX_BITS,
    RADIX_FROM,
    _joined,
    _marked_in,
    _merge,
    _parts,
    _radix_order,
    _row_runs,
    _rows_with_mark,
    _runs,
    _stable_order,
    _summarise,
    _summary_arrays,
    listed,
    order_within_groups,
    union_rows,
    union_sorted,
)
from .setup import (  # noqa: F401
    NeedHistory,
    entry_by_row,
    need_amounts,
    needs_from_history,
    pair_couples,
    place_and_age,
    seed_assistance,
)
from .support import (  # noqa: F401
    apply_for_support,
    light_support,
    open_needs,
    participation_support,
    request_hours,
)
from .wellbeing import (  # noqa: F401
    WELLBEING_PARAMS,
    WellbeingRules,
    _drift,
    _need_cost,
    _toward,
    wellbeing_step,
)
