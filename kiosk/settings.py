"""Kiosk settings: one INI file per machine (IT writes it), overridden by environment and options.

Qt-free. :func:`load_settings` raises :class:`SettingsError` naming the setting and the file, never
a traceback. Precedence, lowest first: built-in defaults, the INI file, ``GJJ_KIOSK_<SETTING>``
environment variables, command-line overrides.

The INI layout (every key is documented in ``build/kiosk.ini.example`` and
``docs/deployment.md``)::

    [center]  url, center_id, verify_tls, ca_bundle, heartbeat_seconds
    [kiosk]   kiosk_id, idle_form_seconds, idle_account_seconds, idle_warning_seconds,
              fullscreen, touch, language, elder_mode, printer, data_dir, log_dir
    [staff]   pin_hash
    [map]     image, bounds
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Folder name under ``%ProgramData%`` (Windows).
APP_DIR_NAME = "GjjKiosk"
#: Prefix of the environment variables that override the file (tests, developers).
ENV_PREFIX = "GJJ_KIOSK_"
#: Environment variable naming the configuration file explicitly.
ENV_CONFIG = "GJJ_KIOSK_CONFIG"

KIOSK_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$")
CENTER_ID_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
ARGON2ID_RE = re.compile(
    r"^\$argon2id\$v=\d+\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+={0,2}\$[A-Za-z0-9+/]+={0,2}$"
)
LANGUAGES = ("zh_CN", "en")

#: Allowed ranges (inclusive), shared with the heartbeat's remote configuration.
IDLE_FORM_RANGE = (30, 600)
IDLE_ACCOUNT_RANGE = (30, 900)
IDLE_WARNING_RANGE = (20, 120)
HEARTBEAT_RANGE = (15, 3600)

_TRUE = {"1", "true", "yes", "on", "是"}
_FALSE = {"0", "false", "no", "off", "否"}


class SettingsError(Exception):
    """A wrong or missing setting; the message names the setting and the file."""

    def __init__(self, message: str, *, key: str | None = None, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.source = source


def _program_data(env: Mapping[str, str]) -> Path:
    return Path(env.get("ProgramData") or env.get("PROGRAMDATA") or r"C:\ProgramData")


def _is_windows(platform: str | None) -> bool:
    return (platform or sys.platform).startswith("win")


def default_config_file(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """``%ProgramData%\\GjjKiosk\\kiosk.ini`` on Windows, ``/etc/gjj-kiosk/kiosk.ini`` elsewhere."""
    env = os.environ if env is None else env
    if _is_windows(platform):
        return _program_data(env) / APP_DIR_NAME / "kiosk.ini"
    return Path("/etc/gjj-kiosk/kiosk.ini")


def default_data_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Local cache and state: ``%ProgramData%\\GjjKiosk\\data`` on Windows, ``~/.gjj-kiosk``."""
    env = os.environ if env is None else env
    if _is_windows(platform):
        return _program_data(env) / APP_DIR_NAME / "data"
    return Path.home() / ".gjj-kiosk"


def default_log_dir(env: Mapping[str, str] | None = None, platform: str | None = None) -> Path:
    """Rotating logs: ``%ProgramData%\\GjjKiosk\\logs`` on Windows, ``~/.gjj-kiosk/logs``."""
    env = os.environ if env is None else env
    if _is_windows(platform):
        return _program_data(env) / APP_DIR_NAME / "logs"
    return default_data_dir(env, platform) / "logs"


