"""Grade a folder of submitted notebooks into a CSV of per-question scores.

For each submission, a worker in the sandbox (grading/sandbox.py) runs the
notebook's code cells; then the grader, in its own process, runs every test
case of the assignment and calls the submission's functions through the
worker, on inputs it chooses (grading/session.py). Only plain data comes back,
and the grader alone compares it with what rnn_lib computes: what the
submission prints, writes, patches or exits with never decides a score.

Before grading, the reference solution of every assignment in the batch is
graded the same way: if it does not get full marks, the grading environment is
broken and nothing is written.

    python -m grading.grade SUBMISSIONS [--assignments DIR] [--out grades.csv]
                            [--timeout SECONDS] [--seed N] [--without uid,namespaces]
"""

import argparse
import ast
import csv
import difflib
import json
import secrets
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import doctor, sandbox
from .assignments import DEFAULT_OUT, INSTRUCTOR_ONLY, METADATA_KEY, load_hidden
from .cases import Context, Stub, hidden_cases, public_case, refuse_per_question, run_case
from .session import EnvironmentBroken, Library, NotebookFailed, Session

MAX_NOTEBOOK_BYTES = 20 * 2**20


@dataclass
class Grade:
    """The outcome of grading one submission."""

    submission: str
    assignment: str = ""
    scores: dict = field(default_factory=dict)  # question → (score, most)
    status: str = "graded"
    failures: dict = field(default_factory=dict)  # question → [the grader's reasons]
    review: list = field(default_factory=list)  # what an instructor should look at
    seed: int = 0
    seconds: float = 0.0

    @property
    def total(self):
        return sum(score for score, _ in self.scores.values())

    @property
    def possible(self):
        return sum(most for _, most in self.scores.values())


class Assignment:
    """One assignment as `make assignments` built it, ready to grade submissions against."""

    def __init__(self, folder, scratch):
        self.folder = Path(folder)
        description = json.loads((self.folder / "assignment.json").read_text())
        self.name = description["name"]
        self.questions = description["questions"]
        self.functions = [f for q in self.questions for f in q["functions"]]
        self.setup = {}
        for source in description["setup"]:
            exec(compile(source, f"<setup of {self.name}>", "exec"), self.setup)  # noqa: S102 - the book's
        labels = {q["label"]: q["name"] for q in self.questions}
        hidden = hidden_cases(load_hidden(self.folder / "hidden_tests.py", self.name), labels)
        self.cases = []
        for question in self.questions:
            self.cases += [public_case(question["name"], source, n)
                           for n, source in enumerate(question["public"], start=1)]
            self.cases += [c for c in hidden if c.question == question["name"]]
        self.cases = refuse_per_question(self.cases)
        self.points = {q["name"]: sum(c.points for c in self.cases if c.question == q["name"])
                       for q in self.questions}
        self.library = Library(description["library"])
        self.library_dir = doctor.doctored_copy(description["library"], Path(scratch) / self.name).parent
        self.solutions = {f: src for q in self.questions for f, src in _functions(q["solution"]).items()}

    @property
    def solution(self):
        return self.folder / "solution.ipynb"


