"""Build graded assignments from the book's own exercises: one source per exercise.

Each coded exercise is written once, in its chapter notebook:

- the ``{exercise}`` directive (label ``ex-...``) holds its text;
- inside its ``{solution-start}``/``{solution-end}``, a code cell tagged
  ``exercise-solution`` holds the reference solution (the functions to write),
  and code cells tagged ``exercise-test`` (public) or ``exercise-test-hidden``
  hold its tests, one test case per cell, one point each;
- code cells tagged ``exercise-setup`` (anywhere in the chapter) define what the
  exercises need (imports, the worked example).

Traps: every top-level function of a solution cell is a function the student
writes (put helpers inside it or in the tests); otter runs each test cell as a
doctest, so a bare expression that returns a value fails (assert instead); a
hidden test's line must not appear in a setup cell or the exercise text, or it
reaches the student.

On the website the solution and its tests run inside the hidden solution. This
script turns every chapter with coded exercises into an otter-grader master
notebook and runs ``otter assign`` on it, giving, per chapter:

    <out>/<chapter>/student/<chapter>.ipynb          hand this out (no solutions,
                                                     no hidden tests, no book markup)
    <out>/<chapter>/autograder/<chapter>-autograder.zip   grade with it (make grade)
    <out>/<chapter>/autograder/<chapter>-solution.ipynb   the reference solutions

    python scripts/build_assignments.py [--out DIR] [CHAPTER.ipynb ...]
"""

import argparse
import ast
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = ROOT / "_build" / "assignments"
SETUP = "exercise-setup"
PARTS = {"exercise-solution": "solutions", "exercise-test": "public", "exercise-test-hidden": "hidden"}
EXERCISE = re.compile(r"```\{exercise\}\s*(?P<title>[^\n]*)\n(?P<options>(?::[^\n]*\n)*)(?P<body>.*?)```", re.S)
SOLUTION_MARKER = re.compile(r"```\{solution-(?:start\}\s*(?P<label>\S+)|end\})")
ROLE = re.compile(r"\{(?P<role>[\w:-]+)\}`(?P<target>[^`]*)`")


@dataclass
class Exercise:
    """One coded exercise: its text, its reference solution and its test cases."""

    label: str
    title: str = ""
    text: str = ""
    solutions: list = field(default_factory=list)
    public: list = field(default_factory=list)
    hidden: list = field(default_factory=list)

    @property
    def name(self):
        """The question's name for otter: the label without 'ex-', as an identifier."""
        return re.sub(r"\W", "_", self.label.removeprefix("ex-"))


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
        if SETUP in tags:
            setup.append(cell.source)
        for tag in tags & PARTS.keys():
            if current is None:
                raise ValueError(f"a cell tagged {tag} is outside any solution: {cell.source[:60]!r}")
            exercise = exercises.setdefault(current, Exercise(label=current))
            getattr(exercise, PARTS[tag]).append(cell.source)
    for label, exercise in exercises.items():
        exercise.title, exercise.text = texts[label]
        if not exercise.solutions or not exercise.public + exercise.hidden:
            raise ValueError(f"{label} needs a cell tagged exercise-solution and at least one test cell")
    return setup, list(exercises.values())


def functions_to_write(solution):
    """Names of the top-level functions a solution cell defines: what the student writes."""
    return [node.name for node in ast.parse(solution).body if isinstance(node, ast.FunctionDef)]


def marked_solution(solution):
    """The solution with each function body between otter's BEGIN/END SOLUTION markers.

    Students get the signature and docstring with the body replaced by `...`.
    Imports stay; other top-level statements (demonstrations) are dropped.
    """
    lines = solution.splitlines()
    kept = []
    for node in ast.parse(solution).body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            kept.append("\n".join(lines[node.lineno - 1 : node.end_lineno]))
        elif isinstance(node, ast.FunctionDef):
            body = node.body
            has_docstring = isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant)
            first = body[1] if has_docstring and len(body) > 1 else body[0]
            indent = " " * first.col_offset
            head = lines[node.lineno - 1 - len(node.decorator_list) : first.lineno - 1]
            code = lines[first.lineno - 1 : node.end_lineno]
            kept.append("\n".join(head + [f"{indent}# BEGIN SOLUTION", *code, f"{indent}# END SOLUTION"]))
    return "\n\n\n".join(kept)


