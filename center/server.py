"""Run a center in a background thread on a free loopback port (tests and the kiosk's demo mode).

Example:
    running = start_in_thread(CenterSettings(database_url="sqlite:///demo.db", demo=True))
    ...  # talk to running.base_url
    running.stop()
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import socket
import threading
import time
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI

from center.app import create_app
from center.clock import Clock
from center.config import CenterSettings

READY_TIMEOUT = 20.0
_POLL = 0.01


class _ThreadServer(uvicorn.Server):
    """A uvicorn server whose main loop wakes at once when asked to stop from another thread."""

    _loop: asyncio.AbstractEventLoop | None = None
    _wake: asyncio.Event | None = None

    async def main_loop(self) -> None:
        """Tick like uvicorn (every 0.1 s), but return as soon as :meth:`request_exit` is called."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        counter = 0
        while not await self.on_tick(counter):
            counter = (counter + 1) % 864000
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), 0.1)

    def request_exit(self) -> None:
        """Ask the server to stop (thread-safe)."""
        self.should_exit = True
        loop, wake = self._loop, self._wake
        if loop is not None and wake is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):
                loop.call_soon_threadsafe(wake.set)


@dataclass
class RunningCenter:
    """A center serving in a daemon thread.

    Attributes:
        base_url: e.g. ``http://127.0.0.1:54321`` (without ``/api/v1``).
        app: the FastAPI application (``app.state`` holds clock, sms gateway, ...).
        clock: the clock of the app; ``clock.advance(seconds)`` moves time.
        port: the port it listens on.
    """

    base_url: str
    app: FastAPI
    clock: Clock
    port: int
    _server: _ThreadServer = field(repr=False)
    _thread: threading.Thread = field(repr=False)
    _socket: socket.socket = field(repr=False)

    def stop(self, timeout: float = 10.0) -> None:
        """Shut the server down, wait for its thread, release the port and the database."""
        self._server.request_exit()
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout)
        self._socket.close()
        self.app.state.engine.dispose()


def _wait_until_ready(host: str, port: int, thread: threading.Thread, timeout: float) -> None:
    """Poll ``/healthz`` until it answers 200, the thread dies, or ``timeout`` passes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("the center stopped while starting")
        connection = http.client.HTTPConnection(host, port, timeout=2)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(_POLL)
    raise RuntimeError(f"the center did not start within {timeout:.0f} s")


def start_in_thread(
    settings: CenterSettings,
    *,
    clock: Clock | None = None,
    host: str = "127.0.0.1",
    port: int = 0,
    ready_timeout: float = READY_TIMEOUT,
) -> RunningCenter:
    """Start a center and return once it really accepts requests.

    Args:
        settings: its configuration (``host``/``port`` there are ignored: see the arguments).
        clock: the clock to use (a fresh real one by default).
        host: the loopback address to bind.
        port: the port to bind; 0 picks a free one.
        ready_timeout: seconds to wait for ``/healthz``.

    Returns:
        The running center.

    Raises:
        RuntimeError: it did not come up in time.
    """
    clock = clock or Clock()
    app = create_app(settings, clock=clock)
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets of that protocol
    # (without it every keep-alive answer waits ~40 ms for a delayed ACK).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    bound_port = int(sock.getsockname()[1])
    config = uvicorn.Config(
        app,
        log_config=None,
        log_level="warning",
        access_log=False,
        lifespan="off",
        timeout_graceful_shutdown=3,
    )
    server = _ThreadServer(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [sock]}, name=f"center-{bound_port}", daemon=True
    )
    thread.start()
    running = RunningCenter(
        base_url=f"http://{host}:{bound_port}",
        app=app,
        clock=clock,
        port=bound_port,
        _server=server,
        _thread=thread,
        _socket=sock,
    )
    try:
        _wait_until_ready(host, bound_port, thread, ready_timeout)
    except BaseException:
        running.stop()
        raise
    return running
