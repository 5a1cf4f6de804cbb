"""The instructor pipeline: assignments built from the book's exercises, graded by otter.

Builds every assignment into a temporary folder, grades the reference solutions,
the blank student notebooks and deliberately wrong submissions with
scripts/grade.py, and checks that nothing of a solution reaches a student.
"""

import csv
import importlib
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_assignments  # noqa: E402
import grade  # noqa: E402

import rnn_lib  # noqa: E402
import sandbox  # noqa: E402

LIMITS = sandbox.Limits()
LAYERS = sandbox.detect_layers()

CHAPTERS = [p for p in build_assignments.chapters() if build_assignments.chapter_exercises(nbformat.read(p, 4))[1]]


def exercises_of(chapter):
    return build_assignments.chapter_exercises(nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4))[1]


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignments")
    build_assignments.main(["--out", str(out)])
    return out


def answer_cells(notebook, function):
    return [c for c in notebook.cells if c.cell_type == "code" and re.search(rf"^def {function}\(", c.source, re.M)]


def wrong_submission(solution, exercise):
    """The reference solutions with the given exercise's functions made to raise: partial credit."""
    for function in build_assignments.functions_to_write("\n".join(exercise.solutions)):
        for cell in answer_cells(solution, function):
            cell.source = re.sub(
                rf"^def {function}\((.*?)\):.*?(?=^\S|\Z)",
                lambda m: f"def {function}({m[1]}):\n    raise NotImplementedError\n\n\n",
                cell.source, flags=re.M | re.S,
            )
    return solution


@pytest.fixture(scope="session")
def grades(built, tmp_path_factory):
    """Grade, in one batch: each chapter's solution, its blank student notebook, and a wrong submission."""
    submissions = tmp_path_factory.mktemp("submissions")
    for chapter in (p.stem for p in CHAPTERS):
        solution = built / chapter / "autograder" / f"{chapter}-solution.ipynb"
        (submissions / f"{chapter}-solution.ipynb").write_bytes(solution.read_bytes())
        (submissions / f"{chapter}-blank.ipynb").write_bytes((built / chapter / "student" / f"{chapter}.ipynb").read_bytes())
        wrong = wrong_submission(nbformat.read(solution, 4), exercises_of(chapter)[-1])
        nbformat.write(wrong, submissions / f"{chapter}-wrong.ipynb")
    out = submissions / "grades.csv"
    grade.main([str(submissions), "--assignments", str(built), "--out", str(out), "--timeout", "120"])
    with open(out) as handle:
        return {row["submission"]: row for row in csv.DictReader(handle)}


def test_every_chapter_with_coded_exercises_has_an_assignment_of_two_questions_or_more(built):
    assert CHAPTERS, "no chapter has coded exercises"
    for chapter in CHAPTERS:
        assert len(exercises_of(chapter.stem)) >= 2, chapter.stem
        assert (built / chapter.stem / "autograder" / f"{chapter.stem}-autograder.zip").exists()


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_reference_solution_scores_full_marks(grades, chapter):
    row = grades[f"{chapter}-solution.ipynb"]
    assert row["status"] == "graded"
    assert float(row["total"]) == float(row["possible"]) > 0


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_blank_student_notebook_scores_zero(grades, chapter):
    row = grades[f"{chapter}-blank.ipynb"]
    assert row["status"] == "graded"
    assert float(row["total"]) == 0 and float(row["possible"]) > 0


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_wrong_submission_scores_partial_credit(grades, chapter):
    row = grades[f"{chapter}-wrong.ipynb"]
    assert 0 < float(row["total"]) < float(row["possible"])
    last = exercises_of(chapter)[-1].name
    assert float(row[f"{chapter}:{last}"]) == 0


def test_partial_credit_within_one_question(built, tmp_path):
    """A constant answer passes the public test but not the hidden ones."""
    solution = nbformat.read(built / "problem" / "autograder" / "problem-solution.ipynb", 4)
    for cell in answer_cells(solution, "count_parameters"):
        cell.source = "def count_parameters(E, H, Y):\n    return 15\n"
    nbformat.write(solution, tmp_path / "constant.ipynb")
    result = grade.grade(tmp_path / "constant.ipynb", grade.autograders(built), LIMITS, LAYERS)
    score, most = result.scores["problem_count"]
    assert 0 < score < most


