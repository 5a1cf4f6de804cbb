"""Grade a folder of submitted notebooks: grades.csv, a feedback file per student, answers to grade by hand.

For each submission, a worker in the sandbox (grading/sandbox.py) runs the
notebook's code cells; then the grader, in its own process, runs every test
case of the assignment and calls the submission's functions through the
worker, on inputs it chooses (grading/session.py). Only plain data comes back,
and the grader alone compares it with what rnn_lib computes: what the
submission prints, writes, patches or exits with never decides a score.

Before grading, the reference solution of every assignment in the batch is
graded the same way: if it does not get full marks, the grading environment is
broken and nothing is written.

    python -m grading.grade SUBMISSIONS [--assignment NAME] [--out grades.csv] [--jobs N]
                            [--assignments DIR] [--timeout SECONDS] [--seed N]
                            [--without uid,namespaces,seccomp]

SUBMISSIONS is searched through, nested folders too, for notebooks (any case
of .ipynb); grading/students.py tells whose each one is. Beside the CSV go
feedback/<student>.md and manual/<assignment>/<question>.csv: the answers to
grade by hand, with a points column to fill in that the next run merges back.
"""

import argparse
import ast
import difflib
import json
import multiprocessing
import os
import secrets
import stat
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from . import doctor, report, sandbox
from .apart import apart
from .cases import Context, Stub, hidden_cases, public_case, refuse_per_question, run_case
from .layout import ANSWER, DEFAULT_OUT, INSTRUCTOR_ONLY, METADATA_KEY, load_hidden
from .session import EnvironmentBroken, Library, NotebookFailed, Session
from .students import find_notebooks, safe, student_of

MAX_NOTEBOOK_BYTES = 20 * 2**20


@dataclass
class Outcome:
    """One test case's result, in words a student may read."""

    question: str
    description: str
    passed: bool
    reason: str  # beyond "it failed": it raised, did not answer, called what it should write...
    points: float
    public: bool


@dataclass
class Grade:
    """The outcome of grading one submission."""

    submission: str
    student: str = ""
    assignment: str = ""
    scores: dict = field(default_factory=dict)  # question → (score, most)
    status: str = "graded"
    failures: dict = field(default_factory=dict)  # question → [the grader's reasons]
    outcomes: list = field(default_factory=list)  # every test case: Outcome
    answers: dict = field(default_factory=dict)  # question → the text a student wrote, for grading by hand
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
        self.title = description["title"]
        self.questions = description["questions"]
        self.titles = {q["name"]: q["title"] for q in self.questions + description["manual"]}
        self.manual = {q["name"]: float(q["points"]) for q in description["manual"]}
        self.functions = [f for q in self.questions for f in q["functions"]]
        self.setup = {}
        for source in description["setup"]:
            exec(compile(source, f"<setup of {self.name}>", "exec"), self.setup)
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


MAX_PARSED = 200_000  # characters of one cell that copy detection reads: answers are far smaller


