"""The *For instructors* page (book/instructors.md) against the code it describes.

The page is Markdown, so its numbers cannot be glued: each test here reads a
statement of the page and compares it with the constant or the behaviour of the
grading code, which it imports rather than repeats. The counts of hostile
submissions are checked in test_hostile.py, which grades them.
"""

import csv
import inspect
import os
import re
import sys
import time
import zipfile
from pathlib import Path

import nbformat
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from grading import apart, assignments, grade, report, sandbox, session, students  # noqa: E402
from grading.book_index import book_index, slides_named  # noqa: E402
from grading.cases import public_case  # noqa: E402
from grading.inside import codec  # noqa: E402
from grading.layout import INSTRUCTOR_ONLY, STUDENTS  # noqa: E402

PAGE = (ROOT / "book" / "instructors.md").read_text()
TEXT = " ".join(PAGE.split())  # sentences as one line, whatever the wrapping
CHAPTERS = [p.stem for p in assignments.chapters()
            if assignments.chapter_exercises(nbformat.read(p, 4))[1]]
GiB, MiB = 2**30, 2**20


def table_after(heading):
    """The rows (lists of cells) of the first pipe table after ``heading``, without its header."""
    rest = PAGE[PAGE.index(heading):]
    lines = rest.splitlines()
    first = next(n for n, line in enumerate(lines) if line.lstrip().startswith("|"))
    block = []
    for line in lines[first:]:
        if not line.lstrip().startswith("|"):
            break
        block.append([cell.strip() for cell in line.strip().strip("|").split("|")])
    return block[2:]


def stated(pattern):
    """The numbers the page states where ``pattern`` (a regex over the one-line text) matches once."""
    found = re.findall(pattern, TEXT)
    assert len(found) == 1, (pattern, found)
    return tuple(float(n) for n in found[0]) if isinstance(found[0], tuple) else float(found[0])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignments")
    assignments.main(["--out", str(out)])
    return out


# ---------------------------------------------------------------- which assignment covers what

def toc_part(caption):
    parts = yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]
    part = next(p for p in parts if p["caption"] == caption)
    return {Path(c["file"]).name for c in part["chapters"]}


def slides_quoted(chapter):
    """The slides a chapter quotes in bold ("**Slide 7: binary cross-entropy.**"), in order."""
    notebook = nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    return sorted({int(n) for n in re.findall(r"\*\*Slides? (\d+)", text)})


def page_slides(cell):
    """'2–6' → [2, …, 6]; '10 (optional deep dive)' → [10]; 'beyond the slides …' → []."""
    match = re.match(r"(\d+)(?:–(\d+))?", cell)
    return list(range(int(match[1]), int(match[2] or match[1]) + 1)) if match else []


COVERS = table_after("## Which assignment covers what")


def test_the_table_lists_every_assignment_in_book_order():
    order = [Path(c["file"]).name for part in yaml.safe_load((ROOT / "_toc.yml").read_text())["parts"]
             for chapter in part["chapters"] for c in [chapter, *chapter.get("sections", [])]]
    assert [row[0].strip("`") for row in COVERS] == sorted(CHAPTERS, key=order.index)
    for row in COVERS:
        assert row[1] == f"{{doc}}`{row[0].strip('`')}`", row


@pytest.mark.parametrize("row", COVERS, ids=[row[0].strip("`") for row in COVERS])
def test_the_slides_of_each_assignment_are_those_its_chapter_quotes(row):
    """A lecture chapter's slides are the ones it quotes in bold; a deep dive's, the one its title
    names; the chapters of the part "Beyond the slides" quote none, and name the slide they extend."""
    chapter, slides = row[0].strip("`"), row[2]
    title = book_index().titles[chapter]
    if chapter in toc_part("Beyond the slides"):
        assert slides.startswith("beyond the slides") and not slides_quoted(chapter)
        mentioned = re.search(r"\((.*)\)", slides)
        assert not mentioned or set(slides_named(mentioned[1])) <= set(slides_named(
            "\n".join(c.source for c in nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4).cells)))
    elif title.startswith("Deep dive"):
        assert slides.endswith("(optional deep dive)") and page_slides(slides) == slides_named(title)
    else:
        assert page_slides(slides) == slides_quoted(chapter)


# ---------------------------------------------------------------- points

