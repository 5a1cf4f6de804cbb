"""Grade a folder of submitted notebooks into a CSV of per-question scores.

Each submission is graded by otter-grader with the autograder that
`scripts/build_assignments.py` built for its assignment (read from the
notebook's metadata), inside the sandbox of sandbox.py: its own process, user,
limits, throw-away folder, file system view and network namespace. The scores
come back on a pipe the submission cannot reach. A submission that cannot be
graded scores 0 with the reason in the `status` column; grading of the others
carries on.

    python scripts/grade.py SUBMISSIONS [--assignments DIR] [--out grades.csv] [--timeout SECONDS]
"""

import argparse
import csv
import json
import shutil
import signal
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import sandbox

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ASSIGNMENTS = ROOT / "_build" / "assignments"


@dataclass
class Grade:
    """The outcome of grading one submission."""

    submission: str
    assignment: str = ""
    scores: dict = field(default_factory=dict)  # question → (score, max)
    status: str = "graded"
    failures: dict = field(default_factory=dict)  # question → why it lost points
    seconds: float = 0.0

    @property
    def total(self):
        return sum(score for score, _ in self.scores.values())

    @property
    def possible(self):
        return sum(most for _, most in self.scores.values())


def autograders(assignments):
    """{assignment name: autograder zip} for every assignment built under ``assignments``."""
    return {zip_path.name.removesuffix("-autograder.zip"): zip_path
            for zip_path in sorted(assignments.glob("*/autograder/*-autograder.zip"))}


def assignment_of(submission):
    """The assignment name otter wrote into the notebook's metadata, or None."""
    try:
        metadata = json.loads(submission.read_text(encoding="utf-8")).get("metadata", {})
    except (OSError, ValueError):
        return None
    name = metadata.get("otter", {}).get("assignment_name")
    return name if isinstance(name, str) else None


def possible_points(autograder_zip):
    """{question: points} from the autograder's own test files (never from the submission)."""
    points = {}
    with zipfile.ZipFile(autograder_zip) as archive:
        for name in archive.namelist():
            if name.startswith("tests/") and name.endswith(".py"):
                scope = {}
                exec(archive.read(name).decode(), scope)  # our own build output, not student code
                points[scope["test"]["name"]] = float(scope["test"]["points"])
    return points


WRAPPER = Path(__file__).resolve().parent / "grade_in_sandbox.py"


def describe_outcome(outcome, limits):
    """The status column: why a submission was not graded in full, or "graded"."""
    if outcome.timed_out:
        return f"killed: ran past the {limits.wall_seconds:g} s wall-clock limit"
    if outcome.returncode in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL) and not outcome.result:
        return f"killed: used more than {limits.cpu_seconds} s of CPU time"
    if not outcome.result:  # not the submission's stderr: it could write anything there
        return f"grading failed: no result (exit status {outcome.returncode})"
    return "graded"


def grade(submission, graders, limits, layers):
    """Grade one submission notebook in the sandbox; never raises for a bad submission."""
    started = time.perf_counter()
    name = assignment_of(submission)
    result = Grade(submission=submission.name, assignment=name or "")
    if name not in graders:
        result.status = "not an assignment notebook (no known otter assignment_name in its metadata)"
        return result
    points = possible_points(graders[name])
    result.scores = {question: (0.0, most) for question, most in points.items()}
    workdir = Path(tempfile.mkdtemp(prefix="rnn-grade-"))
    try:
        shutil.copy(submission, workdir / "submission.ipynb")
        shutil.copy(graders[name], workdir / "autograder.zip")
        inside = Path(sandbox.INPUTS) if layers.namespaces else workdir
        argv = [sys.executable, str(WRAPPER), str(inside / "submission.ipynb"),
                str(inside / "autograder.zip"), "{result_fd}"]
        outcome = sandbox.run(argv, workdir, limits, layers, readonly=[WRAPPER])
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    result.status = describe_outcome(outcome, limits)
    try:
        reported = json.loads(outcome.result or b"{}")
    except ValueError:
        reported, result.status = {}, "grading failed: unreadable result"
    for question, score in (reported.get("scores") or {}).items():
        if question in points and isinstance(score, (int, float)) and score == score:  # not NaN
            result.scores[question] = (min(max(float(score), 0.0), points[question]), points[question])
    result.failures = {q: str(why)[:80] for q, why in (reported.get("failures") or {}).items() if q in points}
    if reported.get("error"):
        result.status = f"grading stopped early: {reported['error']}"
    result.seconds = time.perf_counter() - started
    return result


def write_csv(grades, path):
    questions = sorted({(g.assignment, q) for g in grades for q in g.scores})
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission", "assignment", "total", "possible", "status", "failures", "seconds"]
                        + [f"{a}:{q}" for a, q in questions])
        for g in grades:
            failures = "; ".join(f"{q}: {why}" for q, why in g.failures.items())
            row = [g.submission, g.assignment, f"{g.total:g}", f"{g.possible:g}", g.status, failures,
                   f"{g.seconds:.1f}"]
            row += [f"{g.scores[q][0]:g}" if a == g.assignment and q in g.scores else "" for a, q in questions]
            writer.writerow(row)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path)
    parser.add_argument("--assignments", type=Path, default=DEFAULT_ASSIGNMENTS)
    parser.add_argument("--out", type=Path, default=Path("grades.csv"))
    parser.add_argument("--timeout", type=float, default=120.0, help="wall-clock seconds per submission")
    args = parser.parse_args(argv)
    graders = autograders(args.assignments)
    if not graders:
        sys.exit(f"no autograders under {args.assignments}: run `make assignments` first")
    limits = sandbox.Limits(wall_seconds=args.timeout, cpu_seconds=int(args.timeout))
    layers = sandbox.detect_layers()
    print("\n".join(layers.describe(limits)), flush=True)
    grades = []
    for submission in sorted(args.submissions.glob("*.ipynb")):
        grades.append(grade(submission, graders, limits, layers))
        g = grades[-1]
        print(f"{g.submission}: {g.total:g}/{g.possible:g} ({g.status}, {g.seconds:.1f} s)", flush=True)
    write_csv(grades, args.out)
    print(f"{len(grades)} submissions graded into {args.out}")


if __name__ == "__main__":
    main()
