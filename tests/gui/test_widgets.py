"""The reusable widgets of ``kiosk.ui``, driven with pytest-qt (offscreen, no center needed)."""

from __future__ import annotations

import base64

import pytest
import qrcode
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPoint, QRegularExpression, Qt, QTimer
from PySide6.QtGui import QColor, QFontInfo, QFontMetricsF, QImage, QRegularExpressionValidator
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.agreement import AgreementDialog
from kiosk.ui.busy import BusyIndicator
from kiosk.ui.captcha import CaptchaView, decode_png
from kiosk.ui.countdown import Countdown
from kiosk.ui.error_banner import ErrorBanner
from kiosk.ui.field import Field
from kiosk.ui.footer import FooterBar
from kiosk.ui.header import HeaderBar
from kiosk.ui.idle_guard import IdleGuard, IdleWarning
from kiosk.ui.keyboard import Keyboard
from kiosk.ui.keypad import Keypad
from kiosk.ui.qr import QrCard, qr_image
from kiosk.ui.resources import resource_path
from kiosk.ui.step_header import StepHeader
from kiosk.ui.theme import (
    apply_theme,
    is_elder,
    load_stylesheet,
    pick_font_family,
    scaled_style,
    set_local_style,
)
from kiosk.ui.tile import Tile
from tests.gui.helpers import tap_key

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def themed(qapp: QApplication):
    """The kiosk theme on the application, removed afterwards."""
    old_font = qapp.font()
    apply_theme(qapp)
    yield qapp
    qapp.setStyleSheet("")
    qapp.setFont(old_font)


def _key(parent: QWidget, name: str) -> QPushButton:
    button = parent.findChild(QPushButton, name)
    assert button is not None, name
    return button


def _png_bytes(width: int = 120, height: int = 40) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#336699"))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


# -- theme and resources ------------------------------------------------------------------------
def test_resource_path_finds_the_stylesheets():
    assert resource_path("qss", "kiosk.qss").is_file()
    assert resource_path("qss", "kiosk-elder.qss").is_file()


def test_theme_picks_the_cjk_font_and_elder_mode_is_larger(qapp):
    old_font = qapp.font()
    try:
        assert pick_font_family() == "Noto Sans CJK SC"
        apply_theme(qapp)
        normal = qapp.font().pointSize()
        assert QFontInfo(qapp.font()).family() == "Noto Sans CJK SC"  # what Qt really uses
        assert "#1565C0" in qapp.styleSheet()
        assert not is_elder(qapp)
        apply_theme(qapp, elder=True)
        assert is_elder(qapp)
        assert qapp.font().pointSize() > normal >= 20
        assert "font-size: 25pt" in qapp.styleSheet()
    finally:
        qapp.setStyleSheet("")
        qapp.setFont(old_font)


def test_pick_font_family_returns_none_when_nothing_is_installed():
    assert pick_font_family(("No Such Font Family 1", "No Such Font 2")) is None


# -- keypad -------------------------------------------------------------------------------------
def _shown(qtbot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    return widget


def test_keypad_types_digits_and_x_into_its_target(qtbot):
    keypad = _shown(qtbot, Keypad(allow_x=True))
    edit = QLineEdit()
    edit.setMaxLength(18)
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    pressed: list[str] = []
    keypad.key_pressed.connect(pressed.append)

    for name in ["key_6", "key_4", "key_0", "key_X"]:
        tap_key(qtbot, keypad, name)
    assert edit.text() == "640X"
    assert pressed == ["6", "4", "0", "X"]

    tap_key(qtbot, keypad, "key_back")
    assert edit.text() == "640"
    tap_key(qtbot, keypad, "key_clear")
    assert edit.text() == ""


def test_keypad_respects_max_length_and_validator(qtbot):
    keypad = _shown(qtbot, Keypad())
    edit = QLineEdit()
    edit.setMaxLength(3)
    edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9]*")))
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    for name in ["key_1", "key_2", "key_3", "key_4"]:
        tap_key(qtbot, keypad, name)
    assert edit.text() == "123"
    edit.clear()
    keypad.on_key_clicked("X")  # not a digit: the validator refuses it
    assert edit.text() == ""


