"""``--self-test`` from the source tree: every check passes; a missing resource fails it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from kiosk.selftest import _CheckFailedError, check_platform, check_resources, run_self_test
from kiosk.settings import Settings


def test_self_test_passes_from_the_source_tree(qapp, tmp_path: Path) -> None:
    settings = Settings(
        center_url="http://127.0.0.1:9",
        kiosk_id="SELFTEST-01",
        data_dir=tmp_path / "data",
        log_dir=tmp_path / "logs",
        fullscreen=False,
    )
    out = io.StringIO()
    code = run_self_test(settings, out=out)
    lines = out.getvalue().splitlines()
    assert code == 0, out.getvalue()
    assert all(line.startswith("OK") for line in lines), lines
    names = " ".join(lines)
    for check in ("资源文件", "翻译", "中文字体", "本地缓存", "Qt 插件", "首页绘制"):
        assert check in names
    assert (tmp_path / "data" / "cache.sqlite3").exists()


def test_a_missing_stylesheet_fails(tmp_path: Path) -> None:
    (tmp_path / "reference").mkdir()
    (tmp_path / "reference" / "default.json").write_text('{"policy": {}}', encoding="utf-8")
    with pytest.raises(_CheckFailedError, match=r"qss/kiosk\.qss"):
        check_resources(tmp_path)
    (tmp_path / "qss").mkdir()
    (tmp_path / "qss" / "kiosk.qss").write_text("QWidget {}", encoding="utf-8")
    with pytest.raises(_CheckFailedError, match="用户协议"):
        check_resources(tmp_path)


def test_an_image_format_without_its_plugin_fails(qapp, tmp_path: Path) -> None:
    (tmp_path / "icons").mkdir()
    (tmp_path / "icons" / "x.webp").write_bytes(b"RIFF")
    try:
        detail = check_platform(root=tmp_path)
    except _CheckFailedError as exc:
        assert "webp" in str(exc)
    else:  # this Qt build happens to have the plugin
        assert "webp" in detail


def test_an_unwritable_cache_fails(qapp, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    settings = Settings(kiosk_id="X1", data_dir=blocker / "data", log_dir=tmp_path / "logs")
    out = io.StringIO()
    assert run_self_test(settings, out=out) == 1
    assert any(line.startswith("FAIL 本地缓存") for line in out.getvalue().splitlines())
