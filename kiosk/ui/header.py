"""The blue band on top of every screen: product name, page title, center and clock."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDateTime, QLocale, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.i18n import LanguageToggle

__all__ = ["HeaderBar"]


class HeaderBar(QFrame):
    """``宁夏住房公积金网上业务大厅 | 个人用户`` band with the title, center name and clock.

    The clock is refreshed at the start of each minute by a single-shot timer owned by
    the widget, which runs only while the header is shown (started in ``showEvent``,
    stopped in ``hideEvent`` and ``closeEvent``).

    Signals:
        elder_toggled(bool): the resident pressed 大字 (True: large text on).
    """

    elder_toggled = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        show_elder_toggle: bool = True,
        now: Callable[[], QDateTime] = QDateTime.currentDateTime,
    ) -> None:
        """Build the header.

        Args:
            parent: the owning widget.
            show_elder_toggle: offer the 大字 button.
            now: the clock source (tests pass a fixed time).
        """
        super().__init__(parent)
        self.setObjectName("headerBar")  # a QFrame: it paints its stylesheet background itself
        self._now = now

        self._brand = QLabel(self.tr("宁夏住房公积金网上业务大厅 | 个人用户"), self)
        self._brand.setObjectName("headerBrand")
        self._title = QLabel(self)
        self._title.setObjectName("headerTitle")
        self._center = QLabel(self)
        self._center.setObjectName("headerCenter")  # right-aligned by the stylesheet
        self._clock = QLabel(self)
        self._clock.setObjectName("headerClock")
        self._elder = QPushButton(self)  # (text, parent) would create QIcon: an overload has one
        self._elder.setText(self.tr("大字"))
        self._elder.setObjectName("elderToggle")
        self._elder.setCheckable(True)  # never takes the focus (stylesheet: NoFocus)
        self._elder.setAccessibleName(self.tr("大字模式"))
        self._elder.setVisible(show_elder_toggle)

        self._timer = QTimer(self)
        self._timer.setObjectName("headerClockTimer")
        self._timer.setSingleShot(True)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(self._brand)
        left.addWidget(self._title)
        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(self._center)
        right.addWidget(self._clock)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 10, 24, 10)
        row.setSpacing(24)
        row.addLayout(left, 1)
        row.addLayout(right)
        row.addWidget(self._elder)  # centred vertically: it cannot grow
        #: 中文/English (the composition root wires it and decides when it is shown).
        self.language_toggle = LanguageToggle(self)
        row.addWidget(self.language_toggle)
        self._connect_signals()
        self._update_clock()

    def _connect_signals(self) -> None:
        self._timer.timeout.connect(self.on_timer_timeout)
        self._elder.toggled.connect(self.elder_toggled)

    # -- public API ---------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        """Show the page title (e.g. ``用户注册``)."""
        self._title.setText(title)
        self._title.setVisible(bool(title))

    def title(self) -> str:
        """The page title."""
        return self._title.text()

    def set_center_name(self, name: str) -> None:
        """Show the management center's name (e.g. ``宁夏住房公积金管理中心``)."""
        self._center.setText(name)

    def center_name(self) -> str:
        """The center name shown."""
        return self._center.text()

    def is_elder(self) -> bool:
        """Whether the 大字 button is on."""
        return self._elder.isChecked()

    def set_elder(self, elder: bool) -> None:
        """Sync the 大字 button with the current mode without emitting ``elder_toggled``."""
        blocked = self._elder.blockSignals(True)
        self._elder.setChecked(elder)
        self._elder.blockSignals(blocked)

    def retranslate(self) -> None:
        """Texts in the language installed now (after a language change)."""
        self._brand.setText(self.tr("宁夏住房公积金网上业务大厅 | 个人用户"))
        self._elder.setText(self.tr("大字"))
        self._elder.setAccessibleName(self.tr("大字模式"))
        self._update_clock()

    def clock_text(self) -> str:
        """The time shown by the clock."""
        return self._clock.text()

    def is_clock_running(self) -> bool:
        """Whether the clock's timer is active (only while shown)."""
        return self._timer.isActive()

    # -- clock --------------------------------------------------------------------------------
    def on_timer_timeout(self) -> None:
        """Refresh the clock and wait for the next minute."""
        self._update_clock()
        self._schedule()

    def _schedule(self) -> None:
        now = self._now()
        ms_into_minute = now.time().second() * 1000 + now.time().msec()
        self._timer.start(max(200, 60_000 - ms_into_minute + 50))

    def _update_clock(self) -> None:
        now = self._now()
        weekdays = (
            self.tr("星期一"),
            self.tr("星期二"),
            self.tr("星期三"),
            self.tr("星期四"),
            self.tr("星期五"),
            self.tr("星期六"),
            self.tr("星期日"),
        )
        weekday = weekdays[now.date().dayOfWeek() - 1]
        date = QLocale(QLocale.Language.Chinese, QLocale.Country.China).toString(
            now.date(), self.tr("yyyy年M月d日")
        )
        self._clock.setText(f"{date} {weekday} {now.time().toString('HH:mm')}")

    # -- events -------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Start the clock."""
        super().showEvent(event)
        self._update_clock()
        self._schedule()

    def hideEvent(self, event: QHideEvent) -> None:
        """Stop the clock."""
        self._timer.stop()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop the clock."""
        self._timer.stop()
        super().closeEvent(event)