def test_keypad_hides_x_unless_allowed_and_never_takes_focus(qtbot):
    keypad = _shown(qtbot, Keypad())
    assert not keypad.is_key_shown("key_X")
    assert keypad.key_rect("key_X").isEmpty()
    wide_zero = keypad.key_rect("key_0")
    keypad.set_allow_x(True)
    assert keypad.is_key_shown("key_X")
    assert keypad.key_rect("key_0").width() < wide_zero.width()  # 0 makes room for X
    assert not keypad.key_rect("key_X").intersects(keypad.key_rect("key_0"))
    assert keypad.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_keypad_follows_the_focused_line_edit(qtbot):
    window = QWidget()
    first, second = QLineEdit(window), QLineEdit(window)
    keypad = Keypad(window)
    layout = QVBoxLayout(window)
    for widget in (first, second, keypad):
        layout.addWidget(widget)
    _shown(qtbot, window)
    window.activateWindow()
    second.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is second)
    tap_key(qtbot, keypad, "key_7")
    assert second.text() == "7"
    assert first.text() == ""
    assert QApplication.focusWidget() is second  # the key did not steal the focus


def test_keypad_keys_are_touch_sized_and_apart(qtbot, themed):
    for elder in (False, True):
        apply_theme(themed, elder=elder)
        keypad = _shown(qtbot, Keypad(allow_x=True))
        rects = [keypad.key_rect(name) for name in keypad.key_names()]
        assert len(rects) == 13
        for name, rect in zip(keypad.key_names(), rects, strict=True):
            assert rect.height() >= (96 if elder else 80), name
            assert rect.width() >= 80, name
            assert keypad.rect().contains(rect), name
        for index, rect in enumerate(rects):
            assert not any(rect.intersects(other) for other in rects[index + 1 :])
        keypad.close()


def test_keypad_shows_the_pressed_key_and_a_finger_sliding_off_types_nothing(qtbot):
    keypad = _shown(qtbot, Keypad())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    five = keypad.key_rect("key_5").center()
    qtbot.mousePress(keypad, LEFT, pos=five)
    assert keypad.pressed_key() == "key_5"
    assert edit.text() == ""  # a key types when the finger lifts, as a button clicks
    qtbot.mouseMove(keypad, keypad.key_rect("key_9").center())
    assert keypad.pressed_key() is None
    qtbot.mouseRelease(keypad, LEFT, pos=keypad.key_rect("key_9").center())
    assert edit.text() == ""
    qtbot.mouseClick(keypad, LEFT, pos=QPoint(2, 2))  # the border between keys
    assert edit.text() == ""


def test_holding_backspace_repeats_it(qtbot):
    keypad = _shown(qtbot, Keypad())
    edit = QLineEdit("123456")
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    back = keypad.key_rect("key_back").center()
    qtbot.mousePress(keypad, LEFT, pos=back)
    qtbot.waitUntil(lambda: len(edit.text()) <= 3, timeout=3000)
    qtbot.mouseRelease(keypad, LEFT, pos=back)
    left = edit.text()
    assert keypad.pressed_key() is None
    assert not keypad.findChild(QTimer, "keyRepeatTimer").isActive()
    assert "123456".startswith(left) and len(left) < 4


@pytest.mark.qt_log_ignore("not accepted by receiving widget")
def test_keypad_disabled_ignores_taps(qtbot):
    keypad = _shown(qtbot, Keypad())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    keypad.setEnabled(False)
    qtbot.mouseClick(keypad, LEFT, pos=keypad.key_rect("key_1").center())
    assert edit.text() == ""
    keypad.setEnabled(True)
    tap_key(qtbot, keypad, "key_1")
    assert edit.text() == "1"


def test_keypad_ignores_a_read_only_target(qtbot):
    keypad = _shown(qtbot, Keypad())
    edit = QLineEdit("12")
    edit.setReadOnly(True)
    qtbot.addWidget(edit)
    keypad.set_target(edit)
    tap_key(qtbot, keypad, "key_5")
    tap_key(qtbot, keypad, "key_clear")
    assert edit.text() == "12"


