"""The kiosk's main window: header, step indicator, banner, one screen stack, buttons, footer.

The shell knows screens only through the :class:`~kiosk.ui.screen.Screen` contract and flows only
through :mod:`kiosk.flows`. It derives the buttons, spinner and error banner from each screen's
``valid``, ``busy`` and ``error``; the composition root (``kiosk.app``) registers the screens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.flows import Flow, FlowRun
from kiosk.ui.busy import BusyIndicator
from kiosk.ui.error_banner import ErrorBanner
from kiosk.ui.footer import FooterBar
from kiosk.ui.header import HeaderBar
from kiosk.ui.idle_guard import IdleGuard, IdleWarning
from kiosk.ui.screen import INPUT_KIND, Screen
from kiosk.ui.screen_stack import ScreenStack
from kiosk.ui.step_header import StepHeader

if TYPE_CHECKING:  # built on first use, not on the way to the first frame
    from kiosk.ui.keyboard import Keyboard
    from kiosk.ui.keypad import Keypad

log = logging.getLogger(__name__)

HOME = "home"


class MainWindow(QMainWindow):
    """The shell.

    Args:
        idle_limits: seconds of inactivity per screen ``idle_kind`` (``form``, ``account``);
            a kind missing from the mapping (``public``) is never reset for idleness.
        warning_seconds: length of the visible countdown before the reset (≥ 20).

    Signals:
        screen_shown(str): a screen became current (its id).
        reset_done(): every screen was wiped and home is shown (idle timeout, cancel, logout).
        flow_finished(str, dict): a flow reached its end (its name and its data).
        first_frame_painted(): the window's first frame is on screen (emitted once, from the
            event loop right after that paint); what is not needed to draw it waits for this.
    """

    screen_shown = Signal(str)
    reset_done = Signal()
    flow_finished = Signal(str, dict)
    first_frame_painted = Signal()

    def __init__(
        self,
        *,
        idle_limits: Mapping[str, int],
        warning_seconds: int = 20,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        # No dock widgets to animate: without this the central widget's first geometry is
        # animated, which costs a frame and wakes Qt's private animation timer.
        self.setAnimated(False)
        self.setWindowTitle(self.tr("宁夏住房公积金网上业务大厅 | 个人用户"))
        self._idle_limits = dict(idle_limits)
        self._screens: dict[str, Screen] = {}
        self._factories: dict[str, Callable[[], Screen]] = {}
        self._rebuildable: dict[
            str, Callable[[], Screen]
        ] = {}  # every factory, for rebuild_screens
        self._run: FlowRun | None = None
        self._pages: list[str] = []
        self._current_id = ""
        self._before_reset: list[Callable[[], None]] = []
        self._flows: dict[str, Flow] = {}
        self._painted = False

        self.header = HeaderBar(self)
        self.steps = StepHeader(self)
        self.banner = ErrorBanner(self)
        self.notice = ErrorBanner(self)
        self.notice.setObjectName("NoticeBanner")
        self.stack = ScreenStack(self)
        self.stack.setObjectName("ScreenStack")
        # QPushButton(text, parent) would make PySide create QIcon (an overload takes one).
        self.back_button = QPushButton(self)
        self.back_button.setText(self.tr("返回"))
        self.back_button.setObjectName("BackButton")
        self.back_button.setProperty("role", "secondary")
        self.primary_button = QPushButton(self)
        self.primary_button.setText(self.tr("下一步"))
        self.primary_button.setObjectName("PrimaryButton")
        self.primary_button.setProperty("role", "primary")
        self.busy_indicator = BusyIndicator(self)
        self.busy_indicator.hide()
        self.footer = FooterBar(self)
        self._keypad: Keypad | None = None
        self._keyboard: Keyboard | None = None
        self.input_panel = QWidget(self)
        self.input_panel.setObjectName("InputPanel")
        self.idle_guard = IdleGuard(warning_seconds=warning_seconds, parent=self)
        self._idle_warning: IdleWarning | None = None
        self._layout()
        self._connect_signals()

    # -- construction -------------------------------------------------------------------------
    def _layout(self) -> None:
        panel = QVBoxLayout(self.input_panel)
        panel.setContentsMargins(12, 12, 12, 12)
        panel.addStretch(1)
        panel.addStretch(1)
        self.input_panel.hide()

        buttons = QHBoxLayout()
        buttons.setSpacing(24)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.busy_indicator)
        buttons.addWidget(self.primary_button)

        content = QVBoxLayout()
        content.setContentsMargins(32, 16, 32, 16)
        content.setSpacing(12)
        content.addWidget(self.steps)
        content.addWidget(self.notice)
        content.addWidget(self.banner)
        content.addWidget(self.stack, 1)
        content.addLayout(buttons)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addLayout(content, 1)
        body.addWidget(self.input_panel)

        root = QWidget(self)
        root.setObjectName("Root")
        outer = QVBoxLayout(root)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        outer.addLayout(body, 1)
        outer.addWidget(self.footer)
        self.setCentralWidget(root)
        self.notice.clear()
        self.banner.clear()

    def _connect_signals(self) -> None:
        self.back_button.clicked.connect(self.on_back_button_clicked)
        self.primary_button.clicked.connect(self.on_primary_button_clicked)
        self.idle_guard.warning.connect(self.on_idle_guard_warning)
        self.idle_guard.countdown.connect(self.on_idle_guard_countdown)
        self.idle_guard.warning_cancelled.connect(self.on_idle_guard_warning_cancelled)
        self.idle_guard.timed_out.connect(self.on_idle_guard_timed_out)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.on_app_focus_changed)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            # A zero timer queued now runs once this paint pass is flushed, not before it (a
            # timer started before show() would run ahead of the first frame).
            self._painted = True
            QTimer.singleShot(0, self.first_frame_painted.emit)

    def has_painted(self) -> bool:
        """Whether the first frame has been painted."""
        return self._painted

    # -- parts built on first use (not on the path to the first frame) ------------------------
    @property
    def keypad(self) -> Keypad:
        """The on-screen keypad (digits, and X for ID numbers)."""
        if self._keypad is None:
            from kiosk.ui.keypad import Keypad

            self._keypad = Keypad(self.input_panel)
            self._keypad.hide()
            self._add_to_input_panel(self._keypad)
        return self._keypad

    @property
    def keyboard(self) -> Keyboard:
        """The on-screen keyboard (letters, digits, e-mail keys)."""
        if self._keyboard is None:
            from kiosk.ui.keyboard import Keyboard

            self._keyboard = Keyboard(self.input_panel)
            self._keyboard.hide()
            self._add_to_input_panel(self._keyboard)
        return self._keyboard

    def _add_to_input_panel(self, widget: QWidget) -> None:
        layout = self.input_panel.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.count() - 1, widget, 0, QtCore.Qt.AlignmentFlag.AlignCenter)

    @property
    def idle_warning(self) -> IdleWarning:
        """The overlay that counts down before an idle reset."""
        if self._idle_warning is None:
            self._idle_warning = IdleWarning(self)
            self._idle_warning.hide()
            self._idle_warning.continue_clicked.connect(self.idle_guard.keep_alive)
        return self._idle_warning

    # -- registration of screens ---------------------------------------------------------------
    def add_screen(self, screen_id: str, screen: Screen) -> None:
        """Attach a ready screen to an id."""
        screen.setObjectName(f"screen_{screen_id}")
        self._screens[screen_id] = screen
        self.stack.addWidget(screen)
        screen.changed.connect(self._on_screen_changed)
        screen.finished.connect(self._on_screen_finished)
        screen.leave_requested.connect(self.on_screen_leave_requested)

    def add_factory(self, screen_id: str, factory: Callable[[], Screen]) -> None:
        """Attach a screen built on first use (or by :meth:`prebuild` after the first frame)."""
        self._factories[screen_id] = factory
        self._rebuildable[screen_id] = factory

    def prebuild(self) -> bool:
        """Build one not-yet-built screen, then the keypad, keyboard and idle overlay; returns
        False when nothing is left (call from idle time, so a first show is only a switch)."""
        for screen_id in list(self._factories):
            screen = self._materialise(screen_id)
            # Style, lay out and paint it once, off screen, at the size it will have: its first
            # show then finds every cache warm (stylesheet rules, text layouts, glyphs).
            screen.setGeometry(self.stack.contentsRect())
            screen.grab()
            return True
        for name in ("_keypad", "_keyboard", "_idle_warning"):
            if getattr(self, name) is None:
                part: QWidget = getattr(self, name.lstrip("_"))  # built now, hidden
                part.adjustSize()
                part.grab()  # warm its caches too
                return True
        return False

    def rebuild_screens(self) -> None:
        """After a language change: the shell's texts again, and every screen with a factory built
        anew on next use (the current one now, and shown again). Screens added ready-made stay."""
        for screen_id, factory in self._rebuildable.items():
            old = self._screens.pop(screen_id, None)
            if old is not None:
                self.stack.removeWidget(old)
                old.deleteLater()
            self._factories[screen_id] = factory
        self.retranslate()
        if self._current_id:
            self._show(self._current_id)

    def retranslate(self) -> None:
        """The shell's own texts in the language installed now; parts with fixed texts are made
        again (the keypad, keyboard and idle overlay on next use)."""
        self.setWindowTitle(self.tr("宁夏住房公积金网上业务大厅 | 个人用户"))
        self.header.retranslate()
        central = self.centralWidget()
        root = central.layout() if central is not None else None
        assert root is not None
        status = self.footer.status()
        for name in ("footer", "busy_indicator"):
            old = getattr(self, name)
            # Made in the old one's parent: a layout that has to reparent a widget hides it
            # for good once it was shown explicitly (English lost its 12329 footer).
            new = type(old)(old.parentWidget())
            new.setVisible(old.isVisibleTo(self))
            root.replaceWidget(old, new)
            setattr(self, name, new)
            old.deleteLater()
        self.footer.set_status(status)  # its kind is set again by whoever set it (offline)
        for name in ("_keypad", "_keyboard", "_idle_warning"):
            part = getattr(self, name)
            if part is not None:
                part.hide()
                part.deleteLater()
                setattr(self, name, None)

    def screen_by_id(self, screen_id: str) -> Screen:
        """The screen attached to an id (built now if needed)."""
        return self._materialise(screen_id)

    def _materialise(self, screen_id: str) -> Screen:
        screen = self._screens.get(screen_id)
        if screen is None:
            factory = self._factories.pop(screen_id, None)
            if factory is None:
                raise KeyError(screen_id)
            screen = factory()
            self.add_screen(screen_id, screen)
        return screen

    def set_idle_limits(self, limits: Mapping[str, int]) -> None:
        """Replace the idle limits per screen kind (remote configuration)."""
        self._idle_limits = dict(limits)
        if self._current_id:
            self.idle_guard.set_limit(self._idle_limits.get(self.current_screen.idle_kind))

    def add_flow(self, flow: Flow) -> None:
        """Make a flow reachable by name from ``leave_requested`` (home tiles, done screens)."""
        self._flows[flow.name] = flow

    def on_before_reset(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` at every reset, before screens are wiped (logout, cancel tasks)."""
        self._before_reset.append(callback)

    # -- navigation ------------------------------------------------------------------------------
    @property
    def current_id(self) -> str:
        return self._current_id

    @property
    def current_screen(self) -> Screen:
        return self._materialise(self._current_id)

    @property
    def flow_run(self) -> FlowRun | None:
        return self._run

    def start_flow(self, flow: Flow, initial: Mapping[str, Any] | None = None) -> None:
        """Start a flow from its first screen, with fresh screens."""
        self._run = FlowRun(flow, initial)
        for screen_id in flow.steps:
            if screen_id in self._screens:
                self._screens[screen_id].reset()
        self._show(self._run.current)

    def show_page(self, screen_id: str, *, push: bool = True) -> None:
        """Show a screen outside any flow (home, guide, map, account pages)."""
        self._run = None
        if screen_id == HOME:
            self._pages = []
        elif push and (not self._pages or self._pages[-1] != screen_id):
            self._pages.append(screen_id)
        self._show(screen_id)

    def go_home(self) -> None:
        """Wipe every screen and show the public home screen (cancel, idle timeout, logout)."""
        for callback in self._before_reset:
            try:
                callback()
            except Exception:  # a reset must always complete
                log.exception("reset callback failed")
        for screen in self._screens.values():
            screen.reset()
        self._run = None
        self._pages = []
        if self._idle_warning is not None:
            self._idle_warning.hide()
        self._show(HOME)
        self.reset_done.emit()

    def _show(self, screen_id: str) -> None:
        screen = self._materialise(screen_id)
        self._current_id = screen_id
        data = self._run.data if self._run is not None else {}
        # Everything around the stack changes while no page is shown, then the layout runs
        # once and the page is shown at its final size: it is laid out once (not once at the
        # old width and again beside the keyboard), and no layout ever needs room for the
        # parts of two screens (which would grow the window past the display). The old page
        # goes first: entering the new one can already show 下一步 and 返回 (and in large text
        # the old home page with them needed more than 1080 rows).
        if self.stack.currentWidget() is not screen:
            self.stack.hide_current()
        screen.enter(data)
        self.header.set_title(screen.title() or (self._run.flow.title if self._run else ""))
        stages = self._run.flow.stages if self._run is not None else ()
        if stages and self._run is not None:
            self.steps.set_stages(list(stages))
            self.steps.set_current(self._run.stage)
            self.steps.show()
        else:
            self.steps.hide()
        focus = screen.focus_widget()
        self._update_input_panel(focus)
        self._sync()
        central = self.centralWidget()
        layout = central.layout() if central is not None else None
        if layout is not None:
            layout.activate()
        self.stack.setCurrentWidget(screen)
        self.idle_guard.set_limit(self._idle_limits.get(screen.idle_kind))
        if focus is not None:
            focus.setFocus(QtCore.Qt.FocusReason.OtherFocusReason)
        self.screen_shown.emit(screen_id)

    def _sync(self) -> None:
        """Derive buttons, spinner and banner from the current screen's state."""
        if not self._current_id:
            return
        screen = self.current_screen
        if screen.error:
            self.banner.show_message(screen.error, "error")
        else:
            self.banner.clear()
        text = screen.primary_text
        self.primary_button.setVisible(text is not None)
        if text is not None:
            self.primary_button.setText(text)
        self.primary_button.setEnabled(screen.valid and not screen.busy)
        if screen.busy:
            self.busy_indicator.set_text(screen.busy_text)
        self.busy_indicator.setVisible(screen.busy)
        self.back_button.setEnabled(True)
        if self._run is not None:
            label = self.tr("返回") if self._run.can_go_back() else self.tr("取消")
        elif self._current_id == HOME:
            label = ""
        else:
            label = self.tr("返回")
        self.back_button.setVisible(bool(label))
        self.back_button.setText(label)

    # -- slots -------------------------------------------------------------------------------------
    @Slot()
    def _on_screen_changed(self) -> None:
        if self.sender() is self._screens.get(self._current_id):
            self._sync()

    @Slot()
    def _on_screen_finished(self) -> None:
        screen = self.sender()
        if screen is not self._screens.get(self._current_id):
            return  # a late answer for a screen that is no longer shown
        if self._run is None:
            return
        self.current_screen.apply(self._run.data)
        nxt = self._run.advance()
        if nxt is None:
            flow, data = self._run.flow.name, dict(self._run.data)
            self._run = None
            self.flow_finished.emit(flow, data)
        else:
            self._show(nxt)

    @Slot(str)
    def on_screen_leave_requested(self, target: str) -> None:
        if target == HOME:
            self.go_home()
        elif target in self._flows:
            self.start_flow(self._flows[target])
        else:
            self.show_page(target)

    @Slot()
    def on_primary_button_clicked(self) -> None:
        screen = self.current_screen
        if screen.valid and not screen.busy:
            screen.submit()

    @Slot()
    def on_back_button_clicked(self) -> None:
        if self._run is not None:
            if self._run.can_go_back():
                self.current_screen.set_error("")
                previous = self._run.back()
                if previous is not None:
                    self._show(previous)
                    return
            self.go_home()
            return
        if self._pages:
            self._pages.pop()
        if self._pages:
            self._show(self._pages[-1])
        else:
            self.show_page(HOME)

    @Slot(int)
    def on_idle_guard_warning(self, seconds_left: int) -> None:
        self.idle_warning.set_seconds(seconds_left)
        self.idle_warning.setGeometry(self.rect())
        self.idle_warning.show()
        self.idle_warning.raise_()

    @Slot(int)
    def on_idle_guard_countdown(self, seconds_left: int) -> None:
        self.idle_warning.set_seconds(seconds_left)

    @Slot()
    def on_idle_guard_warning_cancelled(self) -> None:
        if self._idle_warning is not None:
            self._idle_warning.hide()

    @Slot()
    def on_idle_guard_timed_out(self) -> None:
        log.info("idle timeout on %s: resetting the kiosk", self._current_id)
        self.go_home()

    @Slot(QWidget, QWidget)
    def on_app_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is not self:
            return
        self._update_input_panel(new)

    def _update_input_panel(self, widget: QWidget | None) -> None:
        kind = widget.property(INPUT_KIND) if isinstance(widget, QLineEdit) else None
        if kind in ("digits", "id"):
            if self._keyboard is not None:
                self._keyboard.hide()
            self.keypad.set_allow_x(kind == "id")
            self.keypad.show()
            self.input_panel.show()
        elif kind == "text":
            if self._keypad is not None:
                self._keypad.hide()
            self.keyboard.show()
            self.input_panel.show()
        elif isinstance(widget, QLineEdit):
            return  # a line edit without a kind: leave the panel as it is
        else:
            for pad in (self._keypad, self._keyboard):
                if pad is not None:
                    pad.hide()
            self.input_panel.hide()

    # -- window ------------------------------------------------------------------------------------
    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if self._idle_warning is not None and self._idle_warning.isVisible():
            self._idle_warning.setGeometry(self.rect())

    def stop_timers(self) -> None:
        """Stop every timer the shell and its screens own (shutdown and tests).

        Screens stop their countdowns in ``reset()``, which also wipes what they hold: at
        shutdown nothing a resident typed may outlive the process anyway.
        """
        self.idle_guard.set_limit(None)
        for screen in self._screens.values():
            screen.reset()
