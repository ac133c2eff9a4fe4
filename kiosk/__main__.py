"""``python -m kiosk [--demo] [--config FILE] [--center-url URL] [--kiosk-id ID] [--self-test]``.

Only argparse and the settings loader run before Qt starts; a wrong setting prints one Chinese
sentence naming the setting and the file and exits with the configuration exit code.
"""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path
from typing import Any


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="gjj-kiosk", description="住房公积金自助服务终端")
    parser.add_argument("--demo", action="store_true", help="内置演示中心、演示居民和短信收件箱")
    parser.add_argument("--config", type=Path, help="配置文件 (INI)")
    parser.add_argument("--center-url", help="中心服务地址，如 https://gjj.example.cn")
    parser.add_argument("--kiosk-id", help="本终端编号")
    parser.add_argument("--center-id", help="本终端所属管理中心编号")
    parser.add_argument("--windowed", action="store_true", help="以窗口方式运行（调试）")
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="界面语言")
    parser.add_argument("--self-test", action="store_true", help="自检后退出")
    return parser


def main(argv: list[str] | None = None) -> int:
    # Start-up allocates a lot and frees almost nothing: the collector's ~55 passes before the
    # first frame found next to no garbage and cost ~10 ms. run() turns it back on once the
    # first frame is on screen; every other way out turns it on here.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    from kiosk.exitcodes import ExitCode
    from kiosk.settings import SettingsError, load_settings

    overrides: dict[str, Any] = {}
    if args.demo:
        overrides["demo"] = True
    for option, field in (
        ("center_url", "center_url"),
        ("kiosk_id", "kiosk_id"),
        ("center_id", "center_id"),
        ("lang", "language"),
    ):
        value = getattr(args, option)
        if value:
            overrides[field] = value
    if args.windowed or args.demo:
        overrides["fullscreen"] = False
    try:
        settings = load_settings(config_file=args.config, overrides=overrides)
    except SettingsError as exc:
        print(exc.message, file=sys.stderr)
        if not args.self_test:
            _show_config_error(exc.message)
        return int(ExitCode.CONFIG_ERROR)
    if settings.demo and not settings.center_id:
        settings = settings.with_(center_id="yc")

    from kiosk.logs import setup_logging

    setup_logging(None if settings.demo else settings.effective_log_dir)
    if args.self_test:
        from kiosk.selftest import run_self_test

        return run_self_test(settings)
    from kiosk.app import run

    return run(settings)


def _show_config_error(message: str) -> None:
    """Put the sentence on the kiosk's screen too: a windowed build has no console to print to.

    Not on a headless run (offscreen platform), where nobody could close the box.
    """
    import os

    if os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal"):
        return
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication([])
    box = QMessageBox(QMessageBox.Icon.Critical, "住房公积金自助服务终端", message)
    box.setInformativeText("请联系信息技术人员修改配置文件后重新启动本终端。")
    box.exec()
    del app


if __name__ == "__main__":
    sys.exit(main())