def test_points_given_by_hand_are_as_the_page_says():
    without_code, coded = stated(r"by hand: (\d+) points for an exercise without code, unless the chapter's "
                                 r"`MANUAL` says otherwise, and for the words of a coded one what `MANUAL` "
                                 r"gives them \((\d+) point in every chapter so far\)")
    words, numbers = assignments.Exercise(label="ex-words"), assignments.Exercise(label="ex-code", solutions=["x"])
    assert assignments.manual_points([words, numbers], module=None) == {"words": without_code}
    given = []
    for chapter in CHAPTERS:
        module = assignments.load_hidden(assignments.HIDDEN / f"{chapter}.py", chapter)
        _, exercises = assignments.chapter_exercises(nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4),
                                                     coded_only=False)
        is_coded = {e.label: e.coded for e in exercises}
        given += [points for label, points in getattr(module, "MANUAL", {}).items() if is_coded[label]]
    assert given and set(given) == {coded}


def test_public_tests_earn_no_points():
    assert "Public tests check one known input and earn **no points**" in TEXT
    assert public_case("q", "assert True", 1).points == 0


# ---------------------------------------------------------------- limits and times

LIMITS = [
    (r"a private `/tmp` of (\d+) GiB", sandbox.Limits().disk_bytes / GiB),
    (r"without it, (\d+) GiB is per process", sandbox.Limits().memory_bytes / GiB),
    (r"in a child process of the grader with (\d+) GiB of memory", apart.MEMORY_BYTES / GiB),
    (r"with \d+ GiB of memory and (\d+) s", session.LIBRARY_SECONDS),
    (r"A value is at most (\d+) MiB", codec.MAX_MESSAGE_BYTES / MiB),
    (r"hangs \(a quarter of `TIMEOUT`, at most (\d+) s\)", session.CALL_SECONDS),
    (r"or a quarter of it, at most (\d+) s \(one call\)", session.CALL_SECONDS),
]


@pytest.mark.parametrize(("pattern", "value"), LIMITS, ids=[p for p, _ in LIMITS])
def test_each_limit_the_page_states_is_the_codes(pattern, value):
    assert stated(pattern) == value


def test_the_default_library_limit_is_what_the_grader_uses():
    assert inspect.signature(apart.apart).parameters["memory_bytes"].default == apart.MEMORY_BYTES


@pytest.mark.parametrize("timeout", [8.0, 120.0, 400.0])
def test_a_call_gets_a_quarter_of_TIMEOUT_and_a_submission_three_times_it(timeout):
    assert "killed at `TIMEOUT` (the notebook) or a quarter of it" in TEXT
    assert "it counts against the submission's time (three times `TIMEOUT` in all)" in TEXT
    started = time.monotonic()
    s = session.Session([], session.Library([]), ROOT, sandbox.Limits(wall_seconds=timeout), layers=None)
    assert s.call_seconds == min(timeout / 4, session.CALL_SECONDS)
    assert 0 <= s.deadline - started - 3 * timeout < 1


# ---------------------------------------------------------------- copy detection

def test_the_review_column_uses_the_thresholds_the_page_states():
    percent, nodes = stated(r"agrees to (\d+)% with a published solution of (\d+) or more nodes")
    defaults = inspect.signature(grade.copied).parameters
    assert (defaults["similar"].default, defaults["smallest"].default) == (percent / 100, nodes)


# ---------------------------------------------------------------- commands, files and columns

def makefile():
    return (ROOT / "Makefile").read_text()


def make_commands():
    return re.findall(r"make (\w+)((?: [A-Z]+=\S+)*)", PAGE)


@pytest.mark.parametrize(("target", "variables"), sorted(set(make_commands())))
def test_every_make_command_on_the_page_has_its_target_and_variables(target, variables):
    text = makefile()
    assert re.search(rf"^{target}:", text, re.M), target
    for name in re.findall(r"([A-Z]+)=", variables):
        recipe = text[re.search(rf"^{target}:", text, re.M).start():].split("\n\n")[0]
        assert f"$({name})" in recipe or f"ifeq ($({name})" in text, (target, name)


def test_the_grade_variables_the_page_names_exist_with_their_defaults():
    for name in ["JOBS", "TIMEOUT", "SEED", "GRADES"]:
        assert f"`{name}`" in PAGE and re.search(rf"^{name} \?=", makefile(), re.M), name
    default = re.search(r"^GRADES \?= (\S+)", makefile(), re.M)[1]
    assert f"into `GRADES` (`{default}` by default)" in TEXT
    assert "`JOBS` at a time (default: one per core)" in TEXT
    assert grade.command_line().parse_args(["folder"]).jobs == (os.cpu_count() or 1)


PATHS = sorted(set(re.findall(r"`((?:grading|tests)/[\w/<>.]+\.py)`", PAGE)))


@pytest.mark.parametrize("path", PATHS)
def test_every_file_the_page_names_exists(path):
    assert list(ROOT.glob(re.sub(r"<\w+>", "*", path))), path


def make_rules():
    """{target: its rule (prerequisites and recipe)} of the Makefile."""
    return {m[1]: m[0] for m in re.finditer(r"^([\w-]+):.*(?:\n\t.*)*", makefile(), re.M)}


