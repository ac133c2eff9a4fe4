"""The configuration loader against good, missing and broken files, env vars and options."""

from __future__ import annotations

import configparser
from pathlib import Path, PureWindowsPath

import pytest

from kiosk.settings import (
    SPECS,
    Settings,
    SettingsError,
    default_config_file,
    default_data_dir,
    default_log_dir,
    load_settings,
)

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "build" / "kiosk.ini.example"

GOOD_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA"
    "$J5v0X8WqfE0o8w6YfFv5dF3bYk3cR3iYp7i1mQ4l0Xo"
)

GOOD = f"""
[center]
url = https://gjj.example.gov.cn/
center_id = yinchuan
verify_tls = false
heartbeat_seconds = 120

[kiosk]
kiosk_id = NX-YC-001
idle_form_seconds = 75
idle_account_seconds = 120
idle_warning_seconds = 30
fullscreen = yes
touch = on
language = en
elder_mode = 是
printer = Kiosk Receipt
data_dir = {{data}}
log_dir = {{logs}}

[staff]
pin_hash = {GOOD_HASH}

[map]
image = maps/yinchuan.png
bounds = 105.9,38.3,106.6,38.7
"""


def write(tmp_path: Path, text: str, name: str = "kiosk.ini") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def good_file(tmp_path: Path) -> Path:
    text = GOOD.replace("{data}", str(tmp_path / "data")).replace("{logs}", str(tmp_path / "logs"))
    return write(tmp_path, text)


def minimal(tmp_path: Path, extra: str = "", section: str = "kiosk") -> Path:
    """A file with the two required settings plus ``extra`` lines in ``section``."""
    body = {
        "center": "url = http://127.0.0.1:8000\n",
        "kiosk": "kiosk_id = T-01\n",
        "staff": "",
        "map": "",
    }
    keys = {line.split("=")[0].strip() for line in extra.splitlines() if "=" in line}
    body = {
        name: "".join(
            line + "\n"
            for line in lines.splitlines()
            if line.split("=")[0].strip() not in keys or name != section
        )
        for name, lines in body.items()
    }
    body[section] += extra + "\n"
    text = "".join(f"[{name}]\n{lines}\n" for name, lines in body.items())
    return write(tmp_path, text)


def load(path: Path | None, env: dict[str, str] | None = None, **overrides: object) -> Settings:
    return load_settings(config_file=path, env=env or {}, overrides=overrides)


# -- good files ----------------------------------------------------------------------------------
def test_good_file_sets_every_field(tmp_path: Path) -> None:
    path = good_file(tmp_path)
    s = load(path)
    assert s.center_url == "https://gjj.example.gov.cn"  # trailing slash dropped
    assert s.center_id == "yinchuan"
    assert s.verify_tls is False
    assert s.tls_verify is False
    assert s.heartbeat_s == 120
    assert s.kiosk_id == "NX-YC-001"
    assert (s.idle_form_s, s.idle_account_s, s.idle_warning_s) == (75, 120, 30)
    assert s.fullscreen is True and s.touch is True and s.elder_mode is True
    assert s.language == "en"
    assert s.printer == "Kiosk Receipt"
    assert s.data_dir == tmp_path / "data"
    assert s.log_dir == tmp_path / "logs"
    assert s.staff_pin_hash == GOOD_HASH
    assert s.map_image == "maps/yinchuan.png"
    assert s.map_bounds == (105.9, 38.3, 106.6, 38.7)
    assert s.config_file == path
    assert s.demo is False


def test_minimal_file_takes_defaults(tmp_path: Path) -> None:
    s = load(minimal(tmp_path), env={"ProgramData": str(tmp_path)})
    defaults = Settings()
    assert s.verify_tls is True and s.tls_verify is True
    assert s.idle_form_s == defaults.idle_form_s == 60
    assert s.idle_account_s == 90 and s.idle_warning_s == 20
    assert s.staff_pin_hash == "" and s.language == "zh_CN"
    assert s.log_dir is not None


def test_utf8_bom_written_by_notepad_is_accepted(tmp_path: Path) -> None:
    path = minimal(tmp_path)
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert load(path).kiosk_id == "T-01"


def test_ca_bundle_must_exist_and_is_used_for_tls(tmp_path: Path) -> None:
    ca = tmp_path / "ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n", encoding="ascii")
    s = load(minimal(tmp_path, f"ca_bundle = {ca}", section="center"))
    assert s.tls_verify == str(ca)
    with pytest.raises(SettingsError) as err:
        load(minimal(tmp_path, f"ca_bundle = {tmp_path / 'nope.pem'}", section="center"))
    assert "[center] ca_bundle" in err.value.message and "nope.pem" in err.value.message


def test_example_file_documents_every_setting_and_loads() -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(EXAMPLE, encoding="utf-8")
    documented = {(section, key) for section in parser.sections() for key in parser[section]}
    text = EXAMPLE.read_text(encoding="utf-8")
    for spec in SPECS:
        # Every key appears, active or as a commented-out line with its default.
        assert (spec.section, spec.key) in documented or f"; {spec.key} =" in text, spec.key
    s = load(EXAMPLE)
    assert s.kiosk_id and s.center_url.startswith("https://")