def _functions(source):
    """{name: (shape, size)} of the functions in ``source`` (see ``copied``); {} if it does not parse."""
    try:
        tree = ast.parse(source)
        return {node.name: _shape(node) for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
    except (SyntaxError, ValueError, RecursionError, MemoryError):  # what the submission can make ast raise
        return {}


def _shape(function):
    """A function's code as the sequence of its syntax nodes' kinds, constants aside: names,
    comments, docstrings and layout do not change it. Also its number of nodes."""
    body = function.body[1:] if (function.body and isinstance(function.body[0], ast.Expr)
                                 and isinstance(function.body[0].value, ast.Constant)) else function.body
    kinds = [type(node).__name__ for statement in body for node in ast.walk(statement)
             if not isinstance(node, (ast.Load, ast.Store, ast.Pass))]
    return kinds, len(kinds)


def copied(cells, assignment, smallest=80, similar=0.9):
    """The published solutions that a function of the submission copies, for a human to look at.

    A function copies one when the kinds of their syntax nodes, in order, agree to
    ``similar`` (difflib's ratio) and the solution has at least ``smallest`` nodes:
    short functions come out alike when written honestly. A heuristic, not a proof.
    """
    found = set()
    for source in cells:
        for kinds, size in _functions(source).values():
            for reference_name, (reference, reference_size) in assignment.solutions.items():
                if reference_size >= smallest and abs(size - reference_size) <= (1 - similar) * reference_size \
                        and difflib.SequenceMatcher(None, kinds, reference, autojunk=False).ratio() >= similar:
                    found.add(f"an answer is nearly the published solution of {reference_name}")
    return sorted(found)


def read_submission(path):
    """(assignment name, code cell sources) of a notebook; ValueError if it is not one."""
    if path.stat().st_size > MAX_NOTEBOOK_BYTES:
        raise ValueError(f"over {MAX_NOTEBOOK_BYTES // 2**20} MiB")
    try:
        notebook = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError("not a notebook (not JSON)") from None
    if type(notebook) is not dict or type(notebook.get("cells")) is not list:
        raise ValueError("not a notebook (no cells)")
    metadata = notebook.get("metadata")
    ours = metadata.get(METADATA_KEY) if type(metadata) is dict else None
    name = ours.get("assignment") if type(ours) is dict else None
    cells = []
    for cell in notebook["cells"]:
        if type(cell) is dict and cell.get("cell_type") == "code" and not _is_check(cell):
            source = cell.get("source", "")
            if type(source) is list and all(type(line) is str for line in source):
                source = "".join(source)
            if type(source) is not str:
                raise ValueError("not a notebook (a cell's source is not text)")
            cells.append(source)
    return (name if type(name) is str else None), cells


def assignment_of(path):
    """The assignment a submission says it is for, or None."""
    try:
        return read_submission(path)[0]
    except (OSError, ValueError):
        return None


def _is_check(cell):
    """A public-test cell of the student notebook: the grader runs those tests itself, in its process."""
    metadata = cell.get("metadata")
    ours = metadata.get(METADATA_KEY) if type(metadata) is dict else None
    return type(ours) is dict and "check" in ours


def grade(path, assignments, limits, layers, seed, name=None):
    """Grade one submission notebook; never raises for anything the submission did."""
    started = time.perf_counter()
    result = Grade(submission=name or path.name, seed=seed)
    try:
        _grade(path, assignments, limits, layers, seed, result)
    except EnvironmentBroken:
        raise
    except Exception as error:  # noqa: BLE001 - whatever the submission did, the batch goes on
        result.scores = {q: (0.0, most) for q, (_, most) in result.scores.items()}
        result.status = f"not graded: the grader failed on this submission ({type(error).__name__})"
    result.seconds = time.perf_counter() - started
    return result


def _grade(path, assignments, limits, layers, seed, result):
    try:
        assignment_name, cells = read_submission(path)
    except (OSError, ValueError) as error:
        result.status = f"not graded: {error}"
        return
    assignment = assignments.get(assignment_name)
    if assignment is None:
        result.status = "not graded: not a notebook of a known assignment (see its metadata)"
        return
    result.assignment = assignment.name
    result.scores = {q: (0.0, most) for q, most in assignment.points.items()}
    result.review = copied(cells, assignment)
    session = Session(cells, assignment.library, assignment.library_dir, limits, layers)
    try:
        session.start()
    except NotebookFailed as failure:
        session.close()
        result.status = f"not graded: the notebook did not run ({failure})"
        return
    refused = {}
    try:
        stubs = {f: Stub(session, f) for f in assignment.functions}
        for number, case in enumerate(assignment.cases):
            rng = np.random.default_rng([seed, number])
            outcome = run_case(case, session, Context(stubs, assignment.setup, rng))
            score, most = result.scores[case.question]
            if outcome.passed:
                result.scores[case.question] = (score + case.points, most)
            else:
                result.failures.setdefault(case.question, []).append(outcome.why)
            if outcome.refused:
                refused.setdefault(case.question, outcome.refused)
    finally:
        session.close()
    for question, function in refused.items():  # an answer that uses what it should write earns nothing
        result.scores[question] = (0.0, result.scores[question][1])
        result.failures[question].insert(0, f"0 points: the answer calls {function}, which it must compute itself")
    if session.restarts or session.stopped:
        result.status = f"graded, with {session.restarts} restart(s) after: {session.stopped}"


def submission_seed(batch_seed, name):
    """A seed per submission: different for each, reproducible from the batch seed."""
    return int(np.random.SeedSequence([batch_seed, zlib.crc32(name.encode())]).generate_state(1)[0])


def canary(assignments, limits, layers, seed):
    """Grade every reference solution; raise EnvironmentBroken unless each gets full marks."""
    for assignment in assignments.values():
        result = grade(assignment.solution, {assignment.name: assignment}, limits, layers, seed, name="reference solution")
        if result.total != result.possible or result.status != "graded":
            lost = "; ".join(f"{q}: {', '.join(why)}" for q, why in result.failures.items())
            raise EnvironmentBroken(
                f"the reference solution of {assignment.name} scored {result.total:g}/{result.possible:g}"
                f" ({result.status}; {lost or 'no failures recorded'}): the grading environment is broken,"
                " so no grades were written")


def cell(text):
    """A CSV field that a spreadsheet will not run as a formula (file names are the students')."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def write_csv(grades, path):
    questions = sorted({(g.assignment, q) for g in grades for q in g.scores})
    with open(path, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["submission", "assignment", "total", "possible", "status", "failures", "review",
                         "seed", "seconds"] + [f"{a}:{q}" for a, q in questions])
        for g in grades:
            failures = "; ".join(f"{q}: {' | '.join(why)}" for q, why in g.failures.items())
            row = [cell(g.submission), g.assignment, f"{g.total:g}", f"{g.possible:g}", g.status, failures,
                   "; ".join(g.review), g.seed, f"{g.seconds:.1f}"]
            row += [f"{g.scores[q][0]:g}" if a == g.assignment and q in g.scores else "" for a, q in questions]
            writer.writerow(row)


def load_assignments(folder, scratch):
    root = Path(folder) / INSTRUCTOR_ONLY
    return {p.name: Assignment(p, scratch) for p in sorted(root.glob("*")) if (p / "assignment.json").exists()}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path)
    parser.add_argument("--assignments", type=Path, default=DEFAULT_OUT, help="what `make assignments` built")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"))
    parser.add_argument("--timeout", type=float, default=120.0, help="wall-clock seconds per submission")
    parser.add_argument("--seed", type=int, default=None, help="the batch's seed (default: a fresh one)")
    parser.add_argument("--without", default="", help="layers to leave out, as if missing: uid,namespaces")
    args = parser.parse_args(argv)
    if not args.submissions.is_dir():
        sys.exit(f"no folder {args.submissions}")
    seed = secrets.randbits(32) if args.seed is None else args.seed
    limits = sandbox.Limits(wall_seconds=args.timeout, cpu_seconds=int(args.timeout))
    layers = sandbox.detect_layers(disable=[w for w in args.without.split(",") if w])
    print("\n".join(layers.describe(limits)), flush=True)
    with tempfile.TemporaryDirectory(prefix="rnn-grading-") as scratch:
        Path(scratch).chmod(0o755)  # the grading uids read rnn_lib's copy here without bubblewrap
        assignments = load_assignments(args.assignments, scratch)
        if not assignments:
            sys.exit(f"no assignments under {args.assignments / INSTRUCTOR_ONLY}: run `make assignments` first")
        submissions = sorted(args.submissions.glob("*.ipynb"))
        in_batch = {assignment_of(path) for path in submissions}
        try:
            canary({n: a for n, a in assignments.items() if n in in_batch}, limits, layers, seed)
        except EnvironmentBroken as error:
            sys.exit(f"grading stopped: {error}")
        print(f"reference solutions: full marks; batch seed {seed}", flush=True)
        grades = []
        for path in submissions:
            g = grade(path, assignments, limits, layers, submission_seed(seed, path.name))
            grades.append(g)
            print(f"{g.submission}: {g.total:g}/{g.possible:g} ({g.status}, {g.seconds:.1f} s)", flush=True)
    write_csv(grades, args.out)
    print(f"{len(grades)} submissions graded into {args.out}")


if __name__ == "__main__":
    main()