def run_by(target):
    """The targets that `make <target>` runs: its prerequisites and the ones its recipe makes."""
    rules, found, todo = make_rules(), set(), [target]
    while todo:
        name = todo.pop()
        found.add(name)
        todo += [word for word in re.findall(r"[\w-]+", rules[name]) if word in rules and word not in found]
    return found


@pytest.mark.parametrize("folder", sorted(set(re.findall(r"`tests/(\w+)/\w+\.py`[^.]*on every `make test`", TEXT))))
def test_the_suites_said_to_run_on_every_make_test_do(folder):
    runs = [t for t, rule in make_rules().items() if re.search(rf"pytest tests/{folder}\b", rule)]
    assert runs and set(runs) <= run_by("test"), folder


def test_the_page_names_the_columns_of_grades_csv_in_order(tmp_path):
    path = tmp_path / "grades.csv"
    report.write_csv(path, [], {})
    with open(path) as handle:
        header = next(csv.reader(handle))
    named = [name for row in table_after("`grades.csv` columns:") for name in re.findall(r"`([^`]+)`", row[0])
             if "<" not in name and "…" not in name]
    assert named == header


def test_learning_management_file_names_on_the_page_are_read_as_their_students():
    names = re.findall(r"`([^`]*_[^`]*\.ipynb)`", PAGE)
    assert len(names) == 2
    for elided in names:
        name = elided.replace("…", "2026-11-20-10-31-52")  # the page elides Blackboard's time stamp
        student = students.student_of(Path("/export") / name, Path("/export"))
        assert student and student in name and student != name.removesuffix(".ipynb"), name


def test_make_assignments_writes_the_folders_and_files_the_page_lists(built):
    instructor_row = next(row for row in table_after("1. **Before the term.**") if INSTRUCTOR_ONLY in row[0])
    listed = set(re.findall(r"`(\w+\.\w+)`", instructor_row[1]))
    assert "`_build/assignments`" in PAGE and assignments.DEFAULT_OUT == ROOT / "_build" / "assignments"
    for chapter in CHAPTERS:
        assert {p.name for p in (built / INSTRUCTOR_ONLY / chapter).iterdir()} == listed
        assert (built / STUDENTS / f"{chapter}.ipynb").is_file()
    assert {p.name for p in (built / STUDENTS).iterdir()} == {f"{c}.ipynb" for c in CHAPTERS}


def test_student_notebooks_import_only_what_the_page_says(built):
    assert ("the notebook imports only the runtime set's packages, the book's `rnn_lib` and `rnn_book`,"
            " IPython and Python's standard library") in TEXT
    runtime = set((ROOT / "requirements" / "runtime.in").read_text().split())
    allowed = runtime | {"rnn_lib", "rnn_book", "IPython"} | set(sys.stdlib_module_names)
    for chapter in CHAPTERS:
        notebook = nbformat.read(built / STUDENTS / f"{chapter}.ipynb", 4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                for match in re.finditer(r"^\s*(?:from|import) (\w+)", cell.source, re.M):
                    assert match[1] in allowed, (chapter, match[0])


def test_the_gradescope_zip_holds_what_the_page_says(built):
    assert "its `setup.sh` installs Python 3.11, the book's pinned runtime set and bubblewrap" in TEXT
    with zipfile.ZipFile(built / INSTRUCTOR_ONLY / "problem" / "gradescope.zip") as archive:
        names = set(archive.namelist())
        setup = archive.read("setup.sh").decode()
        assert archive.read("requirements.txt") == (ROOT / "requirements" / "runtime.txt").read_bytes()
    assert {"setup.sh", "run_autograder"} <= names
    assert "python3.11 -m venv" in setup and "bubblewrap" in setup and "requirements.txt" in setup


def test_feedback_and_manual_files_are_where_the_page_says(tmp_path):
    assert "`feedback/<student>.md`" in PAGE and "`manual/<assignment>/<question>.csv`" in PAGE
    assert "with empty `points` and `comment` columns" in TEXT

    class Assignment:
        name, title, manual, titles = "log_loss", "Log loss", {"half": 2.0}, {"half": "Half"}

    g = grade.Grade(submission="jane.ipynb", student="jane", assignment="log_loss", answers={"half": "words"})
    report.write([g], {"log_loss": Assignment()}, tmp_path / "grades.csv")
    assert (tmp_path / "feedback" / "jane.md").is_file()
    with open(tmp_path / "manual" / "log_loss" / "half.csv") as handle:
        (row,) = csv.DictReader(handle)
    assert row["student"] == "jane" and row["points"] == "" and row["comment"] == ""
