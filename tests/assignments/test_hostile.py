"""Hostile submissions, graded in one batch with honest ones: each is contained and scored.

Every hostile notebook is the `problem` assignment's student notebook with one
cell of attack code after the setup. Where an attack would *succeed*, it fills
in the correct answers, so a score above 0 means the sandbox let it through.
The network attack aims only at a server this test starts on 127.0.0.1.
"""

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_assignments  # noqa: E402
import grade  # noqa: E402
import sandbox  # noqa: E402

WALL_SECONDS = 25
CORRECT = '''
def count_parameters(E, H, Y):
    return E * H + H * H + H * Y + H + Y


def last_prediction(text):
    X = rnn_lib.embed(rnn_lib.tokenize(text), example.vocabulary, example.embeddings)
    return rnn_lib.forward(example.params, X).y_hat[-1, 0]
'''


def attack(body):
    """Attack code that, if it gets through, defines the correct answers (globally)."""
    return body + "\nif succeeded:\n" + "\n".join("    " + line for line in CORRECT.strip().splitlines())


@pytest.fixture(scope="module")
def server():
    """A TCP server outside the sandbox, on 127.0.0.1 only; it records every connection."""
    listener = socket.create_server(("127.0.0.1", 0))
    connections = []

    def accept():
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            connections.append(conn.recv(100))
            conn.close()

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1], connections
    listener.close()


@pytest.fixture(scope="module")
def outside():
    """Files outside any submission's folder: a secret to steal and places to write.

    World-readable and in a world-writable-looking place (/tmp), so that file
    permissions alone would not keep a submission out: only its file system view does.
    """
    folder = Path(tempfile.mkdtemp(prefix="outside-", dir="/tmp"))
    os.chmod(folder, 0o777)
    secret = folder / "secret.txt"
    secret.write_text("the instructor's secret")
    os.chmod(secret, 0o644)
    yield folder
    shutil.rmtree(folder)


def hostile_cases(port, outside):
    secret = outside / "secret.txt"
    return {
        "infinite-loop": "while True:\n    pass",
        "memory-bomb": (  # breaks one question; the other is right and must keep its points
            "def count_parameters(E, H, Y):\n    hog = []\n    while True:\n        hog.append(bytearray(2**28))\n\n\n"
            + CORRECT.split("\n\n\n")[1]
        ),
        "fork-bomb": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
        "read-outside": attack(
            "import glob, os\nsucceeded = False\n"
            f"for path in [{str(secret)!r}, {str(ROOT / 'README.md')!r}, '/etc/shadow']"
            " + glob.glob('/tmp/rnn-grade-*/submission.ipynb'):\n"
            "    try:\n        open(path).read()\n        succeeded = True\n    except OSError:\n        pass\n"
            f"for folder in ['..', os.path.expanduser('~/..'), '/root', {str(ROOT)!r}, '/tmp']:\n"
            "    try:\n        succeeded |= any('secret' in name or 'rnn-grade' in name for name in os.listdir(folder))\n"
            "    except OSError:\n        pass"
        ),
        "write-outside": attack(
            "import os\nsucceeded = False\n"
            # the grader's folders, named by their real paths; (a relative '../' would land in
            # otter's own folder inside the sandbox's private /tmp, which vanishes with it)
            f"for path in [{str(outside / 'written.txt')!r}, {str(ROOT / 'written-by-submission.txt')!r},"
            f" {str(Path.home() / 'written-by-submission.txt')!r}, '/grading/../written.txt']:\n"
            "    try:\n        open(path, 'w').write('pwned')\n        succeeded = True\n    except OSError:\n        pass"
        ),
        "network": attack(
            "import socket\nsucceeded = False\ntry:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'hello from a submission')\n"
            "    succeeded = True\nexcept OSError:\n    pass"
        ),
        "disk-filler": attack(  # 2 GiB in 64 MiB files: each under the file-size cap
            "import os\nwritten = 0\nblock = b'x' * 2**26\nfor i in range(32):\n"
            "    for folder in ['/tmp', os.path.expanduser('~'), '.']:\n"
            "        try:\n            with open(os.path.join(folder, f'fill-{i}'), 'wb') as f:\n"
            "                f.write(block)\n            written += len(block)\n            break\n"
            "        except OSError:\n            pass\n"
            "succeeded = written > 1.5 * 2**30"
        ),
        "forged-result": (
            "import json, os, sys\n"
            "fake = {'scores': {'problem_count': 3, 'problem_order': 3}, 'tests': [{'name': 'problem_count', 'score': 3}]}\n"
            "print(json.dumps(fake))\nsys.stderr.write(json.dumps(fake))\n"
            "for name in ['results.json', 'results/results.json', '../results.json', 'grades.csv']:\n"
            "    try:\n        os.makedirs(os.path.dirname(name) or '.', exist_ok=True)\n"
            "        open(name, 'w').write(json.dumps(fake))\n    except OSError:\n        pass\n"
            "for fd in range(3, 64):\n    try:\n        os.write(fd, json.dumps(fake).encode())\n    except OSError:\n        pass"
        ),
    }


def notebook_with(student, code):
    """The student notebook with its answer stubs and check cells replaced by ``code``.

    (A stub left in place would redefine the functions the attack defines, and a
    check cell would score the stub: the attack's success must be visible.)
    """
    notebook = nbformat.read(student, 4)
    notebook.cells = [c for c in notebook.cells if "otter_answer_cell" not in c.metadata.get("tags", [])
                      and "grader.check(" not in c.source]
    setup = next(i for i, c in enumerate(notebook.cells) if "worked_example()" in c.source)
    notebook.cells.insert(setup + 1, nbformat.v4.new_code_cell(code))
    return notebook


