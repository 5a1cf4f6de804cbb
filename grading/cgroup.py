"""A control group per submission: one memory cap and one process cap for all its processes.

Resource limits (setrlimit) count per process: "3 GiB" would let a submission
that forks 64 processes use 192 GiB. A control group counts them together. Both
cgroup layouts are handled: v2 (one hierarchy with the memory and pids
controllers) and v1 (a hierarchy per controller). The group is made under the
grader's own, so the grader needs write access there (root, usually); where it
cannot, grading says so and goes on with per-process limits.
"""

import os
import signal
import time
from pathlib import Path

MOUNT = Path("/sys/fs/cgroup")


def _own_paths():
    """{controller: the folder of the grader's own cgroup for it} ('' is v2's unified hierarchy)."""
    paths = {}
    for line in Path("/proc/self/cgroup").read_text().splitlines():
        _, controllers, path = line.split(":", 2)
        for controller in controllers.split(",") if controllers else [""]:
            paths[controller] = path.lstrip("/")
    return paths


class Group:
    """A submission's control group: made on entry, its processes killed and the group removed on exit."""

    def __init__(self, name, memory_bytes, processes):
        self.name, self.memory_bytes, self.processes = name, memory_bytes, processes
        self.folders = []

    def __enter__(self):
        own = _own_paths()
        if (MOUNT / "cgroup.controllers").exists():  # v2
            folder = MOUNT / own.get("", "") / self.name
            folder.mkdir()
            self.folders = [folder]
            (folder / "memory.max").write_text(str(self.memory_bytes))
            (folder / "memory.swap.max").write_text("0") if (folder / "memory.swap.max").exists() else None
            (folder / "pids.max").write_text(str(self.processes))
        else:  # v1: one hierarchy per controller
            memory = MOUNT / "memory" / own["memory"] / self.name
            pids = MOUNT / "pids" / own["pids"] / self.name
            for folder in (memory, pids):
                folder.mkdir()
                self.folders.append(folder)
            (memory / "memory.limit_in_bytes").write_text(str(self.memory_bytes))
            swap = memory / "memory.memsw.limit_in_bytes"
            if swap.exists():
                swap.write_text(str(self.memory_bytes))
            (pids / "pids.max").write_text(str(self.processes))
        return self

    def join(self):
        """Put the calling process in the group (meant for preexec_fn: its children follow)."""
        for folder in self.folders:
            with open(folder / "cgroup.procs", "w") as procs:
                procs.write("0")

    def pids(self):
        found = set()
        for folder in self.folders:
            try:
                found |= {int(pid) for pid in (folder / "cgroup.procs").read_text().split()}
            except OSError:
                pass
        return found

    def __exit__(self, *exc):
        for _ in range(50):  # kill until empty: a process may fork while we kill
            pids = self.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.02)
        for folder in self.folders:
            for _ in range(50):
                try:
                    folder.rmdir()
                    break
                except OSError:
                    time.sleep(0.02)


def available(memory_bytes, processes):
    """None if a group can be made and joined here, else why not."""
    try:
        with Group(f"rnn-grading-probe-{os.getpid()}", memory_bytes, processes):
            pass
    except (OSError, KeyError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
    return None
