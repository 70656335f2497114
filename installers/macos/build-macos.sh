#!/usr/bin/env bash
# Build PA Manager for macOS, on a Mac (PyInstaller builds for the system and processor it runs on):
#   dist/macos/PA Manager.app                       the app
#   dist/macos/PA-Manager-VERSION-macos-ARCH.dmg    a disk image: drag the app onto Applications
#
#   bash installers/macos/build-macos.sh
# Needs a Python with PA Manager and PyInstaller (`.venv/bin/python -m pip install -e '.[build]'`);
# PYTHON=... chooses another. Records stay in ~/Library/Application Support/PA Manager, outside the
# app, so dragging a newer app over an older one keeps them.
# The app is signed ad hoc only (PyInstaller does that), not with a Developer ID nor notarised: the
# first time, people open it with right-click (or Control-click) > Open.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
if [ "$(uname -s)" != "Darwin" ]; then
  echo "Run this on a Mac: PyInstaller builds for the system it runs on." >&2
  exit 1
fi
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
VERSION="$("$PYTHON" installers/project_info.py version)"
DISPLAY_NAME="$("$PYTHON" installers/project_info.py display-name)"
ARCH="$(uname -m)"
OUT="$ROOT/dist/macos"

rm -rf "$OUT"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT" --workpath "$ROOT/build/pyinstaller-macos" \
  installers/pa-manager.spec
app="$OUT/$DISPLAY_NAME.app"
"$app/Contents/MacOS/pa-manager" --version

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
dmg="$OUT/PA-Manager-$VERSION-macos-$ARCH.dmg"
hdiutil create -volname "$DISPLAY_NAME $VERSION" -srcfolder "$stage" -ov -format UDZO "$dmg"
echo "Built $dmg"