def test_bad_submissions_score_zero_with_a_reason(built, tmp_path):
    (tmp_path / "not-json.ipynb").write_text("this is not a notebook")
    student = nbformat.read(built / "problem" / "student" / "problem.ipynb", 4)
    student.cells.insert(1, nbformat.v4.new_code_cell("raise SystemExit('crash')"))
    nbformat.write(student, tmp_path / "crash.ipynb")
    graders = grade.autograders(built)
    unreadable = grade.grade(tmp_path / "not-json.ipynb", graders, LIMITS, LAYERS)
    assert unreadable.total == 0 and "not an assignment notebook" in unreadable.status
    crashed = grade.grade(tmp_path / "crash.ipynb", graders, LIMITS, LAYERS)
    assert crashed.total == 0 and crashed.possible > 0


def student_files(built, chapter):
    return [p for p in (built / chapter / "student").rglob("*") if p.is_file()]


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_no_solution_text_reaches_students(built, chapter):
    texts = [p.read_text(errors="replace") for p in student_files(built, chapter)]
    for exercise in exercises_of(chapter):
        marked = build_assignments.marked_solution("\n\n\n".join(exercise.solutions))
        body = re.findall(r"# BEGIN SOLUTION\n(.*?)\n\s*# END SOLUTION", marked, re.S)
        lines = [line.strip() for block in body for line in block.splitlines() if len(line.strip()) > 12]
        hidden = [line.strip() for test in exercise.hidden for line in test.splitlines()
                  if len(line.strip()) > 12 and line.strip() not in "\n".join(exercise.public)]
        for text in texts:
            escaped = json.dumps(text)  # notebooks hold JSON-escaped source
            for line in lines + hidden:
                assert line not in text and json.dumps(line)[1:-1] not in escaped, (exercise.label, line)


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_student_notebook_has_no_book_markup(built, chapter):
    notebook = nbformat.read(built / chapter / "student" / f"{chapter}.ipynb", 4)
    for cell in notebook.cells:
        assert not set(cell.metadata.get("tags", [])) - {"otter_answer_cell"}, cell.metadata
        assert not re.search(r"\{(exercise|solution|glue|eq|doc|cite)[^}]*\}", cell.source), cell.source[:80]
        assert "remove-cell" not in cell.source and "nbval" not in cell.source


def rnn_lib_names():
    names = set(dir(rnn_lib))
    for module in pkgutil.iter_modules(rnn_lib.__path__):
        names |= set(dir(importlib.import_module(f"rnn_lib.{module.name}")))
    return names


@pytest.mark.parametrize("chapter", [p.stem for p in CHAPTERS])
def test_functions_to_write_do_not_come_ready_made(built, chapter):
    """Neither rnn_lib (which students import) nor the student files define them."""
    library = rnn_lib_names()
    for exercise in exercises_of(chapter):
        for function in build_assignments.functions_to_write("\n".join(exercise.solutions)):
            assert function not in library, f"rnn_lib already has {function}"
            notebook = nbformat.read(built / chapter / "student" / f"{chapter}.ipynb", 4)
            for cell in answer_cells(notebook, function):
                body = cell.source.split(f"def {function}(", 1)[1].split("\n", 1)[1]
                assert re.fullmatch(r'(\s*""".*?"""\s*)?\s*\.\.\.\s*', body, re.S), body


def test_generated_output_is_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert not re.search(r"(^|/)_build/|autograder.*\.zip|^grades\.csv$", tracked, re.M)


def test_instructors_page_lists_every_assignment():
    page = (ROOT / "book" / "instructors.md").read_text()
    for chapter in CHAPTERS:
        assert f"| `{chapter.stem}` | {{doc}}`{chapter.stem}` |" in page, chapter.stem
