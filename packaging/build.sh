#!/bin/sh
# Build the one-folder Multivector app with PyInstaller, and optionally check that it starts.
#
#   packaging/build.sh            build dist/multivector/ (and a .tar.gz on Linux)
#   packaging/build.sh --smoke    build, then run the packaged app off screen: --version,
#                                 analyze --json, a bad file (exit 2), and a --screenshot of
#                                 the window on the bundled article, checked for real pixels
#   packaging/build.sh --smoke-only   the checks on an existing dist/multivector/
#
# PYTHON selects the interpreter (default: python3); it needs the project installed and
# PyInstaller (`pip install pyinstaller`, a build tool, not a dependency of the app).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
python=${PYTHON:-python3}
dist="$root/dist"
app="$dist/multivector"
build=yes
smoke=no
for arg in "$@"; do
    case "$arg" in
        --smoke) smoke=yes ;;
        --smoke-only) smoke=yes; build=no ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) echo "build.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

fail() {
    echo "build.sh: $*" >&2
    # The app's own log says why; it lives in a temporary folder that is removed on exit.
    if [ -n "${work:-}" ] && [ -s "$work/logs/multivector.log" ]; then
        tail -n 40 "$work/logs/multivector.log" >&2
    fi
    exit 1
}

if [ "$build" = yes ]; then
    "$python" -c "import PyInstaller" 2>/dev/null \
        || fail "PyInstaller is missing: $python -m pip install pyinstaller"
    "$python" -c "import multivector" 2>/dev/null \
        || fail "multivector is not installed for $python: $python -m pip install -e $root"
    rm -rf "$app" "$root/build/pyinstaller"
    "$python" -m PyInstaller --noconfirm --clean --log-level WARN \
        --distpath "$dist" --workpath "$root/build/pyinstaller" "$root/packaging/multivector.spec"
    [ -x "$app/multivector" ] || [ -x "$app/multivector.exe" ] || fail "no executable in $app"

    if [ "$(uname -s)" = Linux ]; then
        # What a distribution package or a user's ~/.local needs besides the binaries.
        share="$app/share"
        mkdir -p "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
        cp "$root/packaging/multivector.desktop" "$share/applications/"
        cp "$root/packaging/io.github.multivector.Multivector.metainfo.xml" "$share/metainfo/"
        cp "$root/packaging/icons/multivector.svg" "$share/icons/hicolor/scalable/apps/"
        for png in "$root"/packaging/icons/multivector-*.png; do
            size=$(basename "$png" .png | sed 's/multivector-//')
            mkdir -p "$share/icons/hicolor/${size}x${size}/apps"
            cp "$png" "$share/icons/hicolor/${size}x${size}/apps/multivector.png"
        done
        version=$("$python" -c "import multivector; print(multivector.__version__)")
        tarball="$dist/multivector-$version-linux-$(uname -m).tar.gz"
        tar -C "$dist" -czf "$tarball" multivector
        echo "build.sh: built $app and $tarball ($(du -sh "$app" | cut -f1) unpacked)"
    else
        echo "build.sh: built $app"
    fi
fi

[ "$smoke" = yes ] || exit 0

exe="$app/multivector"
[ -x "$exe" ] || exe="$app/multivector.exe"
[ -x "$exe" ] || fail "smoke: no packaged app in $app (build it first)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen
export MULTIVECTOR_LOG_DIR="$work/logs" MULTIVECTOR_SETTINGS_DIR="$work/settings"
run() { timeout 180 "$exe" "$@"; }

version=$(run --version) || fail "smoke: --version failed"
echo "build.sh: smoke: $version"
case "$version" in "multivector "[0-9]*) ;; *) fail "smoke: odd version line: $version" ;; esac
case "$version" in *checkout*) fail "smoke: the app lost its package metadata ($version)" ;; esac

run analyze --json > "$work/analysis.json" || fail "smoke: analyze of the bundled article failed"
"$python" - "$work/analysis.json" <<'PY' || fail "smoke: the analysis is not what the contract says"
import json, sys
data = json.load(open(sys.argv[1], encoding="utf-8"))
assert data["schema"] == 1 and data["text"], "no text"
assert data["partners"] and data["areas"], "no partners or areas found in the bundled article"
for p in data["partners"]:
    for s in p["passages"]:
        assert 0 <= s["start"] < s["end"] <= len(data["text"]), s
print(f"build.sh: smoke: analysis with {len(data['partners'])} partners, "
      f"{len(data['areas'])} areas, {len(data['budget'])} budget figures")
PY

printf 'Mali and Senegal agreed on joint border patrols.\n' > "$work/note.txt"
run summary "$work/note.txt" --format markdown > "$work/summary.md" || fail "smoke: summary failed"
[ -s "$work/summary.md" ] || fail "smoke: empty summary"

set +e
run analyze "$work/missing.txt" 2> "$work/err.txt"
code=$?
set -e
[ "$code" = 2 ] || fail "smoke: a missing file gave exit $code, not 2"
[ "$(wc -l < "$work/err.txt")" = 1 ] || fail "smoke: bad input printed more than one line"

run --screenshot "$work/window.png" || fail "smoke: the window did not start off screen"
"$python" - "$work/window.png" <<'PY' || fail "smoke: the screenshot is not a rendered window"
import sys
from PySide6.QtGui import QImage
image = QImage(sys.argv[1])
assert not image.isNull(), "not an image"
width, height = image.width(), image.height()
assert (width, height) >= (800, 600), (width, height)
# A blank or failed window is a few flat colours; a rendered one has text, icons and a plot.
colours = len({image.pixel(x, y) for x in range(0, width, 3) for y in range(0, height, 3)})
assert colours > 100, f"only {colours} colours: a blank window?"
print(f"build.sh: smoke: window {width}x{height}, about {colours} colours")
PY
[ ! -s "$work/logs/multivector.log" ] || { cat "$work/logs/multivector.log" >&2; fail "smoke: errors were logged"; }
cp "$work/window.png" "$dist/smoke-window.png"
echo "build.sh: smoke: ok (the window as it started: $dist/smoke-window.png)"
