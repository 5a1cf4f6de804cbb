"""Contain one untrusted command: the layers `make grade` puts around each submission.

Layers, from the outside in (each is used where the machine allows it; grading
says plainly which are missing and goes on with the others):

1. its own session and process group, killed whole at a wall-clock limit;
2. resource limits inherited by everything it starts: CPU seconds, address
   space (memory), file size, no core dumps, and a process count;
3. its own user id (when grading runs as root): the process count then caps
   exactly this submission's processes, and it cannot signal or read anything
   that belongs to the grader;
4. bubblewrap namespaces: a private, read-only view of the file system holding
   only the system, the Python environment, rnn_lib and its own inputs, a
   private /tmp of bounded size as the only place it can write (gone when it
   ends), its own process ids, and a new network namespace with only
   loopback, so no connection leaves it;
5. an environment with nothing from the instructor's shell.

The result comes back on a pipe that only the grading wrapper holds (see
grade_in_sandbox.py), never through files or output the submission can write.
"""

import fcntl
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import rnn_lib

INPUTS = "/grading"  # where the sandbox sees its folder (read-only)
FIRST_UID = 61000  # grading user ids: 61000, 61001, ... one per submission being graded
UID_LOCKS = Path(tempfile.gettempdir()) / "rnn-grading-uids"


@dataclass(frozen=True)
class Limits:
    """What one submission may use."""

    wall_seconds: float = 120.0
    cpu_seconds: int = 120
    memory_bytes: int = 3 * 2**30
    processes: int = 64
    file_bytes: int = 256 * 2**20
    disk_bytes: int = 2**30  # the sandbox's private /tmp (with bubblewrap)


@dataclass
class Layers:
    """Which containment layers this machine supports, and why a missing one is missing."""

    own_uid: bool
    namespaces: bool
    missing: list = field(default_factory=list)

    def describe(self, limits):
        lines = [
            f"contained: own process group, killed after {limits.wall_seconds:g} s wall clock",
            f"contained: at most {limits.cpu_seconds} CPU s, {limits.memory_bytes / 2**30:g} GiB of memory,"
            f" {limits.file_bytes / 2**20:g} MiB per file, {limits.processes} processes",
            "contained: an environment with nothing from the grader's shell",
        ]
        if self.own_uid:
            lines.append(f"contained: its own user id ({FIRST_UID}+)")
        if self.namespaces:
            lines.append("contained: private read-only file system view, own process ids, no network,"
                         f" {limits.disk_bytes / 2**30:g} GiB of private scratch space (bubblewrap)")
        return lines + [f"NOT contained: {reason}" for reason in self.missing]


def detect_layers():
    """Probe the machine once: can we switch user ids, and does bubblewrap work here?"""
    missing = []
    own_uid = os.geteuid() == 0 and shutil.which("setpriv") is not None
    if not own_uid:
        missing.append(
            "own user id: grading does not run as root (or setpriv is missing), so submissions run"
            " as the grading user and the process cap counts all of that user's processes"
        )
    namespaces = False
    bwrap = shutil.which("bwrap")
    if bwrap is None:
        missing.append(
            "file system and network: bubblewrap is not installed (apt-get install bubblewrap);"
            " submissions can read what the grading user can read and can reach the network"
        )
    else:
        probe = subprocess.run([bwrap, *_namespace_flags(), "--ro-bind", "/", "/", "true"],
                               capture_output=True, text=True)
        namespaces = probe.returncode == 0
        if not namespaces:
            missing.append(f"file system and network: bubblewrap cannot create namespaces here ({probe.stderr.strip()})")
    return Layers(own_uid=own_uid, namespaces=namespaces, missing=missing)


