#!/usr/bin/env python3
"""Render every reusable widget into PNG files to check the look without a screen.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/preview_widgets.py [--elder] [--out DIR]

Writes ``widgets.png`` (everything on one page), ``widgets-input.png`` (keypad and keyboard),
``widgets-overlay.png`` (the idle warning) and ``widgets-agreement.png`` into DIR (``/tmp``).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.agreement import AgreementDialog
from kiosk.ui.busy import BusyIndicator
from kiosk.ui.captcha import CaptchaView
from kiosk.ui.error_banner import ErrorBanner
from kiosk.ui.field import Field
from kiosk.ui.footer import FooterBar
from kiosk.ui.header import HeaderBar
from kiosk.ui.idle_guard import IdleWarning
from kiosk.ui.keyboard import Keyboard
from kiosk.ui.keypad import Keypad
from kiosk.ui.qr import QrCard
from kiosk.ui.step_header import StepHeader
from kiosk.ui.theme import apply_theme
from kiosk.ui.tile import Tile


def _captcha_png() -> bytes:
    image = QImage(160, 56, QImage.Format.Format_RGB32)
    image.fill(QColor("#F3F6E8"))
    painter = QPainter(image)
    font = QFont()
    font.setPixelSize(40)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("#7B1FA2"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "2273")
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; only str works
    return bytes(data.data())


def _main_page() -> QWidget:
    page = QWidget()
    page.setObjectName("page")
    page.resize(1280, 1900)
    column = QVBoxLayout(page)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)

    header = HeaderBar(page)
    header.set_title("用户注册")
    header.set_center_name("宁夏住房公积金管理中心")
    column.addWidget(header)

    body = QWidget(page)
    content = QVBoxLayout(body)
    content.setContentsMargins(32, 20, 32, 20)
    content.setSpacing(16)
    column.addWidget(body, 1)

    steps = StepHeader(body)
    steps.set_stages(["第一步 身份验证", "第二步 填写注册信息", "注册成功"])
    steps.set_current(1)
    content.addWidget(steps)

    banner = ErrorBanner(body)
    banner.show_message("短信验证码不正确，请核对短信后重新输入；还可以再试 4 次。")
    content.addWidget(banner)
    warning = ErrorBanner(body)
    warning.show_message("暂时无法连接公积金中心，请稍后再试或拨打12329热线。", kind="warning")
    content.addWidget(warning)

    card = QWidget(body)
    card.setProperty("card", True)
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    form = QVBoxLayout(card)
    form.setContentsMargins(28, 20, 28, 12)
    form.setSpacing(6)
    id_field = Field("身份证号", card)
    id_field.set_masked_display("640***********123X")
    phone = Field("手机号码", card, required=True, trailing=QPushButton("发送验证码"))
    phone.set_text("13812345678")
    phone.set_message("验证码已发送，请查收短信（60秒后可重新发送）", kind="ok")
    user = Field("用户名", card, required=True, placeholder="6-16位字母或数字")
    user.set_message("用户名需为6-16位字母或数字", kind="error")
    user.set_text("abc")
    password = Field("密码", card, required=True)
    password.set_password(True)
    password.set_text("secret123")
    captcha = CaptchaView()
    captcha.set_png(_captcha_png())
    code = Field("验证码", card, trailing=captcha)
    code.set_message("请输入图片中的数字", kind="hint")
    for field in (id_field, phone, user, password, code):
        field.set_label_width(190)
        form.addWidget(field)
    agree = QLabel("阅读并接受《个人用户注册协议》", card)
    agree.setProperty("role", "hint")
    form.addWidget(agree)
    buttons = QHBoxLayout()
    buttons.addStretch(1)
    submit = QPushButton("提交", card)
    submit.setProperty("role", "primary")
    cancel = QPushButton("取消", card)
    cancel.setProperty("role", "secondary")
    disabled = QPushButton("下一步", card)
    disabled.setProperty("role", "primary")
    disabled.setEnabled(False)
    plain = QPushButton("返回登录", card)
    buttons.addWidget(submit)
    buttons.addWidget(cancel)
    buttons.addWidget(disabled)
    buttons.addWidget(plain)
    buttons.addStretch(1)
    form.addLayout(buttons)
    content.addWidget(card)

    busy = BusyIndicator(body)
    content.addWidget(busy)

    tiles = QGridLayout()
    tiles.setSpacing(16)
    specs = [
        ("个人账户", "登录后查看余额与明细", "账", "#1565C0"),
        ("信息查询", "缴存、贷款、提取记录", "查", "#00838F"),
        ("我要提取", "租房、购房、退休提取", "取", "#2E7D32"),
        ("我要贷款", "贷款申请与进度", "贷", "#6A1B9A"),
        ("用户注册", "首次使用请先注册", "注", "#E65100"),
        ("办事指南", "网点地图与工作时间", "指", "#455A64"),
    ]
    for index, (title, subtitle, glyph, accent) in enumerate(specs):
        tiles.addWidget(Tile(title, subtitle, glyph, body, accent=accent), index // 3, index % 3)
    content.addLayout(tiles)

    qr_row = QHBoxLayout()
    qr_row.setSpacing(16)
    for title, url, caption in (
        ("微信公众号", "https://weixin.qq.com/r/nxzfgjj", "请用微信扫一扫"),
        ("手机APP", "https://www.nxzfgjj.gov.cn/app", "扫码下载“宁夏住房公积金”"),
        ("官方网站", "http://www.nxzfgjj.gov.cn", "www.nxzfgjj.gov.cn"),
    ):
        qr_card = QrCard(body)
        qr_card.set_content(title, url, caption)
        qr_row.addWidget(qr_card)
    qr_row.addStretch(1)
    content.addLayout(qr_row)
    content.addStretch(1)

    footer = FooterBar(page)
    footer.set_status("离线模式：部分业务暂不可办理", kind="warning")
    column.addWidget(footer)
    return page


def _input_page() -> QWidget:
    page = QWidget()
    page.setObjectName("page")
    page.resize(1280, 760)
    column = QVBoxLayout(page)
    column.setContentsMargins(24, 24, 24, 24)
    column.setSpacing(16)
    target = Field("身份证号", page, required=True)
    target.set_text("64010219800101123")
    column.addWidget(target)
    row = QHBoxLayout()
    keypad = Keypad(page, allow_x=True)
    keypad.setFixedWidth(480)
    row.addWidget(keypad)
    row.addStretch(1)
    column.addLayout(row)
    keyboard = Keyboard(page)
    keyboard.set_upper(True)
    column.addWidget(keyboard)
    return page


def _overlay_page() -> QWidget:
    page = _main_page()
    page.resize(1280, 1000)
    overlay = IdleWarning(page)
    overlay.popup(18)
    return page


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--elder", action="store_true", help="render in elder (large text) mode")
    parser.add_argument("--out", type=Path, default=Path("/tmp"), help="output directory")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    apply_theme(app, elder=args.elder)
    suffix = "-elder" if args.elder else ""
    pages = {
        "widgets": _main_page(),
        "widgets-input": _input_page(),
        "widgets-overlay": _overlay_page(),
    }
    for name, page in pages.items():
        page.show()
        app.processEvents()  # a preview tool, not the kiosk: let layouts settle once
        path = args.out / f"{name}{suffix}.png"
        page.grab().save(str(path))
        print(path)
        page.close()
    window = QWidget()
    window.resize(1280, 900)
    window.show()
    text = "\n\n".join(
        f"第{i}条 本协议由宁夏住房公积金网上业务大厅与个人用户共同订立。用户应妥善保管账号与密码，"
        "不得将账号转借他人使用。"
        for i in range(1, 16)
    )
    dialog = AgreementDialog("个人用户注册协议", text, window)
    dialog.open()
    app.processEvents()
    path = args.out / f"widgets-agreement{suffix}.png"
    dialog.grab().save(str(path))
    print(path, "agree enabled:", dialog.is_read())
    dialog.close()
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
