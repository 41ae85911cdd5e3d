#!/usr/bin/env bash
# Installs the Debian packages the app and its tests need beyond Python wheels, when they are missing.
#   run:  what a real window needs (the xcb platform plugin's libraries)
#   test: also Xvfb and xdotool (end-to-end test), poppler-utils (PDF to text/PNG), PostgreSQL (team
#         workspace tests), binutils (PyInstaller needs objdump to build the bundle), icu-devtools and
#         gcc (the bundle's build rebuilds Qt's ICU data library without the locales it never reads)
# Needs root (or sudo) and apt-get; elsewhere it says what to install and carries on.
set -euo pipefail
mode=${1:-test}
pkgs=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-randr0 libxcb-shape0 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3)
if [ "$mode" = test ]; then
  pkgs+=(xvfb xauth xdotool poppler-utils postgresql binutils icu-devtools gcc)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "system-deps: please install: ${missing[*]}" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null; then sudo="sudo"; else
    echo "system-deps: not root; please install: ${missing[*]}" >&2; exit 0
  fi
fi
echo "system-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
