"""Shared fixtures: short runs of the shipped scenarios, cached per session."""

from __future__ import annotations

import functools

import pytest

from transitiesim import TransitionModel, load_scenario, run_seeds

SHORT = {"end_year": 2019}


@functools.cache
def short_run(name: str, seeds: tuple[int, ...] = (1, 2, 3), **overrides):
    """A scenario run 2014-2019 (or as overridden) with the given seeds, cached."""
    scenario = load_scenario(name).with_params(**{**SHORT, **overrides})
    return run_seeds(scenario, seeds)


def finished_model(name: str = "default", seed: int = 1, **overrides) -> TransitionModel:
    model = TransitionModel(load_scenario(name).with_params(**{**SHORT, **overrides}), seed=seed)
    model.run_model()
    return model


def pytest_collection_finish(session):
    """The kernels' bounds check compiles for about a minute on one core: when it is among
    the tests to run, start it now, so it compiles while the first tests run."""
    from tests import bounds

    if any(item.name == bounds.TEST for item in session.items):
        bounds.start()


def pytest_sessionfinish(session, exitstatus):
    from tests import bounds

    bounds.stop()


@pytest.fixture(scope="session")
def default_model() -> TransitionModel:
    return finished_model("default", seed=7)


@pytest.fixture(scope="session")
def app_server(tmp_path_factory):
    """The app served by `streamlit run` for the browser tests: (URL, workshop store path)."""
    from tests.browser import serve_app

    db = tmp_path_factory.mktemp("workshops") / "workshops.db"
    for url in serve_app(db):
        yield url, db


@pytest.fixture(scope="session")
def app_url(app_server):
    return app_server[0]


def pytest_terminal_summary(terminalreporter):
    """The fuzz suite's counts (tests/test_fuzz.py), when it ran."""
    import sys

    fuzz = sys.modules.get("tests.test_fuzz")
    if fuzz is None or not fuzz.COUNTS:
        return
    terminalreporter.section("fuzz: inputs tried and what became of them")
    for kind, counts in fuzz.COUNTS.items():
        total = sum(counts.values())
        parts = ", ".join(f"{n} {outcome}" for outcome, n in sorted(counts.items())
                          if outcome != "unexpected error")
        terminalreporter.write_line(f"{kind}: {total} cases: {parts}; unexpected errors "
                                    f"(tracebacks): {counts.get('unexpected error', 0)}")