def test_every_control_is_touch_sized_and_text_is_large(qtbot, themed):
    page = QWidget()
    layout = QVBoxLayout(page)
    password = Field("密码", page, required=True)
    password.set_password(True)
    captcha = CaptchaView()
    keyboard = Keyboard(page)
    widgets = [
        HeaderBar(page),
        Field("手机号码", page, trailing=QPushButton("发送验证码")),
        password,
        Field("验证码", page, trailing=captcha),
        keyboard,
        FooterBar(page),
    ]
    for widget in widgets:
        layout.addWidget(widget)
    for role in ("primary", "secondary", "danger", None):
        button = QPushButton("提交", page)
        button.setProperty("role", role)
        layout.addWidget(button)
    _shown(qtbot, page)
    controls = [w for w in page.findChildren(QPushButton) + page.findChildren(QLineEdit)]
    assert len(controls) > 8
    for control in controls:
        if control.isVisible():
            assert control.height() >= 60, control.objectName() or control.text()
    for widget in page.findChildren(QWidget):
        if widget.isVisible() and hasattr(widget, "text") and widget.text():
            assert widget.font().pointSizeF() >= 20, widget.objectName()
    assert len(keyboard.key_names()) == 45
    for name in keyboard.key_names():
        rect = keyboard.key_rect(name)
        assert rect.height() >= 60 and rect.width() >= 60, name
    assert keyboard.font().pointSizeF() >= 20 and keyboard.actionPointSize >= 20
    page.close()


# -- keyboard -----------------------------------------------------------------------------------
def test_keyboard_types_letters_and_shift_changes_case(qtbot):
    keyboard = _shown(qtbot, Keyboard())
    edit = QLineEdit()
    qtbot.addWidget(edit)
    keyboard.set_target(edit)

    tap_key(qtbot, keyboard, "key_a")
    with qtbot.waitSignal(keyboard.shift_toggled) as blocker:
        tap_key(qtbot, keyboard, "key_shift")
    assert blocker.args == [True]
    assert keyboard.is_upper() and keyboard.is_checked("key_shift")
    assert keyboard.key_label("key_b") == "B"
    assert keyboard.key_label("key_shift") == "小写"
    tap_key(qtbot, keyboard, "key_b")
    tap_key(qtbot, keyboard, "key_shift")
    assert keyboard.key_label("key_b") == "b"
    for name in ["key_c", "key_1", "key_at", "key_q", "key_q", "key_com"]:
        tap_key(qtbot, keyboard, name)
    assert edit.text() == "aBc1@qq.com"

    tap_key(qtbot, keyboard, "key_back")
    assert edit.text() == "aBc1@qq.co"
    tap_key(qtbot, keyboard, "key_clear")
    assert edit.text() == ""


def test_keyboard_rows_are_offset_by_half_a_key(qtbot):
    keyboard = _shown(qtbot, Keyboard())
    q, a, z = (keyboard.key_rect(name) for name in ("key_q", "key_a", "key_z"))
    assert q.left() < a.left() < keyboard.key_rect("key_w").left()
    assert a.top() > q.bottom() and z.top() > a.bottom()
    assert keyboard.key_at(a.center()) == "key_a"
    assert keyboard.key_at(QPoint(keyboard.width() - 3, keyboard.height() - 3)) is None


def test_keyboard_done_emits_and_hides(qtbot):
    keyboard = _shown(qtbot, Keyboard())
    with qtbot.waitSignal(keyboard.done_clicked):
        tap_key(qtbot, keyboard, "key_done")
    assert keyboard.isHidden()


def test_keyboard_keys_never_take_focus_and_physical_keys_still_work(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    edit = QLineEdit(window)
    keyboard = Keyboard(window)
    layout.addWidget(edit)
    layout.addWidget(keyboard)
    _shown(qtbot, window)
    window.activateWindow()
    edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit)
    tap_key(qtbot, keyboard, "key_z")
    qtbot.keyClicks(edit, "y9")
    assert edit.text() == "zy9"
    assert keyboard.focusPolicy() == Qt.FocusPolicy.NoFocus
    assert QApplication.focusWidget() is edit


