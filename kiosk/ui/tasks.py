"""The one mechanism for slow work: blocking calls on a QThreadPool, results back by signal.

Workers never touch widgets. :meth:`TaskRunner.cancel_all` (idle reset, cancel) makes every
in-flight result of the old session be ignored.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from kiosk.errors import UNEXPECTED, KioskError

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = ["UNEXPECTED", "TaskRunner"]


class _Relay(QObject):
    """Lives on the GUI thread; worker threads emit on it (queued across threads)."""

    finished = Signal(int, int, bool, object)  # task id, generation, ok, result or error


class _Job(QRunnable):
    def __init__(self, relay: _Relay, task_id: int, generation: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._relay = relay
        self._task_id = task_id
        self._generation = generation
        self._fn = fn

    def run(self) -> None:
        try:
            result = self._fn()
        except KioskError as exc:
            self._relay.finished.emit(self._task_id, self._generation, False, exc)
        except Exception as exc:  # a bug must never reach the screen as a trace
            log.error("task failed: %s\n%s", type(exc).__name__, traceback.format_exc())
            self._relay.finished.emit(
                self._task_id, self._generation, False, KioskError("unexpected", UNEXPECTED)
            )
        else:
            self._relay.finished.emit(self._task_id, self._generation, True, result)


class TaskRunner(QObject):
    """Runs blocking callables off the GUI thread and calls back on it.

    Signals:
        idle_changed(bool): True when no task of the current generation is running.
    """

    idle_changed = Signal(bool)

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool(self)
        if pool is None:
            self._pool.setMaxThreadCount(4)
        self._relay = _Relay(self)
        self._relay.finished.connect(self._on_relay_finished)
        self._generation = 0
        self._next_id = 0
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[KioskError], None]]] = {}

    @property
    def pending(self) -> int:
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[KioskError], None],
    ) -> int:
        """Run ``fn`` on the pool; ``on_done(result)`` or ``on_error(KioskError)`` on the GUI thread."""
        self._next_id += 1
        task_id = self._next_id
        was_idle = not self._callbacks
        self._callbacks[task_id] = (on_done, on_error)
        self._pool.start(_Job(self._relay, task_id, self._generation, fn))
        if was_idle:
            self.idle_changed.emit(False)
        return task_id

    def cancel_all(self) -> None:
        """Forget every running task: their results are dropped when they arrive."""
        self._generation += 1
        had = bool(self._callbacks)
        self._callbacks.clear()
        if had:
            self.idle_changed.emit(True)

    def wait_for_done(self, msecs: int = 15000) -> bool:
        """Block until the pool's threads are finished (shutdown and tests only)."""
        return self._pool.waitForDone(msecs)

    @Slot(int, int, bool, object)
    def _on_relay_finished(self, task_id: int, generation: int, ok: bool, payload: object) -> None:
        if generation != self._generation:
            return
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        try:
            if ok:
                on_done(payload)
            else:
                assert isinstance(payload, KioskError)
                on_error(payload)
        finally:
            if not self._callbacks:
                self.idle_changed.emit(True)
