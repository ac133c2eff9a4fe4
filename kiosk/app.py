"""The composition root: builds settings, services and the main window, and wires them.

The only module that knows every concrete class. Start-up paints the home screen from bundled
and cached reference data first; the HTTP client, the other screens and the embedded demo center
come after the first frame, so the resident never waits for the network or for heavy imports.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRect, QSize, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from kiosk import __version__
from kiosk.flows import FLOWS, LOGIN
from kiosk.reference import Reference
from kiosk.settings import Settings
from kiosk.ui.i18n import install_translator, installed_language, translated_flow
from kiosk.ui.resources import resource_path
from kiosk.ui.shell import HOME, MainWindow
from kiosk.ui.theme import apply_theme

if TYPE_CHECKING:
    from kiosk.api import CenterClient
    from kiosk.demo import EmbeddedCenter
    from kiosk.store import ReferenceCache
    from kiosk.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class Kiosk(QObject):
    """Everything one running kiosk is made of.

    Signals:
        started(): the client and every screen are ready (after the first frame).
        screens_built(): every screen has been built in idle time (switches are only switches).
        reference_refreshed(bool): a refresh from the center ended (True when it all succeeded).
    """

    started = Signal()
    reference_refreshed = Signal(bool)
    screens_built = Signal()

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.started_at = time.monotonic()
        self.reference = Reference.from_file(resource_path("reference", "default.json"))
        #: The language shown now: settings.language, or what the resident chose until the reset.
        self.language = self._install_language(settings.language)
        self.window = MainWindow(
            idle_limits={"form": settings.idle_form_s, "account": settings.idle_account_s},
            warning_seconds=settings.idle_warning_s,
        )
        self.client: CenterClient | None = None
        self.tasks: TaskRunner | None = None
        self.cache: ReferenceCache | None = None
        self.demo_center: EmbeddedCenter | None = None
        self.demo_inbox: QWidget | None = None
        self.center_online: bool | None = None
        self._build_home()
        self.window.header.set_elder(settings.elder_mode)
        self.window.header.elder_toggled.connect(self.on_header_elder_toggled)
        self.window.reset_done.connect(self.on_window_reset_done)
        # Language (connected before the public screens' reset handlers: it runs first).
        toggle = self.window.header.language_toggle
        toggle.set_language(self.language)
        toggle.setVisible(self.window.current_id == HOME)
        toggle.language_changed.connect(self.set_language)
        self.window.screen_shown.connect(self.on_window_screen_shown_language)
        self.window.reset_done.connect(self.on_window_reset_done_language)

    # -- language -----------------------------------------------------------------------------------
    def _install_language(self, language: str) -> str:
        app = QApplication.instance()
        if app is None:
            return language
        if installed_language(app) != language:
            install_translator(app, language)
        return installed_language(app)

    def set_language(self, language: str) -> None:
        """Show the kiosk in ``language`` ("zh_CN" or "en") until the next reset.

        Qt widgets keep the texts they were built with, so after installing the translator the
        shell re-reads its own texts and every screen is built again from its factory (the
        current one at once, shown again; the others in idle time). The 中文/English button is
        offered on the home screen only, where no resident data would be lost.
        """
        self.language = self._install_language(language)
        self.window.header.language_toggle.set_language(self.language)
        for flow in FLOWS.values():
            self.window.add_flow(translated_flow(flow))
        self.window.rebuild_screens()
        home = self.window.screen_by_id(HOME)
        check = getattr(home, "center_check_requested", None)
        if check is not None and getattr(self, "_public_wired", False):
            check.connect(self.refresh_reference)
        set_online = getattr(home, "set_center_online", None)
        if set_online is not None:
            set_online(self.center_online)
        if self.center_online is False:
            self._set_online(False)  # the offline notice in the new language
        timer = getattr(self, "_prebuild_timer", None)
        if timer is not None:
            timer.start()

    def on_window_screen_shown_language(self, screen_id: str) -> None:
        self.window.header.language_toggle.setVisible(screen_id == HOME)

    def on_window_reset_done_language(self) -> None:
        """The next resident starts in the configured language."""
        if self.language != self.settings.language:
            self.set_language(self.settings.language)

    def on_header_elder_toggled(self, elder: bool) -> None:
        """大字: larger text for the resident at the kiosk now."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, elder=elder)

    def on_window_reset_done(self) -> None:
        """The next resident starts with the configured text size."""
        if self.window.header.is_elder() != self.settings.elder_mode:
            self.window.header.set_elder(self.settings.elder_mode)
            self.on_header_elder_toggled(self.settings.elder_mode)

    # -- phase 1: before the first frame (no requests, no SQLAlchemy) -------------------------------
    def _build_home(self) -> None:
        from kiosk.screens.home import HomeScreen

        reference, center_id = self.reference, self.settings.center_id
        self.window.add_factory(HOME, lambda: HomeScreen(reference, center_id))
        self.window.header.set_center_name(self.reference.center_name(self.settings.center_id))
        self.window.show_page(HOME)

    # -- phase 2: after the first frame ------------------------------------------------------------
    def start_services(self, center_url: str | None = None) -> None:
        """Build the client, the task runner, the cache and every other screen."""
        from kiosk.api import CenterClient
        from kiosk.ui.tasks import TaskRunner

        url = center_url or self.settings.center_url
        self.client = CenterClient(url, self.settings.kiosk_id, verify=self.settings.tls_verify)
        self.tasks = TaskRunner(parent=self)
        self._open_cache()
        self._register_screens(self.client, self.tasks)
        for flow in FLOWS.values():
            self.window.add_flow(translated_flow(flow))
        self.window.on_before_reset(self._on_reset)
        self.window.flow_finished.connect(self._on_flow_finished)
        self.started.emit()
        if url:
            self.refresh_reference()

    def _open_cache(self) -> None:
        from kiosk.store import ReferenceCache

        try:
            self.cache = ReferenceCache(self.settings.cache_path)
        except Exception:  # the cache is only a cache: run without it
            log.exception("local cache unavailable at %s", self.settings.cache_path)
            self.cache = None
            return
        self._adopt_cached(self.cache.kinds(), source="cache")

    def _adopt_cached(self, kinds: Iterable[str], *, source: str) -> None:
        """Show these kinds of reference data as the cache holds them now."""
        if self.cache is None:
            return
        for kind in kinds:
            cached = self.cache.get(kind)
            if cached is not None:
                self.reference.update(kind, cached[0], source=source, at=cached[1])

    def _register_screens(self, client: CenterClient, tasks: TaskRunner) -> None:
        from kiosk.screens.code import CodeScreen
        from kiosk.screens.credentials import CredentialsScreen
        from kiosk.screens.done import DoneScreen
        from kiosk.screens.identity import IdentityScreen

        window, reference, tr = self.window, self.reference, self.window.tr
        window.add_factory("center", lambda: _center_pick(reference, self.settings.center_id))
        window.add_factory("identity", lambda: IdentityScreen(client, tasks))
        window.add_factory("code", lambda: CodeScreen(client, tasks))
        window.add_factory("credentials", lambda: CredentialsScreen(client, tasks, reference))
        window.add_factory(
            "success",
            lambda: DoneScreen(
                headline=tr("恭喜您，注册成功！"),
                detail=tr(
                    "您可使用注册的用户名和密码登录网上业务大厅，该账号与“宁夏住房公积金服务APP”通用。"
                ),
                countdown_text=tr("{n}秒后返回首页"),
                button_text=tr("去登录"),
                target=LOGIN.name,
            ),
        )
        for screen_id, factory in self._more_screens(client, tasks).items():
            window.add_factory(screen_id, factory)
        # Build the remaining screens in idle time, one per event-loop turn, so that the first
        # show of any screen is only a switch.
        self._prebuild_timer = QTimer(self)
        self._prebuild_timer.setInterval(0)
        self._prebuild_timer.timeout.connect(self._prebuild_one)
        self._prebuild_timer.start()

    def _more_screens(
        self, client: CenterClient, tasks: TaskRunner
    ) -> dict[str, Callable[[], Any]]:
        """Screens of the later flows (recovery, sign-in, services), when present."""
        from kiosk.screens.account import AccountScreen
        from kiosk.screens.account_home import AccountHomeScreen
        from kiosk.screens.done import DoneScreen
        from kiosk.screens.guide import GuideScreen
        from kiosk.screens.loan import LoanQuoteScreen
        from kiosk.screens.loan_apply import LoanApplyScreen
        from kiosk.screens.loan_progress import LoanProgressScreen
        from kiosk.screens.login import LoginScreen
        from kiosk.screens.new_password import NewPasswordScreen
        from kiosk.screens.points import PointsScreen
        from kiosk.screens.query import QueryScreen
        from kiosk.screens.withdraw import WithdrawScreen
        from kiosk.ui.printer import printer_for

        self._wire_public_screens()
        reference, settings, tr = self.reference, self.settings, self.window.tr
        return {
            "new_password": lambda: NewPasswordScreen(client, tasks, reference),
            "reset_done": lambda: DoneScreen(
                headline=tr("恭喜你，密码修改成功!"),
                detail=tr("请使用新密码登录；新密码在“宁夏住房公积金服务APP”同样适用。"),
                countdown_text=tr("{n}秒后跳转至个人登录首页"),
                button_text=tr("点击返回登录"),
                target=LOGIN.name,
            ),
            "login": lambda: LoginScreen(client, tasks),
            "account_home": lambda: AccountHomeScreen(
                reference, settings.center_id, self._has_screen
            ),
            "guide": lambda: GuideScreen(reference, client.guide, tasks),
            "account": lambda: AccountScreen(
                client,
                tasks,
                printer_for(settings.printer, settings.data_dir, demo=settings.demo),
                settings.kiosk_id,
            ),
            "withdraw": lambda: WithdrawScreen(
                client, tasks, printer_for(settings.printer, settings.data_dir, demo=settings.demo)
            ),
            "query": lambda: QueryScreen(
                client, tasks, printer_for(settings.printer, settings.data_dir, demo=settings.demo)
            ),
            "loan": lambda: LoanQuoteScreen(client, tasks),
            "loan_apply": lambda: LoanApplyScreen(client, tasks),
            "loan_progress": lambda: LoanProgressScreen(client, tasks),
            "points": lambda: PointsScreen(
                reference,
                settings.center_id,
                map_image=settings.map_image,
                map_bounds=settings.map_bounds,
            ),
        }

    def _has_screen(self, screen_id: str) -> bool:
        """Whether a screen is registered under ``screen_id`` (built now if it was not yet)."""
        try:
            self.window.screen_by_id(screen_id)
        except KeyError:
            return False
        return True

    def _wire_public_screens(self) -> None:
        """Keep the public screens in step with the reference data and the center's reachability."""
        if getattr(self, "_public_wired", False):
            return
        self._public_wired = True
        self._in_reset = False
        self.reference_refreshed.connect(self._on_reference_refreshed)
        self.window.on_before_reset(self._on_reset_started)
        self.window.reset_done.connect(self._on_reset_done)
        self.window.screen_shown.connect(self._on_screen_shown)
        home = self.window.screen_by_id(HOME)
        check = getattr(home, "center_check_requested", None)
        if check is not None:
            check.connect(self.refresh_reference)

    def _on_reference_refreshed(self, ok: bool) -> None:
        """Show what the refresh brought on every built screen that reads reference data."""
        for screen_id in (HOME, "account_home", "guide", "points"):
            try:
                screen = self.window.screen_by_id(screen_id)
            except KeyError:
                continue
            online = getattr(screen, "set_center_online", None)
            if online is not None:
                online(ok)
            refresh = getattr(screen, "refresh", None)
            if refresh is not None:
                refresh()

    def _on_reset_started(self) -> None:
        self._in_reset = True

    def _on_reset_done(self) -> None:
        self._in_reset = False

    def _on_screen_shown(self, screen_id: str) -> None:
        """Never leave a resident signed in behind the public home screen (返回 from 网厅首页)."""
        client = self.client
        if screen_id == HOME and client is not None and client.signed_in and not self._in_reset:
            self.window.go_home()

    def _prebuild_one(self) -> None:
        if not self.window.prebuild():
            self._prebuild_timer.stop()
            self.screens_built.emit()

    # -- reference data ----------------------------------------------------------------------------
    def refresh_reference(self) -> None:
        """Refresh the reference data from the center in the background."""
        if self.client is None or self.tasks is None:
            return
        from kiosk.store import refresh_reference

        client, cache = self.client, self.cache
        self.tasks.run(
            lambda: refresh_reference(client, cache) if cache is not None else None,
            self._on_refreshed,
            lambda _error: self._set_online(False),
        )

    def _on_refreshed(self, report: Any) -> None:
        # Only what the center really gave now is labelled as the center's; a kind that failed
        # keeps what it had (cache or bundled defaults).
        self._adopt_cached([str(k) for k in getattr(report, "succeeded", [])], source="center")
        ok = not getattr(report, "failed", None)
        self._set_online(ok)
        self.window.header.set_center_name(self.reference.center_name(self.settings.center_id))
        self.reference_refreshed.emit(ok)

    def _set_online(self, online: bool) -> None:
        self.center_online = online
        if online:
            self.window.notice.clear()
            self.window.footer.set_status("")
        else:
            self.window.notice.show_message(
                self.window.tr(
                    "暂时无法连接公积金中心：注册、登录、找回密码及业务办理暂不可用；"
                    "二维码、网点、办公时间和办事指南仍可查看。如需办理请拨打12329热线。"
                ),
                "warning",
            )
            self.window.footer.set_status(self.window.tr("离线"), "warning")

    # -- flows and resets -------------------------------------------------------------------------
    def _on_flow_finished(self, flow: str, data: dict[str, Any]) -> None:
        log.info("flow %s finished", flow)
        if flow == LOGIN.name and self.client is not None and self.client.signed_in:
            account_home = self.window.screen_by_id("account_home")
            set_name = getattr(account_home, "set_display_name", None)
            if set_name is not None:
                set_name(str(data.get("display_name", "")))
            self.window.show_page("account_home")
            return
        self.window.go_home()

    def _on_reset(self) -> None:
        if self.tasks is not None:
            self.tasks.cancel_all()
        client = self.client
        if client is not None and client.signed_in and self.tasks is not None:
            self.tasks.run(client.logout, lambda _r: None, lambda _e: None)

    # -- demo ---------------------------------------------------------------------------------------
    def start_demo_center(self, on_ready: Callable[[str], None]) -> None:
        """Start the embedded center off the GUI thread; ``on_ready(base_url)`` when it answers."""
        from kiosk.demo import start_embedded_center
        from kiosk.ui.tasks import TaskRunner

        runner = self.tasks or TaskRunner(parent=self)
        self.tasks = runner

        def done(center: EmbeddedCenter) -> None:
            self.demo_center = center
            on_ready(center.base_url)

        def failed(error: Any) -> None:
            self.window.notice.show_message(str(getattr(error, "message", error)), "error")

        runner.run(start_embedded_center, done, failed)

    def shutdown(self) -> None:
        """Stop timers, background work and the demo center (application exit, tests)."""
        if getattr(self, "_prebuild_timer", None) is not None:
            self._prebuild_timer.stop()
        self.window.stop_timers()
        if self.tasks is not None:
            self.tasks.cancel_all()
            self.tasks.wait_for_done()
        if self.demo_center is not None:
            self.demo_center.stop()
            self.demo_center = None