def test_keyboard_grows_in_elder_mode(qtbot, themed):
    window = QWidget()
    keyboard = Keyboard(window)
    QVBoxLayout(window).addWidget(keyboard)
    _shown(qtbot, window)
    normal = keyboard.key_rect("key_a").height(), keyboard.font().pointSizeF()
    apply_theme(themed, elder=True)
    qtbot.waitUntil(lambda: keyboard.key_rect("key_a").height() > normal[0])
    assert keyboard.font().pointSizeF() > normal[1]


# -- field --------------------------------------------------------------------------------------
def test_field_password_is_hidden_until_toggled(qtbot):
    field = Field("密码", required=True)
    qtbot.addWidget(field)
    field.set_password(True)
    field.show()
    field.set_text("abc123")
    toggle = _key(field, "togglePassword")
    assert toggle.isVisible()
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Password
    assert toggle.text() == "显示"

    qtbot.mouseClick(toggle, LEFT)
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Normal
    assert toggle.text() == "隐藏"
    assert field.is_revealed()

    field.clear()
    assert field.text() == ""
    assert field.line_edit.echoMode() == QLineEdit.EchoMode.Password


def test_field_messages_and_signals(qtbot):
    field = Field("手机号码", max_length=11)
    qtbot.addWidget(field)
    with qtbot.waitSignal(field.text_changed) as blocker:
        field.set_text("138")
    assert blocker.args == ["138"]
    assert field.line_edit.maxLength() == 11

    field.set_message("请输入11位手机号码")
    assert field.message() == "请输入11位手机号码"
    assert field.message_kind() == "error"
    assert field.line_edit.property("invalid") is True
    field.set_message("格式正确", kind="ok")
    assert field.line_edit.property("invalid") is False
    with pytest.raises(ValueError, match="kind"):
        field.set_message("x", kind="bad")


def test_field_emits_focused_when_the_line_edit_gains_focus(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    other = QLineEdit(window)
    field = Field("身份证号", window)
    layout.addWidget(other)
    layout.addWidget(field)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    other.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is other)
    with qtbot.waitSignal(field.focused):
        field.line_edit.setFocus()


def test_field_masked_display_keeps_the_real_text(qtbot):
    field = Field("身份证号")
    qtbot.addWidget(field)
    field.show()
    field.set_text("64010219800101123X")
    field.set_masked_display("640***********123X")
    assert field.is_display()
    assert not field.line_edit.isVisible()
    assert field.display_text() == "640***********123X"
    assert field.text() == "64010219800101123X"
    field.set_editable()
    assert field.line_edit.isVisible()
    assert not field.is_display()


def test_field_trailing_widget_is_shown(qtbot):
    send = QPushButton("发送验证码")
    field = Field("手机号码", trailing=send)
    qtbot.addWidget(field)
    field.show()
    assert field.trailing() is send
    assert send.isVisible()
    assert send.parent() is field


# -- step header --------------------------------------------------------------------------------
def test_step_header_marks_done_current_and_future(qtbot):
    page = QWidget()
    header = StepHeader(page)
    qtbot.addWidget(page)
    page.show()
    assert header.isHidden()  # no stages yet

    header.set_stages(["第一步 身份验证", "第二步 填写注册信息", "注册成功"])
    assert header.isVisible()
    header.set_current(1)
    states = [header.state(i) for i in range(3)]
    assert states == ["done", "current", "todo"]
    labels = [header.findChild(QWidget, f"stage_{i}") for i in range(3)]
    assert [label.property("state") for label in labels] == states
    assert labels[0].text().startswith("✓")
    assert not labels[1].text().startswith("✓")
    assert "填写注册信息" in header.accessibleName()
    header.set_current(0)  # back: only the stages that changed are restyled, but all follow
    assert [label.property("state") for label in labels] == ["current", "todo", "todo"]
    assert not labels[0].text().startswith("✓")

    header.set_current(3)
    assert [header.state(i) for i in range(3)] == ["done"] * 3
    header.set_stages([])
    assert header.isHidden()


