#!/bin/sh
# Validate the Linux desktop metadata: the .desktop entry and the AppStream metainfo file.
# Exits non-zero when either fails or a validator is missing (CI installs desktop-file-utils and
# appstream). Usage: packaging/check-metadata.sh [DESKTOP_FILE METAINFO_FILE]
set -u

here=$(cd "$(dirname "$0")" && pwd)
desktop=${1:-"$here/multivector.desktop"}
metainfo=${2:-"$here/io.github.multivector.Multivector.metainfo.xml"}
status=0

for tool in desktop-file-validate appstreamcli; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "check-metadata: $tool is not installed (apt-get install desktop-file-utils appstream)" >&2
        exit 2
    fi
done

# desktop-file-validate exits 0 on hints but prints errors and warnings; treat any as a failure.
out=$(desktop-file-validate "$desktop" 2>&1)
rc=$?
[ -n "$out" ] && printf '%s\n' "$out"
if [ $rc -ne 0 ] || printf '%s\n' "$out" | grep -Eq ': (error|warning): '; then
    echo "check-metadata: $desktop: FAILED" >&2
    status=1
else
    echo "check-metadata: $desktop: ok"
fi

# --no-net: never fetch the URLs or screenshots (CI and packagers build offline).
if appstreamcli validate --no-net --explain "$metainfo"; then
    echo "check-metadata: $metainfo: ok"
else
    echo "check-metadata: $metainfo: FAILED" >&2
    status=1
fi

exit $status
