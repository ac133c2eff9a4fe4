#!/usr/bin/env bash
# CI: freeze the Linux bundle from kiosk.spec, run the bundle's --self-test, then compile the NSIS
# and WiX installer sources against that bundle. Called by .ci/run after the test suite.
#
# A data file, Python module or Qt plugin missing from the bundle fails the self-test and so the
# build; an invalid installer source fails makensis or wixl.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PYTHON" ]] || PYTHON="$(command -v python3)"
export QT_QPA_PLATFORM=offscreen

echo "== PyInstaller bundle and its self-test"
"$PYTHON" build/build_bundle.py

echo "== installer sources against the bundle"
PYTHON="$PYTHON" COMPRESSOR="${COMPRESSOR:-zlib}" bash build/check_installers.sh dist/GjjKiosk