@pytest.fixture(scope="module")
def batch(tmp_path_factory, server, outside):
    port, _ = server
    built = tmp_path_factory.mktemp("assignments")
    build_assignments.main(["--out", str(built), str(ROOT / "book" / "problem.ipynb")])
    student = built / "problem" / "student" / "problem.ipynb"
    submissions = tmp_path_factory.mktemp("hostile")
    for name, code in hostile_cases(port, outside).items():
        nbformat.write(notebook_with(student, code), submissions / f"{name}.ipynb")
    # honest submissions in the same batch, graded after the hostile ones
    (submissions / "zz-honest-solution.ipynb").write_bytes(
        (built / "problem" / "autograder" / "problem-solution.ipynb").read_bytes())
    (submissions / "zz-honest-blank.ipynb").write_bytes(student.read_bytes())
    out = submissions / "grades.csv"
    scratch = tmp_path_factory.mktemp("scratch")  # where grade.py makes its throw-away folders
    tempfile.tempdir, saved = str(scratch), tempfile.tempdir
    try:
        grade.main([str(submissions), "--assignments", str(built), "--out", str(out),
                    "--timeout", str(WALL_SECONDS)])
    finally:
        tempfile.tempdir = saved
    with open(out) as handle:
        rows = {row["submission"].removesuffix(".ipynb"): row for row in csv.DictReader(handle)}
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "hostile-grades.json").write_text(json.dumps(rows, indent=1))  # for the closing note
    return rows, scratch


LAYERS = sandbox.detect_layers()
needs_namespaces = pytest.mark.skipif(
    not LAYERS.namespaces and os.environ.get("REQUIRE_SANDBOX") != "1",
    reason="bubblewrap namespaces are not available here (apt-get install bubblewrap)",
)
needs_own_uid = pytest.mark.skipif(
    not LAYERS.own_uid and os.environ.get("REQUIRE_SANDBOX") != "1",
    reason="grading does not run as root, so submissions cannot get their own user id",
)


def score(row):
    return float(row["total"])


def test_infinite_loop_is_killed_and_scores_zero(batch):
    row = batch[0]["infinite-loop"]
    assert score(row) == 0 and row["status"] != "graded", row
    assert float(row["seconds"]) < WALL_SECONDS + 15


def test_memory_bomb_hits_the_memory_cap_and_loses_only_what_it_broke(batch):
    row = batch[0]["memory-bomb"]
    assert float(row["problem:problem_count"]) == 0 and "problem_count: MemoryError" in row["failures"], row
    assert float(row["problem:problem_order"]) == 3, row
    assert float(row["seconds"]) < WALL_SECONDS, "the memory cap, not the clock, should stop it"


@needs_own_uid
def test_fork_bomb_is_capped_and_cleaned_up(batch):
    row = batch[0]["fork-bomb"]
    assert score(row) == 0 and row["status"] != "graded", row
    with sandbox._reserved_uid() as free_uid:  # the lowest grading uid no one is using now
        assert not sandbox._processes_of(free_uid), "processes of a finished grading run survived"


@needs_namespaces
def test_reading_outside_its_folder_fails(batch):
    assert score(batch[0]["read-outside"]) == 0, batch[0]["read-outside"]


@needs_namespaces
def test_writing_outside_its_folder_changes_nothing(batch, outside):
    assert score(batch[0]["write-outside"]) == 0, batch[0]["write-outside"]
    assert not (outside / "written.txt").exists()
    assert not (ROOT / "written-by-submission.txt").exists()
    assert not (Path.home() / "written-by-submission.txt").exists()


@needs_namespaces
def test_network_connection_fails(batch, server):
    _, connections = server
    assert score(batch[0]["network"]) == 0, batch[0]["network"]
    assert connections == [], f"the server outside the sandbox was reached: {connections}"


@needs_namespaces
def test_filling_the_disk_is_capped(batch):
    assert score(batch[0]["disk-filler"]) == 0, batch[0]["disk-filler"]


def test_forged_result_does_not_change_the_score(batch):
    row = batch[0]["forged-result"]
    assert score(row) == 0, row
    assert "scores" not in row["status"] + row["failures"], "the submission's text reached the CSV"


def test_honest_submissions_in_the_same_batch_are_graded_right(batch):
    rows, _ = batch
    assert score(rows["zz-honest-solution"]) == float(rows["zz-honest-solution"]["possible"]) > 0
    assert score(rows["zz-honest-blank"]) == 0 and rows["zz-honest-blank"]["status"] == "graded"


def test_throw_away_folders_are_removed(batch):
    _, scratch = batch
    assert not list(scratch.glob("rnn-grade-*"))


def test_the_network_check_can_fail(server):
    """Outside the sandbox the same connection does reach the server."""
    port, connections = server
    count = len(connections)
    socket.create_connection(("127.0.0.1", port), timeout=3).sendall(b"from the test itself")
    deadline = time.time() + 3
    while len(connections) == count and time.time() < deadline:
        time.sleep(0.05)
    assert len(connections) == count + 1
    connections.pop()


def test_layers_are_reported():
    lines = LAYERS.describe(sandbox.Limits())
    assert any("wall clock" in line for line in lines)
    assert all(line.startswith(("contained:", "NOT contained:")) for line in lines)
    result = subprocess.run([sys.executable, "-c", "import sys; sys.path.insert(0, 'scripts'); import sandbox;"
                             " print(sandbox.detect_layers().describe(sandbox.Limits()))"],
                            cwd=ROOT, capture_output=True, text=True, check=True)
    assert "contained" in result.stdout
