"""Run an assignment's tests in this process, against answers defined here: for checking the tests.

The grader never does this with a submission. It is for the people who write
hidden tests: run them against the reference solutions for many seeds (every
seed must pass) and against blank answers (every test must fail), quickly and
without a sandbox. Values cross the same codec as in real grading, so an
unsendable value shows as it would there. rnn_lib's
lent functions (doctor.py) are counted by patching their modules, which sees
calls made through module attributes only: the sandbox is the real check.

    python -m grading.local [CHAPTER ...] [--seeds N]
"""

import argparse
import importlib
import sys
from contextlib import ExitStack, contextmanager
from unittest import mock

import nbformat

from . import assignments, doctor
from .cases import Context, Stub, hidden_cases, public_case, refuse_per_question, run_case
from .inside import codec
from .session import SubmissionFailed, finite


class LocalSession:
    """The Session interface, calling functions of a namespace in this process."""

    def __init__(self, namespace, library=()):
        self.namespace = namespace
        self.library = tuple(library)
        self.types = codec.rnn_lib_types()
        self.refusing, self.refused, self.library_calls = None, [], []

    def call(self, function, args, kwargs):
        if not callable(self.namespace.get(function)):
            raise SubmissionFailed(f"the notebook does not define {function}")
        args = codec.decode(codec.encode(list(args), self.types), self.types)
        kwargs = codec.decode(codec.encode(dict(kwargs), self.types), self.types)
        try:
            with self._lent():
                value = self.namespace[function](*args, **kwargs)
        except SubmissionFailed:
            raise
        except Exception as error:
            raise SubmissionFailed(f"{function} raised {type(error).__name__}") from error
        try:
            value = codec.decode(codec.encode(value, self.types), self.types)
        except TypeError:
            raise SubmissionFailed(f"{function} returned a value that cannot be graded") from None
        if not finite(value):
            raise SubmissionFailed(f"{function} returned NaN or infinity")
        return value

    @contextmanager
    def _lent(self):
        with ExitStack() as stack:
            for name in self.library:
                module_name, function = doctor.split_name(name)
                module = importlib.import_module(f"rnn_lib.{module_name}")
                stack.enter_context(mock.patch.object(module, function, self._watch(name, getattr(module, function))))
            yield

    def _watch(self, name, real):
        def lent(*args, **kwargs):
            if self.refusing is not None:
                self.refused.append(name)
                raise RuntimeError(f"{name} is refused")
            self.library_calls.append(name)
            return real(*args, **kwargs)

        return lent


def chapter_cases(chapter):
    """(setup namespace, solution namespace maker, cases, library names) of a chapter's assignment."""
    notebook = nbformat.read(assignments.ROOT / "book" / f"{chapter}.ipynb", 4)
    setup_sources, exercises = assignments.chapter_exercises(notebook)
    module = assignments.load_hidden(assignments.HIDDEN / f"{chapter}.py", chapter)
    hidden = hidden_cases(module, {e.label: e.name for e in exercises})
    cases = [public_case(e.name, source, n) for e in exercises for n, source in enumerate(e.public, start=1)]
    setup = {}
    for source in setup_sources:
        exec(compile(source, f"<setup of {chapter}>", "exec"), setup)
    return setup, exercises, refuse_per_question(cases + hidden), sorted({n for c in hidden for n in c.refuse})


def answers(setup, exercises, blank=False):
    """A namespace with the reference answers (or blank ones, which return None)."""
    namespace = dict(setup)
    for exercise in exercises:
        exec(assignments.answer_code(exercise.solution, stub=blank), namespace)
    return namespace


def run(chapter, seeds, blank=False):
    """{seed: [(case description, Outcome)]} of every case against the reference (or blank) answers."""
    setup, exercises, cases, library = chapter_cases(chapter)
    functions = [f for e in exercises for f in e.functions]
    results = {}
    for seed in seeds:
        session = LocalSession(answers(setup, exercises, blank), library)
        stubs = {f: Stub(session, f) for f in functions}
        results[seed] = [(case, run_case(case, session, Context(stubs, setup, codec.np.random.default_rng([seed, n]))))
                         for n, case in enumerate(cases)]
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("chapters", nargs="*")
    parser.add_argument("--seeds", type=int, default=20)
    args = parser.parse_args(argv)
    chapters = args.chapters or [p.stem for p in assignments.chapters()
                                 if assignments.chapter_exercises(nbformat.read(p, 4))[1]]
    failed = 0
    for chapter in chapters:
        for blank in (False, True):
            for seed, outcomes in run(chapter, range(args.seeds), blank).items():
                for case, outcome in outcomes:
                    wrong = outcome.passed if blank else not outcome.passed
                    if wrong and not (blank and case.public):
                        failed += 1
                        print(f"{chapter} seed {seed} {'blank' if blank else 'reference'}: {case.description}:"
                              f" {outcome.why or 'passed'}")
        print(f"{chapter}: checked with {args.seeds} seeds", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
