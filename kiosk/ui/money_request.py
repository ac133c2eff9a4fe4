"""One money request (a withdrawal, a loan application), executed by the center at most once.

Exactly once: a submission gets one ``Idempotency-Key`` and one body, both kept until a
definitive answer, so a resubmission after a lost answer can never be executed twice. Before the
first try the records the resident already has are listed (the snapshot) and the SMS step-up code
is traded for its token, each once. When no answer comes at all, the screen asks the center for
the records again and looks for a new one (:meth:`MoneyRequest.find_new`); it never resubmits on
its own.

Plain Python: the screen runs the blocking callables returned here on its task runner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kiosk.api import CenterClient, new_idempotency_key, records
from kiosk.ui.step_up import StepUpBox, verify_step_up

__all__ = ["MoneyRequest", "Prepared"]

#: What the preparation found: the snapshot of earlier records (first try only) and the
#: step-up token (when one was needed).
Prepared = tuple[set[str] | None, str | None]


class MoneyRequest:
    """The state of one submission of a money screen.

    Args:
        client: the center client (signed in).
        path: the resident's records under ``/me`` (``/withdrawals``), also the POST target.
        record_key: what identifies a record in the list (its number or id).

    Attributes:
        key: the ``Idempotency-Key`` of the submission (None before the first try).
        body: the body of the submission (None before the first try).
        token: the step-up token once the code was verified.
        snapshot: the keys of the records that existed before the first try.
        unknown: the answer of the last try was lost: the outcome must be asked, not guessed.
    """

    def __init__(
        self,
        client: CenterClient,
        path: str,
        record_key: Callable[[Mapping[str, Any]], str],
    ) -> None:
        self._client = client
        self._path = path
        self._record_key = record_key
        self.key: str | None = None
        self.body: dict[str, Any] | None = None
        self.token: str | None = None
        self.snapshot: set[str] | None = None
        self.unknown = False

    def prepare(
        self, make_body: Callable[[], dict[str, Any]], step_up: StepUpBox | None
    ) -> Callable[[], Prepared]:
        """Fix the body and key of this submission (kept from a try whose answer was lost) and
        return the blocking preparation: the snapshot (once) and the step-up token (once).

        Args:
            make_body: builds the body of a new submission from the form.
            step_up: the code box when the request needs a step-up token, else None.
        """
        if self.body is None:
            self.body = make_body()
            self.key = new_idempotency_key()
        self.unknown = False
        client, path, record_key = self._client, self._path, self._record_key
        need_snapshot = self.snapshot is None
        need_token = step_up is not None and self.token is None and "step_up_token" not in self.body
        challenge, code = (step_up.challenge_id, step_up.code()) if step_up else ("", "")

        def run() -> Prepared:
            snapshot = None
            if need_snapshot:
                snapshot = {record_key(r) for r in records(client.get_me(path))}
            token = verify_step_up(client, challenge, code) if need_token else None
            return snapshot, token

        return run

    def send(self, prepared: Prepared) -> Callable[[], Any]:
        """Keep what the preparation found; return the blocking request (same key, same body)."""
        snapshot, token = prepared
        if snapshot is not None:
            self.snapshot = snapshot
        if token is not None:
            self.token = token
        assert self.body is not None and self.key is not None
        if self.token is not None and "step_up_token" not in self.body:
            self.body["step_up_token"] = self.token
        client, path, body, key = self._client, f"/me{self._path}", dict(self.body), self.key
        return lambda: client.money_request("POST", path, json=body, idempotency_key=key)

    def refused(self, error_code: str) -> bool:
        """A definitive refusal: nothing was executed, the next try is a new submission.

        Returns:
            Whether the step-up token is spent too (a new code must be verified).
        """
        self.key = None
        self.body = None
        token_gone = error_code.startswith("step_up")
        if token_gone:
            self.token = None
        return token_gone

    def forget(self) -> None:
        """The submission is over (done, found, or abandoned)."""
        self.key = None
        self.body = None
        self.token = None
        self.snapshot = None
        self.unknown = False

    def fetch_records(self) -> Callable[[], Any]:
        """The blocking call that lists the resident's records (to find a lost submission)."""
        client, path = self._client, self._path
        return lambda: client.get_me(path)

    def find_new(
        self, answer: Any, matches: Callable[[Mapping[str, Any], Mapping[str, Any]], bool]
    ) -> dict[str, Any] | None:
        """A record in ``answer`` that is not in the snapshot and ``matches(record, body)``."""
        body = self.body or {}
        known = self.snapshot or set()
        return next(
            (r for r in records(answer) if self._record_key(r) not in known and matches(r, body)),
            None,
        )
