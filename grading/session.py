"""The grader's side of one submission: a contained worker, and calls into it that return plain data.

A Session starts the worker (grading/inside/worker.py) in the sandbox, sends
it the submission's code cells, and then calls the submission's functions on
inputs that the grader's tests choose. Only decoded values come back (see
inside/codec.py): every comparison happens here, in the grader's process, on
numbers and arrays the submission cannot tamper with.

It also lends the sandbox the rnn_lib functions its copy lacks (doctor.py),
and refuses them while a test of a "write it yourself" exercise runs: a
refused request fails that test whatever the answer then returns.
"""

import builtins
import importlib
import math
import os
import select
import signal
import subprocess
import sys
import time
from contextlib import ExitStack
from pathlib import Path

import numpy as np

from . import doctor, sandbox
from .apart import MEMORY_BYTES, apart
from .inside import codec

INSIDE = Path(__file__).resolve().parent / "inside"
WORKER_DIR, LIBRARY_DIR = "/grading-worker", "/grading-lib"  # where the sandbox sees them
STARTUP_SECONDS = 60.0  # Python, numpy and IPython starting, before any submission code
CALL_SECONDS = 30.0  # one call of a submission's function (at most a quarter of the time limit)
LIBRARY_SECONDS = 10.0  # one rnn_lib function computed for the sandbox
MAX_RESTARTS = 8  # fresh workers after a function hangs or kills its worker (each function once)
BUILTIN_NAMES = frozenset(name for name in dir(builtins) if not name.startswith("_"))


class SubmissionFailed(Exception):
    """A call into the submission gave no usable value. The message is the grader's own words."""


class EnvironmentBroken(RuntimeError):
    """The sandbox could not start Python, numpy or rnn_lib: no submission code had run yet."""


class NotebookFailed(Exception):
    """The submission's notebook did not finish running: it hung, was killed, or broke the channel."""


def public_name(name, kind="exception"):
    """A type name chosen by the submission, shown only if it is one of Python's own."""
    return name if isinstance(name, str) and name in BUILTIN_NAMES else f"an {kind} of its own class"


class Library:
    """The real rnn_lib functions that the sandbox's copy of rnn_lib lacks, lent on request.

    Each is computed apart (apart.py), in a child process forked for that one
    request with its own memory, CPU and wall-clock limits: a request is plain
    data, but a small one can ask for a huge result (broadcasting, a loop count),
    and it must not be able to exhaust the grader.
    """

    def __init__(self, names):
        doctor.check_names(names)
        self.names = tuple(names)
        self.functions = {}
        for name in names:
            module, function = doctor.split_name(name)
            self.functions[name] = getattr(importlib.import_module(f"rnn_lib.{module}"), function)

    def answer(self, message, types, refusing):
        """The reply to a "library" request, and the name it asked for if it was refused."""
        name = message.get("function")
        if type(name) is not str or name not in self.functions:
            return {"op": "library-raised", "type": "NameError", "message": "no such library function"}, None
        if refusing is not None:
            return {"op": "refused", "message": f"{name} is not available here: {refusing}"}, name
        reply = apart(self._compute, name, message.get("args"), message.get("kwargs"), types,
                      seconds=LIBRARY_SECONDS)
        if reply is None:
            reply = {"op": "library-raised", "type": "MemoryError",
                     "message": f"the grader gives a library call {LIBRARY_SECONDS:g} s and"
                                f" {MEMORY_BYTES / 2**30:g} GiB"}
        return reply, None

    def _compute(self, name, args, kwargs, types):
        try:
            args, kwargs = codec.decode(args, types), codec.decode(kwargs, types)
            if type(args) is not list or type(kwargs) is not dict:
                raise codec.DecodeError("arguments that are not a list and a dict")
            reply = {"op": "library-result", "value": codec.encode(self.functions[name](*args, **kwargs), types)}
        except Exception as error:
            return {"op": "library-raised", "type": type(error).__name__, "message": str(error)[:500]}
        try:
            codec.pack(reply)
        except ValueError:
            return {"op": "library-raised", "type": "MemoryError", "message": "result too large"}
        return reply


