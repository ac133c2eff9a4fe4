"""One kiosk per machine: a second start asks the first to come to the front and exits.

Uses a ``QLocalServer`` (a named pipe on Windows, a socket file elsewhere) named after the
application and the user.
"""

from __future__ import annotations

import getpass
import logging
import re

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

RAISE = b"raise\n"
#: How long the second instance waits for the first one (ms). It runs before any window exists.
CONNECT_TIMEOUT_MS = 1000


def default_name() -> str:
    """``gjj-kiosk-<user>``: one instance per account (the kiosk account on a real kiosk)."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "user"
    return "gjj-kiosk-" + re.sub(r"[^A-Za-z0-9_-]", "_", user)


class SingleInstance(QObject):
    """Owns the instance's local server.

    Usage in the composition root::

        single = SingleInstance(app)
        if not single.try_acquire(default_name()):
            return 0                      # the first instance was asked to come forward
        single.activation_requested.connect(window.bring_to_front)

    Signals:
        activation_requested: another start asked this instance to come to the front.
    """

    activation_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    @property
    def acquired(self) -> bool:
        return self._server is not None and self._server.isListening()

    @property
    def server_name(self) -> str:
        return self._server.fullServerName() if self._server is not None else ""

    def try_acquire(self, name: str) -> bool:
        """True when this is the first instance (it now listens on ``name``).

        False when another instance answers on ``name``; it has been sent "raise".
        """
        if self._notify_running(name):
            log.info("another kiosk is running; asked it to come to the front")
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # A stale socket file left by a crash (Unix): nobody answered, so remove and retry.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                log.error("single instance: cannot listen on %s: %s", name, server.errorString())
                server.deleteLater()
                return True  # better a kiosk without the guard than no kiosk
        server.newConnection.connect(self.on_server_new_connection)
        self._server = server
        return True

    def release(self) -> None:
        """Stop listening (tests, shutdown)."""
        clients, self._clients = self._clients, []
        for client in clients:
            # Disconnect first: abort() emits disconnected, whose slot would delete it twice.
            client.readyRead.disconnect()
            client.disconnected.disconnect()
            client.abort()
            client.deleteLater()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    @staticmethod
    def _notify_running(name: str) -> bool:
        socket = QLocalSocket()
        socket.connectToServer(name)
        if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
            return False
        socket.write(RAISE)
        socket.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        socket.disconnectFromServer()
        if socket.state() != QLocalSocket.LocalSocketState.UnconnectedState:
            socket.waitForDisconnected(CONNECT_TIMEOUT_MS)
        return True

    def on_server_new_connection(self) -> None:
        assert self._server is not None
        while self._server.hasPendingConnections():
            client = self._server.nextPendingConnection()
            self._clients.append(client)
            client.readyRead.connect(lambda c=client: self._on_client_ready_read(c))
            client.disconnected.connect(lambda c=client: self._on_client_gone(c))
            if client.bytesAvailable():
                self._on_client_ready_read(client)

    def _on_client_ready_read(self, client: QLocalSocket) -> None:
        data = bytes(client.readAll().data())
        if RAISE.strip() in data:
            log.info("a second start asked the kiosk to come to the front")
            self.activation_requested.emit()

    def _on_client_gone(self, client: QLocalSocket) -> None:
        if client in self._clients:
            self._clients.remove(client)
            client.readyRead.disconnect()
            client.disconnected.disconnect()
            client.deleteLater()


def bring_to_front(window: QWidget) -> None:
    """Show, raise and activate a window (the slot for ``activation_requested``)."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
