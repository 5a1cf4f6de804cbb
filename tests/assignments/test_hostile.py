"""Hostile submissions, graded in one batch with honest ones: none of them can forge a grade.

Two kinds of attack, each one notebook:

- *containment* (the `problem` assignment): hangs, bombs, reads and writes
  outside the sandbox, the network. Where such an attack would *succeed*, it
  defines the correct answers, so a score above 0 means the sandbox let it
  through;
- *cheats* (the `forward` and `log_loss` assignments): notebooks that
  implement nothing honestly and try to score anyway, by patching numpy,
  returning magic objects, forging the grader's messages, calling the rnn_lib
  function they should write through an alias, and so on. Each must score 0,
  and nothing it chose (the marker text below) may appear in the CSV.

The table of attack → score goes to _build/hostile-grades.json for the
closing note. The network attack aims only at a server this test starts on
127.0.0.1.
"""

import csv
import json
import os
import re
import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from grading import assignments, grade, sandbox  # noqa: E402

WALL_SECONDS = 25
CHAPTERS = ("problem", "forward", "log_loss", "long_range", "bptt", "vanishing")
MARKER = "CHEAT-MARKER"  # every text a cheat chooses contains it
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


def containment_attacks(port, outside):
    secret = outside / "secret.txt"
    return {
        "infinite-loop": "while True:\n    pass",
        "memory-bomb": (  # breaks one question; the other is right and must keep its points. (np.empty
            # reserves address space without touching it: the cap is reached in milliseconds, not seconds)
            "def count_parameters(E, H, Y):\n    hog = []\n    while True:\n        hog.append(np.empty(2**28, np.uint8))\n\n\n"
            + CORRECT.split("\n\n\n")[1]
        ),
        "hang-in-a-function": (  # the same, with a function that never returns
            "def count_parameters(E, H, Y):\n    while True:\n        pass\n\n\n" + CORRECT.split("\n\n\n")[1]
        ),
        "fork-bomb": "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass",
        "read-outside": attack(
            "import glob, os\nsucceeded = False\n"
            f"for path in [{str(secret)!r}, {str(ROOT / 'README.md')!r}, '/etc/shadow']"
            " + glob.glob('/tmp/rnn-grad*/**', recursive=True):\n"
            "    try:\n        open(path).read()\n        succeeded = True\n    except OSError:\n        pass\n"
            f"for folder in ['..', os.path.expanduser('~/..'), '/root', {str(ROOT)!r}, '/tmp']:\n"
            "    try:\n        succeeded |= any('secret' in name or 'rnn-grad' in name for name in os.listdir(folder))\n"
            "    except OSError:\n        pass"
        ),
        "write-outside": attack(
            "import os\nsucceeded = False\n"
            f"for path in [{str(outside / 'written.txt')!r}, {str(ROOT / 'written-by-submission.txt')!r},"
            f" {str(Path.home() / 'written-by-submission.txt')!r}, '/grading-lib/written.txt']:\n"
            "    try:\n        open(path, 'w').write('pwned')\n        succeeded = True\n    except OSError:\n        pass"
        ),
        "network": attack(
            "import socket\nsucceeded = False\ntry:\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'hello from a submission')\n"
            "    succeeded = True\nexcept OSError:\n    pass"
        ),
        "many-processes": attack(  # 5 processes of 1 GiB each: the per-process cap is 3 GiB
            "import os, time\nchildren = []\nfor _ in range(5):\n    pid = os.fork()\n    if pid == 0:\n"
            "        try:\n            hog = bytearray(2**30)\n            time.sleep(3)\n            os._exit(0)\n"
            "        except MemoryError:\n            os._exit(1)\n    children.append(pid)\n"
            "succeeded = all(os.waitpid(pid, 0)[1] == 0 for pid in children)"
        ),
        "new-user-namespace": attack(
            "import ctypes, platform\nlibc = ctypes.CDLL(None, use_errno=True)\n"
            "unshare = {'x86_64': 272, 'aarch64': 97}[platform.machine()]\n"
            "succeeded = libc.syscall(unshare, 0x10000000 | 0x40000000) == 0  # CLONE_NEWUSER | CLONE_NEWNET"
        ),
        "exit-with-status-160": "import os\nos._exit(160)",
        "disk-filler": attack(  # 2 GiB in 64 MiB files: each under the file-size cap
            "import os\nwritten = 0\nblock = b'x' * 2**26\nfor i in range(32):\n"
            "    for folder in ['/tmp', os.path.expanduser('~'), '.']:\n"
            "        try:\n            with open(os.path.join(folder, f'fill-{i}'), 'wb') as f:\n"
            "                f.write(block)\n            written += len(block)\n            break\n"
            "        except OSError:\n            pass\n"
            "succeeded = written > 1.5 * 2**30"
        ),
    }


