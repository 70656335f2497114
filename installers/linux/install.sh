#!/bin/sh
# Install PA Manager from this unpacked folder, for you alone (no administrator needed):
#   sh install.sh               the program into ~/.local/opt/pa-manager, a menu entry with its icon,
#                               and the pa-manager command in ~/.local/bin
#   sh install.sh --uninstall   remove all of that again
# Installing a newer version replaces the older program. Your records are in your data folder
# (~/.local/share/PA Manager), which installing and removing never touch; a newer version keeps a copy
# of an older data file beside it before bringing it up to date.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
share=${XDG_DATA_HOME:-$HOME/.local/share}
program=$HOME/.local/opt/pa-manager
bin=$HOME/.local/bin

remove() {
  rm -f "$bin/pa-manager" "$share/applications/pa-manager.desktop" "$share/icons/hicolor/scalable/apps/pa-manager.svg"
  for icon in "$share"/icons/hicolor/*x*/apps/pa-manager.png; do rm -f "$icon"; done
  rm -rf "$program"
}

if [ "${1:-}" = "--uninstall" ]; then
  remove
  echo "PA Manager is removed. Your records are still in $share/PA Manager."
  exit 0
fi
remove
mkdir -p "$program" "$bin" "$share/applications"
cp -R "$here/pa-manager" "$here/_internal" "$here/LICENSE" "$program/"
cp "$here/install.sh" "$program/install.sh"
ln -s "$program/pa-manager" "$bin/pa-manager"
(cd "$here/share" && find icons -type f) | while read -r icon; do
  mkdir -p "$(dirname "$share/$icon")"
  cp "$here/share/$icon" "$share/$icon"
done
sed "s|^Exec=.*|Exec=\"$program/pa-manager\"|" "$here/share/applications/pa-manager.desktop" \
  > "$share/applications/pa-manager.desktop"
echo "PA Manager is installed: find it in your menu, or run $bin/pa-manager."
echo "To remove it later: sh $program/install.sh --uninstall (your records stay)."