@dataclass(frozen=True)
class Settings:
    """Everything the composition root needs to build the kiosk."""

    center_url: str = ""
    kiosk_id: str = "KIOSK-DEV"
    center_id: str = ""
    verify_tls: bool = True
    ca_bundle: str | None = None
    idle_form_s: int = 60
    idle_account_s: int = 90
    idle_warning_s: int = 20
    fullscreen: bool = True
    touch: bool = False
    demo: bool = False
    language: str = "zh_CN"
    printer: str = ""
    staff_pin_hash: str = ""
    elder_mode: bool = False
    data_dir: Path = field(default_factory=default_data_dir)
    log_dir: Path | None = None
    config_file: Path | None = None
    heartbeat_s: int = 60
    map_image: str = ""
    map_bounds: tuple[float, float, float, float] | None = None

    @property
    def cache_path(self) -> Path:
        return self.data_dir / "cache.sqlite3"

    @property
    def tls_verify(self) -> bool | str:
        """What ``requests`` takes as ``verify``: False, True, or the CA bundle path."""
        if not self.verify_tls:
            return False
        return self.ca_bundle or True

    @property
    def effective_log_dir(self) -> Path:
        return self.log_dir if self.log_dir is not None else default_log_dir()

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)


# -- the table of settings ----------------------------------------------------------------------
class _InvalidValueError(ValueError):
    """A value that does not parse; the text says what is expected (completes a sentence)."""


def _text(value: str) -> str:
    return value.strip()


def _bool(value: str) -> bool:
    text = value.strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise _InvalidValueError("应为 true 或 false")


def _int_range(low: int, high: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value.strip())
        except ValueError:
            number = low - 1
        if not low <= number <= high:
            raise _InvalidValueError(f"应为 {low} 到 {high} 之间的整数")
        return number

    return parse


def _url(value: str) -> str:
    text = value.strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _InvalidValueError(
            "应为以 http:// 或 https:// 开头的网址，例如 https://gjj.example.gov.cn"
        )
    try:
        _ = parts.port
    except ValueError as exc:
        raise _InvalidValueError("中的端口号无效") from exc
    return text.rstrip("/")


def _kiosk_id(value: str) -> str:
    text = value.strip()
    if not KIOSK_ID_RE.match(text):
        raise _InvalidValueError("应为 2 到 32 位字母、数字、短横线或下划线，且以字母或数字开头")
    return text


def _center_id(value: str) -> str:
    text = value.strip()
    if text and not CENTER_ID_RE.match(text):
        raise _InvalidValueError("应为 1 到 32 位字母、数字、短横线或下划线")
    return text


def _ca_bundle(value: str) -> str | None:
    text = value.strip()
    if not text:
        return None
    if not Path(text).is_file():
        raise _InvalidValueError(f"指向的证书文件 {text} 不存在")
    return text


def _language(value: str) -> str:
    text = value.strip().replace("-", "_")
    for lang in LANGUAGES:
        if text.lower() == lang.lower():
            return lang
    raise _InvalidValueError("应为 zh_CN 或 en")


def _pin_hash(value: str) -> str:
    text = value.strip()
    if text and not ARGON2ID_RE.match(text):
        raise _InvalidValueError(
            "应为 argon2id 哈希（以 $argon2id$ 开头），请用部署指南中的命令生成"
        )
    return text


def _path(value: str) -> Path | None:
    text = value.strip()
    return Path(text) if text else None


def _bounds(value: str) -> tuple[float, float, float, float] | None:
    text = value.strip()
    if not text:
        return None
    try:
        numbers = [float(part) for part in text.split(",")]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not (numbers[0] < numbers[2] and numbers[1] < numbers[3]):
        raise _InvalidValueError("应为 4 个以逗号分隔的数：西经度,南纬度,东经度,北纬度")
    return (numbers[0], numbers[1], numbers[2], numbers[3])


@dataclass(frozen=True)
class Spec:
    """One setting: where it lives in the INI file, its env name, and how it parses."""

    field: str
    section: str
    key: str
    parse: Callable[[str], Any]
    env_name: str = ""

    @property
    def env(self) -> str:
        """``GJJ_KIOSK_`` + the key; ``CENTER_URL``, ``STAFF_PIN_HASH``, ``MAP_*`` for clarity."""
        return ENV_PREFIX + (self.env_name or self.key).upper()

    @property
    def ini_name(self) -> str:
        return f"[{self.section}] {self.key}"


