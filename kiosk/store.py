"""The local reference-data cache: what the public home screen shows when the center is down.

One SQLite file (SQLAlchemy 2), one table keyed by *kind*: ``centers``, ``service_points``,
``channels``, ``guides``, ``guide:<id>``, ``policy`` (and ``withdrawal_types``), each holding
the center's JSON answer as text and the time it was fetched.

**No personal data is ever stored here**: only public reference data that every resident may
see (centers, service points, QR targets, guides, rules). :meth:`ReferenceCache.put` refuses
any other kind, so nothing personal can slip in by accident. The cache is only a cache: a corrupt
or unreadable file is deleted and recreated, which loses nothing the center cannot resend.

Thread-safe: the refresh runs on a worker thread and the GUI thread reads; every call uses its
own short-lived ``Session`` on a shared engine (``check_same_thread=False``) under one lock.

Qt-free.
"""

from __future__ import annotations

import datetime as _dt
import json
import logging
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import Engine, Float, String, Text, create_engine, delete, select, text
from sqlalchemy.exc import DatabaseError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.pool import StaticPool

from kiosk.errors import CENTER_GARBLED, KioskError, NetworkError

__all__ = [
    "KINDS",
    "ReferenceCache",
    "ReferenceSource",
    "RefreshReport",
    "guide_kind",
    "refresh_reference",
]

log = logging.getLogger(__name__)

#: The kinds of public reference data the cache may hold (besides ``guide:<id>``).
KINDS: frozenset[str] = frozenset(
    {"centers", "service_points", "channels", "guides", "policy", "withdrawal_types"}
)
GUIDE_PREFIX = "guide:"

#: Bumped when the table changes; an older file is simply recreated.
SCHEMA_VERSION = 1

Clock = Callable[[], _dt.datetime]


def _utc_now() -> _dt.datetime:
    return _dt.datetime.now(_dt.UTC)


def guide_kind(guide_id: object) -> str:
    """The cache kind of one guide article: ``guide:<id>``."""
    return f"{GUIDE_PREFIX}{guide_id}"


def _allowed(kind: str) -> bool:
    return kind in KINDS or (kind.startswith(GUIDE_PREFIX) and len(kind) > len(GUIDE_PREFIX))


class _Base(DeclarativeBase):
    pass


class _Entry(_Base):
    """One cached answer of the center."""

    __tablename__ = "reference_cache"

    kind: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[float] = mapped_column(Float)  # POSIX seconds, UTC


_STORAGE_ERRORS = (SQLAlchemyError, sqlite3.Error, OSError)


class ReferenceCache:
    """The reference-data cache in one SQLite file.

    Args:
        path: the SQLite file (its folder is created); ``None`` keeps the cache in memory.
        clock: returns the current time (aware); injected by tests.

    Every method is safe to call from any thread and never raises on a storage fault: a corrupt
    file is recreated, and if even that fails the cache carries on in memory.
    """

    def __init__(self, path: Path | str | None, *, clock: Clock = _utc_now) -> None:
        self.path = Path(path) if path is not None else None
        self._clock = clock
        self._lock = threading.RLock()
        self._engine: Engine = self._open()

    # -- engine ---------------------------------------------------------------------------
    def _make_engine(self, path: Path | None) -> Engine:
        if path is None:
            engine = create_engine(
                "sqlite://",
                connect_args={"check_same_thread": False},
                poolclass=StaticPool,
            )
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(
                f"sqlite:///{path}",
                connect_args={"check_same_thread": False, "timeout": 5.0},
            )
        return engine

    def _prepare(self, engine: Engine) -> None:
        """Check the file and create the table; raises on a corrupt or foreign file."""
        with engine.begin() as conn:
            check = conn.execute(text("PRAGMA quick_check")).scalar()
            if check != "ok":
                raise DatabaseError("PRAGMA quick_check", None, Exception(str(check)))
            version = conn.execute(text("PRAGMA user_version")).scalar()
            if version not in (0, SCHEMA_VERSION):
                _Base.metadata.drop_all(conn)
            _Base.metadata.create_all(conn)
            conn.execute(text(f"PRAGMA user_version = {SCHEMA_VERSION}"))
            conn.execute(select(_Entry.kind).limit(1)).all()

    def _open(self) -> Engine:
        """An engine on a checked file; recreate the file if needed; memory as a last resort."""
        if self.path is not None:
            for attempt in range(2):
                engine: Engine | None = None
                try:
                    if attempt:
                        self._delete_files()
                    engine = self._make_engine(self.path)
                    self._prepare(engine)
                    return engine
                except _STORAGE_ERRORS as exc:
                    if engine is not None:
                        engine.dispose()
                    log.warning(
                        "reference cache %s (%s)",
                        "unreadable; recreating it"
                        if not attempt
                        else "cannot be recreated; keeping it in memory",
                        type(exc).__name__,
                    )
        engine = self._make_engine(None)
        self._prepare(engine)
        return engine

    def _delete_files(self) -> None:
        if self.path is None:
            return
        for suffix in ("-journal", "-wal", "-shm", ""):
            candidate = self.path.with_name(self.path.name + suffix)
            candidate.unlink(missing_ok=True)

    def _recover(self, exc: Exception) -> None:
        """Throw the file away after a storage fault (not a mere lock) and start afresh."""
        if "locked" in str(exc).lower():
            return
        log.warning("reference cache failed (%s); recreating it", type(exc).__name__)
        self._engine.dispose()
        self._engine = self._open()

    # -- public ---------------------------------------------------------------------------
    def put(self, kind: str, data: Any) -> bool:
        """Store the center's answer for ``kind``, replacing the previous one.

        Args:
            kind: one of :data:`KINDS` or ``guide:<id>``.
            data: JSON-serialisable public reference data.

        Returns:
            True when stored; False after a storage fault (logged; the cache is still usable).

        Raises:
            ValueError: ``kind`` is not public reference data (a programming error).
            TypeError: ``data`` is not JSON-serialisable (a programming error).
        """
        if not _allowed(kind):
            raise ValueError(f"not a reference-data kind: {kind!r}")
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        stamp = self._clock().timestamp()
        with self._lock:
            for attempt in range(2):
                try:
                    with Session(self._engine) as session, session.begin():
                        session.merge(_Entry(kind=kind, data=payload, fetched_at=stamp))
                    return True
                except _STORAGE_ERRORS as exc:
                    if attempt:
                        log.warning("reference cache: %s not stored (%s)", kind, exc.__class__)
                        return False
                    self._recover(exc)
        return False  # pragma: no cover - the loop always returns

    def get(self, kind: str) -> tuple[Any, _dt.datetime] | None:
        """The cached answer for ``kind`` and when it was fetched (aware, UTC).

        Returns:
            ``(data, fetched_at)``, or None when nothing (readable) is cached.
        """
        with self._lock:
            try:
                with Session(self._engine) as session:
                    row = session.get(_Entry, kind)
                    found = None if row is None else (row.data, row.fetched_at)
            except _STORAGE_ERRORS as exc:
                self._recover(exc)
                return None
            if found is None:
                return None
            try:
                data = json.loads(found[0])
                fetched_at = _dt.datetime.fromtimestamp(found[1], _dt.UTC)
            except (ValueError, TypeError, OverflowError, OSError):
                log.warning("reference cache: unreadable entry %s dropped", kind)
                self.delete(kind)
                return None
            return data, fetched_at

    def age(self, kind: str) -> _dt.timedelta | None:
        """How long ago ``kind`` was fetched; None when it is not cached."""
        entry = self.get(kind)
        if entry is None:
            return None
        return max(self._clock() - entry[1], _dt.timedelta(0))

    def kinds(self) -> list[str]:
        """The kinds currently cached, sorted."""
        with self._lock:
            try:
                with Session(self._engine) as session:
                    return list(session.scalars(select(_Entry.kind).order_by(_Entry.kind)))
            except _STORAGE_ERRORS as exc:
                self._recover(exc)
                return []

    def delete(self, kind: str) -> None:
        """Forget one kind (no error when it is not cached)."""
        self._delete_where(_Entry.kind == kind)

    def clear(self) -> None:
        """Forget everything."""
        self._delete_where(None)

    def _delete_where(self, condition: Any) -> None:
        statement = delete(_Entry) if condition is None else delete(_Entry).where(condition)
        with self._lock:
            try:
                with Session(self._engine) as session, session.begin():
                    session.execute(statement)
            except _STORAGE_ERRORS as exc:
                self._recover(exc)

    def close(self) -> None:
        """Release the database connections (the file stays)."""
        with self._lock:
            self._engine.dispose()


