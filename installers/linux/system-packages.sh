#!/bin/sh
# Make sure a Debian or Ubuntu machine has the system libraries Qt needs.
#   system-packages.sh        everything to open the app's window (X11 / xcb)
#   system-packages.sh test   only what the tests need (Qt offscreen)
# As root, missing packages are installed; otherwise it stops and names them.
# On systems without dpkg (not Debian-like) it does nothing.
set -eu
mode="${1:-run}"

command -v dpkg-query >/dev/null 2>&1 || exit 0

packages="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
# Reading PDFs back in the tests (pdftotext, pdfinfo, pdffonts); the slow test builds the Linux bundle,
# for which PyInstaller needs objdump and objcopy (binutils), and checks its menu entry (desktop-file-utils).
[ "$mode" = "test" ] && packages="$packages poppler-utils binutils desktop-file-utils"
if [ "$mode" != "test" ]; then
  packages="$packages libxcb-cursor0 libxkbcommon-x11-0 libx11-xcb1 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
    libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-glx0"
fi
# python3 -m venv needs ensurepip, which Debian ships separately.
python3 -c "import ensurepip" >/dev/null 2>&1 || packages="$packages python3-venv"

missing=""
for package in $packages; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  case "$status" in
    *"install ok installed"*) ;;
    *) missing="$missing $package" ;;
  esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages Qt needs:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "PA Manager needs these system packages. Install them, then run this command again:" >&2
  echo "  sudo apt-get install$missing" >&2
  exit 1
fi
