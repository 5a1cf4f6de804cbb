"""Grade a folder of submitted notebooks into a CSV of per-question scores.

Each submission is graded by otter-grader (`otter run`) with the autograder that
`scripts/build_assignments.py` built for its assignment (read from the
notebook's metadata), in a child process with a wall-clock limit. A submission
that cannot be graded scores 0 with the reason in the `status` column; grading
of the others carries on.

    python scripts/grade.py SUBMISSIONS [--assignments DIR] [--out grades.csv] [--timeout SECONDS]
"""

import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ASSIGNMENTS = ROOT / "_build" / "assignments"


@dataclass
class Grade:
    """The outcome of grading one submission."""

    submission: str
    assignment: str = ""
    scores: dict = field(default_factory=dict)  # question → (score, max)
    status: str = "graded"
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


def run_otter(submission, autograder_zip, workdir, timeout):
    """Run `otter run` on one submission in its own process group; return (results dict or None, status)."""
    output = workdir / "results"
    output.mkdir()
    command = [str(Path(sys.executable).parent / "otter"), "run", "-a", str(autograder_zip),
               "-o", str(output), str(submission)]
    process = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        return None, f"timed out after {timeout:g} s"
    results = output / "results.json"
    if process.returncode != 0 or not results.exists():
        last = stderr.decode(errors="replace").strip().splitlines()[-1:] or ["no output"]
        return None, f"grading failed: {last[0][:200]}"
    return json.loads(results.read_text()), "graded"


def grade(submission, graders, timeout):
    """Grade one submission notebook; never raises for a bad submission."""
    started = time.perf_counter()
    name = assignment_of(submission)
    result = Grade(submission=submission.name, assignment=name or "")
    if name not in graders:
        result.status = "not an assignment notebook (no known otter assignment_name in its metadata)"
        return result
    points = possible_points(graders[name])
    result.scores = {question: (0.0, most) for question, most in points.items()}
    with tempfile.TemporaryDirectory(prefix="grade-") as folder:
        workdir = Path(folder)
        shutil.copy(submission, workdir / submission.name)
        results, result.status = run_otter(workdir / submission.name, graders[name], workdir, timeout)
    for test in (results or {}).get("tests", []):
        if test.get("name") in points and isinstance(test.get("score"), (int, float)):
            most = points[test["name"]]
            result.scores[test["name"]] = (min(max(float(test["score"]), 0.0), most), most)
    result.seconds = time.perf_counter() - started
    return result


def write_csv(grades, path):
    questions = sorted({(g.assignment, q) for g in grades for q in g.scores})
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission", "assignment", "total", "possible", "status", "seconds"]
                        + [f"{a}:{q}" for a, q in questions])
        for g in grades:
            row = [g.submission, g.assignment, f"{g.total:g}", f"{g.possible:g}", g.status, f"{g.seconds:.1f}"]
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
    submissions = sorted(args.submissions.glob("*.ipynb"))
    grades = []
    for submission in submissions:
        grades.append(grade(submission, graders, args.timeout))
        g = grades[-1]
        print(f"{g.submission}: {g.total:g}/{g.possible:g} ({g.status}, {g.seconds:.1f} s)", flush=True)
    write_csv(grades, args.out)
    print(f"{len(grades)} submissions graded into {args.out}")


if __name__ == "__main__":
    main()
