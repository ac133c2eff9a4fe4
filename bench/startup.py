"""Cold start to the first painted home screen, against a bare one-label PySide6 window.

Budget (DESIGN.md): the kiosk at most 1.5 x the bare window, measured side by side in one run.
Each round starts both programs as fresh processes, alternating which goes first; the figure is
the wall time from process start to the end of the window's first paint pass.

    .venv/bin/python bench/startup.py [--rounds 21]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: Both programs run as installed: Python caches the bytecode it compiles (the warm-up round
#: writes it; a frozen bundle ships it), as it does unless told not to.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "QT_QPA_PLATFORM": "offscreen",
}


def once(what: str) -> float:
    """Seconds from starting the program to the end of its first paint pass."""
    start = time.perf_counter()
    with subprocess.Popen(
        [sys.executable, str(HERE / "_first_paint.py"), what],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=ENV,
    ) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            if line.startswith("painted"):
                elapsed = time.perf_counter() - start
                proc.wait()
                return elapsed
            print(f"{what}: {line.rstrip()}", file=sys.stderr)
    raise RuntimeError(f"{what}: no paint reported (exit code {proc.returncode})")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=21)
    args = parser.parse_args()
    once("bare")
    once("kiosk")  # warm the OS file cache for both
    bare: list[float] = []
    kiosk: list[float] = []
    for i in range(args.rounds):
        order = ("bare", "kiosk") if i % 2 == 0 else ("kiosk", "bare")
        for what in order:
            (bare if what == "bare" else kiosk).append(once(what))
    b, k = statistics.median(bare), statistics.median(kiosk)
    print(f"bare window  median {b * 1000:7.1f} ms  (min {min(bare) * 1000:.1f})")
    print(f"kiosk home   median {k * 1000:7.1f} ms  (min {min(kiosk) * 1000:.1f})")
    print(
        f"ratio kiosk/bare: {k / b:.2f}  (budget 1.50; ratio of the minimums {min(kiosk) / min(bare):.2f})"
    )
    return 0 if k / b <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