def _functions(source):
    """{name: (shape, size)} of the top-level functions in ``source`` (see ``copied``); {} if it
    does not parse or is too long to be an answer."""
    if len(source) > MAX_PARSED:
        return {}
    try:
        tree = ast.parse(source)
        return {node.name: _shape(node) for node in tree.body if isinstance(node, ast.FunctionDef)}
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
    Parsing a submission's code can take a lot of time and memory, so it runs apart
    (apart.py); if it runs over, the review says so.
    """
    found = apart(_copied, cells, assignment.solutions, smallest, similar, seconds=20)
    return found if found is not None else ["the code was too big to compare with the published solutions"]


def _copied(cells, solutions, smallest, similar):
    found = set()
    for source in cells:
        for kinds, size in _functions(source).values():
            for reference_name, (reference, reference_size) in solutions.items():
                if reference_size >= smallest and abs(size - reference_size) <= (1 - similar) * reference_size \
                        and difflib.SequenceMatcher(None, kinds, reference, autojunk=False).ratio() >= similar:
                    found.add(f"an answer is nearly the published solution of {reference_name}")
    return sorted(found)


@dataclass
class Submission:
    """What the grader reads from a notebook file: plain text, never run here."""

    assignment: str = None
    cells: list = field(default_factory=list)  # code to run, public-test cells left out
    answers: dict = field(default_factory=dict)  # question → markdown written for grading by hand


def _text(source):
    if type(source) is list and all(type(line) is str for line in source):
        return "".join(source)
    if type(source) is not str:
        raise ValueError("not a notebook (a cell's source is not text)")
    return source


def _ours(holder):
    metadata = holder.get("metadata") if type(holder) is dict else None
    ours = metadata.get(METADATA_KEY) if type(metadata) is dict else None
    return ours if type(ours) is dict else {}


def read_submission(path):
    """The Submission a notebook file holds; ValueError if it is not a notebook.

    Only a regular file is opened (not a link, which could point at the solutions,
    nor a pipe, which would never end), and no more of it than the size limit.
    """
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise ValueError("not a regular file (a link, a pipe or a device)")
    with open(path, "rb") as handle:
        data = handle.read(MAX_NOTEBOOK_BYTES + 1)
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise ValueError(f"over {MAX_NOTEBOOK_BYTES // 2**20} MiB")
    try:
        notebook = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ValueError("not a notebook (not JSON)") from None
    if type(notebook) is not dict or type(notebook.get("cells")) is not list:
        raise ValueError("not a notebook (no cells)")
    name = _ours(notebook).get("assignment")
    found = Submission(name if type(name) is str else None)
    for cell in notebook["cells"]:
        kind = cell.get("cell_type") if type(cell) is dict else None
        if kind == "code" and "check" not in _ours(cell):  # the grader runs the public tests itself
            found.cells.append(_text(cell.get("source", "")))
        elif kind == "markdown" and type(_ours(cell).get("answer")) is str:
            question = _ours(cell)["answer"]
            written = _text(cell.get("source", "")).strip().removeprefix(ANSWER).strip()
            found.answers[question] = "\n\n".join(filter(None, [found.answers.get(question, ""), written]))
    return found


def assignment_of(path):
    """The assignment a submission says it is for, or None."""
    try:
        return read_submission(path).assignment
    except (OSError, ValueError):
        return None


def grade(path, assignments, limits, layers, seed, name=None, expected=None):
    """Grade one submission notebook; never raises for anything the submission did.

    expected: the assignment this batch is for; a notebook of another one scores 0.
    """
    started = time.perf_counter()
    result = Grade(submission=safe(name or path.name), seed=seed)
    try:
        _grade(path, assignments, limits, layers, seed, result, expected)
    except EnvironmentBroken:
        raise
    except Exception as error:
        result.scores = {q: (0.0, most) for q, (_, most) in result.scores.items()}
        result.status = f"not graded: the grader failed on this submission ({type(error).__name__})"
    result.seconds = time.perf_counter() - started
    return result


def _grade(path, assignments, limits, layers, seed, result, expected):
    if expected is not None:
        result.assignment = expected
        result.scores = {q: (0.0, most) for q, most in assignments[expected].points.items()}
    try:
        submission = read_submission(path)
    except (OSError, ValueError) as error:
        result.status = f"not graded: {error}"
        return
    if expected is not None and submission.assignment != expected:
        said = submission.assignment if submission.assignment in assignments or submission.assignment is None \
            else "an assignment that was not built"
        result.status = f"wrong assignment: this notebook is for {said or 'no known assignment'}"
        return
    assignment = assignments.get(submission.assignment)
    if assignment is None:
        result.status = "not graded: not a notebook of a known assignment (see its metadata)"
        return
    result.assignment = assignment.name
    result.scores = {q: (0.0, most) for q, most in assignment.points.items()}
    result.answers = {q: submission.answers.get(q, "") for q in assignment.manual}
    result.review = copied(submission.cells, assignment)
    session = Session(submission.cells, assignment.library, assignment.library_dir, limits, layers)
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
            result.outcomes.append(Outcome(case.question, case.description, outcome.passed, outcome.reason,
                                           case.points, case.public))
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
    return int(np.random.SeedSequence([batch_seed, zlib.crc32(safe(name).encode())]).generate_state(1)[0])


def canary(assignments, limits, layers, seed):
    """Grade every reference solution; raise EnvironmentBroken unless each gets full marks."""
    for assignment in assignments.values():
        result = grade(assignment.solution, {assignment.name: assignment}, limits, layers, seed,
                       name="reference solution")
        if result.total != result.possible or result.status != "graded":
            lost = "; ".join(f"{q}: {', '.join(why)}" for q, why in result.failures.items())
            raise EnvironmentBroken(
                f"the reference solution of {assignment.name} scored {result.total:g}/{result.possible:g}"
                f" ({result.status}; {lost or 'no failures recorded'}): the grading environment is broken,"
                " so no grades were written")


def load_assignments(folder, scratch):
    root = Path(folder) / INSTRUCTOR_ONLY
    return {p.name: Assignment(p, scratch) for p in sorted(root.glob("*")) if (p / "assignment.json").exists()}


# Grading in parallel: each job is a process forked from the grader once its assignments are
# loaded (so nothing is loaded twice), grading one submission at a time in its own sandbox.
_JOB = {}


def _grade_job(task):
    path, student, seed = task
    job = _JOB
    result = grade(path, job["assignments"], job["limits"], job["layers"], seed,
                   name=safe(path.relative_to(job["root"])), expected=job["expected"])
    result.student = student
    return result


def grade_all(root, paths, assignments, limits, layers, seed, expected=None, jobs=1, progress=print):
    """Grade every notebook in ``paths`` (under ``root``), ``jobs`` at a time; a list of Grades."""
    _JOB.update(assignments=assignments, limits=limits, layers=layers, root=root, expected=expected)
    tasks = [(p, student_of(p, root), submission_seed(seed, str(p.relative_to(root)))) for p in paths]
    if jobs <= 1:
        results = map(_grade_job, tasks)
        return [_report(g, progress) for g in results]
    context = multiprocessing.get_context("fork")
    with context.Pool(jobs) as pool:
        return [_report(g, progress) for g in pool.imap(_grade_job, tasks)]


def _report(g, progress):
    progress(f"{g.student} ({g.submission}): {g.total:g}/{g.possible:g} ({g.status}, {g.seconds:.1f} s)")
    return g


def command_line():
    """The command line of ``python -m grading.grade`` (what `make grade` passes it)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("submissions", type=Path, help="a folder of notebooks (nested folders too)")
    parser.add_argument("--assignment", help="the assignment of this batch: notebooks of others score 0")
    parser.add_argument("--assignments", type=Path, default=DEFAULT_OUT, help="what `make assignments` built")
    parser.add_argument("--out", type=Path, default=Path("grades.csv"),
                        help="the CSV; feedback/ and manual/ go beside it")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="submissions graded at once")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for a notebook to run")
    parser.add_argument("--seed", type=int, default=None, help="the batch's seed (default: a fresh one)")
    parser.add_argument("--without", default="", help="layers to leave out, as if missing: uid,namespaces,seccomp")
    return parser


