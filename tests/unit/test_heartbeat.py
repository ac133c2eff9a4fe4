"""The Qt-free heartbeat: state, body, remote settings, backoff (injected clock and randomness)."""

from __future__ import annotations

import pytest

from kiosk.heartbeat import (
    HEALTH_MISSING,
    HEALTH_OK,
    Backoff,
    HeartbeatState,
    build_heartbeat,
    remote_config,
)


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_body_of_a_fresh_kiosk() -> None:
    clock = FakeClock()
    state = HeartbeatState(version="0.1.0", center_id="yinchuan", clock=clock)
    clock.advance(42.7)
    assert build_heartbeat(state) == {
        "version": "0.1.0",
        "uptime_seconds": 42,
        "center_id": "yinchuan",
        "health": {},
        "last_error": None,
        "offline_seconds": 0,
    }


def test_body_carries_health_last_error_and_extra() -> None:
    state = HeartbeatState(version="1.2.3", center_id="shizuishan", clock=FakeClock())
    state.set_health("printer", HEALTH_OK)
    state.set_health("card_reader", HEALTH_MISSING)
    state.record_error("first")
    state.record_error("打印机缺纸")
    body = build_heartbeat(state, extra={"screen": "home"})
    assert body["health"] == {"printer": "ok", "card_reader": "missing"}
    assert body["last_error"] == "打印机缺纸"
    assert body["screen"] == "home"


def test_offline_time_counts_outages_and_the_current_one() -> None:
    clock = FakeClock()
    state = HeartbeatState(version="x", center_id="c", clock=clock)
    state.mark_offline()
    clock.advance(30)
    state.mark_offline()  # a second failure does not restart the outage
    clock.advance(30)
    assert state.offline_seconds == 60 and not state.online
    state.mark_online()
    assert state.online and state.offline_seconds == 0
    clock.advance(100)
    state.mark_online()  # no outage in progress: nothing added
    state.mark_offline()
    clock.advance(15)
    assert state.offline_total_seconds == 75
    assert build_heartbeat(state)["offline_seconds"] == 75


def test_remote_config_keeps_only_known_settings_in_range() -> None:
    accepted, rejected = remote_config(
        {
            "idle_form_seconds": 120,
            "idle_account_seconds": 5,  # below the INI minimum
            "idle_warning_seconds": True,  # a bool is not a number here
            "heartbeat_seconds": 300,
            "printer": "evil",
            "idle_form": "60",
        }
    )
    assert accepted == {"idle_form_s": 120, "heartbeat_s": 300}
    assert sorted(rejected) == [
        "idle_account_seconds",
        "idle_form",
        "idle_warning_seconds",
        "printer",
    ]


def test_backoff_doubles_up_to_the_cap_and_resets() -> None:
    backoff = Backoff(base=15, cap=600, jitter=0.0)
    delays = [backoff.next_delay() for _ in range(8)]
    assert delays == [15, 30, 60, 120, 240, 480, 600, 600]
    assert backoff.failures == 8
    backoff.reset()
    assert backoff.failures == 0
    assert backoff.next_delay() == 15


def test_backoff_jitter_stays_within_its_band() -> None:
    values = iter([0.0, 0.999, 0.5])
    backoff = Backoff(base=10, cap=600, jitter=0.2, rng=lambda: next(values))
    assert backoff.next_delay() == pytest.approx(10.0)
    assert backoff.next_delay() == pytest.approx(20 * (1 - 0.2 * 0.999))
    assert backoff.next_delay() == pytest.approx(40 * 0.9)


def test_backoff_never_exceeds_ten_minutes_even_after_many_failures() -> None:
    backoff = Backoff()
    assert backoff.cap == 600
    assert max(backoff.next_delay() for _ in range(200)) <= 600


@pytest.mark.parametrize(
    "kwargs", [{"base": 0}, {"base": 10, "cap": 5}, {"factor": 0.5}, {"jitter": 1.0}]
)
def test_backoff_rejects_nonsense(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        Backoff(**kwargs)
