"""Every screen fits the kiosk's 1920x1080 screen, with the keypad or keyboard open."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QCheckBox, QLabel, QLineEdit, QWidget
from pytestqt.exceptions import TimeoutError as WaitTimeout

from kiosk.app import Kiosk
from kiosk.flows import RECOVERY, REGISTRATION
from kiosk.ui.theme import apply_theme

SCREEN_W, SCREEN_H = 1920, 1080

FLOW_SCREENS = {
    "center": REGISTRATION,
    "identity": REGISTRATION,
    "code": REGISTRATION,
    "credentials": REGISTRATION,
    "success": REGISTRATION,
    "new_password": RECOVERY,
    "reset_done": RECOVERY,
}
PAGES = (
    "home",
    "login",
    "account_home",
    "guide",
    "points",
    "account",
    "query",
    "loan",
    "loan_apply",
    "loan_progress",
    "withdraw",
)


ALL_SCREENS = (*FLOW_SCREENS, *PAGES)
SIGNED_IN = frozenset(PAGES) - {"home", "login", "guide", "points"}
DEMO_LOGIN = {"center_id": "yc", "username": "demo2024", "password": "Gjj2024abc"}


def _prepare(kiosk: Kiosk) -> Any:
    """The kiosk's window at 1920x1080, signed in, every screen built (a hidden large
    screen must not widen the window either)."""
    window = kiosk.window
    window.resize(SCREEN_W, SCREEN_H)
    assert kiosk.client is not None
    kiosk.client.login(**DEMO_LOGIN)
    while window.prebuild():
        pass
    return window


@contextmanager
def _large_text(elder: bool) -> Iterator[None]:
    """大字 on (or off) for the block; off again after it."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, elder=elder)
    try:
        yield
    finally:
        apply_theme(app, elder=False)


def _open(window: Any, screen_id: str) -> None:
    """Show a screen: a flow's step in its flow, a page on its own."""
    if screen_id in FLOW_SCREENS:
        window.start_flow(FLOW_SCREENS[screen_id])
        window._show(screen_id)
    else:
        window.show_page(screen_id)


def _typed_fields(window: Any) -> list[QLineEdit]:
    """The current screen's fields that open the keypad or the keyboard."""
    return [e for e in window.current_screen.findChildren(QLineEdit) if e.property("inputKind")]


def _squeezed(window: Any) -> int:
    """Rows the current page lacks in a 1920x1080 window (the page area never grows the
    window: a page taller than the room left is squeezed, and what does not fit is cut)."""
    window.resize(SCREEN_W, SCREEN_H)
    central = window.centralWidget()
    central.layout().activate()
    return max(0, window.current_screen.minimumSizeHint().height() - window.stack.height())


@pytest.mark.parametrize("screen_id", ALL_SCREENS)
def test_screen_fits_the_kiosk_screen(qtbot: Any, kiosk: Kiosk, screen_id: str) -> None:
    window = _prepare(kiosk)
    _open(window, screen_id)
    qtbot.waitUntil(lambda: window.current_id == screen_id)
    for edit in [None, *_typed_fields(window)]:
        if edit is not None:
            window._update_input_panel(edit)
        minimum = window.minimumSizeHint()
        assert minimum.width() <= SCREEN_W, (screen_id, edit and edit.objectName(), minimum)
        assert minimum.height() <= SCREEN_H, (screen_id, edit and edit.objectName(), minimum)
        assert _squeezed(window) == 0, (screen_id, edit and edit.objectName())


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_the_window_never_grows_past_the_screen_while_moving_between_screens(
    qtbot: Any, kiosk: Kiosk, elder: bool
) -> None:
    window = _prepare(kiosk)
    with _large_text(elder):
        _visit_every_screen(qtbot, window)


def _visit_every_screen(qtbot: Any, window: Any) -> None:
    """Walk both flows and every page, home in between; the window must stay 1920x1080."""
    visits: list[str] = []
    for flow in (REGISTRATION, RECOVERY):
        window.start_flow(flow)
        for screen_id in flow.steps:
            window._show(screen_id)
            visits.append(screen_id)
            for edit in window.current_screen.findChildren(QLineEdit):
                if edit.property("inputKind"):
                    window._update_input_panel(edit)
        window.go_home()  # from a flow with steps and a keyboard straight to home
        visits.append("home")
        for page in PAGES:
            window.show_page(page)
            visits.append(page)
        window.go_home()
        visits.append("home")
    qtbot.waitUntil(lambda: window.current_id == "home")
    assert (window.width(), window.height()) == (SCREEN_W, SCREEN_H), visits


