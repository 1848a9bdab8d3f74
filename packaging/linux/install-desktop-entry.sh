#!/bin/sh
# Add fontassist to the desktop's application menu for the current user.
#
#   sh install-desktop-entry.sh [APP_FOLDER]
#
# APP_FOLDER is the built one-folder app (the folder holding the `fontassist`
# executable; by default the folder this script is in). The entry and icons go
# under ~/.local/share; remove them with --uninstall.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$data/applications/fontassist.desktop"
    for size in 16 24 32 48 64 128 256 512; do
        rm -f "$data/icons/hicolor/${size}x${size}/apps/fontassist.png"
    done
    rm -f "$data/icons/hicolor/scalable/apps/fontassist.svg"
    echo "fontassist removed from the application menu."
    exit 0
fi
app=$(cd "${1:-$here}" && pwd)
if [ ! -x "$app/fontassist" ]; then
    echo "No fontassist executable in $app; give the built app folder (dist/fontassist)." >&2
    exit 1
fi
# The icons live in the bundled resources (PyInstaller puts them under _internal/).
icons=""
for candidate in "$app/_internal/fontassist/resources/icons" "$app/fontassist/resources/icons"; do
    [ -d "$candidate" ] && icons=$candidate && break
done
mkdir -p "$data/applications"
if [ -n "$icons" ]; then
    for size in 16 24 32 48 64 128 256 512; do
        mkdir -p "$data/icons/hicolor/${size}x${size}/apps"
        cp "$icons/fontassist-$size.png" "$data/icons/hicolor/${size}x${size}/apps/fontassist.png"
    done
    mkdir -p "$data/icons/hicolor/scalable/apps"
    cp "$icons/fontassist.svg" "$data/icons/hicolor/scalable/apps/fontassist.svg"
fi
# Point Exec and TryExec at this app folder; quote the path for the desktop entry spec.
sed -e "s|^Exec=fontassist|Exec=\"$app/fontassist\"|" -e "s|^TryExec=fontassist|TryExec=$app/fontassist|" \
    "$here/fontassist.desktop" > "$data/applications/fontassist.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "fontassist added to the application menu ($data/applications/fontassist.desktop)."
