#!/usr/bin/env bash
# Regenerate the exported chronology of the seed articles (run from anywhere).
set -euo pipefail
cd "$(dirname "$0")/.."
for format in json csv jsonl; do
    timeline extract seeds/ --quiet --force -o "examples/chronology.$format"
done
