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
