"""Test cases, and how the grader runs them against a submission it never lets in.

Public tests are the cells students see under each exercise: the grader runs
them too and reports them, but they earn no points, because their inputs are
known and a hard-coded answer would pass them. Hidden tests give the points.
A hidden test is a function in ``grading/hidden/<chapter>.py``, marked with
``@case``. Its parameters say what it needs, by name:

- the name of a function the students write (``forward_by_hand``): a stub that
  calls the submission's function in its sandbox and returns the plain value
  it gave back (or raises SubmissionFailed);
- ``rng``: a numpy Generator seeded afresh for every submission, for inputs
  that no one can know in advance;
- ``library_calls``: the names of the rnn_lib functions the sandbox borrowed
  while this test ran (only those the assignment keeps out of the sandbox);
- any name the chapter's setup cells define (``example``, ``corpus``, ...).

Draw every input from ``rng``: the hidden tests are in the book's public
repository, so fixed inputs could be answered from a table. Its docstring's
first line is what a student reads when it fails: say what is checked, never
the inputs or the expected values. A test passes when it returns; ``assert``
what must hold. Use ``close`` rather than ``np.allclose`` to compare numbers:
it does not broadcast, so a value of the wrong shape fails.

``refuse=`` names rnn_lib functions (their cores, see doctor.py) that the
submission may not use: they are refused while any test of that question runs,
and asking for one makes the whole question score 0.
"""

import inspect
from dataclasses import dataclass, field, replace

import numpy as np

from .session import SubmissionFailed


@dataclass(frozen=True)
class CaseSpec:
    label: str
    points: float = 1.0
    refuse: tuple = ()


def case(label, points=1, refuse=()):
    """Mark a function as a hidden test of the exercise with this label (``ex-...``)."""
    if isinstance(refuse, str):
        raise TypeError("refuse must be a tuple of names like 'rnn_lib.rnn:_forward_steps', not one string")
    if not points > 0:
        raise ValueError(f"points must be > 0, got {points!r}")

    def mark(function):
        function.grading_case = CaseSpec(label, float(points), tuple(refuse))
        return function

    return mark


def close(got, want, rtol=1e-5, atol=1e-8):
    """True when ``got`` is finite numbers of exactly ``want``'s shape, within tolerance of ``want``."""
    try:
        got = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        return False
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.all(np.isfinite(got))) and np.allclose(got, want, rtol, atol)


@dataclass
class Case:
    """One test case of one question: public (a cell students see) or hidden."""

    question: str
    description: str
    points: float
    public: bool
    run: object  # run(context) -> None; raises on failure
    refuse: tuple = ()


@dataclass
class Outcome:
    passed: bool
    why: str = ""  # the grader's words for the CSV when it failed: the description, and the reason
    refused: str = None  # the rnn_lib function the answer asked for while it was refused
    reason: str = ""  # what went wrong beyond "the check failed": raised, did not answer, ...


class Stub:
    """Calls one of the submission's functions in its sandbox; returns the plain value.

    Arguments are copied across, so a function that changes its arguments in place
    cannot be caught here (and anything the sandbox reported about it could be
    forged): public tests check that in the student's own notebook, for no points.
    """

    def __init__(self, session, name):
        self.session, self.name = session, name

    def __call__(self, *args, **kwargs):
        value = self.session.call(self.name, args, kwargs)
        if value is None:  # no exercise asks for a function that returns nothing
            raise SubmissionFailed(f"{self.name} returned None: is its body still `...`?")
        return value


@dataclass
class Context:
    """What a case may ask for by name."""

    stubs: dict
    setup: dict
    rng: np.random.Generator
    library_calls: list = field(default_factory=list)

    def resolve(self, name):
        if name in self.stubs:
            return self.stubs[name]
        if name == "rng":
            return self.rng
        if name == "library_calls":
            return self.library_calls
        if name in self.setup:
            return self.setup[name]
        raise NameError(f"a test asks for {name!r}, which is neither a function to write nor set up")


def hidden_cases(module, questions):
    """The Cases that ``module`` defines, in its order; {label: question name} maps labels.

    A module may set POINTS = {label: points} to give a question that many points in
    all, shared among its tests in proportion to their own points (1 each by default).
    """
    cases = []
    for function in vars(module).values():
        spec = getattr(function, "grading_case", None)
        if spec is None or not callable(function):
            continue
        if spec.label not in questions:
            raise ValueError(f"{function.__name__} tests {spec.label}, which is not an exercise of this assignment")
        description = (inspect.getdoc(function) or "").strip().splitlines()
        if not description:
            raise ValueError(f"{function.__name__} needs a docstring: its first line is what students read")
        names = list(inspect.signature(function).parameters)

        def run(context, function=function, names=names):
            function(*(context.resolve(name) for name in names))

        cases.append(Case(questions[spec.label], description[0], spec.points, False, run, spec.refuse))
    totals = getattr(module, "POINTS", {})
    for label, total in totals.items():
        if label not in questions or not total > 0:
            raise ValueError(f"POINTS gives {total!r} to {label!r}: name an exercise of this chapter, points > 0")
        mine = [c for c in cases if c.question == questions[label]]
        scale = total / sum(c.points for c in mine)
        for c in mine:
            c.points *= scale
    return cases


def refuse_per_question(cases):
    """Every case of a question that refuses rnn_lib in one case refuses it in all of them.

    Otherwise an answer could call rnn_lib in every test but the refusing one (which
    always comes at the same call) and give that one up.
    """
    refused = {}
    for case in cases:
        refused.setdefault(case.question, set()).update(case.refuse)
    return [replace(case, refuse=tuple(sorted(refused[case.question]))) for case in cases]


def public_case(question, source, number):
    """A public test cell, run here in the grader as students run it in their notebook."""
    code = compile(source, f"<public test {number} of {question}>", "exec")

    def run(context):
        exec(code, {**context.setup, **context.stubs})

    first = next((line for line in source.splitlines() if line.strip() and not line.startswith("#")), "")
    return Case(question, f"public test {number} (no points): {first.strip()[:100]}", 0.0, True, run)


def run_case(case, session, context):
    """Run one case against the submission; an Outcome. Never raises for what the submission did."""
    session.refusing = (f"the grader is testing {case.question}, which must not use it"
                        if case.refuse else None)
    session.refused.clear()
    session.library_calls.clear()
    context.library_calls = session.library_calls
    try:
        case.run(context)
    except SubmissionFailed as failure:
        outcome = Outcome(False, f"failed: {case.description} ({failure})", reason=str(failure))
    except AssertionError:
        outcome = Outcome(False, f"failed: {case.description}")
    except Exception as error:
        reason = f"the answer could not be used: {type(error).__name__}"
        outcome = Outcome(False, f"failed: {case.description} ({reason})", reason=reason)
    else:
        outcome = Outcome(True)
    finally:
        session.refusing = None
    if session.refused:
        reason = f"it called {session.refused[0]}, which this exercise asks you to write yourself"
        outcome = Outcome(False, f"failed: {case.description} ({reason})", session.refused[0], reason)
    return outcome
