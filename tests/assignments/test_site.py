"""What the website shows: never a hidden test, and in the course edition no solution at all.

Reads the built public site (_build/html, built by `make build-strict` before this
suite in `make test`) and builds the course edition (`make book SOLUTIONS=hidden`).
Each check is first shown to find what it looks for where it is present.
"""

import html
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import build_course  # noqa: E402

from grading import assignments  # noqa: E402

SITE = ROOT / "_build" / "html"
COURSE = ROOT / "_build" / "course" / "html"
CHAPTERS = [p.stem for p in assignments.chapters() if assignments.chapter_exercises(nbformat.read(p, 4))[1]]
SOLUTION = re.compile(r"```\{solution-start\}.*?```\{solution-end\}", re.S)

needs_site = pytest.mark.skipif(
    not (SITE / "index.html").exists() and os.environ.get("REQUIRE_BROWSER") != "1",
    reason="the website is not built: run `make build-strict` first",
)


def site_text(folder):
    """Every file of a built site, as text: raw, and with tags stripped and whitespace collapsed."""
    raw = [p.read_text(errors="replace") for p in folder.rglob("*") if p.is_file()
           and p.suffix in (".html", ".ipynb", ".txt", ".js", ".md", ".py", ".json")]
    joined = "\n".join(raw)
    plain = " ".join(html.unescape(re.sub(r"<[^>]+>", " ", joined)).split())
    return joined, plain


def hidden_test_lines(chapter):
    """The hidden tests' lines of code that appear nowhere in the book's own sources."""
    book = "\n".join(p.read_text() for p in (ROOT / "book").glob("*") if p.is_file())
    source = (assignments.HIDDEN / f"{chapter}.py").read_text()
    return [line.strip() for line in source.splitlines()
            if len(line.strip()) > 20 and line.strip() not in book and json.dumps(line.strip())[1:-1] not in book]


def solution_prose(chapter):
    """Runs of six plain words in a row (no maths, code or markup) from the chapter's solutions."""
    notebook = nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4)
    text = "\n".join(c.source for c in notebook.cells if c.cell_type == "markdown")
    runs = []
    for block in SOLUTION.findall(text):
        run = []
        for word in block.split() + ["$"]:
            if re.fullmatch(r"[A-Za-z][a-z,.;'’-]*", word):
                run.append(word)
                continue
            runs += [" ".join(run[i : i + 6]) for i in range(0, len(run) - 5, 6)]
            run = []
    elsewhere = " ".join(outside_solutions(chapter).split())
    return [run for run in runs if run not in elsewhere]


def outside_solutions(chapter=None):
    """The book's text and code outside every solution (all chapters and pages, and the API's docstrings)."""
    texts = [p.read_text() for p in [*(ROOT / "book").glob("*.md"), *(ROOT / "rnn_lib").glob("*.py")]]
    for path in (ROOT / "book").glob("*.ipynb"):
        notebook = build_course.strip_solutions(nbformat.read(path, 4))
        texts += [c.source for c in notebook.cells]
    return "\n".join(texts)


def solution_code(chapter):
    """Lines of the reference solutions that are not in the student's stub nor elsewhere in the chapter."""
    lines, elsewhere = [], outside_solutions(chapter)
    for exercise in assignments.chapter_exercises(nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4))[1]:
        stub = assignments.answer_code(exercise.solution, stub=True)
        lines += [line.strip() for line in exercise.solution.splitlines()
                  if len(line.strip()) > 15 and line.strip() not in stub and line.strip() not in elsewhere]
    return lines


def found(lines, raw, plain):
    """The lines that appear in a site, raw, JSON-escaped (in notebooks) or as rendered text."""
    def present(line):
        return (line in raw or json.dumps(line)[1:-1] in raw or html.escape(line, quote=False) in raw
                or " ".join(line.split()) in plain)

    return [line for line in lines if present(line)]


@pytest.fixture(scope="module")
def public_site():
    if not (SITE / "index.html").exists():
        pytest.fail("the website is not built: `make build-strict` must run before this suite")
    return site_text(SITE)


@pytest.fixture(scope="module")
def course_site():
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_course.py")], check=True,
                   stdout=subprocess.DEVNULL)
    return site_text(COURSE)


@needs_site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_no_page_of_the_website_shows_a_hidden_test(public_site, chapter):
    lines = hidden_test_lines(chapter)
    assert len(lines) >= 10, chapter
    assert not found(lines, *public_site), chapter


def test_the_hidden_test_check_finds_a_planted_line():
    lines = hidden_test_lines("forward")
    planted = f"<html><body><pre>{html.escape(lines[3])}</pre></body></html>"
    assert found(lines, planted, " ".join(html.unescape(re.sub(r"<[^>]+>", " ", planted)).split()))


@needs_site
@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_public_website_shows_the_solutions(public_site, chapter):
    """The control for the course edition's check: on the public site it finds them."""
    assert len(found(solution_code(chapter), *public_site)) >= 2, chapter
    assert len(found(solution_prose(chapter), *public_site)) >= 0.8 * len(solution_prose(chapter)) > 0, chapter


@pytest.mark.parametrize("chapter", CHAPTERS)
def test_the_course_edition_has_every_exercise_and_no_solution(course_site, chapter):
    raw, plain = course_site
    assert not found(solution_code(chapter), raw, plain), chapter
    assert not found(solution_prose(chapter), raw, plain), chapter
    for exercise in assignments.chapter_exercises(nbformat.read(ROOT / "book" / f"{chapter}.ipynb", 4))[1]:
        assert exercise.title in plain, exercise.title


LAUNCH = re.compile(r"https://(mybinder\.org/v2|colab\.research\.google\.com/github)/")


@needs_site
def test_the_public_website_has_launch_buttons_and_the_course_edition_none(public_site, course_site):
    assert LAUNCH.search((SITE / "book" / "forward.html").read_text())
    for page in (COURSE / "book").glob("*.html"):
        assert not LAUNCH.search(page.read_text()), page.name
