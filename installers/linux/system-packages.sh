#!/bin/sh
# Make sure a Debian or Ubuntu machine has the system libraries Qt needs.
#   system-packages.sh        everything to open the app's window (X11 / xcb)
#   system-packages.sh test   what the tests need: Qt offscreen; the window under Xvfb with a real
#                             screen-reader stack (AT-SPI) for tests/ui/test_screen_reader.py; and
#                             PostgreSQL for the tests that also run on a throw-away PostgreSQL server
#                             (tests/postgres_server.py)
# As root, missing packages are installed; otherwise it stops and names them (PostgreSQL it only
# suggests: without it those tests are skipped, saying so).
# On systems without dpkg (not Debian-like) it does nothing.
set -eu
mode="${1:-run}"

command -v dpkg-query >/dev/null 2>&1 || exit 0

packages="libegl1 libgl1 libxkbcommon0 libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 fonts-dejavu-core"
# Reading PDFs back in the tests (pdftotext, pdfinfo, pdffonts); the slow test builds the Linux bundle,
# for which PyInstaller needs objdump and objcopy (binutils), and checks its menu entry (desktop-file-utils).
[ "$mode" = "test" ] && packages="$packages poppler-utils binutils desktop-file-utils"
# The storage, service and command-line tests run on PostgreSQL too (its initdb and postgres).
optional=""
[ "$mode" = "test" ] && optional="postgresql"
# A real window (X11 / xcb): to run the app, and in the tests to run it under Xvfb.
packages="$packages libxcb-cursor0 libxkbcommon-x11-0 libx11-xcb1 libxcb-icccm4 libxcb-keysyms1 libxcb-image0
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxcb-xfixes0 libxcb-sync1 libxcb-shm0 libxcb-glx0"
# The screen-reader tests: a virtual screen, a window manager, keys pressed as a person would, a private
# D-Bus session with the AT-SPI bus Orca listens on, and the system Python's AT-SPI client.
[ "$mode" = "test" ] && packages="$packages xvfb openbox xdotool dbus-x11 at-spi2-core python3-gi gir1.2-atspi-2.0"
# python3 -m venv needs ensurepip, which Debian ships separately.
python3 -c "import ensurepip" >/dev/null 2>&1 || packages="$packages python3-venv"

not_installed() {
  for package in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    case "$status" in
      *"install ok installed"*) ;;
      *) printf ' %s' "$package" ;;
    esac
  done
}
# shellcheck disable=SC2086
missing=$(not_installed $packages)
# shellcheck disable=SC2086
missing_optional=$(not_installed $optional)
[ -z "$missing$missing_optional" ] && exit 0

if [ "$(id -u)" = "0" ]; then
  echo "Installing system packages PA Manager needs:$missing$missing_optional"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing $missing_optional >/dev/null
elif [ -n "$missing" ]; then
  echo "PA Manager needs these system packages. Install them, then run this command again:" >&2
  echo "  sudo apt-get install$missing$missing_optional" >&2
  exit 1
else
  echo "The tests that also run on PostgreSQL will be skipped; to run them: sudo apt-get install$missing_optional" >&2
fi
