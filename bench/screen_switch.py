"""Screen switches, including each screen's first show, against the 16 ms budget.

The switch is measured from the call that changes screens, through the layouts it invalidated,
to the end of a synchronous repaint of the whole window (``repaint()``): more than a frame
contains. Every screen is prebuilt first (as the kiosk does in idle time after its first frame);
"first" is each switch's first run. The center runs in its own process, as in a deployment.

    .venv/bin/python bench/screen_switch.py
"""

from __future__ import annotations

import statistics
import sys
import time

from _harness import CenterProcess, build_kiosk, wait_for
from PySide6.QtCore import QCoreApplication, QEvent, QTimer

from kiosk.flows import RECOVERY, REGISTRATION


def settle() -> None:
    """Let the event loop finish what the previous switch posted, as between two real taps."""
    timer = QTimer()
    timer.setSingleShot(True)
    wait_for(timer.timeout, lambda: timer.start(20))


def switch(kiosk: object, action: object) -> float:
    window = kiosk.window  # type: ignore[attr-defined]
    settle()
    start = time.perf_counter()
    action()  # type: ignore[operator]
    # The layouts the switch invalidated (Qt defers them to the event loop), then every pixel
    # of the window: more than a real frame repaints, never less.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.repaint()
    return (time.perf_counter() - start) * 1000


def main() -> int:
    center = CenterProcess()
    try:
        kiosk = build_kiosk(center.base_url)
        window = kiosk.window
        kiosk._prebuild_timer.stop()
        while window.prebuild():
            pass
        kiosk._prebuild_one()
        __import__("gc").freeze()  # as run() does once every screen is built
        times: dict[str, list[float]] = {}
        for _ in range(20):
            for flow in (REGISTRATION, RECOVERY):
                times.setdefault(f"{flow.name}: start", []).append(
                    switch(kiosk, lambda f=flow: window.start_flow(f))
                )
                for screen in flow.steps:
                    times.setdefault(f"show {screen}", []).append(
                        switch(kiosk, lambda s=screen: window._show(s))
                    )
                times.setdefault("home", []).append(switch(kiosk, window.go_home))
        worst = 0.0
        for name, values in sorted(times.items()):
            worst = max(worst, *values)
            p90 = statistics.quantiles(values, n=10)[-1]
            print(
                f"{name:28s} median {statistics.median(values):6.2f} ms   p90 {p90:6.2f} ms"
                f"   max {max(values):6.2f} ms   first {values[0]:6.2f} ms"
            )
        print(f"worst switch {worst:.2f} ms (budget 16 ms)")
        kiosk.shutdown()
        return 0 if worst < 16 else 1
    finally:
        center.stop()


if __name__ == "__main__":
    sys.exit(main())
