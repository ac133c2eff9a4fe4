"""The reference-data cache: round trip, recovery from a broken file, threads, refresh."""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from kiosk.errors import CenterError, NetworkError
from kiosk.store import ReferenceCache, RefreshReport, refresh_reference

T = TypeVar("T")

T0 = dt.datetime(2025, 6, 2, 9, 0, tzinfo=dt.UTC)


class FakeClock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def cache(tmp_path: Path, clock: FakeClock) -> Iterator[ReferenceCache]:
    store = ReferenceCache(tmp_path / "cache" / "cache.sqlite3", clock=clock)
    yield store
    store.close()


def test_round_trip(cache: ReferenceCache, clock: FakeClock) -> None:
    centers = [{"id": "yinchuan", "name": "宁夏住房公积金管理中心", "hotline": "12329"}]
    assert cache.get("centers") is None
    assert cache.age("centers") is None
    assert cache.put("centers", centers)
    assert cache.get("centers") == (centers, T0)
    clock.now = T0 + dt.timedelta(minutes=5)
    assert cache.age("centers") == dt.timedelta(minutes=5)
    assert cache.put("centers", [])
    assert cache.get("centers") == ([], T0 + dt.timedelta(minutes=5))
    assert cache.put("guide:7", {"title": "提取指南"})
    assert cache.kinds() == ["centers", "guide:7"]
    cache.delete("guide:7")
    assert cache.kinds() == ["centers"]
    cache.clear()
    assert cache.kinds() == []


