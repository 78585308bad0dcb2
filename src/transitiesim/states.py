"""The model's enumerations: domains, services and the state of a person's need.

One home for them: the model, the kernels (``_kernels.base``, as plain ints), the readable
twin and the indicators all read them from here.
"""

from __future__ import annotations

from enum import Enum, IntEnum

import numpy as np


class Domain(IntEnum):
    WMO = 0
    JEUGD = 1
    PARTICIPATIE = 2


class Service(IntEnum):
    """What a provider delivers. Each belongs to one domain."""

    WMO_SUPPORT = 0  # support at home and day activities (begeleiding, verzorging)
    JEUGD_AMBULANT = 1
    JEUGD_RESIDENTIAL = 2
    REINTEGRATION = 3
    WIJKTEAM = 4
    SHELTERED_WORK = 5
    WMO_HOUSEHOLD = 6  # household help (hulp bij het huishouden)
    WMO_AIDS = 7  # aids, home adaptations and transport (hulpmiddelen en diensten)

    @property
    def domain(self) -> Domain:
        return SERVICE_DOMAIN[self]


SERVICE_DOMAIN = {
    Service.WMO_SUPPORT: Domain.WMO,
    Service.JEUGD_AMBULANT: Domain.JEUGD,
    Service.JEUGD_RESIDENTIAL: Domain.JEUGD,
    Service.REINTEGRATION: Domain.PARTICIPATIE,
    Service.WIJKTEAM: Domain.WMO,
    Service.SHELTERED_WORK: Domain.PARTICIPATIE,
    Service.WMO_HOUSEHOLD: Domain.WMO,
    Service.WMO_AIDS: Domain.WMO,
}
# Services paid as a lump sum, without persons as clients.
BLOCK_SERVICES = (Service.WIJKTEAM, Service.SHELTERED_WORK)
CLIENT_SERVICES = (Service.WMO_SUPPORT, Service.JEUGD_AMBULANT, Service.JEUGD_RESIDENTIAL,
                   Service.REINTEGRATION, Service.WMO_HOUSEHOLD, Service.WMO_AIDS)
# The services a task covers when providers are paid per task (``payment`` "task"): the Wmo's
# and youth care's.
TASK_SERVICES = (Service.WMO_HOUSEHOLD, Service.WMO_SUPPORT, Service.WMO_AIDS,
                 Service.JEUGD_AMBULANT, Service.JEUGD_RESIDENTIAL)
# By service number: is it one a task covers?
TASKED = np.isin(np.arange(len(Service)), TASK_SERVICES)


class WmoKind(IntEnum):
    """What a person's Wmo need calls for (one kind per need, drawn at its onset)."""

    HOUSEHOLD = 0
    SUPPORT = 1
    AIDS = 2


# The service that meets each kind of Wmo need, in WmoKind order.
KIND_SERVICE = (Service.WMO_HOUSEHOLD, Service.WMO_SUPPORT, Service.WMO_AIDS)


class NeedState(IntEnum):
    """How a person's need in one domain is met this month (person-level, exclusive)."""

    NONE = 0
    FORMAL = 1  # a provider serves it (or, in participation, the bijstand benefit)
    INITIATIVE = 2  # light help covers it: an initiative's (Wmo), the team's (Wmo, youth)
    INFORMAL = 3  # the informal network covers it
    WAITING = 4  # on a waiting list, not otherwise covered
    UNMET = 5


class ProviderStatus(Enum):
    ACTIVE = "active"
    BANKRUPT = "bankrupt"  # reserves ran out
    EXITED = "exited"  # left a market where it had no clients and lost money


STATUS_CODES = tuple(ProviderStatus)  # ProviderTable.status holds the index into this
