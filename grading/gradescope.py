"""Grade on Gradescope (or any machine with the book's runtime set): one submission, one results.json.

`make assignments` writes, per assignment, ``instructor-only/<chapter>/gradescope.zip``:
upload it as a Gradescope "programming assignment" autograder. Gradescope runs
its ``setup.sh`` once (a Python 3.11 virtual environment with the book's pinned
runtime set, and bubblewrap), then its ``run_autograder`` for every submission,
which calls this module:

    python -m grading.gradescope AUTOGRADER_ROOT

It reads the notebook in ``AUTOGRADER_ROOT/submission``, grades it exactly as
`make grade` does (the reference solution first: if it loses a point, the run
fails loudly instead of giving zeros), and writes
``AUTOGRADER_ROOT/results/results.json`` in Gradescope's format: the score of
the tests, one entry per question with what passed and failed. Questions
answered in words are left to Gradescope's own manual grading.
"""

import json
import secrets
import sys
import tempfile
from pathlib import Path

from . import grade, sandbox
from .students import find_notebooks


def results(g, assignment):
    """Gradescope's results.json for one Grade."""
    tests = []
    for question, (score, most) in g.scores.items():
        lines = [why for why in g.failures.get(question, []) if why.startswith("0 points")]
        for o in (o for o in g.outcomes if o.question == question):
            state = "passed" if o.passed else "failed" + (f": {o.reason}" if o.reason else "")
            label = o.description if o.public else f"test ({o.points:g} points): {o.description}"
            lines.append(f"{label}: {state}")
        tests.append({"name": assignment.titles[question], "score": score, "max_score": most,
                      "output": "\n".join(lines), "visibility": "visible"})
    output = f"{g.status}. Questions answered in words are graded by hand." if assignment.manual else g.status
    return {"score": g.total, "output": output, "tests": tests, "stdout_visibility": "hidden"}


def main(root):
    root = Path(root)
    notebooks = find_notebooks(root / "submission")
    limits = sandbox.Limits()
    layers = sandbox.detect_layers()
    print("\n".join(layers.describe(limits)))
    with tempfile.TemporaryDirectory(prefix="rnn-grading-") as scratch:
        Path(scratch).chmod(0o755)
        assignments = grade.load_assignments(root / "source" / "assignments", scratch)
        (name, assignment), = assignments.items()
        seed = secrets.randbits(32)
        grade.canary(assignments, limits, layers, seed)  # raises: Gradescope then shows the run failed
        if not notebooks:
            report = {"score": 0, "output": "No notebook (.ipynb) was submitted.", "tests": []}
        else:
            graded = [grade.grade(p, assignments, limits, layers, grade.submission_seed(seed, p.name),
                                  name=p.name, expected=name) for p in notebooks]
            best = max(graded, key=lambda g: g.total)
            report = results(best, assignment)
    (root / "results").mkdir(parents=True, exist_ok=True)
    (root / "results" / "results.json").write_text(json.dumps(report, indent=1))
    print(f"{report['score']:g} points")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/autograder")