# -- refresh --------------------------------------------------------------------------------------


class ReferenceSource(Protocol):
    """What :func:`refresh_reference` needs of the center client (``kiosk.api.CenterClient``)."""

    def centers(self) -> list[dict[str, Any]]: ...

    def service_points(self) -> list[dict[str, Any]]: ...

    def channels(self) -> list[dict[str, Any]]: ...

    def guides(self) -> list[dict[str, Any]]: ...

    def guide(self, guide_id: str) -> dict[str, Any]: ...

    def policy(self) -> dict[str, Any]: ...


@dataclass
class RefreshReport:
    """What a refresh stored and what failed.

    Attributes:
        stored: the kinds stored, in order.
        failed: kind -> the error that prevented it (the old cached copy is kept).
    """

    stored: list[str] = field(default_factory=list)
    failed: dict[str, KioskError] = field(default_factory=dict)

    @property
    def succeeded(self) -> list[str]:
        """Alias of :attr:`stored`."""
        return self.stored

    @property
    def ok(self) -> bool:
        """Everything was refreshed."""
        return not self.failed

    @property
    def offline(self) -> bool:
        """Nothing could be fetched: the center is unreachable."""
        return not self.stored and bool(self.failed)


def refresh_reference(client: ReferenceSource, cache: ReferenceCache) -> RefreshReport:
    """Fetch all public reference data and store each kind that arrives.

    A failure of one kind (any :class:`~kiosk.errors.KioskError`) is reported and does not stop
    the others. Guide articles no longer listed are dropped from the cache. Blocking: run it on
    the task runner, never on the GUI thread.

    Args:
        client: the center client.
        cache: where to store the answers.

    Returns:
        The report of stored and failed kinds.
    """
    report = RefreshReport()

    def fetch(kind: str, call: Callable[[], Any]) -> Any:
        try:
            data = call()
        except KioskError as exc:
            log.info("reference refresh: %s failed (%s)", kind, exc.code)
            report.failed[kind] = exc
            return None
        if not cache.put(kind, data):
            report.failed[kind] = NetworkError("cache", CENTER_GARBLED)
            return None
        report.stored.append(kind)
        return data

    fetch("centers", client.centers)
    fetch("service_points", client.service_points)
    fetch("channels", client.channels)
    fetch("policy", client.policy)
    guides = fetch("guides", client.guides)
    if isinstance(guides, list):
        listed: set[str] = set()
        for item in guides:
            guide_id = item.get("id") if isinstance(item, dict) else None
            if guide_id is None or isinstance(guide_id, bool) or str(guide_id) == "":
                continue
            kind = guide_kind(guide_id)
            listed.add(kind)
            fetch(kind, partial(client.guide, str(guide_id)))
        for kind in cache.kinds():
            if kind.startswith(GUIDE_PREFIX) and kind not in listed:
                cache.delete(kind)
    return report
