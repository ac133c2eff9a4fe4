"""CenterClient against real loopback HTTP servers that misbehave in the ways a network does."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kiosk.api import CenterClient
from kiosk.errors import HOTLINE, CenterError, NetworkError, OutcomeUnknown

Handler = Callable[[BaseHTTPRequestHandler], None]


@pytest.fixture
def serve() -> Iterator[Callable[[Handler], str]]:
    """Start a real HTTP server on loopback whose every answer comes from ``handler``."""
    servers: list[ThreadingHTTPServer] = []

    def start(handler: Handler) -> str:
        class _Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                handler(self)

            do_POST = do_GET

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def answer(status: int, body: bytes, content_type: str = "application/json") -> Handler:
    def handle(request: BaseHTTPRequestHandler) -> None:
        length = int(request.headers.get("Content-Length") or 0)
        request.rfile.read(length)
        request.send_response(status)
        request.send_header("Content-Type", content_type)
        request.send_header("Content-Length", str(len(body)))
        request.end_headers()
        request.wfile.write(body)

    return handle


def test_error_body_becomes_the_centers_sentence(serve) -> None:
    body = {
        "error": {
            "code": "identity_mismatch",
            "message": "身份证号与手机号码不匹配，请携带本人身份证到柜台办理。",
            "field": "phone",
            "retry_after": None,
        }
    }
    client = CenterClient(serve(answer(400, json.dumps(body).encode())), "T1")
    with pytest.raises(CenterError) as caught:
        client.send_code("registrations", "yc", "640106199003151239", "13895012345")
    assert caught.value.code == "identity_mismatch"
    assert caught.value.field == "phone"
    assert caught.value.status == 400
    assert caught.value.message == body["error"]["message"]


def test_rate_limit_carries_retry_after(serve) -> None:
    body = {
        "error": {"code": "too_many", "message": "发送过于频繁，请60秒后再试。", "retry_after": 42}
    }
    client = CenterClient(serve(answer(429, json.dumps(body).encode())), "T1")
    with pytest.raises(CenterError) as caught:
        client.policy()
    assert caught.value.retry_after == 42


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (200, b"<html>proxy login</html>", "text/html"),
        (200, b"{not json", "application/json"),
        (502, b"Bad Gateway", "text/plain"),
        (500, b"", "application/json"),
    ],
)
def test_garbage_becomes_the_kiosks_own_sentence(serve, status, body, content_type) -> None:
    client = CenterClient(serve(answer(status, body, content_type)), "T1")
    with pytest.raises(NetworkError) as caught:
        client.policy()
    assert HOTLINE in caught.value.message
    assert "Traceback" not in caught.value.message


def test_a_closed_port_is_unreachable_not_a_crash() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = CenterClient(f"http://127.0.0.1:{port}", "T1", timeout=(0.5, 0.5))
    with pytest.raises(NetworkError) as caught:
        client.centers()
    assert caught.value.code == "unreachable"
    assert HOTLINE in caught.value.message


def test_a_silent_center_times_out(serve) -> None:
    release = threading.Event()

    def hang(request: BaseHTTPRequestHandler) -> None:
        release.wait(5)

    client = CenterClient(serve(hang), "T1", timeout=(1.0, 0.2))
    try:
        with pytest.raises(NetworkError) as caught:
            client.policy()
    finally:
        release.set()
    assert caught.value.code == "timeout"


def test_every_request_names_the_kiosk_and_money_reuses_one_key(serve) -> None:
    seen: list[tuple[str | None, str | None]] = []
    lock = threading.Lock()

    def record(request: BaseHTTPRequestHandler) -> None:
        with lock:
            seen.append((request.headers.get("X-Kiosk-Id"), request.headers.get("Idempotency-Key")))
        # Drop the connection without an answer: the client must retry with the same key.
        request.close_connection = True
        request.connection.shutdown(socket.SHUT_RDWR)

    client = CenterClient(serve(record), "KIOSK-7", timeout=(1.0, 1.0))
    client.token = "t0k3n"
    with pytest.raises(OutcomeUnknown):
        client.money_request(
            "POST", "/me/withdrawals", json={"type": "rent"}, idempotency_key="k-1"
        )
    assert len(seen) == 3
    assert {kiosk for kiosk, _ in seen} == {"KIOSK-7"}
    assert {key for _, key in seen} == {"k-1"}


def test_logout_forgets_the_token_even_when_the_center_is_down() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = CenterClient(f"http://127.0.0.1:{port}", "T1", timeout=(0.5, 0.5))
    client.token = "secret"
    client.logout()
    assert client.token is None
    assert not client.signed_in
