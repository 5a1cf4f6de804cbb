"""Build graded assignments from the book's own exercises.

Each coded exercise is written in two places:

- in its chapter notebook, the ``{exercise}`` directive (label ``ex-...``)
  holds its text; inside its ``{solution-start}``/``{solution-end}``, a code
  cell tagged ``exercise-solution`` holds the reference solution (the
  functions to write), and code cells tagged ``exercise-test`` hold its public
  tests, one test case per cell, shown to the student and worth no points (the
  points come from the hidden tests); code cells tagged
  ``exercise-setup`` (anywhere in the chapter) define what the exercises need;
- in ``grading/hidden/<chapter>.py``, its hidden tests (see grading/cases.py).
  They never appear in the book, its website or a student notebook.

Every top-level function of a solution cell is a function the student writes
(put helpers inside it).

    python -m grading.assignments [--out DIR] [CHAPTER.ipynb ...]

writes, for every chapter with coded exercises:

    <out>/students/<chapter>.ipynb                      hand this out
    <out>/instructor-only/<chapter>/solution.ipynb      the student notebook, answered
    <out>/instructor-only/<chapter>/assignment.json     questions, setup, public tests
    <out>/instructor-only/<chapter>/hidden_tests.py     the hidden tests
    <out>/instructor-only/<chapter>/gradescope.zip      an autograder for Gradescope
"""

import argparse
import ast
import hashlib
import json
import re
import shutil
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

from .book_index import SLIDES, book_index, slides_named
from .layout import ANSWER, DEFAULT_OUT, FORMAT, HIDDEN, INSTRUCTOR_ONLY, METADATA_KEY, ROOT, STUDENTS, load_hidden