# -- error banner, footer, header ---------------------------------------------------------------
def test_error_banner_shows_exactly_the_text_and_clears(qtbot):
    page = QWidget()
    banner = ErrorBanner(page)
    qtbot.addWidget(page)
    page.show()
    assert banner.isHidden()
    banner.show_message("网络连接失败，请稍后重试或拨打12329热线。")
    assert banner.isVisible()
    assert banner.message() == "网络连接失败，请稍后重试或拨打12329热线。"
    assert banner.accessibleName() == banner.message()
    banner.show_message("中心系统维护中。", kind="warning")
    assert banner.property("kind") == "warning"
    banner.clear()
    assert banner.isHidden()
    assert banner.message() == ""
    with pytest.raises(ValueError, match="kind"):
        banner.show_message("x", kind="fatal")


def test_footer_status(qtbot):
    footer = FooterBar()
    qtbot.addWidget(footer)
    footer.set_status("暂时无法连接公积金中心", kind="warning")
    assert footer.status() == "暂时无法连接公积金中心"
    labels = [w.text() for w in footer.findChildren(QWidget) if hasattr(w, "text")]
    assert any("12329" in text for text in labels)


def test_header_clock_runs_only_while_shown(qtbot):
    header = HeaderBar()
    qtbot.addWidget(header)
    header.set_title("用户注册")
    header.set_center_name("宁夏住房公积金管理中心")
    assert not header.is_clock_running()
    header.show()
    assert header.is_clock_running()
    assert header.clock_text()
    header.hide()
    assert not header.is_clock_running()
    header.show()
    assert header.is_clock_running()
    header.close()
    assert not header.is_clock_running()


def test_header_elder_toggle(qtbot):
    header = HeaderBar()
    qtbot.addWidget(header)
    header.show()
    toggle = _key(header, "elderToggle")
    with qtbot.waitSignal(header.elder_toggled) as blocker:
        qtbot.mouseClick(toggle, LEFT)
    assert blocker.args == [True]
    with qtbot.assertNotEmitted(header.elder_toggled):
        header.set_elder(False)
    assert not toggle.isChecked()
    header.close()


# -- tile ---------------------------------------------------------------------------------------
def test_tile_is_a_large_button(qtbot, themed):
    tile = Tile("我要提取", "租房、购房、退休提取", "取")
    qtbot.addWidget(tile)
    tile.show()
    qtbot.waitExposed(tile)
    assert tile.property("role") == "tile"
    assert tile.height() >= 150
    assert tile.accessibleName() == "我要提取，租房、购房、退休提取"
    with qtbot.waitSignal(tile.clicked):
        qtbot.mouseClick(tile, LEFT)