def _center_pick(reference: Reference, center_id: str) -> Any:
    from kiosk.screens.center_pick import CenterPickScreen

    return CenterPickScreen(reference, center_id)


def build_main_window_for_selftest(settings: Settings) -> QWidget:
    """The home screen as the kiosk paints it first (used by ``--self-test``)."""
    kiosk = Kiosk(settings.with_(fullscreen=False))
    kiosk.window.resize(1280, 800)
    return kiosk.window


class Operations(QObject):
    """What IT and counter staff rely on: lock-down, the staff panel, the fleet heartbeat.

    Built by :func:`run` only (tests build the parts they check), after the first frame.
    """

    def __init__(self, kiosk: Kiosk, app: QApplication) -> None:
        super().__init__(kiosk)
        from kiosk.errorlog import ErrorRing
        from kiosk.heartbeat import HeartbeatState
        from kiosk.staffpin import PinAttempts
        from kiosk.ui.lockdown import CloseGuard, CornerGesture, apply_lockdown

        self.kiosk = kiosk
        self.app = app
        settings = kiosk.settings
        self.state = HeartbeatState(version=__version__, center_id=settings.center_id)
        self.errors = ErrorRing(on_record=lambda entry: self.state.record_error(entry.message))
        logging.getLogger().addHandler(self.errors)
        self.attempts = PinAttempts(settings.staff_pin_hash)
        self.guard = CloseGuard(kiosk.window)
        if settings.fullscreen and not settings.demo:
            apply_lockdown(kiosk.window, touch=settings.touch)
        self.gesture = CornerGesture(kiosk.window)
        self.gesture.triggered.connect(self.open_staff)
        self.heartbeat: Any = None
        self.panel: QWidget | None = None

    def start_heartbeat(self) -> None:
        from kiosk.ui.heartbeat_timer import HeartbeatTimer
        from kiosk.ui.tasks import TaskRunner

        if self.kiosk.client is None:
            return
        self.heartbeat = HeartbeatTimer(
            self.kiosk.client,
            TaskRunner(parent=self),
            self.state,
            interval_s=self.kiosk.settings.heartbeat_s,
        )
        self.heartbeat.config_received.connect(self.on_heartbeat_config_received)
        self.heartbeat.notice_received.connect(self.on_heartbeat_notice_received)
        self.heartbeat.start()

    def on_heartbeat_config_received(self, config: dict[str, Any]) -> None:
        """Apply remote idle times; an empty config returns to the INI values."""
        base = self.kiosk.settings
        limits = {
            "form": int(config.get("idle_form_s", base.idle_form_s)),
            "account": int(config.get("idle_account_s", base.idle_account_s)),
        }
        self.kiosk.window.set_idle_limits(limits)

    def on_heartbeat_notice_received(self, notice: str) -> None:
        if notice:
            self.kiosk.window.notice.show_message(notice, "info")
        elif self.kiosk.center_online is not False:
            self.kiosk.window.notice.clear()

    def open_staff(self) -> None:
        from kiosk.screens.staff import StaffPanel, StaffPinDialog

        kiosk = self.kiosk
        if kiosk.client is None or kiosk.tasks is None:
            return
        log.info("staff gesture: PIN pad opened")
        dialog = StaffPinDialog(self.attempts, kiosk.tasks, kiosk.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            log.info("staff PIN pad closed without access")
            return
        log.info("staff panel opened")
        cache = kiosk.cache
        panel = StaffPanel(
            kiosk.settings,
            kiosk.client,
            kiosk.tasks,
            reload_reference=kiosk.refresh_reference,
            exit_app=self.exit_app,
            errors=self.errors,
            cache_age=(lambda: _cache_age_s(cache)) if cache is not None else None,
            device_health=lambda: dict(self.state.health),
            parent=kiosk.window,
        )
        panel.close_requested.connect(panel.deleteLater)
        panel.setGeometry(kiosk.window.rect())
        panel.show()
        panel.raise_()
        self.panel = panel

    def exit_app(self, code: int) -> None:
        from kiosk.ui.lockdown import release_cursor

        log.info("staff action: exit with code %s", code)
        self.guard.allow_close()
        release_cursor()
        self.app.exit(code)

    def stop(self) -> None:
        if self.heartbeat is not None:
            self.heartbeat.stop()
        self.gesture.stop()
        logging.getLogger().removeHandler(self.errors)


#: Services start this long after show() at the latest, even if no frame was painted by then.
FIRST_FRAME_WAIT_MS = 2000
#: Logged (INFO, logger ``kiosk.app``) when the home screen's first frame is on screen;
#: ``bench/startup.py`` waits for it.
FIRST_FRAME_MESSAGE = "first frame on screen"
#: Width kept free beside the kiosk window for the demo SMS inbox.
DEMO_INBOX_WIDTH = 460


def _windowed_size(app: QApplication, *, demo: bool) -> QSize:
    """As much of the screen as a kiosk would have (1920x1080 at most), leaving room for the
    demo inbox beside it in demo mode."""
    screen = app.primaryScreen()
    area = screen.availableGeometry() if screen is not None else QRect(0, 0, 1920, 1080)
    width = min(1920, area.width() - (DEMO_INBOX_WIDTH + 20 if demo else 0))
    height = min(1080, area.height() - 40)
    return QSize(max(1024, width), max(720, height))


def _freeze_startup_objects() -> None:
    gc.collect()
    gc.freeze()


def _cache_age_s(cache: ReferenceCache) -> float | None:
    age = cache.age("centers")
    return age.total_seconds() if age is not None else None


def run(settings: Settings) -> int:
    """Run the kiosk until it exits; returns the process exit code."""
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    app.setApplicationName("GjjKiosk")
    app.setApplicationVersion(__version__)
    from kiosk.ui.single_instance import SingleInstance, bring_to_front, default_name

    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        lock_dir: str | None = str(settings.data_dir)
    except OSError:
        lock_dir = None  # the system's temporary folder
    single = SingleInstance(app, lock_dir=lock_dir)
    if not single.try_acquire(default_name()):
        log.info("another kiosk is running: brought it to the front")
        return 0
    apply_theme(app, elder=settings.elder_mode)
    kiosk = Kiosk(settings)
    window = kiosk.window
    single.activation_requested.connect(lambda: bring_to_front(window))
    if settings.fullscreen and not settings.demo:
        window.showFullScreen()
    else:
        window.resize(_windowed_size(app, demo=settings.demo))
        window.show()
    ops: list[Operations] = []

    def after_first_frame() -> None:
        gc.enable()  # off during start-up (see kiosk.__main__)
        single.serve()
        ops.append(Operations(kiosk, app))
        if settings.demo:
            kiosk.start_services("")
            kiosk.start_demo_center(on_demo_ready)
        else:
            kiosk.start_services()
            ops[0].start_heartbeat()

    def on_demo_ready(base_url: str) -> None:
        assert kiosk.client is not None
        kiosk.client.base_url = base_url
        log.info("demo center at %s", base_url)
        kiosk.refresh_reference()
        ops[0].start_heartbeat()
        _show_demo_inbox(kiosk)

    def shutdown() -> None:
        for op in ops:
            op.stop()
        kiosk.shutdown()
        single.release()

    # Everything built by then lives as long as the kiosk: move it out of the garbage collector's
    # sight, so the collections that happen during taps stay short.
    kiosk.screens_built.connect(_freeze_startup_objects)
    # Services start once the home screen is on screen; should the window not be painted soon
    # (not exposed yet at boot), they start anyway.
    started: list[bool] = []

    def phase_two() -> None:
        if not started:
            started.append(True)
            if window.has_painted():
                log.info(
                    "%s %.0f ms after the kiosk started building it",
                    FIRST_FRAME_MESSAGE,
                    (time.monotonic() - kiosk.started_at) * 1000,
                )
            else:
                log.warning(
                    "no frame painted %d ms after show(): starting anyway", FIRST_FRAME_WAIT_MS
                )
            after_first_frame()

    window.first_frame_painted.connect(phase_two)
    QTimer.singleShot(FIRST_FRAME_WAIT_MS, phase_two)
    app.aboutToQuit.connect(shutdown)
    return int(app.exec())


def _show_demo_inbox(kiosk: Kiosk) -> None:
    from kiosk.ui.demo_inbox import DemoInbox

    assert kiosk.client is not None and kiosk.tasks is not None
    client = kiosk.client
    inbox = DemoInbox(client.demo_residents, client.demo_sms, kiosk.tasks)
    inbox.setObjectName("DemoInbox")
    geometry = kiosk.window.geometry()
    inbox.move(geometry.right() + 10, geometry.top())
    inbox.show()
    kiosk.demo_inbox = inbox  # keep a reference


def resources_dir() -> Path:
    return resource_path()
