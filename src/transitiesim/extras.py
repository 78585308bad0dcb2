"""Optional parts and the packages they need.

``pip install transitiesim`` gives the model, ``run()`` and the command line. The rest comes
with extras: ``[app]`` the comparison app and the workshop screens (Streamlit, plotly),
``[sweep]`` sampled designs, sensitivity analysis and Dask clusters (SALib, Dask), ``[report]``
the charts in validation reports, sweep analyses and workshop reports (matplotlib). The
README's quick start installs all of them. A part used without its extra says which to install,
instead of failing on an import.
"""

from __future__ import annotations

import importlib.util

EXTRAS: dict[str, tuple[str, ...]] = {
    "app": ("streamlit", "plotly"),
    "sweep": ("SALib", "dask", "distributed"),
    "report": ("matplotlib",),
}


class MissingExtra(ImportError):
    """A part of transitiesim was used without the optional packages it needs."""


def require(extra: str, what: str) -> None:
    """Raise :class:`MissingExtra` naming the extra to install if its packages are missing."""
    missing = [m for m in EXTRAS[extra] if importlib.util.find_spec(m) is None]
    if missing:
        raise MissingExtra(f"{what} needs the '{extra}' extra ({', '.join(missing)} missing): "
                           f"pip install 'transitiesim[{extra}]', or run the README's quick "
                           "start, which installs everything")