# -- QR -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["http://www.nxzfgjj.gov.cn", "宁夏住房公积金 12329"])
def test_qr_image_paints_the_qrcode_matrix(text):
    module_px, border = 5, 4
    image = qr_image(text, module_px=module_px, border=border)
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=border)
    code.add_data(text)
    code.make(fit=True)
    matrix = code.get_matrix()  # includes the quiet zone
    assert image.width() == image.height() == len(matrix) * module_px
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            pixel = image.pixelColor(x * module_px + module_px // 2, y * module_px + module_px // 2)
            expected = QColor("black") if dark else QColor("white")
            assert pixel == expected, (x, y)


def test_qr_image_rejects_bad_sizes():
    with pytest.raises(ValueError):
        qr_image("x", module_px=0)


def test_qr_card_is_large_enough_to_scan(qtbot):
    card = QrCard()
    qtbot.addWidget(card)
    card.set_content("官方网站", "http://www.nxzfgjj.gov.cn", "请用手机扫一扫")
    assert card.url() == "http://www.nxzfgjj.gov.cn"
    assert card.pixmap().width() >= 180
    assert card.pixmap().width() == card.pixmap().height()
    card.set_content("微信公众号", "")
    assert card.pixmap().isNull()


# -- captcha ------------------------------------------------------------------------------------
def test_captcha_accepts_raw_base64_and_data_url(qtbot):
    view = CaptchaView()
    qtbot.addWidget(view)
    png = _png_bytes()
    assert view.set_png(png)
    assert view.state() == "ready"
    view.set_loading()
    assert view.state() == "loading"
    assert not _key(view, "captchaRefresh").isEnabled()
    assert view.set_png(base64.b64encode(png))
    assert view.set_png("data:image/png;base64," + base64.b64encode(png).decode())
    assert not decode_png(base64.b64encode(png)).isNull()


def test_captcha_garbage_shows_failed_and_refresh_emits(qtbot):
    view = CaptchaView()
    qtbot.addWidget(view)
    view.show()
    assert not view.set_png(b"not a png at all")
    assert view.state() == "failed"
    view.set_failed("验证码加载失败")
    assert view.state() == "failed"
    with qtbot.waitSignal(view.refresh_requested):
        qtbot.mouseClick(_key(view, "captchaRefresh"), LEFT)


# -- countdown ----------------------------------------------------------------------------------
def test_countdown_ticks_down_and_expires(qtbot):
    countdown = Countdown(interval_ms=10)
    ticks: list[int] = []
    countdown.tick.connect(ticks.append)
    with qtbot.waitSignal(countdown.expired, timeout=2000):
        countdown.start(3)
    assert ticks == [3, 2, 1, 0]
    assert countdown.remaining == 0
    assert not countdown.is_running()


def test_countdown_stop_and_reset_stop_the_timer(qtbot):
    countdown = Countdown(interval_ms=10)
    with qtbot.assertNotEmitted(countdown.expired, wait=0):
        countdown.start(5)
        assert countdown.is_running()
        countdown.stop()
        assert not countdown.is_running()
        assert countdown.remaining == 5
        countdown.start(5)
        countdown.reset()
        assert not countdown.is_running()
        assert countdown.remaining == 0


# -- idle guard ---------------------------------------------------------------------------------
@pytest.fixture
def guard(qapp):
    guard = IdleGuard(tick_ms=10)
    yield guard
    guard.shutdown()
    guard.deleteLater()


def test_idle_guard_warns_counts_down_and_times_out(qtbot, guard):
    warnings: list[int] = []
    counts: list[int] = []
    guard.warning.connect(warnings.append)
    guard.countdown.connect(counts.append)
    with qtbot.waitSignal(guard.timed_out, timeout=5000):
        guard.set_limit(0.05)
    assert warnings == [20]
    assert counts == list(range(19, -1, -1))
    assert not guard.is_warning()


def test_idle_guard_disarmed_does_nothing(qtbot, guard):
    guard.set_limit(0.05)
    guard.set_limit(None)
    assert not guard.is_armed()
    with qtbot.assertNotEmitted(guard.warning, wait=150):
        pass
    with pytest.raises(ValueError):
        guard.set_limit(0)


def test_idle_guard_requires_a_long_enough_warning(qapp):
    with pytest.raises(ValueError, match="20"):
        IdleGuard(warning_seconds=5)


def test_idle_warning_covers_its_parent_and_offers_continue(qtbot):
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    window.show()
    overlay = IdleWarning(window)
    assert overlay.isHidden()
    overlay.popup(20)
    assert overlay.isVisible()
    assert overlay.geometry() == window.rect()
    assert "20 秒后返回首页" in overlay.message()
    overlay.set_seconds(7)
    assert "7 秒" in overlay.message()
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: overlay.geometry() == window.rect())
    with qtbot.waitSignal(overlay.continue_clicked):
        qtbot.mouseClick(_key(overlay, "idleContinue"), LEFT)
    overlay.dismiss()
    assert overlay.isHidden()


# -- busy ---------------------------------------------------------------------------------------
def test_busy_indicator_animates_only_while_visible(qtbot):
    busy = BusyIndicator()
    qtbot.addWidget(busy)
    assert busy.text() == "正在提交，请稍候…"
    assert not busy.is_animating()
    busy.show()
    assert busy.is_animating()
    busy.hide()
    assert not busy.is_animating()

    parent = QWidget()
    qtbot.addWidget(parent)
    inner = BusyIndicator(parent, "正在发送验证码，请稍候…")
    parent.show()
    assert inner.is_animating()
    parent.hide()
    assert not inner.is_animating()


