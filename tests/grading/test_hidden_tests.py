"""The hidden tests themselves: the reference answers pass them for every seed, and blank ones fail.

Runs every chapter's public and hidden test cases in this process (grading/local.py,
through the same codec as real grading), for many seeds: a hidden test that a
correct answer could fail for an unlucky draw would make grades unfair.
"""

import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from grading import assignments, local  # noqa: E402

CHAPTERS = [p.stem for p in assignments.chapters() if assignments.chapter_exercises(nbformat.read(p, 4))[1]]
SEEDS = range(25)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_answers_pass_every_case_for_every_seed(chapter):
    for seed, outcomes in local.run(chapter, SEEDS).items():
        failed = [(case.description, outcome.why) for case, outcome in outcomes if not outcome.passed]
        assert not failed, (seed, failed)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_blank_answers_fail_every_case(chapter):
    for seed, outcomes in local.run(chapter, range(3), blank=True).items():
        passed = [case.description for case, outcome in outcomes if outcome.passed]
        assert not passed, (seed, passed)


def test_a_wrong_answer_fails_the_cases_that_check_it():
    """count_parameters without the output bias: right for no network, so every hidden case fails."""
    setup, exercises, cases, library = local.chapter_cases("problem")
    namespace = local.answers(setup, exercises)
    exec("def count_parameters(E, H, Y):\n    return E * H + H * H + H * Y + H\n", namespace)
    session = local.LocalSession(namespace, library)
    stubs = {f: local.Stub(session, f) for e in exercises for f in e.functions}
    def context():
        return local.Context(stubs, setup, local.codec.np.random.default_rng(0))

    outcomes = {c.description: local.run_case(c, session, context())
                for c in cases if c.question == "problem_count"}
    assert outcomes and not any(o.passed for o in outcomes.values()), outcomes


def test_a_lent_function_is_refused_while_a_refusing_case_runs():
    """The local runner's stand-in for the sandbox: an answer that calls rnn_lib.forward is refused."""
    setup, exercises, cases, library = local.chapter_cases("forward")
    namespace = local.answers(setup, exercises)
    exec("def forward_by_hand(params, X):\n    t = rnn_lib.forward(params, X)\n    return t.z, t.h, t.y_hat\n",
         namespace)
    session = local.LocalSession(namespace, library)
    stubs = {f: local.Stub(session, f) for e in exercises for f in e.functions}
    refusing = [c for c in cases if c.refuse]
    assert refusing
    outcome = local.run_case(refusing[0], session, local.Context(stubs, setup, local.codec.np.random.default_rng(0)))
    assert not outcome.passed and outcome.refused == "rnn_lib.rnn:_forward_steps"


def test_points_can_be_set_per_question(tmp_path):
    """POINTS = {label: total} shares a question's points among its tests (1 each by default)."""
    from grading.cases import hidden_cases

    source = (assignments.HIDDEN / "problem.py").read_text() + '\nPOINTS = {"ex-problem-count": 6}\n'
    (tmp_path / "weighted.py").write_text(source)
    module = assignments.load_hidden(tmp_path / "weighted.py", "weighted")
    cases = hidden_cases(module, {"ex-problem-count": "count", "ex-problem-order": "order"})
    assert sum(c.points for c in cases if c.question == "count") == 6
    assert [c.points for c in cases if c.question == "order"] == [1, 1]
    (tmp_path / "bad.py").write_text(source + 'POINTS = {"ex-nope": 2}\n')
    with pytest.raises(ValueError, match="ex-nope"):
        hidden_cases(assignments.load_hidden(tmp_path / "bad.py", "bad"), {"ex-problem-count": "count",
                                                                          "ex-problem-order": "order"})


#: (chapter, function, a line of its reference answer, the same with one matrix transposed,
#: the exercises that must lose points: the function's own and those built on it).
TRANSPOSED = [
    ("bptt", "backward_by_hand", "dL_dz_next @ params.W_hh.T", "dL_dz_next @ params.W_hh",
     ("ex-bptt-backward", "ex-bptt-chunks")),
    ("bptt", "backward_by_hand", "W_hh=h_prev.T @ dL_dz", "W_hh=dL_dz.T @ h_prev",
     ("ex-bptt-backward", "ex-bptt-chunks")),
    ("long_range", "gru_step", "h_prev @ params.W_hr", "h_prev @ params.W_hr.T", ("ex-long-gru-step",)),
    ("long_range", "gru_step", "(r * h_prev) @ params.W_hh", "(r * h_prev) @ params.W_hh.T", ("ex-long-gru-step",)),
]


@pytest.mark.parametrize("chapter, function, right, wrong, labels", TRANSPOSED)
def test_one_transposed_matrix_loses_points(chapter, function, right, wrong, labels):
    """The reference answer with one matrix transposed (and the shapes still fitting) fails hidden cases."""
    setup, exercises, cases, library = local.chapter_cases(chapter)
    namespace = local.answers(setup, exercises)
    exercise = next(e for e in exercises if function in e.functions)
    source = assignments.answer_code(exercise.solution, stub=False)
    assert source.count(right) == 1, "the reference answer changed: update TRANSPOSED"
    exec(source.replace(right, wrong), namespace)
    session = local.LocalSession(namespace, library)
    stubs = {f: local.Stub(session, f) for e in exercises for f in e.functions}
    names = {e.label: e.name for e in exercises}
    for label in labels:
        hidden = [c for c in cases if c.question == names[label] and not c.public]
        lost = [c.description for n, c in enumerate(hidden)
                if not local.run_case(c, session, local.Context(stubs, setup, local.codec.np.random.default_rng(n)))
                .passed]
        assert hidden and lost, (label, "no hidden case noticed the transposed matrix")