def test_every_screen_fits_in_elder_mode_too(qtbot: Any, kiosk: Kiosk) -> None:
    """大字 enlarges every font, key and tile: each screen must still fit 1920x1080 (the
    window cannot grow past a full screen; what does not fit is cut off at the bottom)."""
    window = _prepare(kiosk)
    with _large_text(True):
        too_big = []
        for screen_id in ALL_SCREENS:
            _open(window, screen_id)
            for edit in [None, *_typed_fields(window)]:
                if edit is not None:
                    window._update_input_panel(edit)
                minimum = window.minimumSizeHint()
                if minimum.width() > SCREEN_W or minimum.height() > SCREEN_H:
                    too_big.append((screen_id, edit and edit.objectName(), minimum.toTuple()))
                if lacking := _squeezed(window):
                    too_big.append((screen_id, edit and edit.objectName(), lacking))
        assert too_big == [], too_big


def test_the_registration_form_keeps_the_agreement_and_the_next_field_in_view(
    qtbot: Any, kiosk: Kiosk
) -> None:
    window = kiosk.window
    window.resize(SCREEN_W, SCREEN_H)
    window.start_flow(REGISTRATION)
    window._show("credentials")
    screen = window.current_screen
    qtbot.waitUntil(window.keyboard.isVisible)
    agree = screen.findChild(QCheckBox, "agree")
    captcha = screen.findChild(QLineEdit, "captcha")
    email = screen.findChild(QLineEdit, "email")
    assert agree is not None and captcha is not None and email is not None
    qtbot.waitUntil(lambda: not agree.visibleRegion().isEmpty())
    assert captcha.visibleRegion().boundingRect().height() < captcha.height()  # below the fold
    with qtbot.waitActive(window):
        window.activateWindow()
    qtbot.mouseClick(email, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: captcha.visibleRegion().boundingRect().height() == captcha.height())
    assert not agree.visibleRegion().isEmpty()


def _cut_buttons(window: Any) -> list[tuple[str, tuple[int, int, int, int], tuple[int, int]]]:
    """Visible buttons of the current screen that stick out of their parent (drawn cut)."""
    cut = []
    for button in window.current_screen.findChildren(QAbstractButton):
        parent = button.parentWidget()
        if not button.isVisibleTo(window) or parent is None:
            continue
        if not parent.rect().contains(button.geometry()):
            cut.append(
                (
                    button.objectName() or button.text(),
                    button.geometry().getRect(),
                    parent.size().toTuple(),
                )
            )
    return cut


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_no_button_is_cut_by_its_parent(qtbot: Any, kiosk: Kiosk, elder: bool) -> None:
    """A button taller than the row it sits in loses its bottom edge (once: 还款方式)."""
    window = _prepare(kiosk)
    with _large_text(elder):
        cut = {}
        for screen_id in ALL_SCREENS:
            _open(window, screen_id)
            qtbot.waitUntil(lambda s=screen_id: window.current_id == s)
            window.current_screen.layout().activate()
            if found := _cut_buttons(window):
                cut[screen_id] = found
        assert cut == {}


def _text_sizes(window: Any) -> dict[int, tuple[QWidget, float]]:
    """Point sizes of the visible labels and buttons of the current screen (by identity)."""
    sizes = {}
    for widget in window.current_screen.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not widget.isVisibleTo(window):
            continue
        if not widget.text():
            continue
        widget.ensurePolished()
        sizes[id(widget)] = (widget, widget.font().pointSizeF())
    return sizes


def test_large_text_enlarges_every_text_of_every_screen(qtbot: Any, kiosk: Kiosk) -> None:
    """大字 grows every label and button, also those a screen sizes in its own style sheet."""
    window = _prepare(kiosk)
    normal: dict[str, dict[int, tuple[QWidget, float]]] = {}
    for screen_id in ALL_SCREENS:
        _open(window, screen_id)
        normal[screen_id] = _text_sizes(window)
    assert sum(len(sizes) for sizes in normal.values()) > 100
    with _large_text(True):
        small = []
        for screen_id in ALL_SCREENS:
            _open(window, screen_id)
            for widget, before in normal[screen_id].values():
                widget.ensurePolished()
                after = widget.font().pointSizeF()
                if after < before * 1.2:
                    small.append(
                        (screen_id, widget.objectName() or widget.text()[:12], before, after)
                    )
        assert small == [], "\n".join(map(str, small))


