"""Run some of the grader's own code on a submission's data in a forked child, with limits.

The grader parses a submission's code (copy detection) and computes rnn_lib
functions on data a submission sends (lending). Both are trusted code, but a
small input can ask for a lot: a deeply nested expression for the parser, a
huge broadcast for numpy. Done in a child forked for the purpose, with its own
address-space and CPU limits and a wall-clock limit, the cost lands on the
child, which is killed if it runs over, and never on the grader.
"""

import json
import os
import resource
import select
import time

MEMORY_BYTES = 2**30  # beyond what the grader had when it forked


def apart(function, *args, seconds=10.0, memory_bytes=MEMORY_BYTES):
    """``function(*args)`` computed in a forked child; its value must be JSON. None if the child
    ran out of time, memory or luck (any exception in the child is the function's to catch)."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's clean-up
        code = 1
        try:
            os.close(read_end)
            _limit(seconds, memory_bytes)
            data = json.dumps(function(*args)).encode()
            while data:
                data = data[os.write(write_end, data):]
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    try:
        data = _read_all(read_end, time.monotonic() + seconds + 2)
    finally:
        os.close(read_end)
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
    try:
        return json.loads(data) if data else None
    except ValueError:
        return None


def _limit(seconds, memory_bytes):
    with open("/proc/self/status") as status:
        size = next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))
    resource.setrlimit(resource.RLIMIT_AS, (size + memory_bytes, size + memory_bytes))
    used = int(sum(resource.getrusage(resource.RUSAGE_SELF)[:2]))
    resource.setrlimit(resource.RLIMIT_CPU, (used + int(seconds) + 1, used + int(seconds) + 2))


def _read_all(fd, deadline):
    """Everything on ``fd`` until the writer closes it, or None at the deadline."""
    chunks = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
            return None
        chunk = os.read(fd, 2**20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