# -- missing files -------------------------------------------------------------------------------
def test_missing_explicit_file_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "kiosk.ini"
    with pytest.raises(SettingsError) as err:
        load(missing, demo=True)
    assert str(missing) in err.value.message
    assert "找不到配置文件" in err.value.message


def test_missing_default_file_is_fine_in_demo_mode(tmp_path: Path) -> None:
    env = {"ProgramData": str(tmp_path)}
    s = load_settings(config_file=None, env=env, overrides={"demo": True}, platform="win32")
    assert s.demo is True and s.config_file is None
    assert s.data_dir == tmp_path / "GjjKiosk" / "data"


def test_missing_default_file_without_demo_names_the_default_path(tmp_path: Path) -> None:
    env = {"ProgramData": str(tmp_path)}
    with pytest.raises(SettingsError) as err:
        load_settings(config_file=None, env=env, overrides={}, platform="win32")
    assert str(tmp_path / "GjjKiosk" / "kiosk.ini") in err.value.message


def test_env_may_stand_in_for_a_missing_default_file(tmp_path: Path) -> None:
    env = {
        "ProgramData": str(tmp_path),
        "GJJ_KIOSK_CENTER_URL": "http://127.0.0.1:9",
        "GJJ_KIOSK_KIOSK_ID": "CI-1",
    }
    s = load_settings(config_file=None, env=env, overrides={}, platform="win32")
    assert (s.center_url, s.kiosk_id, s.config_file) == ("http://127.0.0.1:9", "CI-1", None)


def test_env_names_the_config_file(tmp_path: Path) -> None:
    path = minimal(tmp_path, "idle_form_seconds = 45")
    s = load_settings(config_file=None, env={"GJJ_KIOSK_CONFIG": str(path)}, overrides={})
    assert s.idle_form_s == 45 and s.config_file == path


@pytest.mark.parametrize("name", ["center_url", "kiosk_id"])
def test_required_settings(tmp_path: Path, name: str) -> None:
    text = minimal(tmp_path).read_text(encoding="utf-8")
    line = "url = http://127.0.0.1:8000\n" if name == "center_url" else "kiosk_id = T-01\n"
    path = write(tmp_path, text.replace(line, ""))
    with pytest.raises(SettingsError) as err:
        load(path)
    key = "[center] url" if name == "center_url" else "[kiosk] kiosk_id"
    assert key in err.value.message and str(path) in err.value.message
    assert load(path, demo=True).demo  # demo mode does not need them


