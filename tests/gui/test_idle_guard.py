"""The idle guard watches real input on the top-level windows, and nothing else.

Input is sent through the windows (QTest's ``QWindow`` overloads), the way the platform
delivers touches and keys: to the ``QWindow`` first, which hands them to its widgets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QPaintEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.idle_guard import IdleGuard

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


class CountingGuard(IdleGuard):
    """An idle guard that records every call of its event filter."""

    def __init__(self, *, tick_ms: int = 1000) -> None:
        super().__init__(tick_ms=tick_ms)
        #: (address of the watched object, event type) per call
        self.calls: list[tuple[int, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.calls.append((_address(watched), event.type()))
        return super().eventFilter(watched, event)

    def presses_on(self, window: QWindow) -> int:
        """Mouse presses and key presses the filter saw on ``window``."""
        kinds = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress}
        address = _address(window)
        return sum(1 for watched, kind in self.calls if watched == address and kind in kinds)


def _address(obj: QObject) -> int:
    """The C++ object's address (one C++ window may come back in different wrappers)."""
    address: int = shiboken6.getCppPointer(obj)[0]
    return address


class NoFocusGuard(CountingGuard):
    """As on a platform that shows a window without activating it (a popup on Windows)."""

    def on_focus_window_changed(self, window: QWindow | None) -> None:
        pass


class PaintCounter(QLabel):
    """A label that counts its paint events."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("0", parent)
        self.paints = 0

    def paintEvent(self, event: QPaintEvent) -> None:
        self.paints += 1
        super().paintEvent(event)


@pytest.fixture
def guard(qapp: QApplication) -> Iterator[CountingGuard]:
    guard = CountingGuard()
    yield guard
    guard.shutdown()
    guard.deleteLater()


class Form(QWidget):
    """A top-level window with a line edit and a label."""

    def __init__(self) -> None:
        super().__init__()
        self.resize(400, 300)
        layout = QVBoxLayout(self)
        layout.addWidget(QLineEdit(self))
        self.label = PaintCounter(self)
        layout.addWidget(self.label)


@pytest.fixture
def window(qtbot: QtBot) -> Form:
    """A shown, active top-level window with a line edit and a label."""
    window = Form()
    qtbot.addWidget(window)
    _show(qtbot, window)
    return window


def _handle(widget: QWidget) -> QWindow:
    handle = widget.windowHandle()
    assert handle is not None
    return handle


def _show(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` and wait until it is exposed and active (pytest-qt's waits are
    context managers: called bare they do not wait)."""
    with qtbot.waitExposed(widget):
        widget.show()
    _activate(qtbot, widget)


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    with qtbot.waitActive(widget):
        widget.activateWindow()


def _click(widget: QWidget) -> None:
    QTest.mouseClick(_handle(widget), LEFT, NO_MODIFIER, QPoint(10, 10))