FORWARD_BY_LIBRARY = "t = {call}(params, X)\n    return t.z, t.h, t.y_hat"
# Each cheat: (assignment, code in a cell after the setup, {function: a replacement answer}).
CHEATS = {
    # The attacks of issue 10, one notebook each.
    "patch-numpy": ("log_loss", (
        "import builtins, numpy as np, numpy.testing\n"
        "np.allclose = np.isclose = lambda *a, **k: True\n"
        "numpy.testing.assert_allclose = lambda *a, **k: None\n"
        "builtins.abs = lambda x: 0.0\n"
        "np.array_equal = lambda *a, **k: True"), {}),
    "magic-object": ("log_loss", (
        "import numpy as np\n"
        "class Magic(np.ndarray):\n"
        "    def __eq__(self, other): return True\n"
        "    __ne__ = __lt__ = __gt__ = lambda self, other: False\n"
        "    def __array_function__(self, *a, **k): return True\n"
        "    def __float__(self): return 0.6931471805599453\n"
        "class Truthy:\n"
        "    def __eq__(self, other): return True\n"
        "    def __array_function__(self, *a, **k): return True\n"
        "    def __float__(self): return 0.0\n"
        "    def __repr__(self): return 'CHEAT-MARKER'\n"), {
        "bce": "def bce(y, p):\n    return np.zeros(()).view(Magic)",
        "dL_do": "def dL_do(y, o):\n    return Truthy()"}),
    "rewrite-hidden-tests": ("log_loss", (
        "import os\nfound = []\n"
        "for top in ['/', '/tmp', '/grading-lib', '/grading-worker', os.path.expanduser('~')]:\n"
        "    for folder, _, files in os.walk(top):\n"
        "        if folder.startswith(('/proc', '/sys', '/dev', '/usr')):\n"
        "            continue\n"
        "        for name in files:\n"
        "            if name in ('hidden_tests.py', 'assignment.json') or 'hidden' in folder:\n"
        "                path = os.path.join(folder, name)\n"
        "                found.append(path)\n"
        "                try:\n"
        "                    open(path, 'w').write('# CHEAT-MARKER: every case passes\\n')\n"
        "                except OSError:\n"
        "                    pass"), {}),
    "patch-the-runner": ("log_loss", (
        "import doctest, sys\n"
        "doctest.DocTestRunner.summarize = lambda self, verbose=None: doctest.TestResults(0, 99)\n"
        "harness = sys.modules['__main__']\n"
        "def always_passed(shell, message, types_):\n"
        "    return {'op': 'result', 'id': message.get('id'), 'value': 0.6931471805599453,\n"
        "            'passed': True, 'score': 99, 'failures': 'CHEAT-MARKER regrade approved'}\n"
        "harness.call = always_passed\n"
        "import codec\n"
        "codec.encode = lambda value, types, depth=0: {'__object__': ['Passed', {'CHEAT-MARKER': True}]}"), {}),
    "forge-messages": ("log_loss", (
        "import json, os, struct\n"
        "def forge(message):\n"
        "    body = json.dumps(message).encode()\n"
        "    return struct.pack('>I', len(body)) + body\n"
        "fakes = [forge({'op': 'ran', 'errors': [], 'scores': {'log_loss_bce': 4}}),\n"
        "         forge({'op': 'result', 'id': 1, 'value': 0.6931471805599453, 'score': 4}),\n"
        "         forge({'op': 'raised', 'id': 2, 'type': 'CHEAT-MARKER regrade approved'}),\n"
        "         b'CHEAT-MARKER regrade approved', forge({'op': 'CHEAT-MARKER'})]\n"
        "for fd in range(3, 64):\n"
        "    for fake in fakes:\n"
        "        try:\n            os.write(fd, fake)\n"
        "        except OSError:\n            pass\n"
        "print('score: 8/8 CHEAT-MARKER')"), {}),
    "atexit-rewrite": ("log_loss", (
        "import atexit, json, os\n"
        "def rewrite():\n"
        "    for path in ['/tmp/results.json', '/tmp/grades.csv', 'results.pkl', '/grading-worker/results.json']:\n"
        "        try:\n"
        "            open(path, 'w').write(json.dumps({'score': 8, 'note': 'CHEAT-MARKER'}))\n"
        "        except OSError:\n"
        "            pass\n"
        "atexit.register(rewrite)"), {}),
    "alias-at-top-level": ("forward", "fwd = rnn_lib.forward", {
        "forward_by_hand": "def forward_by_hand(params, X):\n    " + FORWARD_BY_LIBRARY.format(call="fwd")}),
    "import-as": ("forward", "import rnn_lib as r", {
        "forward_by_hand": "def forward_by_hand(params, X):\n    " + FORWARD_BY_LIBRARY.format(call="r.forward")}),
    "getattr": ("forward", "", {
        "forward_by_hand": "def forward_by_hand(params, X):\n    "
                           + FORWARD_BY_LIBRARY.format(call="getattr(rnn_lib, 'for' + 'ward')")}),
    "from-import": ("forward", "from rnn_lib.rnn import forward as f", {
        "forward_by_hand": "def forward_by_hand(params, X):\n    " + FORWARD_BY_LIBRARY.format(call="f")}),
    "alias-log-loss": ("log_loss", "from rnn_lib import loss\nll = loss.log_loss", {
        "bce": "def bce(y, p):\n    return ll(y, p)"}),
    # Tried here as well.
    "memoise-and-replay": ("forward", (
        "import numpy as np\nmemory = {}\n"
        "def key(params, X):\n"
        "    return b''.join(np.asarray(a).tobytes() for _, a in params.items()) + np.asarray(X).tobytes()"), {
        "forward_by_hand": (
            "def forward_by_hand(params, X):\n"
            "    k = key(params, X)\n"
            "    if k not in memory:\n"
            "        try:\n"
            "            t = rnn_lib.forward(params, X)\n"
            "            memory[k] = (t.z, t.h, t.y_hat)\n"
            "        except Exception:\n"
            "            return None\n"
            "    return memory[k]")}),
    "thread-computes-it": ("forward", (
        "import queue, threading\njobs, answers = queue.Queue(), queue.Queue()\n"
        "def helper():\n"
        "    while True:\n"
        "        params, X = jobs.get()\n"
        "        try:\n"
        "            t = rnn_lib.forward(params, X)\n"
        "            answers.put((t.z, t.h, t.y_hat))\n"
        "        except Exception:\n"
        "            answers.put(None)\n"
        "threading.Thread(target=helper, daemon=True).start()"), {
        "forward_by_hand": "def forward_by_hand(params, X):\n    jobs.put((params, X))\n    return answers.get()"}),
    "ask-the-grader-directly": ("forward", "import _rnn_grading", {
        "forward_by_hand": (
            "def forward_by_hand(params, X):\n"
            "    for name in ['rnn_lib.rnn:forward', 'rnn_lib.rnn:_forward_steps']:\n"
            "        try:\n"
            "            z, h, o = _rnn_grading.library_call(name, (params, X[None], np.zeros((1, params.H))), {})\n"
            "            return z[0], h[0], rnn_lib.sigmoid(o[0])\n"
            "        except Exception:\n"
            "            pass")}),
    "real-source-from-disk": ("forward", (
        "import glob, sys\nreal = None\n"
        f"places = [{str(ROOT / 'rnn_lib' / 'rnn.py')!r}, '/grading-lib/rnn_lib/rnn.py']\n"
        "for top in ['/work', '/root', '/home', '/tmp', '/grading-lib', '/grading-worker', sys.prefix]:\n"
        "    places += glob.glob(top + '/**/rnn_lib/rnn.py', recursive=True)\n"
        "for path in places:\n"
        "    try:\n"
        "        text = open(path).read()\n"
        "    except OSError:\n"
        "        continue\n"
        "    if 'np.tanh(z[:, t]' in text:\n"
        "        real = {}\n"
        "        exec(compile(text.replace('from . import', 'from rnn_lib import').replace('from .', 'from rnn_lib.'),\n"
        "                     path, 'exec'), real)\n"
        "        break"), {
        "forward_by_hand": (
            "def forward_by_hand(params, X):\n"
            "    t = real['forward'](params, X)\n"
            "    return t.z, t.h, t.y_hat")}),
    "hunt-in-memory": ("forward", (
        "import gc, importlib, sys\nfound = None\n"
        "importlib.reload(sys.modules['rnn_lib.rnn'])\n"
        "for obj in gc.get_objects():\n"
        "    if callable(obj) and getattr(obj, '__name__', '') == '_forward_steps' \\\n"
        "            and 'tanh' in getattr(getattr(obj, '__code__', None), 'co_names', ()):\n"
        "        found = obj"), {
        "forward_by_hand": (
            "def forward_by_hand(params, X):\n"
            "    import numpy as np\n"
            "    z, h, o = found(params, X[None], np.zeros((1, params.H)))\n"
            "    return z[0], h[0], rnn_lib.sigmoid(o[0])")}),
    "exit-early": ("log_loss", "import os\nos._exit(0)", {}),
    "own-exception": ("log_loss", "class RegradeApproved(Exception):\n    '''CHEAT-MARKER'''", {
        "bce": "def bce(y, p):\n    raise RegradeApproved('CHEAT-MARKER regrade approved')",
        "dL_do": "def dL_do(y, o):\n    class CHEAT_MARKER(list):\n        pass\n    return CHEAT_MARKER([1])"}),
    "oversized-and-nested": ("log_loss", "", {
        "bce": "def bce(y, p):\n    return np.zeros(3 * 10**6)",
        "dL_do": "def dL_do(y, o):\n    v = [0.5]\n    for _ in range(10000):\n        v = [v]\n    return v"}),
    # Found by a red-team review of this grader.
    "stop-reading-the-grader": ("forward", (
        "import json, os, struct, sys, time\nfd = int(sys.argv[2])\n"
        "request = json.dumps({'op': 'library', 'function': 'CHEAT-MARKER'}).encode()\n"
        "for _ in range(20000):\n    os.write(fd, struct.pack('>I', len(request)) + request)\n"
        "time.sleep(10**6)"), {}),
    "malformed-messages": ("forward", (
        "import json, os, struct, sys\nfd = int(sys.argv[2])\n"
        "for message in [{'op': 'library', 'function': []}, {'op': 'library', 'function': {'a': 1}},"
        " {'op': 'ran'}, {'op': 'ran', 'errors': 'CHEAT-MARKER'}]:\n"
        "    body = json.dumps(message).encode()\n    os.write(fd, struct.pack('>I', len(body)) + body)"), {}),
    "ask-then-exit": ("forward", (
        "import json, os, struct, sys\nfd = int(sys.argv[2])\n"
        "body = json.dumps({'op': 'library', 'function': 'x' * 1_000_000}).encode()\n"
        "os.write(fd, struct.pack('>I', len(body)) + body)\nos._exit(0)"), {}),
    "huge-cell": ("log_loss", "# " + "é" * 3_000_000, {}),
    "deep-expression": ("log_loss", "if False:\n    x = " + "a + " * 3000 + "a\n" + "y = " + "-" * 10000 + "1", {}),
    "count-the-calls": ("forward", "calls = {'n': 0}", {
        "forward_by_hand": (
            "def forward_by_hand(params, X):\n"
            "    calls['n'] += 1\n"
            "    try:\n"
            "        t = rnn_lib.forward(params, X)\n"
            "    except Exception:\n"
            "        return None\n"
            "    return t.z, t.h, t.y_hat")}),
    "keyring-writer": ("problem", (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        f"answer = {CORRECT!r}.encode()\n"
        "libc.syscall(248, b'user', b'rnn-answer', answer, len(answer), -4)  # add_key to the user keyring"), {}),
    "keyring-reader": ("problem", (
        "import ctypes\nlibc = ctypes.CDLL(None, use_errno=True)\n"
        "key = libc.syscall(250, 10, -4, b'user', b'rnn-answer', 0)  # KEYCTL_SEARCH the user keyring\n"
        "if key > 0:\n"
        "    buffer = ctypes.create_string_buffer(65536)\n"
        "    size = libc.syscall(250, 11, key, buffer, 65536)  # KEYCTL_READ\n"
        "    exec(buffer.raw[:size].decode())"), {}),
    "constant-and-near-misses": ("long_range", "", {
        "clipped_angles": "def clipped_angles(g, c):\n    return [0.0, 0.0]",
        "mean_reach": "def mean_reach(update_bias, distance=32, n_documents=32):\n    return 0.0"}),
    "lend-a-huge-result": ("log_loss", (
        "from rnn_lib import loss\nA = 12_000\n"
        "try:\n    loss.bce_with_logits(np.ones((A, 1)), np.ones((1, A)))\nexcept Exception:\n    pass"), {}),
    # Found by a second red-team review.
    "huge-nested-code": ("forward", "".join("    " * i + f"def f{i}():\n" for i in range(99))
                         + "    " * 99 + "return [" + "a," * 2_000_000 + "]\n", {}),
    "jacobians-from-the-backward-pass": ("bptt", "from rnn_lib.rnn import _backward", {
        "dh_dh": (
            "def dh_dh(params, trace, t, k):\n"
            "    H, T = params.H, trace.h.shape[0]\n"
            "    if t == k:\n        return np.eye(H)\n"
            "    probe = rnn_lib.Params(np.zeros((T, H)), params.W_hh, np.eye(H))\n"
            "    rows = []\n"
            "    for i in range(H):\n"
            "        d_o = np.zeros((1, T, H))\n        d_o[0, t - 1, i] = 1.0\n"
            "        g = _backward(probe, np.eye(T)[None], trace.h0[None], trace.h[None], d_o)\n"
            "        rows.append(g.W_eh[k] @ params.W_hh.T)\n"
            "    return np.array(rows)")}),
    "sigmoid-through-tanh": ("vanishing", "", {
        "gradient_product": (
            "def gradient_product(w, h0, n):\n"
            "    if n == 0:\n        return 1.0\n"
            "    g = vanishing.tanh_rnn_states([[w / 4]], [2 * h0 - 1], n, drive=np.full((n, 1), w / 4))\n"
            "    return float(vanishing.jacobian_chain([[w / 4]], g)[n][0, 0])")}),
    "not-a-number": ("log_loss", "", {
        "bce": "def bce(y, p):\n    return float('nan')",
        "dL_do": "def dL_do(y, o):\n    return np.full(np.shape(o), np.inf)"}),
}


