"""One kiosk per account: a second start asks the first to come to the front."""

from __future__ import annotations

import uuid

from kiosk.ui.single_instance import SingleInstance, default_name


def test_second_start_raises_the_first(qtbot) -> None:
    name = f"gjj-kiosk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance()
    second = SingleInstance()
    try:
        assert first.try_acquire(name) is True
        assert first.acquired
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.try_acquire(name) is False
        assert not second.acquired
    finally:
        first.release()
        second.release()
    # Released: the next start is first again.
    third = SingleInstance()
    try:
        assert third.try_acquire(name) is True
    finally:
        third.release()


def test_default_name_is_safe_for_a_pipe_name() -> None:
    name = default_name()
    assert name.startswith("gjj-kiosk-")
    assert all(ch.isalnum() or ch in "-_" for ch in name)
