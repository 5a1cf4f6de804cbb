"""How long grading takes per submission, on this machine.

Builds every assignment, then grades a batch of at least N submissions (each
chapter's reference solution, its blank notebook, and a wrong one, repeated)
with `make grade`'s code, and prints the wall time per submission. Run it on
an otherwise idle machine; it is a measurement, not a test.

    python scripts/benchmark_grading.py [--submissions 48] [--rounds 3]
"""

import argparse
import csv
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
    print(f"method: {args.rounds} rounds of one batch of {args.submissions} submissions (solutions, blanks and"
          " wrong answers of every chapter), graded serially by grading.grade with every sandbox layer this"
          " machine has; wall time of the whole run (reference solutions first, then the batch) divided by the"
          " batch size, and the median of the per-submission times the CSV records")
    with tempfile.TemporaryDirectory() as scratch:
        built, folder = Path(scratch) / "assignments", Path(scratch) / "submissions"
        folder.mkdir()
        assignments.main(["--out", str(built)])
        batch(built, folder, args.submissions)
        per_run, medians = [], []
        for round_ in range(args.rounds):
            out = Path(scratch) / f"grades-{round_}.csv"
            started = time.perf_counter()
            grade.main([str(folder), "--assignments", str(built), "--out", str(out), "--seed", str(round_)])
            per_run.append((time.perf_counter() - started) / args.submissions)
            with open(out) as handle:
                medians.append(statistics.median(float(row["seconds"]) for row in csv.DictReader(handle)))
    print(f"wall time per submission, whole run: median {statistics.median(per_run):.2f} s"
          f" (rounds: {', '.join(f'{s:.2f}' for s in per_run)})")
    print(f"per-submission time in the CSV: median {statistics.median(medians):.2f} s")


if __name__ == "__main__":
    main()
