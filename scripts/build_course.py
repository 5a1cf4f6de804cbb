"""Build the course edition of the book: every exercise, no solution.

For a class that is graded on the book's exercises. The public website shows
each exercise's solution behind a toggle, and its downloadable notebooks and
launch buttons carry them; this edition has none of that:

- the chapter notebooks are copied with everything between ``{solution-start}``
  and ``{solution-end}`` removed (prose answers, reference code, public tests),
  so neither the pages nor the downloadable .ipynb files hold a solution;
- sphinx-exercise's ``hide_solutions`` is on as well;
- the Binder, Colab and Live Code buttons are off: they would open the
  repository's notebooks, which hold the solutions. Students work in the
  assignment notebooks that ``make assignments`` builds.

Notebooks are not re-executed: the stored outputs are the ones strict nbval proves current.

    python scripts/build_course.py        (the Makefile's `make book SOLUTIONS=hidden`)

Result: _build/course/html.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "course"
START = re.compile(r"```\{solution-start\}[^\n]*\n(?::[^\n]*\n)*```\n?")
END = re.compile(r"```\{solution-end\}[^\n]*\n```\n?")
SOURCES = ["book", "_toc.yml", "references.bib", "_static", "rnn_lib"]  # rnn_lib: the BPTT chapter shows its code


def strip_solutions(notebook):
    """The notebook without anything inside a solution; raises ValueError for unbalanced markers."""
    inside, cells = False, []
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            if not inside:
                cells.append(cell)
            continue
        kept, text = [], cell.source
        while text:
            marker = (END if inside else START).search(text)
            if marker is None:
                if not inside:
                    kept.append(text)
                break
            if not inside:
                kept.append(text[: marker.start()])
            inside = not inside
            text = text[marker.end():]
        source = "".join(kept).strip()
        if source:
            cell.source = source
            cells.append(cell)
    if inside:
        raise ValueError("a {solution-start} has no {solution-end}")
    notebook.cells = cells
    return notebook


def course_config():
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    config["launch_buttons"] = {"notebook_interface": "jupyterlab", "binderhub_url": "", "colab_url": "",
                                "thebe": False}
    config["sphinx"].setdefault("config", {})["hide_solutions"] = True
    config["title"] += " (course edition)"
    return config


def main():
    source = OUT / "src"
    shutil.rmtree(OUT, ignore_errors=True)
    source.mkdir(parents=True)
    for name in SOURCES:
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, source / name)
    for path in sorted((source / "book").glob("*.ipynb")):
        nbformat.write(strip_solutions(nbformat.read(path, 4)), path)
    (source / "_config.yml").write_text(yaml.safe_dump(course_config(), sort_keys=False))
    build = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(source),
             "--path-output", str(OUT), "-W", "-n", "--keep-going"]
    subprocess.run(build, check=True)
    shutil.move(OUT / "_build" / "html", OUT / "html")
    shutil.rmtree(OUT / "_build")
    print(f"The course edition is in {OUT / 'html' / 'index.html'}")


if __name__ == "__main__":
    main()