class Session:
    """One submission's worker, started on demand and restarted after a hang or a crash."""

    def __init__(self, cells, library, library_dir, limits, layers):
        self.cells = list(cells)
        self.library = library
        self.library_dir = Path(library_dir)
        self.limits = limits
        self.layers = layers
        self.types = codec.rnn_lib_types()
        # The notebook gets the time limit for each run; calls get a share of it each; all of it,
        # restarts included, ends after three times the limit.
        self.call_seconds = min(CALL_SECONDS, limits.wall_seconds / 4)
        self.deadline = time.monotonic() + 3 * limits.wall_seconds
        self.refusing = None  # while set, library requests are refused with this reason
        self.refused = []  # names refused since the test runner last cleared it
        self.library_calls = []  # names lent since the test runner last cleared it
        self.cell_errors = []
        self.restarts = 0
        self.stopped = None  # why the last worker was stopped
        self.broken = {}  # function → why it is not called again (it hung or killed its worker)
        self._stack = None
        self._worker = None
        self._next_id = 0

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self._stack is not None:
            try:
                if self._worker is not None and self._worker.alive():
                    self._send({"op": "exit"}, seconds=1)
            except (OSError, NotebookFailed):
                pass  # it is killed next anyway
            self._stack.close()
        self._stack = self._worker = None

    def start(self):
        """Start a worker and run the notebook in it. Raises NotebookFailed or EnvironmentBroken."""
        self.close()
        for attempt in (1, 2):  # a sandbox that fails to start once may be the machine: try again
            self._stack = ExitStack()
            argv = [sys.executable, "-s", f"{self.layers.path(INSIDE, WORKER_DIR)}/worker.py",
                    "{request_fd}", "{reply_fd}", self.layers.path(self.library_dir, LIBRARY_DIR)]
            binds = {WORKER_DIR: INSIDE, LIBRARY_DIR: self.library_dir}
            self._worker = self._stack.enter_context(sandbox.contained(argv, self.limits, self.layers, binds))
            try:
                self._wait({"ready"}, STARTUP_SECONDS)
                break
            except NotebookFailed as failure:
                self.startup_errors = self._worker.stderr_tail()  # no submission code has run yet
                self._stack.close()
                self._stack = self._worker = None
                if attempt == 2:
                    raise EnvironmentBroken(f"the sandbox did not start Python with numpy, IPython and"
                                            f" rnn_lib: {failure}; its error output: {self.startup_errors}") from None
        try:
            self._send({"op": "run", "cells": self.cells}, STARTUP_SECONDS)
        except ValueError:
            raise NotebookFailed(f"its code is over {codec.MAX_MESSAGE_BYTES // 2**20} MiB") from None
        self.cell_errors = self._wait({"ran"}, self.limits.wall_seconds)["errors"]

    # ------------------------------------------------------------------ calls

    def call(self, function, args, kwargs):
        """The value the submission's ``function`` returns for these arguments.
        Raises SubmissionFailed with the grader's reason."""
        if function in self.broken:
            raise SubmissionFailed(f"{function} was not called again: earlier, {self.broken[function]}")
        if self._worker is None:
            self._restart()
        self._next_id += 1
        message = {"op": "call", "id": self._next_id, "function": function,
                   "args": codec.encode(list(args), self.types), "kwargs": codec.encode(dict(kwargs), self.types)}
        try:
            self._send(message)
            reply = self._wait({"result", "raised", "missing", "unsendable"}, self.call_seconds)
        except NotebookFailed as failure:
            self._stop(str(failure))
            self.broken[function] = f"it did not answer ({failure})"
            raise SubmissionFailed(f"{function} did not answer: {failure}") from None
        if reply.get("id") != self._next_id:
            self._stop("it answered a call that was not asked")
            raise SubmissionFailed(f"{function} did not answer the call it was asked")
        return self._value(function, reply)

    def _value(self, function, reply):
        op = reply["op"]
        if op == "missing":
            raise SubmissionFailed(f"the notebook does not define {function}")
        if op == "raised":
            raise SubmissionFailed(f"{function} raised {public_name(reply.get('type'))}")
        if op == "unsendable":
            raise SubmissionFailed(f"{function} returned a value that cannot be graded: not numbers, strings,"
                                   " lists, tuples, dicts, arrays or rnn_lib objects, or over"
                                   f" {codec.MAX_MESSAGE_BYTES // 2**20} MiB, or nested too deep")
        try:
            value = codec.decode(reply.get("value"), self.types)
        except codec.DecodeError:
            raise SubmissionFailed(f"{function} returned something that is not plain data") from None
        if not finite(value):
            raise SubmissionFailed(f"{function} returned NaN or infinity")
        return value

    def _restart(self):
        if self.restarts >= MAX_RESTARTS or time.monotonic() > self.deadline - self.limits.wall_seconds:
            raise SubmissionFailed(f"not run: the submission's process was stopped earlier ({self.stopped})")
        self.restarts += 1
        try:
            self.start()
        except NotebookFailed as failure:
            self._stop(str(failure))
            raise SubmissionFailed(f"not run: the notebook did not run again ({failure})") from None

    def _stop(self, reason):
        self.stopped = reason
        self.close()

    # ------------------------------------------------------------------ the channel

    def _send(self, message, seconds=None):
        """Send within ``seconds`` (a call's share by default): a worker that stops reading
        must not block the grader."""
        data = codec.pack(message)
        deadline = time.monotonic() + (self.call_seconds if seconds is None else seconds)
        while data:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([], [self._worker.requests], [], remaining)[1]:
                raise NotebookFailed("it stopped reading what the grader sends")
            try:
                data = data[os.write(self._worker.requests, data[: select.PIPE_BUF]):]
            except BlockingIOError:
                continue
            except (BrokenPipeError, ConnectionResetError):
                raise NotebookFailed("its process ended") from None

    def _wait(self, ops, seconds):
        """Receive until a message with one of ``ops`` arrives, within ``seconds``, lending rnn_lib meanwhile."""
        deadline = min(time.monotonic() + seconds, self.deadline)
        while True:
            message = self._receive(deadline, seconds)
            op = message["op"]
            if op in ops:
                return _checked(message)
            if op != "library":
                raise NotebookFailed("it sent a message the grader did not expect")
            reply, refused = self.library.answer(message, self.types, self.refusing)
            if refused:
                self.refused.append(refused)
            elif reply["op"] == "library-result":
                self.library_calls.append(message["function"])
            self._send(reply)

    def _receive(self, deadline, seconds):
        (length,) = codec.HEADER.unpack(self._read(codec.HEADER.size, deadline, seconds))
        if length > codec.MAX_MESSAGE_BYTES:
            raise NotebookFailed(f"it sent a message over {codec.MAX_MESSAGE_BYTES} bytes")
        try:
            return codec.unpack(self._read(length, deadline, seconds))
        except codec.DecodeError as error:
            raise NotebookFailed(f"it sent {error}") from None

    def _read(self, size, deadline, seconds):
        chunks = []
        while size:
            remaining = deadline - time.monotonic()
            ready = select.select([self._worker.replies], [], [], max(remaining, 0))[0] if remaining > 0 else []
            if not ready:
                raise NotebookFailed(f"no answer within {seconds:g} s")
            chunk = os.read(self._worker.replies, min(size, 2**20))
            if not chunk:  # it closed its end: it ended, or it is misbehaving
                try:
                    self._worker.process.wait(timeout=1)
                except subprocess.TimeoutExpired:
                    self._worker.kill()
                raise NotebookFailed(describe_exit(self._worker.process.returncode))
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)


