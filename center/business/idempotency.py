"""``Idempotency-Key`` for money requests (API.md).

Rules: same key and same body → the first answer replayed; same key and another body → 422
``idempotency_key_mismatch``; same key while the first request still runs → 409
``idempotency_in_progress``; keys are remembered ``idempotency_ttl_hours`` (≥ 24 h).

How: :func:`begin` records the key as *in progress* in its own short transaction, with a random
lease token. The request's effects and :func:`complete` then commit in **one** money transaction
(:func:`run`), after :func:`claim` has checked the lease inside it: the answer is stored exactly
when the effects are, so a crash leaves either both or neither. A key left *in progress* by a
crashed worker (no effects were committed) may be executed again after
``idempotency_lease_seconds``; a slow worker whose lease was taken over finds out in
:func:`claim` and commits nothing. Business errors (``ApiError``) are answers too and are
replayed; an unexpected failure releases the key so that a retry executes it again.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from fastapi.responses import JSONResponse
from sqlalchemy import Select, delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from center.business.config import BusinessSettings
from center.business.ledger import money_transaction
from center.business.models import IDEMPOTENCY_DONE, IDEMPOTENCY_IN_PROGRESS, IdempotencyRecord
from center.clock import Clock
from center.errors import HOTLINE, ApiError

log = logging.getLogger(__name__)

HEADER = "Idempotency-Key"
REPLAY_HEADER = "Idempotent-Replayed"
_KEY_RE = re.compile(r"^[A-Za-z0-9_.:\-]{8,128}$")

MISSING_MESSAGE = "缺少业务流水号，申请未办理，请返回上一步重新提交。"
IN_PROGRESS_MESSAGE = "这笔申请正在办理中，请勿重复提交，稍候系统会自动查询结果。"
MISMATCH_MESSAGE = (
    f"这笔申请的内容与此前提交的不一致，未再次办理；请返回重新填写，如有疑问请拨打{HOTLINE}热线。"
)


@dataclass(frozen=True)
class Stored:
    """A recorded answer.

    Attributes:
        status: HTTP status of the first answer.
        body: its JSON body.
    """

    status: int
    body: Any

    def response(self, *, replayed: bool) -> JSONResponse:
        """The HTTP response (marked with ``Idempotent-Replayed: true`` when replayed)."""
        headers = {REPLAY_HEADER: "true"} if replayed else None
        return JSONResponse(self.body, status_code=self.status, headers=headers)


@dataclass(frozen=True)
class Lease:
    """The right to execute one key: the record and the random token of this attempt."""

    record_id: int
    token: str


class LeaseLostError(Exception):
    """Another attempt took over the key; this one must commit nothing."""


def check_key(key: str | None) -> str:
    """Validate the header value.

    Raises:
        ApiError: 400 ``idempotency_key_missing`` or ``idempotency_key_invalid``.
    """
    if key is None or not key.strip():
        raise ApiError(400, "idempotency_key_missing", MISSING_MESSAGE)
    key = key.strip()
    if not _KEY_RE.match(key):
        raise ApiError(400, "idempotency_key_invalid", MISSING_MESSAGE)
    return key


def fingerprint(method: str, path: str, body: Mapping[str, Any] | None) -> str:
    """SHA-256 of the method, the path and the canonical JSON of the (validated) body."""
    canonical = json.dumps(
        {"method": method.upper(), "path": path, "body": body},
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class _Attempt:
    """One request under a key: who sent it, where to, and the fingerprint of its body."""

    user_id: int
    key: str
    method: str
    path: str
    body_fingerprint: str


def begin(
    factory: sessionmaker[Session],
    *,
    user_id: int,
    key: str,
    method: str,
    path: str,
    body_fingerprint: str,
    now: datetime,
    settings: BusinessSettings,
) -> Lease | Stored:
    """Record ``key`` as in progress, or tell what was already recorded.

    Returns:
        A :class:`Lease` to execute the request, or the :class:`Stored` first answer to replay.

    Raises:
        ApiError: 422 ``idempotency_key_mismatch`` (another body), 409
            ``idempotency_in_progress`` (the first request is still running).
    """
    attempt = _Attempt(user_id, key, method, path, body_fingerprint)
    for _try in range(2):
        try:
            return _begin_once(factory, attempt, now=now, settings=settings)
        except IntegrityError:
            # Two first attempts raced to insert the key (PostgreSQL): the loser looks again.
            continue
    raise _in_progress()


def _begin_once(
    factory: sessionmaker[Session],
    attempt: _Attempt,
    *,
    now: datetime,
    settings: BusinessSettings,
) -> Lease | Stored:
    user_id = attempt.user_id
    token = secrets.token_hex(16)
    with money_transaction(factory) as db:
        record = db.scalars(_record_of(user_id, attempt.key).with_for_update()).one_or_none()
        expired = record is not None and record.created_at < now - timedelta(
            hours=settings.idempotency_ttl_hours
        )
        if record is None or expired:
            if record is None:
                record = IdempotencyRecord(user_id=user_id, key=attempt.key)
                db.add(record)
            record.method = attempt.method.upper()
            record.path = attempt.path
            record.fingerprint = attempt.body_fingerprint
            record.status = IDEMPOTENCY_IN_PROGRESS
            record.response_status = None
            record.response_body = None
            record.created_at = now
            record.leased_at = now
            record.lease_token = token
            record.completed_at = None
            db.flush()
            return Lease(record.id, token)
        if record.fingerprint != attempt.body_fingerprint:
            raise ApiError(422, "idempotency_key_mismatch", MISMATCH_MESSAGE)
        if record.status == IDEMPOTENCY_DONE and record.response_status is not None:
            return Stored(record.response_status, json.loads(record.response_body or "null"))
        if record.leased_at + timedelta(seconds=settings.idempotency_lease_seconds) > now:
            raise _in_progress()
        log.warning("idempotency key of user %s abandoned by its first attempt; retrying", user_id)
        record.leased_at = now
        record.lease_token = token
        return Lease(record.id, token)


def _record_of(user_id: int, key: str) -> Select[IdempotencyRecord]:
    return select(IdempotencyRecord).where(
        IdempotencyRecord.user_id == user_id, IdempotencyRecord.key == key
    )


def _in_progress() -> ApiError:
    return ApiError(409, "idempotency_in_progress", IN_PROGRESS_MESSAGE, retry_after=1)


def claim(db: Session, lease: Lease) -> IdempotencyRecord:
    """Inside the money transaction: lock the record and make sure this attempt still holds it.

    Raises:
        LeaseLostError: another attempt took the key over or finished it.
    """
    record = db.scalars(
        select(IdempotencyRecord)
        .where(IdempotencyRecord.id == lease.record_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one_or_none()
    if (
        record is None
        or record.status != IDEMPOTENCY_IN_PROGRESS
        or record.lease_token != lease.token
    ):
        raise LeaseLostError
    return record


def complete(record: IdempotencyRecord, stored: Stored, now: datetime) -> None:
    """Store the answer on a claimed record (committed with the money transaction)."""
    record.status = IDEMPOTENCY_DONE
    record.response_status = stored.status
    record.response_body = json.dumps(stored.body, ensure_ascii=False)
    record.completed_at = now


def lookup(db: Session, *, user_id: int, key: str) -> IdempotencyRecord | None:
    """The record of one of the user's keys, if the center ever received it."""
    return db.scalars(_record_of(user_id, key)).one_or_none()