SETUP = "exercise-setup"
PARTS = {"exercise-solution": "solutions", "exercise-test": "public"}
EXERCISE = re.compile(r"```\{exercise\}\s*(?P<title>[^\n]*)\n(?P<options>(?::[^\n]*\n)*)(?P<body>.*?)```", re.S)
SOLUTION_MARKER = re.compile(r"```\{solution-(?:start\}\s*(?P<label>\S+)|end\})")
EQ_RANGE = re.compile(r"\{eq\}`(?P<first>[\w-]+)`\s+to\s+\{eq\}`(?P<last>[\w-]+)`")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<target>[^`]*)`")


@dataclass
class Exercise:
    """One coded exercise: its text, its reference solution and its public test cases."""

    label: str
    title: str = ""
    text: str = ""
    solutions: list = field(default_factory=list)
    public: list = field(default_factory=list)

    @property
    def name(self):
        """The question's name: the label without 'ex-', as an identifier."""
        return re.sub(r"\W", "_", self.label.removeprefix("ex-"))

    @property
    def solution(self):
        return "\n\n\n".join(self.solutions)

    @property
    def functions(self):
        return functions_to_write(self.solution)

    @property
    def coded(self):
        return bool(self.solutions)


def glued_values(notebook):
    """{name: text} of every value the chapter glues, for exercise texts that quote one."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                values[name] = output["data"]["application/papermill.record/text/plain"]
    return values


def plain_markdown(text, glue, numbers=None):
    """Book-only MyST roles → plain Markdown that Jupyter renders, without the rest of the book.

    An equation reference becomes its number, "(n)", counted in the order the
    student notebook first cites it: ``numbers`` ({label: n}, updated in place)
    holds that numbering for the whole notebook, so that the notebook can show
    the equations themselves (``referenced_equations``). "{eq}`a` to {eq}`b`"
    cites every equation of the range. Chapters, exercises and figures are named
    by their titles.
    """
    index = book_index()
    numbers = {} if numbers is None else numbers
    ranges = {m.start(): index.equation_range(m["first"], m["last"]) for m in EQ_RANGE.finditer(text)}
    for match in ROLE.finditer(text):  # number in order of first citation, a range all at once
        if match["role"] == "eq":
            for label in ranges.get(match.start(), [match["target"]]):
                numbers.setdefault(label, len(numbers) + 1)

    def replace(match):
        role, target = match["role"], match["target"]
        label = target.split("<")[-1].rstrip(">") if "<" in target else target
        shown = target.split("<")[0].strip() if "<" in target else None
        if role.startswith("glue"):
            return glue.get(label, label)
        if role == "eq":
            number = numbers.setdefault(label, len(numbers) + 1)
            named = re.search(r"[Ee]quations?\s*(?:\{eq\}`[^`]*`\s*(?:to|and|,)\s*)?$", match.string[:match.start()])
            return f"({number})" if named else f"equation ({number})"
        if role == "doc":
            return f"the book's chapter *{index.titles.get(label) or shown or label}*"
        if role == "ref" and label in index.exercises:
            return f"the book's exercise *{index.exercises[label]}*"
        if role == "numref" and label in index.figures:
            return "the book's figure: " + index.figures[label].rstrip(".")
        if role in ("cite", "cite:p", "cite:t"):
            return f"({label})"
        return f"*{shown or target}*"

    return ROLE.sub(replace, text)


def referenced_equations(labels, numbers):
    """The book's equations ``labels``, each with its number in ``numbers``, as Markdown."""
    index = book_index()
    return "\n\n".join(f"**({numbers[label]})** $$\n{index.equations[label]}\n$$" for label in labels)


def quoted_slides(numbers):
    """A quotation of each slide in ``numbers``, for a notebook read without the book."""
    return "\n\n".join(f"> **Slide {n}.** {SLIDES[n]}" for n in numbers)


def chapter_exercises(notebook, coded_only=True):
    """(setup cell sources, exercises in book order) of a chapter notebook: the coded ones, or all."""
    order, texts, exercises, setup, current = [], {}, {}, [], None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for match in EXERCISE.finditer(cell.source):
                options = yaml.safe_load(match["options"].replace(":", "", 1).replace("\n:", "\n")) or {}
                order.append(options.get("label"))
                texts[order[-1]] = (match["title"].strip(), match["body"].strip())
            for marker in SOLUTION_MARKER.finditer(cell.source):  # in order: one cell may end one
                current = marker["label"]                          # solution and start the next
            continue
        tags = set(cell.metadata.get("tags", []))
        if "exercise-test-hidden" in tags:
            raise ValueError("hidden tests live in grading/hidden/<chapter>.py, never in the book:"
                             f" {cell.source[:60]!r}")
        if SETUP in tags:
            setup.append(cell.source)
        for tag in tags & PARTS.keys():
            if current is None:
                raise ValueError(f"a cell tagged {tag} is outside any solution: {cell.source[:60]!r}")
            exercise = exercises.setdefault(current, Exercise(label=current))
            getattr(exercise, PARTS[tag]).append(cell.source)
    for label, exercise in exercises.items():
        if not exercise.solutions:
            raise ValueError(f"{label} needs a cell tagged exercise-solution")
    found = []
    for label in order:
        exercise = exercises.get(label, Exercise(label=label))
        exercise.title, exercise.text = texts[label]
        if exercise.coded or not coded_only:
            found.append(exercise)
    return setup, found


def functions_to_write(solution):
    """Names of the top-level functions a solution cell defines: what the student writes."""
    return [node.name for node in ast.parse(solution).body if isinstance(node, ast.FunctionDef)]


def answer_code(solution, stub):
    """The imports and functions of a solution; with ``stub``, each body after its docstring is ``...``.

    Other top-level statements (demonstrations) are dropped.
    """
    lines = solution.splitlines()
    kept = []
    for node in ast.parse(solution).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kept.append("\n".join(lines[node.lineno - 1 : node.end_lineno]))
        elif isinstance(node, ast.FunctionDef):
            start = node.lineno - 1 - len(node.decorator_list)
            if not stub:
                kept.append("\n".join(lines[start : node.end_lineno]))
                continue
            body = node.body
            has_docstring = isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant)
            first = body[1] if has_docstring and len(body) > 1 else body[0]
            head = lines[start : first.lineno - 1]
            indent = " " * first.col_offset
            kept.append("\n".join(head + [f"{indent}..."]))
    return "\n\n\n".join(kept)


