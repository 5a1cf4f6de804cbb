"""Build graded assignments from the book's own exercises.

Each coded exercise is written in two places:

- in its chapter notebook, the ``{exercise}`` directive (label ``ex-...``)
  holds its text; inside its ``{solution-start}``/``{solution-end}``, a code
  cell tagged ``exercise-solution`` holds the reference solution (the
  functions to write), and code cells tagged ``exercise-test`` hold its public
  tests, one test case per cell, one point each; code cells tagged
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
"""

import argparse
import ast
import hashlib
import importlib.util
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = Path(__file__).resolve().parent / "hidden"
DEFAULT_OUT = ROOT / "_build" / "assignments"
INSTRUCTOR_ONLY = "instructor-only"
STUDENTS = "students"
FORMAT = 1
SETUP = "exercise-setup"
PARTS = {"exercise-solution": "solutions", "exercise-test": "public"}
EXERCISE = re.compile(r"```\{exercise\}\s*(?P<title>[^\n]*)\n(?P<options>(?::[^\n]*\n)*)(?P<body>.*?)```", re.S)
SOLUTION_MARKER = re.compile(r"```\{solution-(?:start\}\s*(?P<label>\S+)|end\})")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<target>[^`]*)`")
METADATA_KEY = "rnn_step_by_step"


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


def glued_values(notebook):
    """{name: text} of every value the chapter glues, for exercise texts that quote one."""
    values = {}
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                values[name] = output["data"]["application/papermill.record/text/plain"]
    return values


def plain_markdown(text, glue):
    """Book-only MyST roles → plain Markdown that Jupyter renders."""

    def replace(match):
        role, target = match["role"], match["target"]
        label = target.split("<")[-1].rstrip(">") if "<" in target else target
        if role.startswith("glue"):
            return glue.get(label, label)
        if role == "eq":
            return f"({label} in the book)"
        if role == "doc":
            return f"the book's chapter *{label}*"
        if role in ("cite", "cite:p", "cite:t"):
            return f"({label})"
        return f"*{target}*"

    return ROLE.sub(replace, text)


def chapter_exercises(notebook):
    """(setup cell sources, coded exercises in book order) of a chapter notebook."""
    texts, exercises, setup, current = {}, {}, [], None
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            for match in EXERCISE.finditer(cell.source):
                options = yaml.safe_load(match["options"].replace(":", "", 1).replace("\n:", "\n")) or {}
                texts[options.get("label")] = (match["title"].strip(), match["body"].strip())
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
        exercise.title, exercise.text = texts[label]
        if not exercise.solutions:
            raise ValueError(f"{label} needs a cell tagged exercise-solution")
    return setup, list(exercises.values())


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


def load_hidden(path, name):
    """Import a hidden-test module from its file (it is not a package module: it can be a copy)."""
    spec = importlib.util.spec_from_file_location(f"hidden_tests_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


INTRO = """# Assignment: {title}

These exercises come from the chapter *{title}* of *Recurrent Neural Networks,
Step by Step*.

1. Run the first code cell: it sets up what the exercises use.
2. For each exercise, write the function where it says `...`. Keep its name and
   its arguments.
3. Run the cell below your function. It is a public test: it prints `passed`,
   or stops with an error that says what is wrong.
4. Submit this notebook. The grader runs it, then calls your functions on
   inputs of its own: these hidden tests give the points ({points} in all).

Your functions must return plain values: numbers, strings, lists, tuples, numpy
arrays or rnn_lib objects. Where an exercise asks you to write something that
rnn_lib already has, rnn_lib's version is not available while the grader tests
yours."""


def student_notebook(chapter, title, setup, exercises, points, glue, answered):
    """The notebook students get (``answered=False``) or its reference answers (True)."""
    md, code = nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [md(INTRO.format(title=title, points=sum(points.values()) if points else "")),
             code("\n\n".join(setup))]
    for number, exercise in enumerate(exercises, start=1):
        worth = points[exercise.name]
        cells.append(md(f"## Exercise {number}: {exercise.title} ({worth:g} points)\n\n"
                        f"{plain_markdown(exercise.text, glue)}"))
        answer = code(answer_code(exercise.solution, stub=not answered))
        answer.metadata[METADATA_KEY] = {"question": exercise.name}
        cells.append(answer)
        for test in exercise.public:
            cells.append(check := code("# A public test: it checks your function on one input and earns no points.\n"
                              "# The grader's hidden tests, on inputs of their own, give the points.\n"
                              f"{test.rstrip()}\nprint(\"passed\")"))
            check.metadata[METADATA_KEY] = {"check": exercise.name}  # the grader runs these itself
    for index, cell in enumerate(cells):
        cell.id = f"{chapter}-{index}"  # stable ids: the same build gives the same bytes
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
        METADATA_KEY: {"assignment": chapter},
    }
    return notebook


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
    setup, exercises = chapter_exercises(notebook)
    if not exercises:
        return None
    chapter = chapter_path.stem
    hidden_path = HIDDEN / f"{chapter}.py"
    if not hidden_path.exists():
        raise ValueError(f"{chapter} has coded exercises but no hidden tests in {hidden_path}")
    questions = {e.label: e.name for e in exercises}
    cases = hidden_cases(load_hidden(hidden_path, chapter), questions)
    points = {e.name: sum(c.points for c in cases if c.question == e.name) for e in exercises}
    for exercise in exercises:
        if not any(c.question == exercise.name for c in cases):
            raise ValueError(f"{exercise.label} has no hidden test in {hidden_path}")
    title = chapter_title(notebook)
    instructor = out / INSTRUCTOR_ONLY / chapter
    shutil.rmtree(instructor, ignore_errors=True)
    instructor.mkdir(parents=True)
    (out / STUDENTS).mkdir(parents=True, exist_ok=True)
    glue = glued_values(notebook)
    nbformat.write(student_notebook(chapter, title, setup, exercises, points, glue, answered=False),
                   out / STUDENTS / f"{chapter}.ipynb")
    nbformat.write(student_notebook(chapter, title, setup, exercises, points, glue, answered=True),
                   instructor / "solution.ipynb")
    shutil.copy(hidden_path, instructor / "hidden_tests.py")
    library = sorted({name for c in cases for name in c.refuse})
    description = {
        "format": FORMAT,
        "name": chapter,
        "title": title,
        "setup": setup,
        "library": library,
        "questions": [{"name": e.name, "label": e.label, "title": e.title, "functions": e.functions,
                       "public": e.public, "solution": answer_code(e.solution, stub=False)}
                      for e in exercises],
        "source": hashlib.sha256(chapter_path.read_bytes() + hidden_path.read_bytes()).hexdigest(),
    }
    (instructor / "assignment.json").write_text(json.dumps(description, indent=1, ensure_ascii=False) + "\n")
    return instructor


README = """# Assignments built from the book

- `students/`: the notebooks to hand out. They hold no solution and no hidden test.
- `instructor-only/`: keep this folder to yourself. For each assignment, the
  reference answers (`solution.ipynb`), the hidden tests (`hidden_tests.py`)
  and what the grader needs (`assignment.json`).

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