SPECS: tuple[Spec, ...] = (
    Spec("center_url", "center", "url", _url, "center_url"),
    Spec("center_id", "center", "center_id", _center_id),
    Spec("verify_tls", "center", "verify_tls", _bool),
    Spec("ca_bundle", "center", "ca_bundle", _ca_bundle),
    Spec("heartbeat_s", "center", "heartbeat_seconds", _int_range(*HEARTBEAT_RANGE)),
    Spec("kiosk_id", "kiosk", "kiosk_id", _kiosk_id),
    Spec("idle_form_s", "kiosk", "idle_form_seconds", _int_range(*IDLE_FORM_RANGE)),
    Spec("idle_account_s", "kiosk", "idle_account_seconds", _int_range(*IDLE_ACCOUNT_RANGE)),
    Spec("idle_warning_s", "kiosk", "idle_warning_seconds", _int_range(*IDLE_WARNING_RANGE)),
    Spec("fullscreen", "kiosk", "fullscreen", _bool),
    Spec("touch", "kiosk", "touch", _bool),
    Spec("language", "kiosk", "language", _language),
    Spec("elder_mode", "kiosk", "elder_mode", _bool),
    Spec("printer", "kiosk", "printer", _text),
    Spec("data_dir", "kiosk", "data_dir", _path),
    Spec("log_dir", "kiosk", "log_dir", _path),
    Spec("staff_pin_hash", "staff", "pin_hash", _pin_hash, "staff_pin_hash"),
    Spec("map_image", "map", "image", _text, "map_image"),
    Spec("map_bounds", "map", "bounds", _bounds, "map_bounds"),
)
SPECS_BY_FIELD: dict[str, Spec] = {spec.field: spec for spec in SPECS}


# -- loading ------------------------------------------------------------------------------------
def load_settings(
    *,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    platform: str | None = None,
) -> Settings:
    """Read the machine's settings.

    Args:
        config_file: the INI file named on the command line (``--config``). None means the
            file named by ``GJJ_KIOSK_CONFIG``, else the default per-machine file. A file named
            explicitly must exist; the default file may be missing only in demo mode, or when
            the environment/overrides give the center URL and the kiosk id (tests).
        env: environment variables (``os.environ``); ``GJJ_KIOSK_<SETTING>`` override the file.
        overrides: command-line options by ``Settings`` field name (``demo``, ``center_url``,
            ...); strings are parsed like the file, other values are checked as they are.
        platform: ``sys.platform`` (tests pass ``win32`` to check Windows defaults).

    Raises:
        SettingsError: a missing, unreadable or invalid setting; one Chinese sentence that
            names the setting and the file (or variable/option) it came from.
    """
    env = os.environ if env is None else env
    overrides = {} if overrides is None else overrides
    values: dict[str, Any] = {}

    if "demo" in overrides:
        demo: bool = _parse_value(overrides["demo"], _bool, "命令行选项 --demo", "demo")
    else:
        demo = _parse_env_demo(env)

    explicit = config_file is not None or bool(env.get(ENV_CONFIG))
    path = config_file or (Path(env[ENV_CONFIG]) if env.get(ENV_CONFIG) else None)
    path = path or default_config_file(env, platform)

    must_exist = explicit or not (demo or _has_required(env, overrides))
    values.update(_read_file(path, must_exist=must_exist))

    for spec in SPECS:
        raw = env.get(spec.env)
        if raw is not None:
            values[spec.field] = _parse_value(raw, spec.parse, f"环境变量 {spec.env}", spec.env)

    for name, raw in overrides.items():
        if name == "demo":
            continue
        option = SPECS_BY_FIELD.get(name)
        if option is None:
            raise SettingsError(f"未知的命令行设置 {name}。", key=name, source="命令行")
        values[name] = _parse_value(raw, option.parse, f"命令行选项 {name}", name)

    values["demo"] = demo
    values["config_file"] = path if path.is_file() else None
    if values.get("data_dir") is None:
        values["data_dir"] = default_data_dir(env, platform)
    if values.get("log_dir") is None:
        values["log_dir"] = default_log_dir(env, platform)

    _check_required(values, path, demo)
    return Settings(**values)