INTRO = """# Assignment: {title}

These exercises come from the chapter *{title}* of *Recurrent Neural Networks,
Step by Step*.

1. Run the first code cell: it sets up what the exercises use.
2. For each exercise that asks for a function, write it where it says `...`.
   Keep its name and its arguments. Run the cell below it: a public test, which
   prints `passed` or stops with an error that says what is wrong.
3. Where it says **Your answer**, answer in words (and formulas, if you like)
   in that cell: these answers are graded by hand.
4. Submit this notebook. The grader runs it, then calls your functions on
   inputs of its own: these hidden tests give the points of the functions.

{points}

Your functions must return plain values: numbers, strings, lists, tuples, numpy
arrays or rnn_lib objects. Where an exercise asks you to write something that
rnn_lib already has, rnn_lib's version is not available while the grader tests
yours."""



def worth(auto, manual):
    """'(3 points)', '(2 points, graded by hand)' or '(3 points, and 1 graded by hand)'."""
    if auto and manual:
        return f"({auto:g} points, and {manual:g} graded by hand)"
    return f"({auto:g} points)" if auto else f"({manual:g} points, graded by hand)"


def student_notebook(chapter, title, setup, exercises, points, manual, glue, answered):
    """The notebook students get (``answered=False``) or its reference answers (True).

    points: {question: points of its hidden tests}; manual: {question: points graded by hand}.
    """
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    auto_total, manual_total = sum(points.values()), sum(manual.values())
    summary = f"Points: {auto_total:g} for the functions" + (
        f", {manual_total:g} for the answers graded by hand." if manual_total else ".")
    cells = [md(INTRO.format(title=title, points=summary)), code("\n\n".join(setup))]
    number, numbers, quoted = 0, {}, set()  # equations: one numbering for the whole notebook
    for exercise in exercises:
        if not exercise.coded and not manual.get(exercise.name):
            continue
        number += 1
        before = set(numbers)
        parts = [f"## Exercise {number}: {exercise.title} "
                 f"{worth(points.get(exercise.name, 0), manual.get(exercise.name, 0))}",
                 plain_markdown(exercise.text, glue, numbers)]
        cited = sorted((label for label in numbers if label not in before), key=numbers.get)
        if cited:
            parts.append("Equations from the book:\n\n" + referenced_equations(cited, numbers))
        slides = [n for n in slides_named(exercise.text) if n not in quoted]
        if slides:
            parts.append(quoted_slides(slides))
            quoted.update(slides)
        cells.append(md("\n\n".join(parts)))
        if exercise.coded:
            answer = code(answer_code(exercise.solution, stub=not answered))
            answer.metadata[METADATA_KEY] = {"question": exercise.name}
            cells.append(answer)
            for test in exercise.public:
                check = code("# A public test: it checks your function on one input and earns no points.\n"
                             "# The grader's hidden tests, on inputs of their own, give the points.\n"
                             f"{test.rstrip()}\nprint(\"passed\")")
                check.metadata[METADATA_KEY] = {"check": exercise.name}  # the grader runs these itself
                cells.append(check)
        if manual.get(exercise.name):
            written = md(ANSWER + "\n\n")
            written.metadata[METADATA_KEY] = {"answer": exercise.name}
            cells.append(written)
    for index, cell in enumerate(cells):
        cell.id = f"{chapter}-{index}"  # stable ids: the same build gives the same bytes
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        METADATA_KEY: {"assignment": chapter},
    }
    return notebook


def manual_points(exercises, module):
    """{question: points graded by hand}: 2 for each exercise without code, unless the hidden
    tests' module says otherwise in MANUAL = {label: points} (0 leaves it out)."""
    chosen = getattr(module, "MANUAL", {})
    unknown = set(chosen) - {e.label for e in exercises}
    if unknown:
        raise ValueError(f"MANUAL names exercises this chapter does not have: {sorted(unknown)}")
    points = {e.name: chosen.get(e.label, 0 if e.coded else 2) for e in exercises}
    return {name: p for name, p in points.items() if p}


def chapter_title(notebook):
    for cell in notebook.cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match[1].strip()
    return ""


