"""Helpers of the signed-in business GUI tests: sign-in, the loopback proxy that loses answers."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from typing import Any

from PySide6.QtWidgets import QWidget

from kiosk.app import Kiosk
from tests.gui.helpers import tap, wait_for

CENTER_ID = "yc"
USERNAME = "demo2024"
PASSWORD = "Gjj2024abc"
PHONE = "13895012345"
ID_NUMBER_PREFIX = "64010619900315123"


def sign_in(qtbot: Any, kiosk: Kiosk) -> None:
    """Sign the demo resident in (in the test thread) and show 网厅首页."""
    assert kiosk.client is not None
    kiosk.client.login(center_id=CENTER_ID, username=USERNAME, password=PASSWORD)
    kiosk.window.show_page("account_home")
    wait_for(qtbot, kiosk, "account_home")


def open_tile(qtbot: Any, kiosk: Kiosk, target: str) -> Any:
    """Tap a business tile of 网厅首页 and wait for its screen."""
    tile = kiosk.window.current_screen.findChild(QWidget, f"tile_{target}")
    assert tile is not None, f"no tile {target}"
    tap(qtbot, tile)
    wait_for(qtbot, kiosk, target)
    return kiosk.window.current_screen


@contextlib.contextmanager
def losing_answers(kiosk: Kiosk, marker: bytes, drops: int) -> Iterator[LosingProxy]:
    """Within the block the kiosk reaches the center through a :class:`LosingProxy`."""
    assert kiosk.client is not None
    upstream = kiosk.client.base_url
    proxy = LosingProxy(upstream, marker, drops=drops)
    kiosk.client.base_url = proxy.url
    try:
        yield proxy
    finally:
        proxy.close()
        kiosk.client.base_url = upstream


class LosingProxy:
    """A loopback TCP proxy to the center that loses the answers of some requests.

    Each request whose bytes contain ``marker`` is forwarded to the center; while ``drops`` is
    above zero, the center's answer to it is read and thrown away and both connections are cut,
    exactly as if the network failed after the request was sent and before the answer came.

    Attributes:
        url: the proxy's base URL.
        seen: the raw request heads that contained the marker, in order.
    """

    def __init__(self, upstream: str, marker: bytes, drops: int = 1) -> None:
        host, _, port = upstream.removeprefix("http://").partition(":")
        self._upstream = (host, int(port.rstrip("/")))
        self._marker = marker
        self.drops = drops
        self.seen: list[bytes] = []
        self._lock = threading.Lock()
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self._open: list[socket.socket] = []
        self._closed = False
        threading.Thread(target=self._accept, name="proxy-accept", daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                upstream = socket.create_connection(self._upstream)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._open += [client, upstream]
            drop = {"now": False}
            threading.Thread(
                target=self._pump_up, args=(client, upstream, drop), daemon=True
            ).start()
            threading.Thread(
                target=self._pump_down, args=(upstream, client, drop), daemon=True
            ).start()

    def _pump_up(
        self, client: socket.socket, upstream: socket.socket, drop: dict[str, bool]
    ) -> None:
        try:
            while data := client.recv(65536):
                if self._marker in data:
                    with self._lock:
                        self.seen.append(data)
                        if self.drops > 0:
                            self.drops -= 1
                            drop["now"] = True
                upstream.sendall(data)
        except OSError:
            pass
        finally:
            _close(upstream)

    def _pump_down(
        self, upstream: socket.socket, client: socket.socket, drop: dict[str, bool]
    ) -> None:
        try:
            while data := upstream.recv(65536):
                if drop["now"]:
                    break  # the answer came: lose it and cut the connection
                client.sendall(data)
        except OSError:
            pass
        finally:
            _close(client)
            _close(upstream)

    def close(self) -> None:
        self._closed = True
        _close(self._listener)
        with self._lock:
            for sock in self._open:
                _close(sock)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()


def header(raw: bytes, name: str) -> str:
    """The value of a header in a raw HTTP request head."""
    for line in raw.split(b"\r\n"):
        key, _, value = line.partition(b":")
        if key.strip().lower() == name.lower().encode():
            return value.strip().decode()
    return ""
