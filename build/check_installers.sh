#!/usr/bin/env bash
# Compile the installer sources (NSIS and WiX) against a bundle directory, to prove they are valid.
#
#   build/check_installers.sh [BUNDLE_DIR]      default: dist/GjjKiosk if it exists
#   build/check_installers.sh --standin         a tiny stand-in bundle (fast; what the tests use)
#
# Environment: OUT_DIR (where the .exe and .msi go; default: a temporary folder, removed),
#              VERSION (default: kiosk.__version__), COMPRESSOR (NSIS, default zlib here).
# Needs makensis (Debian package nsis) and wixl (package wixl). Exit 0 when both compile.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"

for tool in makensis wixl; do
    command -v "$tool" >/dev/null || { echo "FAIL $tool is not installed" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
OUT="${OUT_DIR:-$WORK/out}"
mkdir -p "$OUT"
VERSION="${VERSION:-$(sed -n 's/^__version__ = "\(.*\)"/\1/p' kiosk/__init__.py)}"

BUNDLE="${1:-}"
if [[ "$BUNDLE" == "--standin" || ( -z "$BUNDLE" && ! -d dist/GjjKiosk ) ]]; then
    BUNDLE="$WORK/standin/GjjKiosk"
    mkdir -p "$BUNDLE/_internal/resources/qss" "$BUNDLE/_internal/PySide6/plugins/platforms"
    printf 'MZ stand-in\n' > "$BUNDLE/GjjKiosk.exe"
    printf '/* stand-in */\n' > "$BUNDLE/_internal/resources/qss/kiosk.qss"
    printf 'stand-in\n' > "$BUNDLE/_internal/PySide6/plugins/platforms/qwindows.dll"
    printf 'stand-in\n' > "$BUNDLE/_internal/python311.dll"
    echo "stand-in bundle: $BUNDLE"
elif [[ -z "$BUNDLE" ]]; then
    BUNDLE="dist/GjjKiosk"
fi
[[ -d "$BUNDLE" ]] || { echo "FAIL no bundle directory $BUNDLE" >&2; exit 1; }
BUNDLE_ABS="$(cd "$BUNDLE" && pwd)"
# wixl resolves relative paths only (from the current directory).
BUNDLE_REL="$(realpath --relative-to="$ROOT" "$BUNDLE_ABS")"

echo "== makensis ($VERSION, $BUNDLE)"
makensis -V2 -WX -DVERSION="$VERSION" -DBUNDLE_DIR="$BUNDLE_ABS" \
    -DCOMPRESSOR="${COMPRESSOR:-zlib}" -DOUTFILE="$OUT/GjjKiosk-$VERSION-setup.exe" \
    build/installer.nsi
head -c 2 "$OUT/GjjKiosk-$VERSION-setup.exe" | grep -q MZ || { echo "FAIL not a PE file" >&2; exit 1; }
echo "OK   $OUT/GjjKiosk-$VERSION-setup.exe ($(du -h "$OUT/GjjKiosk-$VERSION-setup.exe" | cut -f1))"

echo "== wixl ($VERSION, $BUNDLE)"
"$PYTHON" build/make_wxs.py "$BUNDLE_ABS" "$WORK/bundle-files.wxs" >/dev/null
FRAGMENT_REL="$(realpath --relative-to="$ROOT" "$WORK/bundle-files.wxs")"
wixl -a x64 -D Version="$VERSION" -D BundleDir="$BUNDLE_REL" -D RepoDir=. \
    -o "$OUT/GjjKiosk-$VERSION.msi" build/kiosk.wxs "$FRAGMENT_REL"
# An MSI is an OLE compound file: D0 CF 11 E0.
[[ "$(head -c 4 "$OUT/GjjKiosk-$VERSION.msi" | od -An -tx1 | tr -d ' \n')" == "d0cf11e0" ]] \
    || { echo "FAIL not an MSI file" >&2; exit 1; }
echo "OK   $OUT/GjjKiosk-$VERSION.msi ($(du -h "$OUT/GjjKiosk-$VERSION.msi" | cut -f1))"
