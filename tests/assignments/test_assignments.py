"""The instructor pipeline: assignments built from the book's exercises, graded outside the submission.

Builds every assignment into a temporary folder, grades the reference solutions,
the blank student notebooks and deliberately wrong submissions in one batch,
and checks that nothing of a solution or a hidden test reaches a student.
"""

import csv
import importlib
import inspect
import json
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
import rnn_lib  # noqa: E402
from grading import assignments, grade, sandbox  # noqa: E402
from grading.cases import hidden_cases  # noqa: E402

LIMITS = sandbox.Limits()
LAYERS = sandbox.detect_layers()
CHAPTERS = [p.stem for p in assignments.chapters()
            if assignments.chapter_exercises(nbformat.read(p, 4))[1]]


def exercises_of(chapter):
    return assignments.chapter_exercises(nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4))[1]


def hidden_of(chapter):
    return assignments.load_hidden(assignments.HIDDEN / f"{chapter}.py", chapter)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignments")
    assignments.main(["--out", str(out)])
    return out


def answer_cells(notebook, function):
    return [c for c in notebook.cells if c.cell_type == "code" and re.search(rf"^def {function}\(", c.source, re.M)]


def solution_of(built, chapter):
    return built / assignments.INSTRUCTOR_ONLY / chapter / "solution.ipynb"


def student_of(built, chapter):
    return built / assignments.STUDENTS / f"{chapter}.ipynb"


def wrong_submission(solution, exercise):
    """The reference solutions with the given exercise's functions made to raise: partial credit."""
    for function in exercise.functions:
        for cell in answer_cells(solution, function):
            cell.source = re.sub(
                rf"^def {function}\((.*?)\):.*?(?=^\S|\Z)",
                lambda m: f"def {function}({m[1]}):\n    raise NotImplementedError\n\n\n",
                cell.source, flags=re.M | re.S,
            )
    return solution


