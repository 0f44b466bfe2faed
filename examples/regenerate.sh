#!/usr/bin/env bash
# Regenerate the seeds' chronology in every format (run from anywhere; needs `timeline`).
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
