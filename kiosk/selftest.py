"""``--self-test``: start, paint the home screen offscreen, check what a bundle must carry, exit.

One line per check (``OK  …`` or ``FAIL …``) and exit code 0 when all pass, 1 otherwise. CI runs it
on the frozen Linux bundle, so a data file, a Qt plugin or a Python module left out of the bundle
fails the build; IT runs it on a kiosk after an install (``start /wait GjjKiosk.exe --self-test``).
"""

from __future__ import annotations

import importlib
import json
import os
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from kiosk import __version__
from kiosk.settings import Settings

#: Text every CJK font used on screen must be able to draw.
CJK_SAMPLE = "住房公积金提取贷款查询"
#: Python modules the production bundle must contain (the demo center is not among them).
REQUIRED_MODULES = (
    "requests",
    "sqlalchemy",
    "argon2",
    "PySide6.QtNetwork",
    "PySide6.QtPrintSupport",
)
#: The platform plugin a real kiosk runs on, per OS.
PRODUCTION_PLATFORM = {"win32": "qwindows", "linux": "qxcb", "darwin": "qcocoa"}


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    name: str
    detail: str

    def line(self) -> str:
        return f"{'OK  ' if self.ok else 'FAIL'} {self.name}：{self.detail}"


class _CheckFailedError(Exception):
    """A check failed; the message says why."""


def _resources_root() -> Path:
    from kiosk.ui.resources import resources_root

    return resources_root()


# -- checks (each returns its detail or raises _CheckFailedError) ----------------------------
def check_settings(settings: Settings) -> str:
    source = str(settings.config_file) if settings.config_file else "无配置文件（环境变量/演示）"
    return f"版本 {__version__}，终端 {settings.kiosk_id}，配置 {source}"


def check_resources(root: Path | None = None) -> str:
    root = root or _resources_root()
    if not root.is_dir():
        raise _CheckFailedError(f"资源目录 {root} 不存在")
    needed = [root / "qss" / "kiosk.qss", root / "reference" / "default.json"]
    missing = [str(p.relative_to(root)) for p in needed if not p.is_file() or not p.stat().st_size]
    if missing:
        raise _CheckFailedError("缺少 " + "、".join(missing))
    try:
        reference = json.loads((root / "reference" / "default.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise _CheckFailedError(
            f"reference/default.json 无法读取（{type(exc).__name__}）"
        ) from None
    policy = reference.get("policy") if isinstance(reference, dict) else None
    files = [p for p in (root / "agreement").glob("*") if p.is_file() and p.stat().st_size]
    bundled_text = isinstance(policy, dict) and bool(str(policy.get("agreement_text") or ""))
    if not files and not bundled_text:
        raise _CheckFailedError("缺少用户协议文本（agreement/* 或默认参考数据中的 agreement_text）")
    kinds = len(reference) if isinstance(reference, dict) else 0
    return f"{root}（样式表、默认参考数据 {kinds} 类、用户协议）"


def check_translations(root: Path | None = None) -> str:
    from PySide6.QtCore import QTranslator

    root = root or _resources_root()
    files = sorted((root / "translations").glob("*.qm"))
    if not files:
        return "无编译好的翻译文件（仅中文界面）"
    bad = []
    for path in files:
        translator = QTranslator()
        if not translator.load(str(path)) or translator.isEmpty():
            bad.append(path.name)
    if bad:
        raise _CheckFailedError("无法加载 " + "、".join(bad))
    return "、".join(p.name for p in files)


def check_font(root: Path | None = None) -> str:
    from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics

    root = root or _resources_root()
    bundled = []
    for path in sorted((root / "fonts").glob("*")):
        if path.suffix.lower() in (".ttf", ".otf", ".ttc"):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                raise _CheckFailedError(f"字体文件 {path.name} 无法加载")
            bundled.extend(QFontDatabase.applicationFontFamilies(font_id))
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    try:
        from kiosk.ui.theme import pick_font_family

        preferred = pick_font_family()
    except ImportError:
        preferred = None
    candidates = [*([preferred] if preferred else []), *bundled, *chinese]
    for family in candidates:
        metrics = QFontMetrics(QFont(family))
        if all(metrics.inFontUcs4(ord(ch)) for ch in CJK_SAMPLE):
            kind = "随程序附带" if family in bundled else "系统字体"
            return f"{family}（{kind}）"
    raise _CheckFailedError("没有能显示中文的字体（请安装思源黑体/Noto Sans CJK SC 或微软雅黑）")


def check_cache(settings: Settings) -> str:
    path = settings.cache_path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        store = importlib.import_module("kiosk.store")
        cache = store.ReferenceCache(path)
        try:
            kinds = cache.kinds()
        finally:
            cache.close()
        # The cache falls back to memory when the file fails: check the file really is writable.
        with closing(sqlite3.connect(path, timeout=2.0)) as conn:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
    except (OSError, sqlite3.Error) as exc:
        raise _CheckFailedError(f"{path} 不可写（{exc}）") from None
    return f"{path}（已缓存 {len(kinds)} 类参考数据）"


def check_log_dir(settings: Settings) -> str:
    folder = settings.effective_log_dir
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".selftest-", delete=True):
            pass
    except OSError as exc:
        raise _CheckFailedError(f"{folder} 不可写（{exc.strerror or exc}）") from None
    return str(folder)