def release(factory: sessionmaker[Session], lease: Lease) -> None:
    """Forget a key whose attempt failed unexpectedly (nothing was committed), if still ours."""
    with money_transaction(factory) as db:
        db.execute(
            delete(IdempotencyRecord).where(
                IdempotencyRecord.id == lease.record_id,
                IdempotencyRecord.status == IDEMPOTENCY_IN_PROGRESS,
                IdempotencyRecord.lease_token == lease.token,
            )
        )


def run(
    factory: sessionmaker[Session],
    clock: Clock,
    settings: BusinessSettings,
    *,
    user_id: int,
    key: str | None,
    method: str,
    path: str,
    body: Mapping[str, Any] | None,
    execute: Callable[[Session], Stored],
) -> JSONResponse:
    """Execute a money request exactly once under its ``Idempotency-Key``.

    Args:
        factory: the application's session factory.
        clock: the application's clock.
        settings: business settings (key lifetime and lease).
        user_id: the signed-in user (keys are per user).
        key: the ``Idempotency-Key`` header.
        method: the HTTP method.
        path: the request path.
        body: the validated body (its canonical JSON is the fingerprint).
        execute: does the work inside the money transaction and returns the answer; may raise
            :class:`~center.errors.ApiError`, whose answer is stored and replayed too.

    Returns:
        The answer (first execution or replay).

    Raises:
        ApiError: 400 (no key), 409 (still running), 422 (another body).
    """
    checked = check_key(key)
    outcome = begin(
        factory,
        user_id=user_id,
        key=checked,
        method=method,
        path=path,
        body_fingerprint=fingerprint(method, path, body),
        now=clock.now(),
        settings=settings,
    )
    if isinstance(outcome, Stored):
        return outcome.response(replayed=True)
    lease = outcome
    try:
        with money_transaction(factory) as db:
            record = claim(db, lease)
            stored = execute(db)
            complete(record, stored, clock.now())
        return stored.response(replayed=False)
    except ApiError as error:
        refused = Stored(error.status, error.body())
    except LeaseLostError:
        raise _in_progress() from None
    except BaseException:
        release(factory, lease)
        raise
    # The work was refused: nothing of it was committed; record the refusal as the answer.
    try:
        with money_transaction(factory) as db:
            complete(claim(db, lease), refused, clock.now())
    except LeaseLostError:
        raise _in_progress() from None
    return refused.response(replayed=False)


def purge(db: Session, now: datetime, *, ttl_hours: int) -> int:
    """Forget the keys older than their time to live (:func:`begin` treats them as new anyway).

    Returns:
        How many keys were forgotten.
    """
    result = db.execute(
        delete(IdempotencyRecord).where(
            IdempotencyRecord.created_at < now - timedelta(hours=ttl_hours)
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)