def _namespace_flags():
    user = [] if os.geteuid() == 0 else ["--unshare-user"]
    return [*user, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session"]


def _readonly_paths(extra):
    """What the sandbox sees read-only: the system, Python, the venv, rnn_lib, and ``extra``."""
    system = ("/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc/alternatives", "/etc/hosts", "/etc/nsswitch.conf")
    paths = [Path(p) for p in system]  # /etc/hosts: otter's kernel logs to a server on localhost
    paths += [Path(sys.base_prefix), Path(sys.prefix), Path(rnn_lib.__file__).resolve().parent, *extra]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def _bwrap_command(argv, workdir, readonly, disk_bytes):
    # Everything it writes goes to a private /tmp of bounded size: it cannot fill the
    # grader's disk, and the writes vanish with the sandbox. /tmp comes first, so that
    # read-only paths under the host's /tmp (a clone in /tmp, say) stay visible.
    command = [shutil.which("bwrap"), *_namespace_flags(),
               "--size", str(disk_bytes), "--perms", "1777", "--tmpfs", "/tmp"]
    bound, made = [], {Path("/"), Path("/tmp")}
    for path in sorted(readonly, key=lambda p: len(p.parts)):
        if any(path == b or b in path.parents for b in bound):
            continue  # already visible through a bound parent
        for parent in reversed(path.parents):  # bwrap would create missing parents with mode 0700
            if parent not in made:
                command += ["--perms", "0755", "--dir", str(parent)]
                made.add(parent)
        command += ["--ro-bind", str(path), str(path)]
        bound.append(path)
    # The submission's own folder: its inputs, read-only.
    return command + ["--proc", "/proc", "--dev", "/dev", "--ro-bind", str(workdir), INPUTS,
                      "--remount-ro", "/", "--chdir", "/tmp", *argv]


def _environment(uid, home):
    return {
        "HOME": str(home),
        "USER": "student",
        "LOGNAME": "student",
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",  # one thread: BLAS would otherwise reserve memory per core
        "PYTHONDONTWRITEBYTECODE": "1",
        "SANDBOX_UID": str(uid),
    }


def _set_limits(limits, processes):
    def apply():
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))

    return apply


@dataclass
class Outcome:
    """How the contained command ended, and what it sent on the result pipe."""

    returncode: int
    timed_out: bool
    result: bytes
    stderr: str


@contextmanager
def _reserved_uid():
    """A grading uid that no other grading run (of this or another process) is using.

    A lock file per uid reserves it; a uid that still owns processes is skipped.
    """
    UID_LOCKS.mkdir(mode=0o700, exist_ok=True)
    for uid in range(FIRST_UID, FIRST_UID + 1000):
        with open(UID_LOCKS / str(uid), "w") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue
            if _processes_of(uid):
                continue
            yield uid
            return
    raise RuntimeError("no free grading uid between 61000 and 61999")


def run(argv, workdir, limits, layers, readonly=()):
    """Run ``argv`` contained, with ``workdir`` as its folder (seen read-only as /grading with
    bubblewrap, where it writes only to a private /tmp; without, its only writable folder).

    argv may contain the placeholder "{result_fd}": it is replaced by the number of
    a pipe on which the command sends its result. Returns an Outcome.
    """
    if not layers.own_uid:
        return _run(argv, Path(workdir), limits, layers, os.getuid(), readonly)
    with _reserved_uid() as uid:
        return _run(argv, Path(workdir), limits, layers, uid, readonly)


def _run(argv, workdir, limits, layers, uid, readonly):
    if layers.own_uid:
        os.chown(workdir, uid, uid)
        for path in workdir.rglob("*"):
            os.chown(path, uid, uid)
    os.chmod(workdir, 0o700)
    # RLIMIT_NPROC counts every process of the user: under the grader's own uid, allow
    # what it already runs plus the submission's share.
    processes = limits.processes + (0 if layers.own_uid else len(_processes_of(uid)))
    read_end, write_end = os.pipe()
    argv = [a.replace("{result_fd}", str(write_end)) for a in argv]
    if layers.own_uid:
        argv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", *argv]
    if layers.namespaces:
        argv = _bwrap_command(argv, workdir, _readonly_paths(readonly), limits.disk_bytes)
        cwd = "/"
    else:
        cwd = workdir
    process = subprocess.Popen(argv, cwd=cwd, env=_environment(uid, "/tmp" if layers.namespaces else workdir), pass_fds=(write_end,),
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True, preexec_fn=_set_limits(limits, processes))
    os.close(write_end)
    timed_out = False
    try:
        _, stderr = process.communicate(timeout=limits.wall_seconds)
    except subprocess.TimeoutExpired:
        timed_out = True
        _kill(process, uid if layers.own_uid else None)
        _, stderr = process.communicate()
    _kill(process, uid if layers.own_uid else None)  # anything it left behind
    with os.fdopen(read_end, "rb") as pipe:
        result = pipe.read()
    return Outcome(process.returncode, timed_out, result, stderr.decode(errors="replace"))


def _processes_of(uid):
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and entry.stat().st_uid == uid:
                pids.append(int(entry.name))
        except FileNotFoundError:
            pass
    return pids


def _kill(process, uid):
    """Kill the process group and, with its own uid, every process that uid still has."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    for pid in _processes_of(uid) if uid is not None else []:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
