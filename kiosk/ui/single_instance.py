"""One kiosk per machine: a second start asks the first to come to the front and exits.

A lock file (``QLockFile``, released by the system if the kiosk dies) says which start is the
first; it is taken before the first frame. The first kiosk then listens on a ``QLocalServer``
(a named pipe on Windows, a socket file elsewhere) named after the application and the user,
started after its first frame: Qt's network module is not loaded on the way to it.
"""

from __future__ import annotations

import getpass
import logging
import os
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

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
    """Owns the instance's lock and, once serving, its local server.

    Usage in the composition root::

        single = SingleInstance(app)
        if not single.try_acquire(default_name()):
            return 0                      # the first instance was asked to come forward
        ...                               # first frame
        single.serve()                    # later starts can now ask this one to come forward
        single.activation_requested.connect(window.bring_to_front)

    Args:
        parent: the owner.
        lock_dir: where the lock file lives (the system's temporary folder by default; the
            kiosk passes its data folder).

    Signals:
        activation_requested: another start asked this instance to come to the front.
    """

    activation_requested = Signal()

    def __init__(self, parent: QObject | None = None, *, lock_dir: str | None = None) -> None:
        super().__init__(parent)
        if lock_dir is None:
            import tempfile

            lock_dir = tempfile.gettempdir()
        self._lock_dir = lock_dir
        self._lock: QLockFile | None = None
        self._name = ""
        self._server: QLocalServer | None = None
        self._clients: list[QLocalSocket] = []

    @property
    def acquired(self) -> bool:
        """Whether this is the first instance (it holds the lock)."""
        return self._lock is not None and self._lock.isLocked()

    @property
    def server_name(self) -> str:
        return self._server.fullServerName() if self._server is not None else ""

    def try_acquire(self, name: str) -> bool:
        """True when this is the first instance (it now holds the lock for ``name``).

        False when another live instance holds it; that one has been asked to come to the
        front (if it already serves; one still starting simply stays in front).
        """
        lock = QLockFile(os.path.join(self._lock_dir, name + ".lock"))
        lock.setStaleLockTime(0)  # only a dead owner makes the lock stale, never its age
        if lock.tryLock(0):
            self._lock, self._name = lock, name
            return True
        if lock.error() != QLockFile.LockError.LockFailedError:
            log.error("single instance: cannot use the lock file in %s", self._lock_dir)
            return True  # better a kiosk without the guard than no kiosk
        if self._notify_running(name):
            log.info("another kiosk is running; asked it to come to the front")
        else:
            log.info("another kiosk is starting; this start ends")
        return False

    def serve(self) -> None:
        """Listen for later starts (call once the first frame is on screen)."""
        if self._lock is None or self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        name = self._name
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            # A stale socket file left by a crash (Unix): we hold the lock, so it is not in use.
            QLocalServer.removeServer(name)
            if not server.listen(name):
                log.error("single instance: cannot listen on %s: %s", name, server.errorString())
                server.deleteLater()
                return
        server.newConnection.connect(self.on_server_new_connection)
        self._server = server

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
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    @staticmethod
    def _notify_running(name: str) -> bool:
        from PySide6.QtNetwork import QLocalSocket

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