def _show_second_window(qtbot: QtBot, parent: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.resize(200, 120)
    _show(qtbot, dialog)
    return dialog


@pytest.mark.parametrize("how", ["click", "key"])
def test_input_through_the_window_cancels_the_warning(
    qtbot: QtBot, guard: CountingGuard, window: QWidget, how: str
) -> None:
    with qtbot.waitSignal(guard.warning, timeout=2000):
        guard.set_limit(0.05)
    assert guard.is_warning()
    with qtbot.waitSignal(guard.warning_cancelled, timeout=2000):
        if how == "click":
            _click(window)
        else:
            QTest.keyClick(_handle(window), Qt.Key.Key_A)
    assert not guard.is_warning()
    assert guard.seconds_left() == 0
    # the idle wait started again: a second warning follows
    with qtbot.waitSignal(guard.warning, timeout=2000):
        pass


def test_a_window_shown_while_armed_is_watched_when_it_takes_focus(
    qtbot: QtBot, guard: CountingGuard, window: QWidget
) -> None:
    guard.set_limit(60)
    dialog = _show_second_window(qtbot, window)
    QTest.keyClick(_handle(dialog), Qt.Key.Key_A)
    _click(dialog)
    assert guard.presses_on(_handle(dialog)) == 2


def test_input_through_a_dialog_shown_while_armed_cancels_the_warning(
    qtbot: QtBot, guard: CountingGuard, window: QWidget
) -> None:
    guard.set_limit(0.05)
    dialog = _show_second_window(qtbot, window)
    if not guard.is_warning():
        with qtbot.waitSignal(guard.warning, timeout=2000):
            pass
    with qtbot.waitSignal(guard.warning_cancelled, timeout=2000):
        _click(dialog)


def test_a_window_opened_by_a_touch_without_focus_is_watched_before_the_next_touch(
    qtbot: QtBot, window: QWidget
) -> None:
    guard = NoFocusGuard()
    popup = QWidget()
    popup.resize(200, 120)
    qtbot.addWidget(popup)
    try:
        guard.set_limit(60)
        # a touch on the window opens the popup (as a combo box does on its press)
        watcher = _PressOpens(popup)
        _handle(window).installEventFilter(watcher)
        with qtbot.waitExposed(popup):
            _click(window)
        handle = _handle(popup)
        qtbot.waitUntil(lambda: not guard._scan_pending)
        _click(popup)
        assert guard.presses_on(handle) == 1
    finally:
        guard.shutdown()
        guard.deleteLater()


class _PressOpens(QObject):
    """Shows ``popup`` on the first mouse press on the filtered window."""

    def __init__(self, popup: QWidget) -> None:
        super().__init__(popup)
        self._popup = popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and self._popup.isHidden():
            self._popup.show()
        return False


def test_a_window_that_appeared_without_focus_or_touch_cancels_the_warning(
    qtbot: QtBot, window: QWidget
) -> None:
    guard = NoFocusGuard()
    try:
        guard.set_limit(0.05)
        popup = QWidget()
        popup.resize(200, 120)
        qtbot.addWidget(popup)
        with qtbot.waitExposed(popup):
            popup.show()
        if not guard.is_warning():
            with qtbot.waitSignal(guard.warning, timeout=2000):
                pass
        with qtbot.waitSignal(guard.warning_cancelled, timeout=2000):
            _click(popup)
    finally:
        guard.shutdown()
        guard.deleteLater()


def test_events_that_are_not_input_never_reach_the_armed_guard(
    qtbot: QtBot, guard: CountingGuard, window: Form
) -> None:
    guard.set_limit(60)
    label = window.label
    guard.calls.clear()
    window.repaint()
    painted = label.paints
    label.setText("1")
    label.update()
    qtbot.waitUntil(lambda: label.paints > painted)
    label.hide()
    label.show()
    qtbot.waitUntil(lambda: label.isVisible() and label.paints > painted + 1)
    assert guard.calls == []
    _click(window)
    assert guard.presses_on(_handle(window)) == 1


def test_a_disarmed_guard_filters_nothing(
    qtbot: QtBot, guard: CountingGuard, window: QWidget
) -> None:
    _click(window)
    assert guard.calls == []
    guard.set_limit(60)
    dialog = _show_second_window(qtbot, window)
    _click(window)
    _click(dialog)
    assert guard.presses_on(_handle(window)) == 1
    assert guard.presses_on(_handle(dialog)) == 1
    disarms: list[Callable[[], None]] = [lambda: guard.set_limit(None), guard.shutdown]
    for disarm in disarms:
        disarm()
        guard.calls.clear()
        _click(window)
        QTest.keyClick(_handle(dialog), Qt.Key.Key_A)
        # a window that takes focus later is not watched either
        _activate(qtbot, window)
        _click(window)
        assert guard.calls == []
        guard.set_limit(60)
        _activate(qtbot, dialog)
    assert not guard.is_warning()


def test_a_window_destroyed_while_armed_does_not_break_the_guard(
    qtbot: QtBot, guard: CountingGuard, window: QWidget
) -> None:
    guard.set_limit(60)
    dialog = _show_second_window(qtbot, window)
    handle = _handle(dialog)
    _click(dialog)
    assert guard.presses_on(handle) == 1
    # an input event schedules a new look at the windows; the window goes before it runs
    _click(window)
    with qtbot.waitSignal(dialog.destroyed, timeout=2000):
        dialog.deleteLater()
    assert not shiboken6.isValid(handle)
    qtbot.waitUntil(lambda: not guard._scan_pending)
    with qtbot.waitSignal(guard.warning_cancelled, timeout=2000):
        guard.on_idle_timer_timeout()  # the warning looks at the windows again
        _click(window)
    guard.set_limit(None)
    guard.shutdown()
    assert not guard.is_armed()
    assert all(shiboken6.isValid(w) for w in QGuiApplication.allWindows())


def test_a_guard_deleted_while_armed_leaves_the_windows_working(
    qtbot: QtBot, window: QWidget
) -> None:
    guard = CountingGuard()
    guard.set_limit(60)
    with qtbot.waitSignal(guard.destroyed, timeout=2000):
        guard.deleteLater()
    _click(window)
    dialog = _show_second_window(qtbot, window)
    _click(dialog)