def answer_cell(notebook, function):
    return next(c for c in notebook.cells
                if c.metadata.get(assignments.METADATA_KEY, {}).get("question") is not None
                and f"def {function}(" in c.source)


def notebook_with(student, code, answers=None, stubs=True):
    """The student notebook with ``code`` after its setup and some answers replaced.

    Without ``stubs`` the unanswered functions are removed (a stub left in place would
    redefine a function the attack defines, and hide its success).
    """
    notebook = nbformat.read(student, 4)
    for function, source in (answers or {}).items():
        answer_cell(notebook, function).source = source
    if not stubs:
        notebook.cells = [c for c in notebook.cells if assignments.METADATA_KEY not in c.metadata]
    notebook.cells.insert(2, nbformat.v4.new_code_cell(code))
    return notebook


@pytest.fixture(scope="module")
def batch(tmp_path_factory, server, outside):
    port, _ = server
    built = tmp_path_factory.mktemp("assignments")
    for chapter in CHAPTERS:
        assignments.main(["--out", str(built), str(ROOT / "book" / f"{chapter}.ipynb")])
    student = {c: built / assignments.STUDENTS / f"{c}.ipynb" for c in CHAPTERS}
    submissions = tmp_path_factory.mktemp("hostile")
    for name, code in containment_attacks(port, outside).items():
        nbformat.write(notebook_with(student["problem"], code, stubs=False), submissions / f"{name}.ipynb")
    for name, (chapter, code, answers) in CHEATS.items():
        stubs = not name.startswith("keyring")  # a stub would hide what the key brought back
        nbformat.write(notebook_with(student[chapter], code, answers, stubs=stubs), submissions / f"cheat-{name}.ipynb")
    pasted = nbformat.read(student["forward"], 4)  # the published solution, as a reader of the book sees it
    solution = nbformat.read(built / assignments.INSTRUCTOR_ONLY / "forward" / "solution.ipynb", 4)
    answer_cell(pasted, "forward_by_hand").source = answer_cell(solution, "forward_by_hand").source
    nbformat.write(pasted, submissions / "cheat-paste-the-published-solution.ipynb")
    edited = answer_cell(solution, "forward_by_hand").source.replace("    for t in range(T):", "    pass\n    for t in range(T):")
    answer_cell(pasted, "forward_by_hand").source = edited
    nbformat.write(pasted, submissions / "cheat-paste-and-add-a-pass.ipynb")
    honest_0d = nbformat.read(built / assignments.INSTRUCTOR_ONLY / "log_loss" / "solution.ipynb", 4)
    bce = answer_cell(honest_0d, "bce")
    bce.source = bce.source.replace("return -np.mean(", "return np.array(-np.mean(") + ")"
    nbformat.write(honest_0d, submissions / "zz-honest-returns-a-0d-array.ipynb")
    shutil.copy(student["problem"], submissions / '=HYPERLINK("https:example.invalid","CHEAT-MARKER").ipynb')
    (submissions / "odd-link-to-the-solution.ipynb").symlink_to(built / assignments.INSTRUCTOR_ONLY / "problem" / "solution.ipynb")
    os.mkfifo(submissions / "odd-pipe.ipynb")
    (submissions / os.fsdecode(b"odd-name-\xff.ipynb")).write_bytes(student["problem"].read_bytes())
    for chapter in CHAPTERS:  # honest submissions in the same batch, graded last
        shutil.copy(built / assignments.INSTRUCTOR_ONLY / chapter / "solution.ipynb",
                    submissions / f"zz-honest-{chapter}.ipynb")
        shutil.copy(student[chapter], submissions / f"zz-blank-{chapter}.ipynb")
    out = submissions / "grades.csv"
    scratch = tmp_path_factory.mktemp("scratch")  # where grading makes its throw-away folders
    tempfile.tempdir, saved = str(scratch), tempfile.tempdir
    try:
        grade.main([str(submissions), "--assignments", str(built), "--out", str(out),
                    "--timeout", str(WALL_SECONDS), "--seed", "0"])
    finally:
        tempfile.tempdir = saved
    with open(out) as handle:
        rows = {row["submission"].removesuffix(".ipynb"): row for row in csv.DictReader(handle)}
    rows = {name.removeprefix("'"): row for name, row in rows.items()}
    (ROOT / "_build").mkdir(exist_ok=True)
    (ROOT / "_build" / "hostile-grades.json").write_text(json.dumps(rows, indent=1))  # for the closing note
    return rows, scratch, out.read_text()


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
    return float(row["tests"])