def read_grades(path):
    with open(path) as handle:
        return {row["submission"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="session")
def grades(built, tmp_path_factory):
    """Grade, in one batch: each chapter's solution, its blank student notebook, and a wrong submission."""
    submissions = tmp_path_factory.mktemp("submissions")
    for chapter in CHAPTERS:
        (submissions / f"{chapter}-solution.ipynb").write_bytes(solution_of(built, chapter).read_bytes())
        (submissions / f"{chapter}-blank.ipynb").write_bytes(student_of(built, chapter).read_bytes())
        wrong = wrong_submission(nbformat.read(solution_of(built, chapter), 4), exercises_of(chapter)[-1])
        nbformat.write(wrong, submissions / f"{chapter}-wrong.ipynb")
    out = submissions / "grades.csv"
    grade.main([str(submissions), "--assignments", str(built), "--out", str(out), "--seed", "0"])
    return read_grades(out)


def test_every_chapter_with_coded_exercises_has_an_assignment_of_two_questions_or_more(built):
    assert CHAPTERS, "no chapter has coded exercises"
    for chapter in CHAPTERS:
        assert len(exercises_of(chapter)) >= 2, chapter
        description = json.loads((built / assignments.INSTRUCTOR_ONLY / chapter / "assignment.json").read_text())
        assert [q["label"] for q in description["questions"]] == [e.label for e in exercises_of(chapter)]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_reference_solution_scores_full_marks(grades, chapter):
    row = grades[f"{chapter}-solution.ipynb"]
    assert row["status"].startswith("graded") and "restart" not in row["status"] and not row["failures"], row
    assert float(row["tests"]) == float(row["tests possible"]) > 0


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_blank_student_notebook_scores_zero(grades, chapter):
    row = grades[f"{chapter}-blank.ipynb"]
    assert row["status"].startswith("graded")
    assert float(row["total"]) == 0 and float(row["tests possible"]) > 0


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_wrong_submission_scores_partial_credit(grades, chapter):
    row = grades[f"{chapter}-wrong.ipynb"]
    assert 0 < float(row["tests"]) < float(row["tests possible"])
    last = exercises_of(chapter)[-1].name
    assert float(row[f"{chapter}:{last}"]) == 0
    assert "raised NotImplementedError" in row["failures"]


def test_partial_credit_within_one_question(built, tmp_path):
    """An answer right only for one output (b_y counted as one number) gets part of the question."""
    solution = nbformat.read(solution_of(built, "problem"), 4)
    for cell in answer_cells(solution, "count_parameters"):
        cell.source = "def count_parameters(E, H, Y):\n    return E * H + H * H + H * Y + H + 1\n"
    nbformat.write(solution, tmp_path / "constant.ipynb")
    loaded = grade.load_assignments(built, tmp_path / "scratch")
    result = grade.grade(tmp_path / "constant.ipynb", loaded, LIMITS, LAYERS, seed=0)
    score, most = result.scores["problem_count"]
    assert 0 < score < most
    assert "networks with several outputs" in " ".join(result.failures["problem_count"])


def test_bad_submissions_score_zero_with_a_reason(built, tmp_path):
    (tmp_path / "not-json.ipynb").write_text("this is not a notebook")
    other = nbformat.read(student_of(built, "problem"), 4)
    other.metadata.pop(assignments.METADATA_KEY)
    nbformat.write(other, tmp_path / "no-assignment.ipynb")
    student = nbformat.read(student_of(built, "problem"), 4)
    student.cells.insert(1, nbformat.v4.new_code_cell("raise SystemExit('crash')"))
    nbformat.write(student, tmp_path / "crash.ipynb")
    loaded = grade.load_assignments(built, tmp_path / "scratch")
    unreadable = grade.grade(tmp_path / "not-json.ipynb", loaded, LIMITS, LAYERS, seed=0)
    assert unreadable.total == 0 and "not a notebook" in unreadable.status
    unknown = grade.grade(tmp_path / "no-assignment.ipynb", loaded, LIMITS, LAYERS, seed=0)
    assert unknown.total == 0 and "not a notebook of a known assignment" in unknown.status
    crashed = grade.grade(tmp_path / "crash.ipynb", loaded, LIMITS, LAYERS, seed=0)
    assert crashed.total == 0 and crashed.possible > 0 and crashed.status == "graded"


def test_building_twice_gives_the_same_bytes(built, tmp_path):
    assignments.main(["--out", str(tmp_path), str(ROOT / "book" / "problem.ipynb")])
    for path in sorted(p for p in tmp_path.rglob("*") if p.is_file() and "problem" in str(p)):
        relative = path.relative_to(tmp_path)
        assert path.read_bytes() == (built / relative).read_bytes(), relative


def test_students_folder_holds_only_student_notebooks(built):
    files = sorted(p.relative_to(built) for p in (built / assignments.STUDENTS).rglob("*") if p.is_file())
    assert files == [Path(assignments.STUDENTS) / f"{c}.ipynb" for c in sorted(CHAPTERS)]
    assert sorted(p.name for p in built.iterdir()) == ["README.md", assignments.INSTRUCTOR_ONLY,
                                                        assignments.STUDENTS]


def hidden_lines(chapter):
    """Lines of the hidden tests that are not also in the chapter (imports, setup names)."""
    book = (ROOT / "book" / f"{chapter}.ipynb").read_text()
    source = (assignments.HIDDEN / f"{chapter}.py").read_text()
    return [line.strip() for line in source.splitlines()
            if len(line.strip()) > 15 and json.dumps(line.strip())[1:-1] not in book]


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_solution_or_hidden_test_reaches_students(built, chapter):
    text = student_of(built, chapter).read_text()
    solution_lines = []
    for exercise in exercises_of(chapter):
        stubbed = assignments.answer_code(exercise.solution, stub=True)
        solution_lines += [line.strip() for line in assignments.answer_code(exercise.solution, stub=False).splitlines()
                           if len(line.strip()) > 12 and line not in stubbed]
    lines = solution_lines + hidden_lines(chapter)
    assert len(lines) > 10, chapter
    for line in lines:
        assert json.dumps(line)[1:-1] not in text, (chapter, line)


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_notebook_has_no_book_markup(built, chapter):
    notebook = nbformat.read(student_of(built, chapter), 4)
    for cell in notebook.cells:
        assert not cell.metadata.get("tags"), cell.metadata
        assert not re.search(r"\{(exercise|solution|glue|eq|doc|cite)[^}]*\}", cell.source), cell.source[:80]
        assert "remove-cell" not in cell.source and "nbval" not in cell.source


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_student_notebook_reads_without_the_book(built, chapter):
    """Every equation it cites is shown with its number, every slide it names is quoted, no label is left."""
    markdown = "\n".join(c.source for c in nbformat.read(student_of(built, chapter), 4).cells
                         if c.cell_type == "markdown")
    cited = {int(n) for n in re.findall(r"[Ee]quations? \((\d+)\)", markdown)}
    cited |= {int(n) for n in re.findall(r"[Ee]quations \(\d+\) (?:to|and) \((\d+)\)", markdown)}
    shown = {int(n) for n in re.findall(r"^\*\*\((\d+)\)\*\* \$\$", markdown, re.M)}
    assert cited <= shown, sorted(cited - shown)
    assert shown == set(range(1, len(shown) + 1)), "equations are numbered 1, 2, … in the notebook"
    for number in {int(n) for n in re.findall(r"\b[Ss]lides? (\d+)", markdown)}:
        assert f"> **Slide {number}.**" in markdown, number
    assert "in the book)" not in markdown and not re.search(r"\*(ex|fig|eq)-[\w-]+\*", markdown)


def rnn_lib_names():
    names = set(dir(rnn_lib))
    for module in pkgutil.iter_modules(rnn_lib.__path__):
        names |= set(dir(importlib.import_module(f"rnn_lib.{module.name}")))
    return names


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_functions_to_write_do_not_come_ready_made(built, chapter):
    """Neither rnn_lib (which students import) nor the student files define them."""
    library = rnn_lib_names()
    notebook = nbformat.read(student_of(built, chapter), 4)
    for exercise in exercises_of(chapter):
        for function in exercise.functions:
            assert function not in library, f"rnn_lib already has {function}"
            for cell in answer_cells(notebook, function):
                body = cell.source.split(f"def {function}(", 1)[1].split("\n", 1)[1]
                assert re.fullmatch(r'(\s*""".*?"""\s*)?\s*\.\.\.\s*', body, re.S), body


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_every_exercise_has_hidden_tests_that_say_what_they_check(chapter):
    exercises = exercises_of(chapter)
    cases = hidden_cases(hidden_of(chapter), {e.label: e.name for e in exercises})
    for exercise in exercises:
        mine = [c for c in cases if c.question == exercise.name]
        assert len(mine) >= 2, exercise.label
        for case in mine:
            assert case.description.endswith(".") and len(case.description) < 120, case.description


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_hidden_tests_that_refuse_the_library_draw_fresh_inputs(chapter):
    """A test that refuses rnn_lib must use ``rng``: inputs known in advance could be precomputed."""
    for function in vars(hidden_of(chapter)).values():
        spec = getattr(function, "grading_case", None)
        if spec is not None and spec.refuse:
            assert "rng" in inspect.signature(function).parameters, function.__name__


def test_generated_output_is_not_committed():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert not re.search(r"(^|/)_build/|autograder.*\.zip|^grades\.csv$|instructor-only", tracked, re.M)


def submissions_of(tmp_path, built, chapter="problem"):
    folder = tmp_path / "submissions"
    folder.mkdir()
    (folder / "honest.ipynb").write_bytes(solution_of(built, chapter).read_bytes())
    (folder / "blank.ipynb").write_bytes(student_of(built, chapter).read_bytes())
    return folder


@pytest.mark.parametrize("without", ["namespaces", "uid", "uid,namespaces"])
def test_grading_without_a_layer_still_grades_correctly_and_says_what_is_missing(built, tmp_path, capsys, without):
    folder = submissions_of(tmp_path, built)
    out = tmp_path / "grades.csv"
    grade.main([str(folder), "--assignments", str(built), "--out", str(out), "--seed", "0", "--without", without])
    rows = read_grades(out)
    assert float(rows["honest.ipynb"]["tests"]) == float(rows["honest.ipynb"]["tests possible"]) > 0
    assert float(rows["blank.ipynb"]["tests"]) == 0
    printed = capsys.readouterr().out
    assert ("NOT contained: file system and network" in printed) == ("namespaces" in without or not LAYERS.namespaces)
    if "uid" in without:
        assert "NOT contained: own user id: switched off" in printed


def test_a_broken_grading_environment_stops_before_any_grade(built, tmp_path, monkeypatch):
    """As if the sandbox could not start the worker: every submission would score 0 as "graded"."""
    from grading import session

    monkeypatch.setattr(session, "INSIDE", tmp_path / "no-worker-here")
    folder = submissions_of(tmp_path, built)
    out = tmp_path / "grades.csv"
    with pytest.raises(SystemExit) as stopped:
        grade.main([str(folder), "--assignments", str(built), "--out", str(out), "--seed", "0"])
    assert "grading stopped" in str(stopped.value) and "did not start" in str(stopped.value)
    assert not out.exists()


def test_a_reference_solution_that_loses_points_stops_grading(built, tmp_path):
    broken = tmp_path / "assignments"
    assignments.main(["--out", str(broken), str(ROOT / "book" / "problem.ipynb")])
    solution = nbformat.read(solution_of(broken, "problem"), 4)
    for cell in answer_cells(solution, "count_parameters"):
        cell.source = "def count_parameters(E, H, Y):\n    return 0\n"
    nbformat.write(solution, solution_of(broken, "problem"))
    folder = submissions_of(tmp_path, broken)
    out = tmp_path / "grades.csv"
    with pytest.raises(SystemExit) as stopped:
        grade.main([str(folder), "--assignments", str(broken), "--out", str(out), "--seed", "0"])
    assert "reference solution of problem scored 2/5" in str(stopped.value), stopped.value
    assert not out.exists()


def read_rows(path):
    with open(path) as handle:
        return {row["student"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def class_batch(built, tmp_path_factory):
    """A class as a learning-management system exports it: a folder per student, and flat Canvas files."""
    root = tmp_path_factory.mktemp("class")
    submissions = root / "submissions"
    for student in ("alice", "bob", "carol", "dave"):
        (submissions / student).mkdir(parents=True)
    (submissions / "alice" / "Problem.IPYNB").write_bytes(solution_of(built, "problem").read_bytes())
    (submissions / "bob" / "problem.ipynb").write_bytes(student_of(built, "problem").read_bytes())
    (submissions / "carol" / "problem.ipynb").write_bytes(solution_of(built, "log_loss").read_bytes())
    (submissions / "dave" / "first.ipynb").write_bytes(student_of(built, "problem").read_bytes())
    (submissions / "dave" / "second.ipynb").write_bytes(solution_of(built, "problem").read_bytes())
    (submissions / "doejane_12345_678901_problem.ipynb").write_bytes(solution_of(built, "problem").read_bytes())
    (submissions / ".ipynb_checkpoints").mkdir()
    (submissions / ".ipynb_checkpoints" / "x-checkpoint.ipynb").write_bytes(b"not graded")
    out = root / "results" / "grades.csv"
    grade.main([str(submissions), "--assignments", str(built), "--out", str(out), "--seed", "0",
                "--assignment", "problem", "--jobs", "2"])
    return root, out


def test_a_class_gets_one_row_per_student_with_the_right_scores(class_batch):
    _, out = class_batch
    rows = read_rows(out)
    assert sorted(rows) == ["alice", "bob", "carol", "dave", "doejane_12345"]
    full = float(rows["alice"]["problem:problem_count"]) + float(rows["alice"]["problem:problem_order"])
    assert full == 5 and float(rows["doejane_12345"]["problem:problem_count"]) == 3
    assert float(rows["bob"]["problem:problem_count"]) == 0 and rows["bob"]["status"].startswith("graded")
    assert rows["carol"]["status"] == "wrong assignment: this notebook is for log_loss"
    assert float(rows["carol"]["total"]) == 0 and rows["carol"]["assignment"] == "problem"
    assert rows["dave"]["submission"] == "dave/second.ipynb"
    assert "also graded: dave/first.ipynb (0/5)" in rows["dave"]["status"]
    assert all(row["possible"] == "9" and row["tests possible"] == "5" for row in rows.values())


def test_every_student_gets_feedback_without_hidden_test_code(class_batch):
    root, _ = class_batch
    pages = {p.stem: p.read_text() for p in (root / "results" / "feedback").glob("*.md")}
    assert sorted(pages) == ["alice", "bob", "carol", "dave", "doejane_12345"]
    assert "count_parameters returned None" in pages["bob"] and "**passed**" in pages["alice"]
    assert "wrong assignment" in pages["carol"]
    hidden = [line.strip() for line in (assignments.HIDDEN / "problem.py").read_text().splitlines()
              if len(line.strip()) > 25 and not line.strip().startswith(('"""', "#", "def ", "@case"))]
    assert len(hidden) > 5
    for page in pages.values():
        assert not [line for line in hidden if line in page]


def test_answers_in_words_are_exported_and_points_given_by_hand_are_merged_back(class_batch, built):
    root, out = class_batch
    manual = root / "results" / "manual" / "problem"
    assert sorted(p.name for p in manual.glob("*.csv")) == ["problem_count.csv", "problem_eos.csv", "problem_order.csv"]
    with open(manual / "problem_eos.csv", newline="") as handle:
        table = list(csv.reader(handle))
    assert [row[0] for row in table[1:]] == ["alice", "bob", "carol", "dave", "doejane_12345"]
    table[1][2], table[1][3] = "1.5", "Right, but say what <eos> gives documents of other lengths."
    table[2][2] = "7"  # out of range: reported, not counted, kept to correct
    with open(manual / "problem_eos.csv", "w", newline="") as handle:
        csv.writer(handle).writerows(table)
    submissions = root / "submissions"
    grade.main([str(submissions), "--assignments", str(built), "--out", str(out), "--seed", "0",
                "--assignment", "problem", "--jobs", "2"])
    rows = read_rows(out)
    assert rows["alice"]["problem:problem_eos (by hand)"] == "1.5" and rows["alice"]["total"] == "6.5"
    assert rows["bob"]["problem:problem_eos (by hand)"] == "" and rows["bob"]["total"] == "0"
    assert "Right, but say what" in (root / "results" / "feedback" / "alice.md").read_text()
    with open(manual / "problem_eos.csv", newline="") as handle:
        assert list(csv.reader(handle))[2][2] == "7"


@pytest.mark.parametrize("problem, message", [
    ("missing", "is not a folder"), ("empty", "no notebooks"), ("unknown", "unknown assignment 'nope'")])
def test_grading_stops_with_a_clear_message_for_a_bad_batch(built, tmp_path, problem, message):
    folder = tmp_path / "submissions"
    if problem != "missing":
        folder.mkdir()
    if problem == "unknown":
        (folder / "a.ipynb").write_bytes(student_of(built, "problem").read_bytes())
    argv = [str(folder), "--assignments", str(built), "--out", str(tmp_path / "grades.csv")]
    with pytest.raises(SystemExit) as stopped:
        grade.main(argv + (["--assignment", "nope"] if problem == "unknown" else []))
    assert message in str(stopped.value) and stopped.value.code != 0
    assert not (tmp_path / "grades.csv").exists()
