"""Memory over hundreds of resident sessions: the kiosk must run for weeks without a restart.

Each session walks the registration flow to the code screen against a real center (sending a
real code), types into every field, then resets as the idle guard would. The resident set size is
read every 50 sessions after a garbage collection; the figure is the growth per 100 sessions
after a warm-up, side by side with the size after the warm-up.

    .venv/bin/python bench/memory.py [--sessions 400]
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
from pathlib import Path

from _harness import build_kiosk, start_center, wait_for

from kiosk.flows import RECOVERY, REGISTRATION


def rss_mib() -> float:
    """Current resident set size (Linux /proc), MiB."""
    status = Path("/proc/self/status").read_text()
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=400)
    args = parser.parse_args()
    center = start_center()
    try:
        kiosk = build_kiosk(center.base_url)
        window = kiosk.window
        while window.prebuild():
            pass
        residents = [
            r
            for r in kiosk.client.demo_residents()
            if not r.get("registered") and r.get("account_status", "正常") != "销户"
        ]
        samples: list[tuple[int, float]] = []
        for session in range(1, args.sessions + 1):
            flow = REGISTRATION if session % 2 else RECOVERY
            person = residents[session % len(residents)]
            window.start_flow(flow, {"center_id": person["center_id"]})
            window.current_screen.submit()  # 所属中心 chosen
            identity = window.current_screen
            identity.id_field.set_text(person["id_number"])
            identity.phone_field.set_text(person["phone"])
            # Every tenth session really sends a code (the center's per-phone limits allow it).
            if session % 10 == 1:
                center.clock.advance(3600 * 3)
                wait_for(window.screen_shown, identity.submit, timeout_ms=10000)
                assert window.current_id == "code", identity.error
                window.current_screen.code_field.set_text("123456")
            window.go_home()
            if session % 50 == 0:
                gc.collect()
                samples.append((session, rss_mib()))
                print(f"after {session:4d} sessions: {samples[-1][1]:7.1f} MiB", flush=True)
        kiosk.shutdown()
    finally:
        center.stop()
    base_session, base = samples[1] if len(samples) > 2 else samples[0]
    last_session, last = samples[-1]
    per_100 = (last - base) / max(1, last_session - base_session) * 100
    print(
        f"growth after warm-up: {per_100:+.2f} MiB per 100 sessions "
        f"({base:.1f} MiB at {base_session} -> {last:.1f} MiB at {last_session})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