def check_modules() -> str:
    missing = []
    for name in REQUIRED_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:
            missing.append(name)
    if missing:
        raise _CheckFailedError("缺少模块 " + "、".join(missing))
    return "、".join(REQUIRED_MODULES)


def _image_suffixes(root: Path) -> set[str]:
    """Image formats the resources use (each needs its Qt image plugin, PNG is built in)."""
    aliases = {"jpeg": "jpg"}
    suffixes = {p.suffix.lower().lstrip(".") for p in root.rglob("*") if p.is_file()}
    return {aliases.get(s, s) for s in suffixes} & {"png", "svg", "jpg", "gif", "ico", "webp"}


def check_platform(platform: str | None = None, root: Path | None = None) -> str:
    from PySide6.QtCore import QLibraryInfo
    from PySide6.QtGui import QGuiApplication, QImageReader

    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    wanted = PRODUCTION_PLATFORM.get((platform or sys.platform).rstrip("0123456789"))
    if wanted and not any((plugins / "platforms").glob(f"*{wanted}*")):
        raise _CheckFailedError(f"缺少 Qt 平台插件 {wanted}（{plugins / 'platforms'}）")
    formats = {bytes(f.data()).decode() for f in QImageReader.supportedImageFormats()}
    needed = {"png"} | _image_suffixes(root or _resources_root())
    if not needed <= formats:
        raise _CheckFailedError("缺少图像格式插件 " + "、".join(sorted(needed - formats)))
    images = "/".join(sorted(needed))
    return f"当前 {QGuiApplication.platformName()}，生产 {wanted or '—'}，图像 {images}"


def check_home_screen(settings: Settings) -> str:
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        from kiosk.ui.theme import apply_theme

        apply_theme(app, elder=settings.elder_mode)
    except ImportError:
        pass
    build: Callable[[Settings], QWidget] | None
    try:
        build = getattr(
            importlib.import_module("kiosk.app"), "build_main_window_for_selftest", None
        )
    except ImportError:
        build = None
    if build is not None:
        window = build(settings)
        what = "首页"
    else:
        window = QLabel("住房公积金自助服务终端")
        window.resize(800, 600)
        what = "最小窗口（kiosk.app 未提供首页）"
    try:
        window.show()
        image = window.grab().toImage()
    finally:
        window.hide()
        window.deleteLater()
    if image.isNull() or image.width() < 100 or image.height() < 100:
        raise _CheckFailedError(f"{what}无法绘制")
    colours = set()
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
    if len(colours) < 3:
        raise _CheckFailedError(f"{what}绘制结果是空白的")
    return f"{what} {image.width()}x{image.height()}，{len(colours)} 种颜色"


# -- running --------------------------------------------------------------------------------------
def _checks(settings: Settings) -> Iterator[tuple[str, Callable[[], str]]]:
    yield "配置", lambda: check_settings(settings)
    yield "Python 模块", check_modules
    yield "Qt 插件", check_platform
    yield "资源文件", check_resources
    yield "翻译", check_translations
    yield "中文字体", check_font
    yield "本地缓存", lambda: check_cache(settings)
    yield "日志目录", lambda: check_log_dir(settings)
    yield "首页绘制", lambda: check_home_screen(settings)


def _ensure_app() -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([sys.argv[0] if sys.argv else "gjj-kiosk"])
    return app


def _output() -> IO[str]:
    """stdout; a windowed Windows build has none, so attach to the console that started it."""
    if sys.stdout is not None:
        return sys.stdout
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # type: ignore[attr-defined]
            return open("CONOUT$", "w", encoding="utf-8")
    return open(os.devnull, "w", encoding="utf-8")


def run_self_test(settings: Settings, out: IO[str] | None = None) -> int:
    """Run every check, print one line each, return 0 when all passed, else 1."""
    stream = out or _output()
    _ensure_app()
    results: list[CheckResult] = []
    for name, check in _checks(settings):
        try:
            result = CheckResult(True, name, check())
        except _CheckFailedError as exc:
            result = CheckResult(False, name, str(exc))
        except Exception as exc:  # a check that crashes is a failed check, not a traceback
            result = CheckResult(False, name, f"{type(exc).__name__}: {exc}")
        results.append(result)
        print(result.line(), file=stream, flush=True)
    failed = sum(not r.ok for r in results)
    summary = "自检通过" if not failed else f"自检失败：{failed} 项"
    print(f"{'OK  ' if not failed else 'FAIL'} {summary}", file=stream, flush=True)
    return 0 if not failed else 1