# -- broken files --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("url = http://x\n", "缺少节名"),
        ("[kiosk]\nkiosk_id = A1\n[kiosk]\nkiosk_id = A2\n", "[kiosk] 重复"),
        ("[kiosk]\nkiosk_id = A1\nkiosk_id = A2\n", "[kiosk] kiosk_id 重复"),
        ("[kiosk]\nthis line has no equals sign\n", "格式错误"),
        ("[kiosks]\nkiosk_id = A1\n", "[kiosks] 无法识别"),
        ("[kiosk]\nidle_from_seconds = 60\n", "[kiosk] idle_from_seconds 不是可识别的设置"),
    ],
)
def test_broken_files(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(SettingsError) as err:
        load(path)
    assert expected in err.value.message
    assert str(path) in err.value.message
    assert "Traceback" not in err.value.message


def test_file_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.ini"
    path.write_bytes("[kiosk]\nprinter = 收据打印机\n".encode("gbk"))
    with pytest.raises(SettingsError) as err:
        load(path)
    assert "UTF-8" in err.value.message and str(path) in err.value.message


def test_unreadable_path(tmp_path: Path) -> None:
    folder = tmp_path / "kiosk.ini"
    folder.mkdir()
    with pytest.raises(SettingsError) as err:
        load(folder)
    assert str(folder) in err.value.message


# -- every validation ----------------------------------------------------------------------------
INVALID = [
    ("center", "url", "ftp://gjj.example.gov.cn", "http://"),
    ("center", "url", "gjj.example.gov.cn", "http://"),
    ("center", "url", "http://", "http://"),
    ("center", "url", "http://host:99999", "端口"),
    ("center", "center_id", "银川", "字母"),
    ("center", "verify_tls", "maybe", "true 或 false"),
    ("center", "heartbeat_seconds", "5", "15 到 3600"),
    ("kiosk", "kiosk_id", "-bad", "字母"),
    ("kiosk", "kiosk_id", "A" * 40, "字母"),
    ("kiosk", "kiosk_id", "有中文", "字母"),
    ("kiosk", "idle_form_seconds", "29", "30 到 600 之间的整数"),
    ("kiosk", "idle_form_seconds", "601", "30 到 600 之间的整数"),
    ("kiosk", "idle_form_seconds", "sixty", "30 到 600 之间的整数"),
    ("kiosk", "idle_account_seconds", "1000", "30 到 900"),
    ("kiosk", "idle_warning_seconds", "19", "20 到 120"),
    ("kiosk", "fullscreen", "2", "true 或 false"),
    ("kiosk", "touch", "yes please", "true 或 false"),
    ("kiosk", "elder_mode", "", "true 或 false"),
    ("kiosk", "language", "fr", "zh_CN 或 en"),
    ("staff", "pin_hash", "123456", "argon2id"),
    ("staff", "pin_hash", "$argon2i$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", "argon2id"),
    ("map", "bounds", "1,2,3", "4 个"),
    ("map", "bounds", "106,38,105,39", "4 个"),
]


@pytest.mark.parametrize(("section", "key", "value", "expected"), INVALID)
def test_invalid_values_name_the_setting_and_the_file(
    tmp_path: Path, section: str, key: str, value: str, expected: str
) -> None:
    path = minimal(tmp_path, f"{key} = {value}", section=section)
    with pytest.raises(SettingsError) as err:
        load(path)
    message = err.value.message
    assert f"配置文件 {path} 中的 [{section}] {key}" in message
    assert expected in message
    assert err.value.key == f"[{section}] {key}"


def test_message_matches_the_documented_sentence(tmp_path: Path) -> None:
    path = minimal(tmp_path, "idle_form_seconds = 5")
    with pytest.raises(SettingsError) as err:
        load(path)
    assert err.value.message == (
        f"配置文件 {path} 中的 [kiosk] idle_form_seconds 应为 30 到 600 之间的整数。"
    )


@pytest.mark.parametrize(
    ("raw", "expected"), [("true", True), ("Yes", True), ("1", True), ("off", False), ("否", False)]
)
def test_booleans(tmp_path: Path, raw: str, expected: bool) -> None:
    assert load(minimal(tmp_path, f"touch = {raw}")).touch is expected


def test_boundaries_are_inclusive(tmp_path: Path) -> None:
    s = load(minimal(tmp_path, "idle_form_seconds = 30\nidle_warning_seconds = 20"))
    assert (s.idle_form_s, s.idle_warning_s) == (30, 20)


# -- env and command line ------------------------------------------------------------------------
def test_env_overrides_the_file(tmp_path: Path) -> None:
    path = good_file(tmp_path)
    env = {
        "GJJ_KIOSK_IDLE_FORM_SECONDS": "90",
        "GJJ_KIOSK_VERIFY_TLS": "true",
        "GJJ_KIOSK_CENTER_URL": "http://127.0.0.1:1234",
    }
    s = load(path, env=env)
    assert (s.idle_form_s, s.verify_tls, s.center_url) == (90, True, "http://127.0.0.1:1234")
    assert s.kiosk_id == "NX-YC-001"  # untouched


def test_bad_env_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as err:
        load(minimal(tmp_path), env={"GJJ_KIOSK_IDLE_WARNING_SECONDS": "5"})
    assert err.value.message == (
        "环境变量 GJJ_KIOSK_IDLE_WARNING_SECONDS 应为 20 到 120 之间的整数。"
    )


def test_every_setting_has_a_distinct_env_variable() -> None:
    names = [spec.env for spec in SPECS]
    assert len(set(names)) == len(names)
    assert all(name.startswith("GJJ_KIOSK_") for name in names)
    assert "GJJ_KIOSK_STAFF_PIN_HASH" in names and "GJJ_KIOSK_CENTER_URL" in names


def test_overrides_beat_env_and_file(tmp_path: Path) -> None:
    path = good_file(tmp_path)
    s = load(
        path,
        env={"GJJ_KIOSK_KIOSK_ID": "ENV-1"},
        kiosk_id="CLI-1",
        fullscreen=False,
        language="zh_CN",
    )
    assert (s.kiosk_id, s.fullscreen, s.language) == ("CLI-1", False, "zh_CN")


def test_bad_override_and_unknown_override(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as err:
        load(minimal(tmp_path), center_url="localhost:8000")
    assert "命令行选项 center_url" in err.value.message
    with pytest.raises(SettingsError):
        load(minimal(tmp_path), colour="red")


def test_demo_from_env(tmp_path: Path) -> None:
    s = load_settings(
        config_file=None,
        env={"GJJ_KIOSK_DEMO": "1", "ProgramData": str(tmp_path)},
        overrides={},
        platform="win32",
    )
    assert s.demo


# -- default paths -------------------------------------------------------------------------------
def test_windows_default_paths_are_under_program_data() -> None:
    env = {"ProgramData": r"D:\ProgramData"}
    assert PureWindowsPath(default_config_file(env, "win32")) == PureWindowsPath(
        r"D:\ProgramData\GjjKiosk\kiosk.ini"
    )
    assert default_data_dir(env, "win32") == Path(r"D:\ProgramData") / "GjjKiosk" / "data"
    assert default_log_dir(env, "win32") == Path(r"D:\ProgramData") / "GjjKiosk" / "logs"


def test_other_default_paths() -> None:
    assert default_config_file({}, "linux") == Path("/etc/gjj-kiosk/kiosk.ini")
    assert default_log_dir({}, "linux") == default_data_dir({}, "linux") / "logs"
