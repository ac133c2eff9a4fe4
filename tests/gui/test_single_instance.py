"""One kiosk per account: a second start asks the first to come to the front."""

from __future__ import annotations

import subprocess
import sys
import uuid

from kiosk.ui.single_instance import SingleInstance, default_name


def test_second_start_raises_the_first(qtbot, tmp_path) -> None:
    name = f"gjj-kiosk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(lock_dir=str(tmp_path))
    second = SingleInstance(lock_dir=str(tmp_path))
    try:
        assert first.try_acquire(name) is True
        assert first.acquired
        first.serve()
        with qtbot.waitSignal(first.activation_requested, timeout=5000):
            assert second.try_acquire(name) is False
        assert not second.acquired
    finally:
        first.release()
        second.release()
    # Released: the next start is first again.
    third = SingleInstance(lock_dir=str(tmp_path))
    try:
        assert third.try_acquire(name) is True
    finally:
        third.release()


def test_a_start_while_the_first_is_still_starting_ends(tmp_path) -> None:
    """Before the first kiosk serves (its first frame), a second start still never runs."""
    name = f"gjj-kiosk-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(lock_dir=str(tmp_path))
    second = SingleInstance(lock_dir=str(tmp_path))
    try:
        assert first.try_acquire(name) is True
        assert second.try_acquire(name) is False
        assert not second.acquired
    finally:
        first.release()
        second.release()


def test_a_lock_left_by_a_dead_kiosk_is_taken_over(tmp_path) -> None:
    """A kiosk that crashed leaves its lock file behind; the next start is first anyway."""
    name = f"gjj-kiosk-test-{uuid.uuid4().hex[:8]}"
    path = tmp_path / f"{name}.lock"
    crash = (
        "import os, sys; from PySide6.QtCore import QLockFile; "
        "lock = QLockFile(sys.argv[1]); assert lock.tryLock(0); os._exit(9)"
    )
    done = subprocess.run([sys.executable, "-c", crash, str(path)], check=False, timeout=60)
    assert done.returncode == 9 and path.exists()  # it died holding the lock
    single = SingleInstance(lock_dir=str(tmp_path))
    try:
        assert single.try_acquire(name) is True
    finally:
        single.release()


def test_default_name_is_safe_for_a_pipe_name() -> None:
    name = default_name()
    assert name.startswith("gjj-kiosk-")
    assert all(ch.isalnum() or ch in "-_" for ch in name)
