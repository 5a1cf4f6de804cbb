#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder (Ubuntu 22.04 images).
# A Python 3.11 virtual environment with the book's pinned runtime set, and bubblewrap.
set -euo pipefail
AUTOGRADER=${AUTOGRADER:-/autograder}
missing=()
command -v python3.11 >/dev/null || missing+=(python3.11 python3.11-venv)
command -v bwrap >/dev/null || missing+=(bubblewrap)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
python3.11 -m venv "$AUTOGRADER/venv"
"$AUTOGRADER/venv/bin/python" -m pip install --quiet -r "$AUTOGRADER/source/requirements.txt"