def main(argv=None):
    args = command_line().parse_args(argv)
    if not args.submissions.is_dir():
        sys.exit(f"grading stopped: {args.submissions} is not a folder")
    paths = find_notebooks(args.submissions)
    if not paths:
        sys.exit(f"grading stopped: no notebooks (.ipynb) under {args.submissions}")
    if args.jobs < 1:
        sys.exit(f"grading stopped: --jobs must be at least 1, got {args.jobs}")
    seed = secrets.randbits(32) if args.seed is None else args.seed
    limits = sandbox.Limits(wall_seconds=args.timeout, cpu_seconds=int(args.timeout))
    layers = sandbox.detect_layers(disable=[w for w in args.without.split(",") if w])
    print("\n".join(layers.describe(limits)), flush=True)
    with tempfile.TemporaryDirectory(prefix="rnn-grading-") as scratch:
        Path(scratch).chmod(0o755)  # the grading uids read rnn_lib's copy here without bubblewrap
        assignments = load_assignments(args.assignments, scratch)
        if not assignments:
            sys.exit(f"grading stopped: no assignments under {args.assignments / INSTRUCTOR_ONLY}:"
                     " run `make assignments` first")
        if args.assignment is not None and args.assignment not in assignments:
            sys.exit(f"grading stopped: unknown assignment {args.assignment!r}; the built ones are"
                     f" {', '.join(sorted(assignments))}")
        in_batch = {args.assignment} if args.assignment else {assignment_of(p) for p in paths}
        try:
            canary({n: a for n, a in assignments.items() if n in in_batch}, limits, layers, seed)
            print(f"reference solutions: full marks; batch seed {seed}; {len(paths)} notebooks,"
                  f" {args.jobs} at a time", flush=True)
            grades = grade_all(args.submissions, paths, assignments, limits, layers, seed,
                               expected=args.assignment, jobs=args.jobs)
        except EnvironmentBroken as error:
            sys.exit(f"grading stopped: {error}")
        rows = report.write(grades, assignments, args.out)
    print(f"{len(paths)} notebooks of {len(rows)} students graded into {args.out};"
          f" feedback in {args.out.parent / 'feedback'}; answers to grade by hand in {args.out.parent / 'manual'}")


if __name__ == "__main__":
    main()