def full(batch, chapter, question):
    """The points of one question, as the honest submission of the batch got them."""
    return float(batch[0][f"zz-honest-{chapter}"][f"{chapter}:{question}"])


def test_infinite_loop_is_killed_and_scores_zero(batch):
    row = batch[0]["infinite-loop"]
    assert score(row) == 0 and not row["status"].startswith("graded"), row
    assert float(row["seconds"]) < WALL_SECONDS + 15


def test_memory_bomb_hits_the_memory_cap_and_loses_only_what_it_broke(batch):
    row = batch[0]["memory-bomb"]
    assert float(row["problem:problem_count"]) == 0 and "count_parameters raised MemoryError" in row["failures"]
    assert float(row["problem:problem_order"]) == full(batch, "problem", "problem_order") > 0, row
    assert float(row["seconds"]) < WALL_SECONDS, "the memory cap, not the clock, should stop it"


def test_a_function_that_hangs_loses_only_its_question(batch):
    row = batch[0]["hang-in-a-function"]
    assert float(row["problem:problem_count"]) == 0 and "did not answer" in row["failures"], row
    assert float(row["problem:problem_order"]) == full(batch, "problem", "problem_order") > 0, row


@needs_own_uid
def test_fork_bomb_is_capped_and_cleaned_up(batch):
    row = batch[0]["fork-bomb"]
    assert score(row) == 0 and not row["status"].startswith("graded"), row
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


