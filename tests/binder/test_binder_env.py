"""The Binder environment installs into a fresh virtual environment and runs every chapter.

Binder (repo2docker) installs binder/requirements.txt, then runs binder/postBuild,
into an image that already has Jupyter; this test does the same in a new venv,
adds the two Jupyter packages Binder's image provides (ipykernel to run code,
nbclient to drive it, at the book's pinned versions), and executes every chapter
notebook there. It prints the install time and the environment's size.
"""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))

# Binder's own image brings a Jupyter kernel and server; pin them as the book does.
JUPYTER_FROM_BINDER_IMAGE = ["ipykernel", "nbclient"]

EXECUTE = """
import sys, nbformat
from pathlib import Path
from nbclient import NotebookClient
for path in sys.argv[1:]:
    nb = nbformat.read(path, as_version=4)
    folder = str(Path(path).parent)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}).execute()
    print("ran", path, flush=True)
"""


def pinned(package):
    text = (ROOT / "requirements" / "book.txt").read_text()
    return re.search(rf"^{package}==\S+", text, re.MULTILINE).group(0)


def folder_megabytes(path):
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


@pytest.fixture(scope="module")
def binder_venv(tmp_path_factory):
    venv = tmp_path_factory.mktemp("binder") / "venv"
    bin_dir = venv / "bin"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(bin_dir / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run(pip + ["-r", "binder/requirements.txt"], cwd=ROOT, check=True)
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["bash", "binder/postBuild"], cwd=ROOT, env=env, check=True)
    seconds = time.perf_counter() - start
    print(f"\nBinder runtime set: installed in {seconds:.0f} s, {folder_megabytes(venv):.0f} MB")
    subprocess.run(pip + [pinned(p) for p in JUPYTER_FROM_BINDER_IMAGE], check=True)
    return venv


def test_runtime_set_is_small(binder_venv):
    python = binder_venv / "bin" / "python"
    freeze = subprocess.run([str(python), "-m", "pip", "freeze"], capture_output=True, text=True, check=True)
    for heavy in ("jupyter-book", "sphinx", "pytest", "nbval", "playwright", "otter-grader", "torch"):
        assert not re.search(rf"^{heavy}[=@ ]", freeze.stdout, re.MULTILINE | re.IGNORECASE), heavy


def test_every_chapter_runs_in_the_binder_environment(binder_venv):
    python = binder_venv / "bin" / "python"
    assert subprocess.run([str(python), "-c", "import rnn_lib, ipywidgets, matplotlib"]).returncode == 0
    result = subprocess.run(
        [str(python), "-c", EXECUTE, *map(str, CHAPTERS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.count("ran ") == len(CHAPTERS)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("assignments")
    subprocess.run([sys.executable, "-m", "grading.assignments", "--out", str(out), "book/problem.ipynb",
                    "book/log_loss.ipynb"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return out


RUN_NOTEBOOK = """
import json, sys, nbformat
from nbclient import NotebookClient
nb = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True).execute()
cells = []
for cell in nb.cells:
    if cell.cell_type == "code":
        errors = [o["ename"] for o in cell.outputs if o["output_type"] == "error"]
        text = "".join(o.get("text", "") for o in cell.outputs if o["output_type"] == "stream")
        cells.append({"check": "check" in cell.metadata.get("rnn_step_by_step", {}), "errors": errors, "text": text})
print(json.dumps(cells))
"""


@pytest.mark.parametrize("chapter", ["problem", "log_loss"])
def test_a_student_notebook_runs_in_the_binder_environment(binder_venv, built, chapter):
    """Blank, only its public tests stop (each with a clear error); answered, every test prints passed."""
    import json

    python = str(binder_venv / "bin" / "python")
    for kind, path in (("blank", built / "students" / f"{chapter}.ipynb"),
                       ("answered", built / "instructor-only" / chapter / "solution.ipynb")):
        result = subprocess.run([python, "-c", RUN_NOTEBOOK, str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stderr[-2000:]
        cells = json.loads(result.stdout)
        checks = [c for c in cells if c["check"]]
        assert checks and all(not c["errors"] for c in cells if not c["check"]), (kind, cells)
        if kind == "blank":
            assert all(c["errors"] for c in checks), cells
        else:
            assert all(not c["errors"] and c["text"].strip() == "passed" for c in checks), cells


def test_the_gradescope_autograder_installs_fresh_and_grades_to_full_marks(built, tmp_path):
    """Unpack gradescope.zip as Gradescope does, run its setup.sh into a new venv, then run_autograder."""
    import json
    import zipfile

    root = tmp_path / "autograder"
    (root / "source").mkdir(parents=True)
    (root / "submission").mkdir()
    with zipfile.ZipFile(built / "instructor-only" / "problem" / "gradescope.zip") as archive:
        archive.extractall(root / "source")
    for script in ("setup.sh", "run_autograder"):
        (root / script).write_bytes((root / "source" / script).read_bytes())
    (root / "submission" / "my notebook.ipynb").write_bytes(
        (built / "instructor-only" / "problem" / "solution.ipynb").read_bytes())
    env = {**os.environ, "AUTOGRADER": str(root)}
    start = time.perf_counter()
    subprocess.run(["bash", str(root / "setup.sh")], env=env, check=True)
    print(f"\nGradescope autograder: set up in {time.perf_counter() - start:.0f} s")
    run = subprocess.run(["bash", str(root / "run_autograder")], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr[-3000:]
    results = json.loads((root / "results" / "results.json").read_text())
    assert results["score"] == sum(t["max_score"] for t in results["tests"]) == 5
    assert {t["name"] for t in results["tests"]} == {"Count the weights", "Word order"}


def test_rnn_lib_needs_numpy_only(tmp_path):
    """In an environment with numpy alone, rnn_lib imports and trains the worked example."""
    venv = tmp_path / "numpy-only"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = str(venv / "bin" / "python")
    numpy = re.search(r"^numpy==\S+", (ROOT / "requirements" / "runtime.txt").read_text(), re.MULTILINE).group(0)
    subprocess.run([python, "-m", "pip", "install", "--quiet", numpy], check=True)
    subprocess.run([python, "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(ROOT)], check=True,
                   capture_output=True)
    code = ("import importlib.util, rnn_lib\n"
            "from rnn_lib.analysis import baseline, jacobians, memory, vanishing\n"
            "assert importlib.util.find_spec('matplotlib') is None\n"
            "example = rnn_lib.worked_example()\n"
            "history = rnn_lib.gradient_descent(example.params, example.X, example.y, 0.5, 20)\n"
            "print(f'{history.y_hat[0]:.3f} {history.y_hat[-1]:.3f}')")
    result = subprocess.run([python, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    first, last = map(float, result.stdout.split())
    assert first == 0.5 and last > 0.9