def _cut_labels(window: Any) -> list[tuple[str, str, int, int]]:
    """Visible labels of the current screen lower than their text needs (lines drawn cut)."""
    cut = []
    for label in window.current_screen.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        if label.wordWrap():
            need = label.heightForWidth(label.width())
        else:
            need = label.sizeHint().height()
        if label.height() < need - 2:
            cut.append((label.objectName(), label.text()[:16], label.height(), need))
    return cut


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_no_text_is_cut_on_any_screen(qtbot: Any, kiosk: Kiosk, elder: bool) -> None:
    """With its data loaded and its keypad or keyboard open, no screen cuts a text: long
    texts (tips, a service point's hours, account values) wrap in rows tall enough, or
    scroll. (Large text once cut the identity tips and the service point's details.)"""
    window = _prepare(kiosk)
    assert kiosk.client is not None
    with _large_text(elder):
        cut = {}
        for screen_id in ALL_SCREENS:
            if screen_id in SIGNED_IN:  # home signs out: sign in again, so the data loads
                kiosk.client.login(**DEMO_LOGIN)
            _open(window, screen_id)
            qtbot.waitUntil(
                lambda s=screen_id: window.current_id == s and not window.current_screen.busy,
                timeout=10000,
            )
            assert not window.current_screen.error, (screen_id, window.current_screen.error)
            try:
                qtbot.waitUntil(lambda: not _cut_labels(window), timeout=1500)
            except WaitTimeout:
                cut[screen_id] = _cut_labels(window)
        assert cut == {}


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_an_error_banner_in_large_text_never_pushes_back_or_the_footer_off_screen(
    qtbot: Any, kiosk: Kiosk, language: str
) -> None:
    """The page area takes what is left: with a banner above a tall page in large text the
    page is squeezed, never the window grown nor the chrome pushed together (返回, the
    banner and the hotline stay on the screen, none over another), in both languages."""
    window = _prepare(kiosk)
    try:
        with _large_text(True):
            problems = []
            for screen_id in ALL_SCREENS:
                if kiosk.language != language:  # home resets it for the next resident
                    kiosk.set_language(language)
                if screen_id in SIGNED_IN:  # with its data: the tallest the page gets
                    kiosk.client.login(**DEMO_LOGIN)
                _open(window, screen_id)
                screen = window.current_screen
                qtbot.waitUntil(lambda s=screen: not s.busy, timeout=10000)
                screen.set_error("网络连接失败，请稍后再试；如有疑问请拨打12329热线。")
                qtbot.waitUntil(window.banner.isVisible)
                for edit in [None, *_typed_fields(window)]:
                    if edit is not None:
                        window._update_input_panel(edit)
                    window.centralWidget().layout().activate()
                    problems += [(screen_id, *p) for p in _chrome_problems(window)]
                screen.set_error("")
            assert window.size().toTuple() == (SCREEN_W, SCREEN_H)
            assert problems == []
    finally:
        kiosk.set_language("zh_CN")


def _chrome_problems(window: Any) -> list[tuple[str, tuple[int, int, int, int]]]:
    """The banner, 返回 and the footer: each inside the window, and in that order downwards."""
    parts = [window.banner]
    if window.back_button.isVisible():
        parts.append(window.back_button)
    parts.append(window.footer)
    rects = [p.rect().translated(p.mapTo(window, p.rect().topLeft())) for p in parts]
    problems = [
        (part.objectName(), rect.getRect())
        for part, rect in zip(parts, rects, strict=True)
        if not part.isVisible() or not window.rect().contains(rect)
    ]
    for index in range(1, len(parts)):
        if rects[index - 1].bottom() >= rects[index].top():
            names = f"{parts[index - 1].objectName()} over {parts[index].objectName()}"
            problems.append((names, rects[index].getRect()))
    return problems


@pytest.mark.parametrize("elder", [False, True], ids=["normal", "elder"])
def test_the_fields_of_each_form_line_up(qtbot: Any, kiosk: Kiosk, elder: bool) -> None:
    """A form's input boxes start at one x: in large text the label column grows with the
    text (修改密码, 填写注册信息, 贷款试算 and 贷款申请 once had a box pushed aside)."""
    window = _prepare(kiosk)
    with _large_text(elder):
        ragged = {}
        for screen_id in ALL_SCREENS:
            _open(window, screen_id)
            window.centralWidget().layout().activate()
            edges = {
                edit.mapTo(window, edit.rect().topLeft()).x()
                for edit in window.current_screen.findChildren(QLineEdit)
                if edit.isVisibleTo(window) and edit.objectName()
            }
            if len(edges) > 1:
                ragged[screen_id] = sorted(edges)
        assert ragged == {}