def build(chapter_path, out):
    """Build one chapter's assignment under ``out``; return its instructor folder, or None."""
    from .cases import hidden_cases

    notebook = nbformat.read(chapter_path, as_version=4)
    setup, exercises = chapter_exercises(notebook, coded_only=False)
    coded = [e for e in exercises if e.coded]
    if not coded:
        return None
    chapter = chapter_path.stem
    hidden_path = HIDDEN / f"{chapter}.py"
    if not hidden_path.exists():
        raise ValueError(f"{chapter} has coded exercises but no hidden tests in {hidden_path}")
    module = load_hidden(hidden_path, chapter)
    cases = hidden_cases(module, {e.label: e.name for e in coded})
    points = {e.name: sum(c.points for c in cases if c.question == e.name) for e in coded}
    for exercise in coded:
        if not points[exercise.name]:
            raise ValueError(f"{exercise.label} has no hidden test in {hidden_path}")
    manual = manual_points(exercises, module)
    title = chapter_title(notebook)
    instructor = out / INSTRUCTOR_ONLY / chapter
    shutil.rmtree(instructor, ignore_errors=True)
    instructor.mkdir(parents=True)
    (out / STUDENTS).mkdir(parents=True, exist_ok=True)
    glue = glued_values(notebook)
    for answered, path in ((False, out / STUDENTS / f"{chapter}.ipynb"), (True, instructor / "solution.ipynb")):
        nbformat.write(student_notebook(chapter, title, setup, exercises, points, manual, glue, answered), path)
    shutil.copy(hidden_path, instructor / "hidden_tests.py")
    description = {
        "format": FORMAT,
        "name": chapter,
        "title": title,
        "setup": setup,
        "library": sorted({name for c in cases for name in c.refuse}),
        "questions": [{"name": e.name, "label": e.label, "title": e.title, "functions": e.functions,
                       "public": e.public, "solution": answer_code(e.solution, stub=False)}
                      for e in coded],
        "manual": [{"name": e.name, "label": e.label, "title": e.title, "points": manual[e.name]}
                   for e in exercises if e.name in manual],
        "source": hashlib.sha256(chapter_path.read_bytes() + hidden_path.read_bytes()).hexdigest(),
    }
    (instructor / "assignment.json").write_text(json.dumps(description, indent=1, ensure_ascii=False) + "\n")
    gradescope_zip(instructor, chapter)
    return instructor


ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # every entry's date: the same build gives the same bytes


def gradescope_zip(instructor, chapter):
    """instructor/gradescope.zip: the autograder for Gradescope (see grading/gradescope.py)."""
    here = Path(__file__).resolve().parent
    entries = {"setup.sh": here / "gradescope_setup.sh", "run_autograder": here / "gradescope_run.sh",
               "requirements.txt": ROOT / "requirements" / "runtime.txt"}
    for folder in (ROOT / "rnn_lib", ROOT / "rnn_lib" / "analysis", ROOT / "rnn_book", ROOT / "rnn_book" / "figures",
                   here, here / "inside"):
        for path in sorted(folder.glob("*.py")):
            entries[str(path.relative_to(ROOT))] = path
    for name in ("assignment.json", "hidden_tests.py", "solution.ipynb"):
        entries[f"assignments/{INSTRUCTOR_ONLY}/{chapter}/{name}"] = instructor / name
    with zipfile.ZipFile(instructor / "gradescope.zip", "w", zipfile.ZIP_DEFLATED) as archive:
        for name, path in sorted(entries.items()):
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = (0o100755 if name in ("setup.sh", "run_autograder") else 0o100644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


README = """# Assignments built from the book

- `students/`: the notebooks to hand out. They hold no solution and no hidden test.
- `instructor-only/`: keep this folder to yourself. For each assignment, the
  reference answers (`solution.ipynb`), the hidden tests (`hidden_tests.py`),
  what the grader needs (`assignment.json`), and an autograder to upload to
  Gradescope (`gradescope.zip`).

Grade a folder of submissions with `make grade SUBMISSIONS=folder`.
"""


def chapters():
    return sorted(p for p in (ROOT / "book").glob("*.ipynb"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    (out / "README.md").write_text(README)
    for path in args.notebooks or chapters():
        folder = build(path.resolve(), out)
        print(f"{path.stem}: {folder or 'no coded exercises'}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