def test_survives_a_restart(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "cache.sqlite3"
    first = ReferenceCache(path, clock=clock)
    first.put("policy", {"password": {"min_length": 6}})
    first.close()
    second = ReferenceCache(path, clock=clock)
    try:
        assert second.get("policy") == ({"password": {"min_length": 6}}, T0)
    finally:
        second.close()


def test_only_reference_kinds_are_accepted(cache: ReferenceCache) -> None:
    for kind in ("session", "resident", "guide:", "token"):
        with pytest.raises(ValueError, match="reference-data kind"):
            cache.put(kind, {"id_number": "64010219900101123X"})
    assert cache.kinds() == []


@pytest.mark.parametrize(
    "garbage",
    [b"this is not a database" * 100, b"SQLite format 3\x00" + b"\xff" * 4000, b""],
)
def test_corrupt_file_is_recreated(tmp_path: Path, garbage: bytes, clock: FakeClock) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(garbage)
    store = ReferenceCache(path, clock=clock)
    try:
        assert store.get("centers") is None
        assert store.put("centers", [{"id": "a"}])
        assert store.get("centers") == ([{"id": "a"}], T0)
    finally:
        store.close()
    reopened = ReferenceCache(path, clock=clock)
    try:
        assert reopened.get("centers") == ([{"id": "a"}], T0)
    finally:
        reopened.close()


def test_file_corrupted_while_open_is_recovered(tmp_path: Path, clock: FakeClock) -> None:
    path = tmp_path / "cache.sqlite3"
    store = ReferenceCache(path, clock=clock)
    try:
        store.put("centers", [1])
        store.close()  # release the connections so the file can be overwritten everywhere
        path.write_bytes(b"garbage" * 1000)
        assert store.get("centers") is None  # recovered, not raised
        assert store.put("centers", [2])
        assert store.get("centers") == ([2], T0)
    finally:
        store.close()


def test_unusable_path_falls_back_to_memory(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where a folder should be")
    store = ReferenceCache(blocker / "cache.sqlite3", clock=clock)
    try:
        assert store.put("channels", [{"kind": "wechat"}])
        assert store.get("channels") == ([{"kind": "wechat"}], T0)
    finally:
        store.close()


def test_in_memory_cache(clock: FakeClock) -> None:
    store = ReferenceCache(None, clock=clock)
    try:
        store.put("guides", [{"id": 1}])
        assert store.get("guides") == ([{"id": 1}], T0)
    finally:
        store.close()


def test_concurrent_threads(cache: ReferenceCache) -> None:
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def writer(n: int) -> None:
        try:
            start.wait()
            for i in range(25):
                assert cache.put(f"guide:{n}", {"n": n, "i": i, "text": "办事指南" * 20})
                got = cache.get(f"guide:{n}")
                assert got is not None and got[0]["n"] == n
                assert cache.get("centers") in (None, ([{"id": "x"}], T0))
        except BaseException as exc:
            errors.append(exc)

    def reader() -> None:
        try:
            start.wait()
            for _ in range(50):
                cache.put("centers", [{"id": "x"}])
                cache.kinds()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(6)]
    threads += [threading.Thread(target=reader) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(thread.is_alive() for thread in threads)
    assert errors == []
    assert len(cache.kinds()) == 7
    for n in range(6):
        got = cache.get(f"guide:{n}")
        assert got is not None and got[0]["i"] == 24


# -- refresh_reference ----------------------------------------------------------------------------


class FakeClient:
    """Stands in for CenterClient: answers from dicts, raises the errors it was given."""

    def __init__(self, fail: dict[str, Exception] | None = None) -> None:
        self.fail = fail or {}
        self.calls: list[str] = []

    def _answer(self, kind: str, value: T) -> T:
        self.calls.append(kind)
        if kind in self.fail:
            raise self.fail[kind]
        return value

    def centers(self) -> list[dict[str, Any]]:
        return self._answer("centers", [{"id": "yinchuan", "name": "银川"}])

    def service_points(self) -> list[dict[str, Any]]:
        return self._answer("service_points", [{"id": "p1", "hours": {"mon": []}}])

    def channels(self) -> list[dict[str, Any]]:
        return self._answer("channels", [{"kind": "wechat", "url": "https://example.org"}])

    def guides(self) -> list[dict[str, Any]]:
        return self._answer("guides", [{"id": "g1"}, {"id": 2}, {"title": "no id"}])

    def guide(self, guide_id: str) -> dict[str, Any]:
        return self._answer(f"guide:{guide_id}", {"id": guide_id, "body": "..."})

    def policy(self) -> dict[str, Any]:
        return self._answer("policy", {"username": {"min_length": 6}})


def test_refresh_stores_everything(cache: ReferenceCache) -> None:
    report = refresh_reference(FakeClient(), cache)
    assert isinstance(report, RefreshReport)
    assert report.ok and not report.offline
    assert set(report.stored) == {
        "centers", "service_points", "channels", "policy", "guides", "guide:g1", "guide:2",
    }  # fmt: skip
    assert report.succeeded == report.stored
    assert cache.get("guide:2") == ({"id": "2", "body": "..."}, T0)


def test_one_failure_does_not_stop_the_others(cache: ReferenceCache) -> None:
    cache.put("channels", [{"kind": "old"}])
    cache.put("guide:gone", {"id": "gone"})
    client = FakeClient(
        fail={
            "channels": CenterError("error", "出错了", status=500),
            "guide:g1": NetworkError("timeout", "超时"),
        }
    )
    report = refresh_reference(client, cache)
    assert not report.ok
    assert set(report.failed) == {"channels", "guide:g1"}
    assert "centers" in report.stored and "guide:2" in report.stored
    assert cache.get("channels") == ([{"kind": "old"}], T0)  # the old copy is kept
    assert cache.get("guide:gone") is None  # no longer listed
    assert client.calls[-1] == "guide:2"


def test_offline(cache: ReferenceCache) -> None:
    down = NetworkError("unreachable", "暂时无法连接公积金中心")
    fail: dict[str, Exception] = {
        kind: down for kind in ("centers", "service_points", "channels", "guides", "policy")
    }
    report = refresh_reference(FakeClient(fail), cache)
    assert report.offline
    assert report.stored == []
    assert set(report.failed) == set(fail)
