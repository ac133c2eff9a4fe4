"""The GUI thread is never blocked more than 50 ms, also while the center takes 2 s to answer.

A loopback proxy in front of the real center holds every answer for 2 s. While the kiosk sends a
code through it, a 5 ms QTimer on the GUI thread records the longest gap between its ticks: that
gap is the longest stall of the event loop.

    .venv/bin/python bench/stall.py
"""

from __future__ import annotations

import socket
import sys
import threading
import time

from _harness import build_kiosk, start_center, wait_for
from PySide6.QtCore import QTimer

DELAY_S = 2.0


class SlowProxy:
    """Forwards TCP to the center, holding each answer back by ``delay`` seconds."""

    def __init__(self, target_port: int, delay: float) -> None:
        self.delay = delay
        self.target_port = target_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        self.server.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:  # closed by close()
                return
            threading.Thread(target=self._pipe, args=(client,), daemon=True).start()

    def _pipe(self, client: socket.socket) -> None:
        upstream = socket.create_connection(("127.0.0.1", self.target_port))

        def up() -> None:
            while data := client.recv(65536):
                upstream.sendall(data)

        threading.Thread(target=up, daemon=True).start()
        first = True
        while data := upstream.recv(65536):
            if first:
                self._stop.wait(self.delay)
                first = False
            client.sendall(data)
        client.close()

    def close(self) -> None:
        self._stop.set()
        self.server.close()


def main() -> int:
    center = start_center()
    proxy = SlowProxy(center.port, DELAY_S)
    try:
        kiosk = build_kiosk(f"http://127.0.0.1:{proxy.port}")
        window = kiosk.window
        kiosk._prebuild_timer.stop()
        while window.prebuild():
            pass
        kiosk._prebuild_one()
        __import__("gc").freeze()  # as run() does once every screen is built
        resident = next(r for r in kiosk.client.demo_residents() if not r.get("registered"))
        from kiosk.flows import REGISTRATION

        window.start_flow(REGISTRATION, {"center_id": resident["center_id"]})
        window.current_screen.submit()  # center chosen
        identity = window.current_screen
        identity.id_field.set_text(resident["id_number"])
        identity.phone_field.set_text(resident["phone"])

        # Let the screen settle (its first paint is a switch, measured by screen_switch.py).
        settle = QTimer()
        settle.setSingleShot(True)
        wait_for(settle.timeout, lambda: settle.start(300))

        gaps: list[float] = []
        at: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append((now - last[0]) * 1000)
            at.append(now)
            last[0] = now

        timer = QTimer()
        timer.setInterval(5)
        timer.timeout.connect(tick)
        timer.start()
        start = time.perf_counter()
        wait_for(window.screen_shown, identity.submit, timeout_ms=20000)
        took = time.perf_counter() - start
        # Keep measuring while the code screen is laid out and painted.
        wait_for(settle.timeout, lambda: settle.start(300))
        timer.stop()
        print(
            f"send code through a {DELAY_S:.0f} s proxy took {took:.2f} s, "
            f"{len(gaps)} ticks of 5 ms"
        )
        worst = max(range(len(gaps)), key=gaps.__getitem__)
        print(f"the longest stall ended {at[worst] - start:.2f} s after the tap")
        print(
            f"longest GUI-thread stall: {max(gaps):.1f} ms (budget 50 ms); "
            f"median tick {sorted(gaps)[len(gaps) // 2]:.1f} ms"
        )
        kiosk.shutdown()
        return 0 if max(gaps) <= 50 else 1
    finally:
        proxy.close()
        center.stop()


if __name__ == "__main__":
    sys.exit(main())