CHEATS_THAT_NEED_NAMESPACES = {"real-source-from-disk", "rewrite-hidden-tests"}
CHEATS_THAT_NEED_SECCOMP = {"keyring-reader"}


@pytest.mark.parametrize("cheat", sorted(CHEATS))
def test_a_cheat_that_implements_nothing_scores_zero(batch, cheat):
    if cheat in CHEATS_THAT_NEED_NAMESPACES and not LAYERS.namespaces and os.environ.get("REQUIRE_SANDBOX") != "1":
        pytest.skip("without bubblewrap a submission can read rnn_lib's source and the grader's files")
    if cheat in CHEATS_THAT_NEED_SECCOMP and not LAYERS.seccomp and os.environ.get("REQUIRE_SANDBOX") != "1":
        pytest.skip("without the seccomp filter a submission can leave a key for a later one")
    row = batch[0][f"cheat-{cheat}"]
    assert score(row) == 0 and float(row["tests possible"]) > 0, row


def test_nothing_a_cheat_chose_reaches_the_csv(batch):
    _, _, text = batch
    text = "\n".join(line for line in text.splitlines() if "'=HYPERLINK" not in line)  # a file name, defused
    assert MARKER.lower() not in text.lower() and "regrade approved" not in text.lower()
    assert "RegradeApproved" not in text and "Magic" not in text and "Truthy" not in text


