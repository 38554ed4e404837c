#!/usr/bin/env bash
# Measures repeated code in src/ the same way every time: every pair of places the `duplicates` command finds
# (six or more shared lines, the same or of the same shape), most shared first, with its count of pairs and of the
# pairs it marks boilerplate on the first line. How to read the rows: docs/architecture.md, "Duplication".
#
#   bash scripts/duplicates.sh            the whole of src/
#   bash scripts/duplicates.sh --change   only what the uncommitted change repeats
set -euo pipefail
cd "$(dirname "$0")/../src"

if ! command -v duplicates > /dev/null; then
    echo "duplicates: command not found on PATH" >&2
    exit 1
fi

exec duplicates --most 200 --seconds 120 "$@"