def test_cell(source, hidden):
    config = '""" # BEGIN TEST CONFIG\nhidden: true\n""" # END TEST CONFIG\n' if hidden else ""
    return nbformat.v4.new_code_cell(config + source)


def master_notebook(chapter, title, setup, exercises, glue):
    """An otter-assign master notebook for one chapter."""
    raw, md, code = nbformat.v4.new_raw_cell, nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    config = {
        "name": chapter,
        "init_cell": True,
        "check_all_cell": True,
        "export_cell": False,
        "run_tests": True,
        "solutions_pdf": False,
        "generate": {"pdf": False},
        "tests": {"files": False, "ok_format": True},
    }
    cells = [
        raw("# ASSIGNMENT CONFIG\n" + yaml.safe_dump(config, sort_keys=False)),
        md(
            f"# Assignment: {title}\n\n"
            f"These exercises come from the chapter *{title}* of *Recurrent Neural Networks, Step by "
            "Step*. Write each function where it says `...`, then run the `grader.check` cell below "
            "it to run the public tests. Your work is graded with further, hidden tests."
        ),
        code("\n\n".join(setup)),
    ]
    for number, exercise in enumerate(exercises, start=1):
        points = len(exercise.public) + len(exercise.hidden)
        cells += [
            raw(f"# BEGIN QUESTION\nname: {exercise.name}\npoints: {points}"),
            md(f"## Exercise {number}: {exercise.title}\n\n{plain_markdown(exercise.text, glue)}"),
            raw("# BEGIN SOLUTION"),
            code(marked_solution("\n\n\n".join(exercise.solutions))),
            raw("# END SOLUTION"),
            raw("# BEGIN TESTS"),
            *[test_cell(t, hidden=False) for t in exercise.public],
            *[test_cell(t, hidden=True) for t in exercise.hidden],
            raw("# END TESTS"),
            raw("# END QUESTION"),
        ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata = {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}}
    return notebook


def chapter_title(notebook):
    for cell in notebook.cells:
        match = re.search(r"^# (.+)$", cell.source, re.M) if cell.cell_type == "markdown" else None
        if match:
            return match[1].strip()
    return ""


def build(chapter_path, out):
    """Build one chapter's assignment into out/<chapter>; return the folder, or None if it has none."""
    notebook = nbformat.read(chapter_path, as_version=4)
    setup, exercises = chapter_exercises(notebook)
    if not exercises:
        return None
    chapter = chapter_path.stem
    folder = out / chapter
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "source").mkdir(parents=True)
    master = folder / "source" / f"{chapter}.ipynb"
    nbformat.write(master_notebook(chapter, chapter_title(notebook), setup, exercises, glued_values(notebook)), master)
    otter = Path(sys.executable).parent / "otter"
    subprocess.run([str(otter), "assign", "--no-pdfs", str(master), str(folder / "dist")], check=True,
                   cwd=folder, stdout=subprocess.DEVNULL)
    (folder / "student").mkdir()
    (folder / "autograder").mkdir()
    shutil.move(folder / "dist" / "student" / f"{chapter}.ipynb", folder / "student" / f"{chapter}.ipynb")
    # otter names the zip after the time of the build; a stable name is what `make grade` looks for
    (zipped,) = (folder / "dist" / "autograder").glob(f"{chapter}-autograder_*.zip")
    shutil.move(zipped, folder / "autograder" / f"{chapter}-autograder.zip")
    shutil.move(folder / "dist" / "autograder" / f"{chapter}.ipynb", folder / "autograder" / f"{chapter}-solution.ipynb")
    shutil.rmtree(folder / "dist")
    return folder


def chapters():
    return sorted(p for p in (ROOT / "book").glob("*.ipynb"))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("notebooks", nargs="*", type=Path)
    args = parser.parse_args(argv)
    for path in args.notebooks or chapters():
        folder = build(path.resolve(), args.out.resolve())
        print(f"{path.stem}: {folder or 'no coded exercises'}", flush=True)


if __name__ == "__main__":
    main()
