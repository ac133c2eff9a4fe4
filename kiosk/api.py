"""CenterClient: the kiosk's only way to talk to the central service (API.md, v1).

Blocking calls on ``requests`` with a connect and a read timeout on every call. The GUI never calls
this directly on its own thread: screens hand calls to the task runner (``kiosk.ui.tasks``).
Every failure becomes a :class:`~kiosk.errors.KioskError` carrying one Chinese sentence.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Mapping
from typing import Any

import requests

from kiosk import __version__
from kiosk.errors import (
    CENTER_BUSY,
    CENTER_GARBLED,
    CENTER_TIMEOUT,
    CENTER_UNREACHABLE,
    OUTCOME_UNKNOWN,
    REQUEST_REFUSED,
    CenterError,
    NetworkError,
    OutcomeUnknown,
)

log = logging.getLogger(__name__)

JSON = dict[str, Any]

#: (connect, read) seconds. Connect is short: a dead center must be noticed quickly.
DEFAULT_TIMEOUT: tuple[float, float] = (3.05, 10.0)


def new_idempotency_key() -> str:
    """A fresh key for one money request; reuse it for every retry of that request."""
    return str(uuid.uuid4())


class CenterClient:
    """HTTP client of the central service.

    Thread-safe: each worker thread gets its own ``requests.Session``; the bearer token is shared
    and replaced atomically.

    Args:
        base_url: e.g. ``http://127.0.0.1:8000`` (the ``/api/v1`` prefix is added here).
        kiosk_id: the station's identity, sent as ``X-Kiosk-Id`` on every request.
        timeout: (connect, read) seconds for every call.
        verify: TLS verification: True, False, or a CA bundle path.
    """

    def __init__(
        self,
        base_url: str,
        kiosk_id: str,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        verify: bool | str = True,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.kiosk_id = kiosk_id
        self.timeout = timeout
        self.verify = verify
        self._local = threading.local()
        self._token: str | None = None
        self._token_lock = threading.Lock()

    # -- session token (memory only) ------------------------------------------------------
    @property
    def token(self) -> str | None:
        with self._token_lock:
            return self._token

    @token.setter
    def token(self, value: str | None) -> None:
        with self._token_lock:
            self._token = value

    @property
    def signed_in(self) -> bool:
        return self.token is not None

    # -- plumbing -------------------------------------------------------------------------
    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["X-Kiosk-Id"] = self.kiosk_id
            session.headers["User-Agent"] = f"gjj-kiosk/{__version__}"
            session.headers["Accept"] = "application/json"
            self._local.session = session
        return session

    def request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any] | None = None,
        params: Mapping[str, Any] | None = None,
        idempotency_key: str | None = None,
        auth: bool = False,
        api: bool = True,
    ) -> Any:
        """Send one request and return the decoded JSON body (None for 204).

        Raises:
            CenterError: the center answered with an error status.
            NetworkError: no answer, a timeout, or an unreadable answer.
        """
        url = f"{self.base_url}{'/api/v1' if api else ''}{path}"
        headers: dict[str, str] = {}
        if auth:
            token = self.token
            if token:
                headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        try:
            response = self._session().request(
                method,
                url,
                json=json,
                params=params,
                headers=headers,
                timeout=self.timeout,
                verify=self.verify,
            )
        except requests.Timeout as exc:
            log.warning("center %s %s timed out", method, path)
            raise NetworkError("timeout", CENTER_TIMEOUT) from exc
        except requests.RequestException as exc:
            log.warning("center %s %s unreachable: %s", method, path, type(exc).__name__)
            raise NetworkError("unreachable", CENTER_UNREACHABLE) from exc
        return self._decode(method, path, response)

    @staticmethod
    def _decode(method: str, path: str, response: requests.Response) -> Any:
        status = response.status_code
        if status == 204 or (200 <= status < 300 and not response.content):
            return None
        try:
            body = response.json()
        except ValueError:
            body = None
        if 200 <= status < 300:
            if body is None:
                log.warning("center %s %s: unreadable %s answer", method, path, status)
                raise NetworkError("garbled", CENTER_GARBLED, status=status)
            return body
        error = body.get("error") if isinstance(body, dict) else None
        retry_after = _retry_after(response, error)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            log.info("center %s %s -> %s %s", method, path, status, error.get("code"))
            raise CenterError(
                str(error.get("code") or "error"),
                error["message"],
                field=error.get("field") if isinstance(error.get("field"), str) else None,
                retry_after=retry_after,
                status=status,
            )
        log.warning("center %s %s -> %s without an error body", method, path, status)
        if status >= 500:
            raise NetworkError(
                "server_error",
                CENTER_BUSY,
                status=status,
            )
        raise CenterError(
            "error",
            REQUEST_REFUSED,
            status=status,
            retry_after=retry_after,
        )

    def money_request(
        self,
        method: str,
        path: str,
        *,
        json: Mapping[str, Any],
        idempotency_key: str,
        attempts: int = 3,
    ) -> Any:
        """Send a money-moving request exactly once, retrying with the same key.

        A lost answer (timeout, dropped connection) is retried with the same ``Idempotency-Key``,
        so the center executes it at most once and replays the first answer. When no answer comes
        after ``attempts`` tries, :class:`OutcomeUnknown` tells the caller to ask, not to guess.
        """
        last: NetworkError | None = None
        for _ in range(max(1, attempts)):
            try:
                return self.request(
                    method, path, json=json, idempotency_key=idempotency_key, auth=True
                )
            except CenterError as exc:
                if exc.status == 409 and exc.code == "idempotency_in_progress":
                    last = NetworkError(exc.code, exc.message, status=exc.status)
                    continue
                raise
            except NetworkError as exc:
                last = exc
        raise OutcomeUnknown("outcome_unknown", OUTCOME_UNKNOWN) from last

    # -- public ---------------------------------------------------------------------------
    def health(self) -> JSON:
        result: JSON = self.request("GET", "/healthz", api=False)
        return result

    def centers(self) -> list[JSON]:
        return _items(self.request("GET", "/centers"))

    def service_points(self, center_id: str | None = None) -> list[JSON]:
        params = {"center_id": center_id} if center_id else None
        return _items(self.request("GET", "/service-points", params=params))

    def channels(self) -> list[JSON]:
        return _items(self.request("GET", "/channels"))

    def guides(self) -> list[JSON]:
        return _items(self.request("GET", "/guides"))

    def guide(self, guide_id: str) -> JSON:
        result: JSON = self.request("GET", f"/guides/{guide_id}")
        return result

    def policy(self) -> JSON:
        result: JSON = self.request("GET", "/policy")
        return result

    def new_captcha(self) -> JSON:
        """``{captcha_id, image_png_base64, expires_in}``."""
        result: JSON = self.request("POST", "/captchas")
        return result

    # -- registration (用户注册) and password recovery (密码找回) ----------------------------
    def send_code(self, purpose: str, center_id: str, id_number: str, phone: str) -> JSON:
        """Start a challenge: ``purpose`` is ``registrations`` or ``password-resets``."""
        result: JSON = self.request(
            "POST",
            f"/{purpose}/otp",
            json={"center_id": center_id, "id_number": id_number, "phone": phone},
        )
        return result

    def resend_code(self, purpose: str, challenge_id: str) -> JSON:
        result: JSON = self.request("POST", f"/{purpose}/otp/{challenge_id}/resend")
        return result

    def verify_code(self, purpose: str, challenge_id: str, code: str) -> JSON:
        result: JSON = self.request(
            "POST", f"/{purpose}/verify", json={"challenge_id": challenge_id, "code": code}
        )
        return result

    def register(
        self,
        *,
        registration_token: str,
        username: str,
        password: str,
        email: str | None,
        captcha_id: str,
        captcha_answer: str,
        agreement_version: str,
    ) -> JSON:
        result: JSON = self.request(
            "POST",
            "/registrations",
            json={
                "registration_token": registration_token,
                "username": username,
                "password": password,
                "email": email or None,
                "captcha_id": captcha_id,
                "captcha_answer": captcha_answer,
                "agreement_version": agreement_version,
            },
        )
        return result or {}

    def reset_password(
        self, *, reset_token: str, new_password: str, captcha_id: str, captcha_answer: str
    ) -> None:
        self.request(
            "POST",
            "/password-resets",
            json={
                "reset_token": reset_token,
                "new_password": new_password,
                "captcha_id": captcha_id,
                "captcha_answer": captcha_answer,
            },
        )

    # -- sessions (登录) ----------------------------------------------------------------------
    def login(
        self,
        *,
        center_id: str,
        username: str,
        password: str,
        captcha_id: str | None = None,
        captcha_answer: str | None = None,
    ) -> JSON:
        """Sign in; on success the token is kept in memory for later signed-in calls."""
        body: JSON = {"center_id": center_id, "username": username, "password": password}
        if captcha_id:
            body["captcha_id"] = captcha_id
            body["captcha_answer"] = captcha_answer or ""
        result: JSON = self.request("POST", "/sessions", json=body)
        self.token = str(result["token"])
        return result

    def logout(self) -> None:
        """Revoke the server session. The local token is dropped even when the center is down."""
        token = self.token
        self.token = None
        if not token:
            return
        try:
            self._session().request(
                "DELETE",
                f"{self.base_url}/api/v1/sessions/current",
                headers={"Authorization": f"Bearer {token}"},
                timeout=self.timeout,
                verify=self.verify,
            )
        except requests.RequestException:
            log.info("logout could not reach the center; the session expires on its own")

    # -- signed in ----------------------------------------------------------------------------
    def get_me(self, path: str, params: Mapping[str, Any] | None = None) -> Any:
        return self.request("GET", f"/me{path}", params=params, auth=True)

    # -- kiosk fleet --------------------------------------------------------------------------
    def heartbeat(self, body: Mapping[str, Any]) -> JSON:
        result: JSON = self.request("POST", f"/kiosks/{self.kiosk_id}/heartbeat", json=body)
        return result

    # -- demo only ------------------------------------------------------------------------------
    def demo_residents(self) -> list[JSON]:
        return _items(self.request("GET", "/demo/residents", api=False))

    def demo_sms(self, phone: str) -> list[JSON]:
        return _items(self.request("GET", "/demo/sms", params={"phone": phone}, api=False))

    def demo_captcha_answer(self, captcha_id: str) -> str:
        body = self.request("GET", f"/demo/captchas/{captcha_id}", api=False)
        return str(body["answer"])


def records(body: Any) -> list[JSON]:
    """The records of a list answer ``{"items": [...]}``, leniently: ``[]`` for anything else."""
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        return [dict(item) for item in body["items"] if isinstance(item, dict)]
    return []


def _items(body: Any) -> list[JSON]:
    """Lists come either bare or as ``{"items": [...]}``."""
    if isinstance(body, dict) and isinstance(body.get("items"), list):
        return list(body["items"])
    if isinstance(body, list):
        return body
    raise NetworkError("garbled", CENTER_GARBLED)


def _retry_after(response: requests.Response, error: Any) -> int | None:
    if isinstance(error, dict) and isinstance(error.get("retry_after"), int | float):
        return int(error["retry_after"])
    header = response.headers.get("Retry-After")
    if header and header.isdigit():
        return int(header)
    return None
