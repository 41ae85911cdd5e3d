#!/bin/sh
# Puts Fact-Check Workbench in this user's applications menu and in "Open with" for the article files
# it reads (.html, .docx, .pdf, .odt, .epub, .rtf, .md, .txt). Nothing outside your home is touched.
#
#   ./install-desktop-entry.sh              run from the unpacked fact-check-workbench folder
#   ./install-desktop-entry.sh --uninstall  take the menu entry and icons away again
#
# Run it again after moving the folder: the menu entry points at the folder by its absolute path.
set -eu

app=fact-check-workbench
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
applications=$data/applications
icons=$data/icons/hicolor
sizes="16 24 32 48 64 128 256 512"

refresh() {
    # Optional helpers: desktops also notice the files by themselves, only later.
    if command -v update-desktop-database >/dev/null 2>&1; then
        update-desktop-database -q "$applications" 2>/dev/null || true
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1; then
        gtk-update-icon-cache -q -t "$icons" 2>/dev/null || true
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$applications/$app.desktop" "$icons/scalable/apps/$app.svg"
    for size in $sizes; do
        rm -f "$icons/${size}x${size}/apps/$app.png"
    done
    refresh
    echo "Removed $app from the applications menu."
    exit 0
fi
if [ $# -gt 0 ]; then
    echo "usage: $0 [--uninstall]" >&2
    exit 2
fi

executable=$here/$app
resources=$here/_internal/resources/icons
if [ ! -x "$executable" ] || [ ! -f "$here/$app.desktop" ] || [ ! -d "$resources" ]; then
    echo "$0: run me from the unpacked $app folder (no $executable here)" >&2
    exit 1
fi

# The Exec key wants the program as one argument: inside double quotes, \ " ` $ are escaped with a
# backslash, a literal % is written %%, and the .desktop string syntax doubles every backslash again.
quoted=$(printf '%s' "$executable" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')
# TryExec is a plain string: only the .desktop backslash escaping applies.
plain=$(printf '%s' "$executable" | sed -e 's/\\/\\\\/g')

mkdir -p "$applications" "$icons/scalable/apps"
# sed's replacement text treats & and \ specially, and | is the delimiter: escape all three.
sed_quoted=$(printf '%s' "$quoted" | sed -e 's/[&|\\]/\\&/g')
sed_plain=$(printf '%s' "$plain" | sed -e 's/[&|\\]/\\&/g')
sed -e "s|^Exec=$app |Exec=\"$sed_quoted\" |" -e "s|^TryExec=$app\$|TryExec=$sed_plain|" \
    "$here/$app.desktop" > "$applications/$app.desktop.tmp"
mv "$applications/$app.desktop.tmp" "$applications/$app.desktop"

for size in $sizes; do
    mkdir -p "$icons/${size}x${size}/apps"
    cp "$resources/workbench-$size.png" "$icons/${size}x${size}/apps/$app.png"
done
cp "$resources/workbench.svg" "$icons/scalable/apps/$app.svg"
refresh
echo "Added $app to the applications menu and to \"Open with\" for articles ($applications/$app.desktop)."
