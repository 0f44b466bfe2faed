#!/usr/bin/env bash
# Regenerate the seeds' chronology in every format, and the screenshot of its HTML page
# (run from anywhere; needs `timeline`, and Chromium for the picture: bash .ci/install-chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
for format in json csv jsonl html markdown table; do
    case "$format" in
        markdown) file=examples/chronology.md ;;
        table) file=examples/chronology.txt ;;
        *) file="examples/chronology.$format" ;;
    esac
    timeline extract seeds/ --quiet --force --format "$format" -o "$file"
done
timeline extract seeds/ --quiet --force --format timelinejs -o examples/chronology.timelinejs.json
timeline extract seeds/ --quiet --force --format timelinejs-sheet \
    -o examples/chronology.timelinejs-sheet.csv
if ! command -v chromium >/dev/null 2>&1; then
    echo "no chromium: examples/chronology.png left as it was" >&2
    exit 0
fi
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --user-data-dir="$profile" \
    --window-size=1200,2000 --screenshot=examples/chronology.png \
    "file://$PWD/examples/chronology.html" 2>/dev/null
