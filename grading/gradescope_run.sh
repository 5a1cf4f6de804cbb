#!/usr/bin/env bash
# Gradescope runs this for every submission: grade the notebook in $AUTOGRADER/submission.
set -euo pipefail
AUTOGRADER=${AUTOGRADER:-/autograder}
cd "$AUTOGRADER/source"
exec "$AUTOGRADER/venv/bin/python" -m grading.gradescope "$AUTOGRADER"