def _parse_env_demo(env: Mapping[str, str]) -> bool:
    raw = env.get(ENV_PREFIX + "DEMO")
    if raw is None:
        return False
    result: bool = _parse_value(raw, _bool, f"环境变量 {ENV_PREFIX}DEMO", ENV_PREFIX + "DEMO")
    return result


def _has_required(env: Mapping[str, str], overrides: Mapping[str, Any]) -> bool:
    def given(name: str) -> bool:
        return name in overrides or SPECS_BY_FIELD[name].env in env

    return given("center_url") and given("kiosk_id")


def _parse_value(raw: Any, parse: Callable[[str], Any], where: str, key: str | None) -> Any:
    text = raw if isinstance(raw, str) else _to_text(raw)
    try:
        return parse(text)
    except _InvalidValueError as exc:
        raise SettingsError(f"{where} {exc}。", key=key, source=where) from None


def _to_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        return ",".join(str(part) for part in value)
    return str(value)


def _read_file(path: Path, *, must_exist: bool) -> dict[str, Any]:
    source = str(path)
    if not path.exists():
        if must_exist:
            raise SettingsError(
                f"找不到配置文件 {source}。请按部署指南创建它，或用 --config 指定配置文件。",
                source=source,
            )
        return {}
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise SettingsError(
            f"配置文件 {source} 不是 UTF-8 编码，请用 UTF-8 保存后重试。", source=source
        ) from None
    except OSError as exc:
        raise SettingsError(
            f"无法读取配置文件 {source}（{exc.strerror or type(exc).__name__}），请检查文件权限。",
            source=source,
        ) from None
    try:
        parser.read_string(text, source=source)
    except configparser.MissingSectionHeaderError as exc:
        raise SettingsError(
            f"配置文件 {source} 第 {exc.lineno} 行之前缺少节名（例如 [kiosk]）。", source=source
        ) from None
    except configparser.DuplicateSectionError as exc:
        raise SettingsError(
            f"配置文件 {source} 中的节 [{exc.section}] 重复出现（第 {exc.lineno} 行）。",
            key=f"[{exc.section}]",
            source=source,
        ) from None
    except configparser.DuplicateOptionError as exc:
        raise SettingsError(
            f"配置文件 {source} 中的 [{exc.section}] {exc.option} 重复出现（第 {exc.lineno} 行）。",
            key=f"[{exc.section}] {exc.option}",
            source=source,
        ) from None
    except configparser.Error as exc:
        raise SettingsError(
            f"配置文件 {source} 格式错误，无法读取：{_first_line(exc)}。", source=source
        ) from None

    known = {(spec.section, spec.key): spec for spec in SPECS}
    sections = {spec.section for spec in SPECS}
    values: dict[str, Any] = {}
    for section in parser.sections():
        if section not in sections:
            raise SettingsError(
                f"配置文件 {source} 中的节 [{section}] 无法识别"
                "（可用的节：center、kiosk、staff、map）。",
                key=f"[{section}]",
                source=source,
            )
        for key, raw in parser.items(section):
            spec = known.get((section, key))
            if spec is None:
                raise SettingsError(
                    f"配置文件 {source} 中的 [{section}] {key} 不是可识别的设置，请检查拼写。",
                    key=f"[{section}] {key}",
                    source=source,
                )
            values[spec.field] = _parse_value(
                raw, spec.parse, f"配置文件 {source} 中的 {spec.ini_name}", spec.ini_name
            )
    return values


def _first_line(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _check_required(values: Mapping[str, Any], path: Path, demo: bool) -> None:
    if demo:
        return
    for name in ("center_url", "kiosk_id"):
        if not values.get(name):
            spec = SPECS_BY_FIELD[name]
            raise SettingsError(
                f"配置文件 {path} 中缺少 {spec.ini_name}，请填写后重新启动"
                f"（也可用环境变量 {spec.env} 设置）。",
                key=spec.ini_name,
                source=str(path),
            )