# -- agreement ----------------------------------------------------------------------------------
def test_agreement_enables_agree_only_at_the_end(qtbot, themed):
    window = QWidget()
    window.resize(1024, 768)
    qtbot.addWidget(window)
    window.show()
    text = "\n\n".join(f"第{i}条 用户应妥善保管账号与密码。" for i in range(1, 80))
    dialog = AgreementDialog("个人用户注册协议", text, window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    agree = _key(dialog, "agree")
    assert not agree.isEnabled()
    bar = dialog.text_browser().verticalScrollBar()
    assert bar.maximum() > 0
    qtbot.mouseClick(_key(dialog, "page_down"), LEFT)
    assert bar.value() > 0
    assert not agree.isEnabled()
    dialog.scroll_to_end()
    assert agree.isEnabled()
    assert dialog.is_read()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(agree, LEFT)


def test_agreement_that_fits_can_be_accepted_at_once(qtbot):
    window = QWidget()
    window.resize(1024, 768)
    qtbot.addWidget(window)
    window.show()
    dialog = AgreementDialog("协议", "很短的协议。", window)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(dialog.is_read)
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(_key(dialog, "back"), LEFT)


def test_key_labels_are_never_cut(qtbot, themed):
    """退格 at elder size, or a long English label, is drawn smaller rather than cut."""
    window = QWidget()
    keyboard = Keyboard(window)
    QVBoxLayout(window).addWidget(keyboard)
    _shown(qtbot, window)
    keyboard.set_key_label("key_back", "Delete")  # its English label
    for elder in (False, True):
        apply_theme(themed, elder=elder)
        for name in keyboard.key_names():
            font = keyboard.label_font(name)
            wide = QFontMetricsF(font).horizontalAdvance(keyboard.key_label(name))
            assert wide <= keyboard.key_rect(name).width() - 6, (elder, name)
    assert keyboard.label_font("key_back").pointSizeF() < keyboard.actionPointSize
    assert keyboard.label_font("key_a").pointSizeF() == keyboard.font().pointSizeF()


def test_scaled_style_grows_point_sizes_only() -> None:
    style = "QLabel#a { font-size: 20pt; min-height: 56px; } QLabel#b { font-size: 28pt; }"
    assert scaled_style(style, elder=False) == style
    assert scaled_style(style, elder=True) == (
        "QLabel#a { font-size: 25pt; min-height: 56px; } QLabel#b { font-size: 35pt; }"
    )


def test_a_widgets_own_style_follows_large_text_both_ways(qapp: QApplication) -> None:
    apply_theme(qapp, elder=False)
    label = QLabel("缴存明细")
    set_local_style(label, "font-size: 20pt; color: #0D47A1;")
    try:
        assert label.styleSheet() == "font-size: 20pt; color: #0D47A1;"
        apply_theme(qapp, elder=True)
        assert label.styleSheet() == "font-size: 25pt; color: #0D47A1;"
        label.ensurePolished()
        assert label.font().pointSize() == 25
        late = QLabel("结息")  # made while large text is on: large from the start
        set_local_style(late, "font-size: 20pt;")
        assert late.styleSheet() == "font-size: 25pt;"
        apply_theme(qapp, elder=False)
        assert label.styleSheet() == "font-size: 20pt; color: #0D47A1;"
        assert late.styleSheet() == "font-size: 20pt;"
    finally:
        apply_theme(qapp, elder=False)


def test_the_elder_stylesheet_grows_the_base_sheet_once_and_keeps_its_own_sizes() -> None:
    base = resource_path("qss", "kiosk.qss").read_text(encoding="utf-8")
    elder = resource_path("qss", "kiosk-elder.qss").read_text(encoding="utf-8")
    assert load_stylesheet(elder=False) == base
    assert load_stylesheet(elder=True) == scaled_style(base, elder=True) + "\n" + elder
