#!/usr/bin/env bash
# Regenerates docs/accuracy.md and the README's accuracy block from the labelled corpora.
# tests/test_accuracy.py fails when either no longer matches what this script measures.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m claimlint.evaluate --report --update-readme README.md corpora > docs/accuracy.md