@pytest.mark.parametrize("cheat", ["alias-at-top-level", "import-as", "getattr", "from-import",
                                   "memoise-and-replay", "thread-computes-it", "ask-the-grader-directly",
                                   "count-the-calls", "jacobians-from-the-backward-pass", "sigmoid-through-tanh"])
def test_calling_the_library_instead_of_writing_it_is_named(batch, cheat):
    row = batch[0][f"cheat-{cheat}"]
    assert "0 points: the answer calls rnn_lib" in row["failures"], row


@pytest.mark.parametrize("cheat", ["paste-the-published-solution", "paste-and-add-a-pass"])
def test_a_pasted_published_solution_is_flagged_for_review(batch, cheat):
    """It cannot be told from an honest answer by its behaviour: the CSV says it matches (see the note)."""
    row = batch[0][f"cheat-{cheat}"]
    assert "an answer is nearly the published solution of forward_by_hand" in row["review"], row
    assert not batch[0]["zz-honest-forward"]["review"] or "forward_by_hand" in batch[0]["zz-honest-forward"]["review"]
    assert not batch[0]["zz-blank-forward"]["review"]


def test_honest_submissions_in_the_same_batch_are_graded_right(batch):
    rows, _, _ = batch
    for chapter in CHAPTERS:
        honest, blank = rows[f"zz-honest-{chapter}"], rows[f"zz-blank-{chapter}"]
        assert score(honest) == float(honest["tests possible"]) > 0 and honest["status"].startswith("graded"), honest
        assert score(blank) == 0 and blank["status"].startswith("graded"), blank


