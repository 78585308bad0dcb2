"""Building a model without numpy's huge-page advice (``transitiesim._memory``): the setting
is off while a model is built, numpy's as it was afterwards (also when builds overlap in
threads), and the user's own choice wins. (That results do not depend on it was checked on a
run large enough for numpy to advise at all: docs/performance.md.)"""

from __future__ import annotations

import threading

import pytest

from transitiesim import _memory
from transitiesim._memory import small_pages

pytestmark = pytest.mark.skipif(_memory._toggle is None, reason="numpy has no runtime toggle")


def setting() -> bool:
    """numpy's current huge-page setting, read without changing it."""
    assert _memory._toggle is not None
    now = _memory._toggle(True)
    _memory._toggle(now)
    return now


@pytest.fixture
def numpy_default(monkeypatch):
    """No user choice in the environment; numpy's setting put back after the test."""
    monkeypatch.delenv("NUMPY_MADVISE_HUGEPAGE", raising=False)
    before = setting()
    yield
    assert _memory._toggle is not None
    _memory._toggle(before)


@pytest.mark.parametrize("start", [True, False])
def test_off_while_building_and_as_it_was_after(numpy_default, start):
    assert _memory._toggle is not None
    _memory._toggle(start)
    with small_pages():
        assert setting() is False
        with small_pages():  # nested: still off, and the outer exit restores
            assert setting() is False
        assert setting() is False
    assert setting() is start


def test_concurrent_builds_restore_only_when_the_last_one_ends(numpy_default):
    assert _memory._toggle is not None
    _memory._toggle(True)
    inside, leave = threading.Event(), threading.Event()

    def build():
        with small_pages():
            inside.set()
            leave.wait(10)

    other = threading.Thread(target=build)
    other.start()
    assert inside.wait(10)
    with small_pages():
        assert setting() is False
    assert setting() is False  # the other build is still under way
    leave.set()
    other.join(10)
    assert setting() is True


def test_the_users_own_choice_is_left_alone(numpy_default, monkeypatch):
    assert _memory._toggle is not None
    monkeypatch.setenv("NUMPY_MADVISE_HUGEPAGE", "1")
    _memory._toggle(True)
    with small_pages():
        assert setting() is True


def test_a_model_is_built_without_the_advice_and_leaves_numpy_as_it_was(numpy_default,
                                                                         monkeypatch):
    from transitiesim import load_scenario
    from transitiesim.model import TransitionModel

    seen = []
    build = TransitionModel._create_municipalities

    def spy(self):
        seen.append(setting())
        return build(self)

    monkeypatch.setattr(TransitionModel, "_create_municipalities", spy)
    assert _memory._toggle is not None
    _memory._toggle(True)
    TransitionModel(load_scenario("default").with_params(scale=0.02), seed=1)
    assert seen == [False]
    assert setting() is True
