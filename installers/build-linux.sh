#!/usr/bin/env bash
# Build PA Manager for Linux from this source tree:
#   dist/linux/pa-manager/                          the one-folder bundle (PyInstaller; run pa-manager in it)
#   dist/linux/PA_Manager.AppDir/                   the same, laid out as an AppImage's folder
#   dist/linux/pa-manager-VERSION-linux-ARCH.tar.gz the bundle, menu entry, icons and install.sh
#   dist/linux/PA_Manager-VERSION-ARCH.AppImage     only where appimagetool is installed (see README.md)
#
#   bash installers/build-linux.sh
# Needs a Python with PA Manager and PyInstaller (`.venv/bin/python -m pip install -e '.[build]'`);
# PYTHON=... chooses another. The bundle still uses the computer's libEGL, libGL, libxcb and fonts.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
# Build this tree, whatever else the Python has installed.
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
VERSION="$("$PYTHON" installers/project_info.py version)"
NAME="$("$PYTHON" installers/project_info.py name)"
ARCH="$(uname -m)"
OUT="$ROOT/dist/linux"
ICONS="$ROOT/resources/icons"
DESKTOP="$ROOT/installers/linux/pa-manager.desktop"

if command -v desktop-file-validate >/dev/null 2>&1; then
  desktop-file-validate "$DESKTOP"
else
  echo "desktop-file-validate not found (Debian: desktop-file-utils); the menu entry was not checked." >&2
fi

start=$(date +%s)
rm -rf "$OUT"
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN --distpath "$OUT" --workpath "$ROOT/build/pyinstaller" \
  installers/pa-manager.spec
echo "Bundle: $OUT/$NAME ($(du -sh "$OUT/$NAME" | cut -f1)) in $(( $(date +%s) - start )) s"

# Menu entry and icons as a Linux system expects them, for the AppDir and the tarball alike.
share_into() {
  install -D -m 644 "$DESKTOP" "$1/applications/pa-manager.desktop"
  install -D -m 644 "$ICONS/pa-manager.svg" "$1/icons/hicolor/scalable/apps/pa-manager.svg"
  for png in "$ICONS"/pa-manager-*.png; do
    size="${png##*-}"; size="${size%.png}"
    install -D -m 644 "$png" "$1/icons/hicolor/${size}x${size}/apps/pa-manager.png"
  done
}

# The AppDir: hard links to the bundle (no second copy on disk).
appdir="$OUT/PA_Manager.AppDir"
mkdir -p "$appdir/usr/lib" "$appdir/usr/bin"
cp -al "$OUT/$NAME" "$appdir/usr/lib/$NAME"
ln -s "../lib/$NAME/$NAME" "$appdir/usr/bin/$NAME"
share_into "$appdir/usr/share"
cp "$DESKTOP" "$appdir/pa-manager.desktop"
cp "$ICONS/pa-manager-256.png" "$appdir/pa-manager.png"
ln -s pa-manager.png "$appdir/.DirIcon"
cat > "$appdir/AppRun" <<'APPRUN'
#!/bin/sh
here="$(dirname "$(readlink -f "$0")")"
exec "$here/usr/lib/pa-manager/pa-manager" "$@"
APPRUN
chmod 755 "$appdir/AppRun"

# The tarball: unpack anywhere and run pa-manager, or run install.sh to add it to your menu.
stage="$OUT/tarball/$NAME-$VERSION"
mkdir -p "$stage"
cp -al "$OUT/$NAME/." "$stage/"
share_into "$stage/share"
install -m 755 installers/linux/install.sh "$stage/install.sh"
install -m 644 LICENSE "$stage/LICENSE"
tarball="$OUT/$NAME-$VERSION-linux-$ARCH.tar.gz"
tar -C "$OUT/tarball" -czf "$tarball" "$NAME-$VERSION"
rm -rf "$OUT/tarball"
echo "Tarball: $tarball ($(du -h "$tarball" | cut -f1))"

# The AppImage, where appimagetool is installed (it is not in Debian's or PyPI's packages; the CI
# workflow fetches it on its own runner). APPIMAGETOOL=/path/to/appimagetool chooses one.
tool="${APPIMAGETOOL:-$(command -v appimagetool || true)}"
if [ -n "$tool" ]; then
  ARCH="$ARCH" APPIMAGE_EXTRACT_AND_RUN=1 "$tool" --no-appstream "$appdir" "$OUT/PA_Manager-$VERSION-$ARCH.AppImage"
  echo "AppImage: $OUT/PA_Manager-$VERSION-$ARCH.AppImage"
else
  echo "No appimagetool here: built the AppDir ($appdir) but no AppImage."
fi
echo "Built PA Manager $VERSION for Linux in $(( $(date +%s) - start )) s."
