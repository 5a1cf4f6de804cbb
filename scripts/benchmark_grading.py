"""How long grading takes per submission, on this machine.

Builds every assignment, then grades a batch of N submissions (each chapter's
reference solution, its blank notebook, and a wrong one, repeated) with `make
grade`'s code, serially and with every core, in interleaved rounds, and prints
the wall time per submission and what a class would take. Run it on an
otherwise idle machine; it is a measurement, not a test.

    python scripts/benchmark_grading.py [--submissions 48] [--rounds 3]
"""

import argparse
import contextlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from grading import assignments, grade  # noqa: E402


def batch(built, folder, size):
    chapters = sorted(p.name for p in (built / assignments.INSTRUCTOR_ONLY).iterdir())
    kinds = []
    for chapter in chapters:
        solution = built / assignments.INSTRUCTOR_ONLY / chapter / "solution.ipynb"
        wrong = nbformat.read(solution, 4)
        for cell in wrong.cells:  # every answer raises: the grader still runs every test
            if assignments.METADATA_KEY in cell.metadata and "question" in cell.metadata[assignments.METADATA_KEY]:
                cell.source = cell.source.replace('"""\n', '"""\n    raise NotImplementedError\n', 1)
        kinds += [(f"{chapter}-solution", solution.read_bytes()),
                  (f"{chapter}-blank", (built / assignments.STUDENTS / f"{chapter}.ipynb").read_bytes()),
                  (f"{chapter}-wrong", nbformat.writes(wrong).encode())]
    for i in range(size):
        name, data = kinds[i % len(kinds)]
        (folder / f"{i:03d}-{name}.ipynb").write_bytes(data)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=48)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    cores = os.cpu_count() or 1
    settings = sorted({1, cores})
    print(f"method: {args.rounds} interleaved rounds of one batch of {args.submissions} submissions (solutions,"
          " blanks and wrong answers of every chapter), graded by grading.grade with every sandbox layer this"
          f" machine has, with JOBS = {' and '.join(map(str, settings))}; each run's wall time (reference"
          " solutions first, then the batch) divided by the batch size; medians over the rounds")
    per_submission = {jobs: [] for jobs in settings}
    with tempfile.TemporaryDirectory() as scratch:
        built, folder = Path(scratch) / "assignments", Path(scratch) / "submissions"
        folder.mkdir()
        assignments.main(["--out", str(built)])
        batch(built, folder, args.submissions)
        for round_ in range(args.rounds):
            for jobs in settings:
                out = Path(scratch) / f"grades-{round_}-{jobs}.csv"
                started = time.perf_counter()
                with contextlib.redirect_stdout(io.StringIO()):
                    grade.main([str(folder), "--assignments", str(built), "--out", str(out),
                                "--seed", str(round_), "--jobs", str(jobs)])
                per_submission[jobs].append((time.perf_counter() - started) / args.submissions)
    for jobs, times in per_submission.items():
        median = statistics.median(times)
        print(f"JOBS = {jobs}: {median:.2f} s of wall time per submission (rounds: "
              f"{', '.join(f'{t:.2f}' for t in times)}); 300 students x 8 assignments = 2400 notebooks"
              f" in about {2400 * median / 60:.0f} minutes")


if __name__ == "__main__":
    main()
