"""Runs inside the sandbox: run one submission's notebook, then call its functions when asked.

    python worker.py REQUEST_FD REPLY_FD LIBRARY_DIR

The grader sends requests on one pipe and reads replies on the other; every
message is plain data (codec.py). The conversation:

    grader → {"op": "run", "cells": [source, ...]}
    worker → {"op": "ran", "errors": [[cell index, exception name], ...]}
    grader → {"op": "call", "id": n, "function": name, "args": ..., "kwargs": ...}
    worker → {"op": "result", "id": n, "value": ...}
             or {"op": "raised", "id": n, "type": name} or {"op": "missing", "id": n}
             or {"op": "unsendable", "id": n}
    grader → {"op": "exit"}

Before "ran" or a reply, the worker may ask for an rnn_lib function that the
grader keeps out of the sandbox (see grading/doctor.py):

    worker → {"op": "library", "function": "rnn_lib.rnn:_forward_steps", "args": ..., "kwargs": ...}
    grader → {"op": "library-result", "value": ...} or {"op": "library-raised", "type": name,
             "message": text} or {"op": "refused", "message": text}

Nothing here is trusted: the submission runs in this process and can change
any of it. That is fine, because the grader only ever reads *values* from
this side, decodes them strictly and judges them itself.
"""

import builtins
import os
import sys
import threading
import types

import codec


class Channel:
    """Length-prefixed messages on two pipes."""

    def __init__(self, request_fd, reply_fd):
        self.request_fd, self.reply_fd = request_fd, reply_fd
        self.lock = threading.RLock()

    def send(self, message):
        data = codec.pack(message)
        while data:
            data = data[os.write(self.reply_fd, data):]

    def receive(self):
        (length,) = codec.HEADER.unpack(self._read(codec.HEADER.size))
        return codec.unpack(self._read(length))

    def _read(self, size):
        chunks = []
        while size:
            chunk = os.read(self.request_fd, min(size, 2**20))
            if not chunk:
                raise SystemExit("the grader closed the channel")
            chunks.append(chunk)
            size -= len(chunk)
        return b"".join(chunks)


class LibraryRefused(RuntimeError):
    """The grader refused an rnn_lib function while it tests a function that must not use it."""


def install_library_client(channel, types_):
    """The module ``_rnn_grading`` that the doctored rnn_lib functions call (see doctor.py)."""

    def library_call(name, args, kwargs):
        with channel.lock:
            channel.send({"op": "library", "function": name, "args": codec.encode(list(args), types_),
                          "kwargs": codec.encode(dict(kwargs), types_)})
            reply = channel.receive()
        if reply["op"] == "library-result":
            return codec.decode(reply["value"], types_)
        if reply["op"] == "refused":
            raise LibraryRefused(reply.get("message", ""))
        error = getattr(builtins, str(reply.get("type")), None)
        if not (isinstance(error, type) and issubclass(error, Exception)):
            error = RuntimeError
        raise error(reply.get("message", ""))

    module = types.ModuleType("_rnn_grading")
    module.library_call = library_call
    module.LibraryRefused = LibraryRefused
    sys.modules["_rnn_grading"] = module


def run_cells(shell, cells):
    """Run every cell in order, as Jupyter's "Run all" would, going on after a cell that fails."""
    errors = []
    for index, source in enumerate(cells):
        result = shell.run_cell(source, store_history=False, silent=True)
        error = result.error_before_exec or result.error_in_exec
        if error is not None:
            errors.append([index, type(error).__name__])
    return errors


def call(shell, message, types_):
    """Call the submission's function as asked; the reply to send."""
    reply = {"id": message.get("id")}
    function = shell.user_ns.get(str(message.get("function")))
    if not callable(function):
        return {**reply, "op": "missing"}
    args = codec.decode(message["args"], types_)
    kwargs = codec.decode(message["kwargs"], types_)
    try:
        value = function(*args, **kwargs)
    except BaseException as error:
        return {**reply, "op": "raised", "type": type(error).__name__}
    try:
        return {**reply, "op": "result", "value": codec.encode(value, types_)}
    except Exception:
        return {**reply, "op": "unsendable"}


def main(request_fd, reply_fd, library_dir):
    channel = Channel(int(request_fd), int(reply_fd))
    sys.path.insert(0, library_dir)  # rnn_lib as the grader prepared it for this assignment
    import numpy  # noqa: F401 - fail here, before any submission code, if the environment is broken
    from IPython.core.interactiveshell import InteractiveShell

    types_ = codec.rnn_lib_types()
    install_library_client(channel, types_)
    shell = InteractiveShell.instance()
    channel.send({"op": "ready"})
    while True:
        message = channel.receive()
        if message["op"] == "run":
            channel.send({"op": "ran", "errors": run_cells(shell, message["cells"])})
        elif message["op"] == "call":
            reply = call(shell, message, types_)
            try:
                channel.send(reply)
            except ValueError:  # over the size limit
                channel.send({"op": "unsendable", "id": reply["id"]})
        else:
            break


if __name__ == "__main__":
    main(*sys.argv[1:4])