needs_cgroup = pytest.mark.skipif(
    not LAYERS.cgroup and os.environ.get("REQUIRE_SANDBOX") != "1",
    reason="no control group can be made here: the memory cap counts per process",
)


@needs_cgroup
def test_memory_is_capped_for_all_of_a_submissions_processes_together(batch):
    assert score(batch[0]["many-processes"]) == 0, batch[0]["many-processes"]


def test_no_new_namespaces_inside_the_sandbox(batch):
    if not LAYERS.seccomp and os.environ.get("REQUIRE_SANDBOX") != "1":
        pytest.skip("no seccomp filter here")
    assert score(batch[0]["new-user-namespace"]) == 0, batch[0]["new-user-namespace"]


def test_an_odd_exit_status_is_reported_not_a_grader_failure(batch):
    row = batch[0]["exit-with-status-160"]
    assert row["status"] == "not graded: the notebook did not run (its process ended (exit status 160))", row


def test_huge_code_costs_the_grader_little(batch):
    row = batch[0]["cheat-huge-nested-code"]
    assert float(row["seconds"]) < 3 * WALL_SECONDS + 10, row


def test_links_pipes_and_odd_names_are_handled(batch):
    rows = batch[0]
    for name in ("odd-link-to-the-solution", "odd-pipe"):
        assert rows[name]["status"] == "not graded: not a regular file (a link, a pipe or a device)", rows[name]
        assert score(rows[name]) == 0
    assert rows["odd-name-\\xff"]["status"].startswith("graded"), rows.keys()


