"""A failed build stays failed: `make book` and `make book-offline` exit non-zero on every run until
the cause is fixed, and say which chapter and which cell failed.

Builds a small copy of the book (the preface, the problem chapter and the API page; every
other chapter reduced to its title, so that links to it resolve) in a temporary folder,
with the repository's virtual environment, so that breaking it touches nothing here.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.prefix)
TOC = "format: jb-book\nroot: book/preface\nchapters:\n  - file: book/problem\n  - file: book/api\n"


def title_only(path):
    """A chapter reduced to its title: a page that links can reach, with nothing to execute."""
    title = next(c.source.splitlines()[0] for c in nbformat.read(path, 4).cells if c.cell_type == "markdown")
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(title)])


@pytest.fixture
def small_book(tmp_path):
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    others = []
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        if name.startswith("book/") and name.endswith(".ipynb") and name != "book/problem.ipynb":
            nbformat.write(title_only(ROOT / name), tmp_path / name)
            others.append(name.removesuffix(".ipynb"))
            continue
        shutil.copy2(ROOT / name, tmp_path / name)
    (tmp_path / "_toc.yml").write_text(TOC + "".join(f"  - file: {name}\n" for name in others))
    modules = ROOT / "offline" / "node_modules"
    if modules.is_dir():
        (tmp_path / "offline" / "node_modules").symlink_to(modules)
    return tmp_path


def make(folder, target):
    """`make target` in the copy, with this environment (its install step marked as done)."""
    stamp = VENV / ".book-installed"
    return subprocess.run(["make", "-o", str(stamp), target, f"VENV={VENV}"], cwd=folder,
                          capture_output=True, text=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def break_notebook(folder):
    path = folder / "book" / "problem.ipynb"
    notebook = nbformat.read(path, 4)
    notebook.cells.insert(6, nbformat.v4.new_code_cell("raise RuntimeError('broken on purpose')"))
    nbformat.write(notebook, path)


def test_a_chapter_that_fails_to_execute_fails_every_build_until_fixed(small_book):
    assert make(small_book, "book").returncode == 0, "the small book builds before it is broken"
    original = (small_book / "book" / "problem.ipynb").read_bytes()
    break_notebook(small_book)
    for attempt in (1, 2):
        result = make(small_book, "book")
        assert result.returncode != 0, f"build {attempt} after breaking a chapter succeeded"
        assert "chapter book/problem failed to execute" in result.stderr, result.stderr[-2000:]
        assert "raise RuntimeError('broken on purpose')" in result.stderr
    (small_book / "book" / "problem.ipynb").write_bytes(original)
    assert make(small_book, "book").returncode == 0, "the fixed book builds again"


def test_a_broken_reference_fails_every_build_online_and_offline(small_book):
    assert make(small_book, "book").returncode == 0
    with open(small_book / "book" / "preface.md", "a") as page:
        page.write("\nSee {ref}`no-such-label`.\n")
    for attempt in (1, 2):
        result = make(small_book, "book")
        assert result.returncode != 0 and "no-such-label" in result.stdout + result.stderr, attempt
    if not (ROOT / "offline" / "node_modules" / "mathjax").is_dir():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail("offline/node_modules is missing: run `npm ci --prefix offline`")
        pytest.skip("the offline build needs npm's MathJax (npm ci --prefix offline)")
    for attempt in (1, 2):
        result = subprocess.run([sys.executable, "scripts/build_offline.py"], cwd=small_book,
                                capture_output=True, text=True)
        assert result.returncode != 0 and "no-such-label" in result.stdout + result.stderr, attempt