FIELDS = {"ready": {}, "ran": {"errors": list}, "result": {"id": int}, "raised": {"id": int},
          "missing": {"id": int}, "unsendable": {"id": int}}


def _checked(message):
    """The message, if its fields have the types the grader relies on; else NotebookFailed."""
    for field, kind in FIELDS.get(message["op"], {}).items():
        if type(message.get(field)) is not kind:
            raise NotebookFailed("it sent a message the grader could not read")
    return message


def describe_exit(returncode):
    """Why the worker ended, in the grader's words (never the submission's)."""
    if returncode in (-signal.SIGXCPU, 128 + signal.SIGXCPU):
        return "it used up its CPU time"
    if returncode is not None and (returncode < 0 or 128 < returncode < 128 + signal.NSIG):
        number = abs(returncode) % 128 if returncode > 0 else -returncode
        try:
            return f"its process was killed by signal {signal.Signals(number).name}"
        except ValueError:
            return f"its process ended (exit status {returncode})"
    return f"its process ended (exit status {returncode})"


def finite(value, depth=0):
    """True when every number inside ``value`` is finite."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, np.ndarray):
        return value.dtype.kind not in "fc" or bool(np.all(np.isfinite(value)))
    if isinstance(value, (list, tuple)):
        return all(finite(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(finite(item, depth + 1) for item in value.values())
    if hasattr(value, "__dataclass_fields__"):
        return all(finite(getattr(value, name), depth + 1) for name in value.__dataclass_fields__)
    return True