def test_an_honest_answer_may_return_a_zero_dimensional_array(batch):
    row = batch[0]["zz-honest-returns-a-0d-array"]
    assert float(row["tests"]) == float(row["tests possible"]) > 0, row


def test_a_file_name_cannot_become_a_spreadsheet_formula(batch):
    names = [row["submission"] for row in batch[0].values()]
    assert not any(name.startswith(("=", "+", "-", "@")) for name in names)
    assert any(name.startswith("'=HYPERLINK") for name in names)


def test_the_grader_stays_small_whatever_a_submission_asks_it_to_lend(batch):
    """The lent functions run in a child with 1 GiB; the grader itself never grew past 1.5 GiB."""
    import resource
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss < 1.5 * 2**20  # kilobytes


def test_throw_away_folders_are_removed(batch):
    _, scratch, _ = batch
    assert not list(scratch.glob("rnn-grad*"))


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


def test_the_instructors_page_counts_the_attacks_this_suite_grades(batch, server, outside):
    """Every count of cheats on the page (the comparison table's too) is the number graded here."""
    page = " ".join((ROOT / "book" / "instructors.md").read_text().split())
    port, _ = server
    names = list(batch[0])
    pastes = [name for name in names if name.startswith("cheat-paste")]
    cheats = [name for name in names if name.startswith("cheat-") and name not in pastes]
    assert len(cheats) == len(CHEATS)
    assert f"{len(containment_attacks(port, outside))} containment attacks" in page
    assert set(re.findall(r"(\d+) cheats", page)) == {str(len(cheats))}
    assert f"{len(pastes)} pastes of the published solution" in page
    assert f"{sum(name.startswith('odd-') for name in names)} odd files" in page
