"""Contain one untrusted process: the layers around every submission that `make grade` runs.

Layers, from the outside in (each is used where the machine allows it; grading
says plainly which are missing and goes on with the others):

1. its own session and process group, killed whole when the grader is done
   with it or at a wall-clock limit;
2. resource limits inherited by everything it starts: CPU seconds, address
   space (memory), file size, no core dumps, and a process count;
3. its own user id (when grading runs as root): the process count then caps
   exactly this submission's processes, and it cannot signal or read anything
   that belongs to the grader;
4. bubblewrap namespaces: a private, read-only view of the file system holding
   only the system, the Python environment and what the grader binds in, a
   private /tmp of bounded size as the only place it can write (gone when it
   ends), its own process ids, and a new network namespace with only
   loopback, so no connection leaves it;
5. a seccomp filter (seccomp.py): no kernel keyrings, which belong to a user id
   and would outlive the submission, no new namespaces, and less of the kernel
   to attack;
6. a control group (cgroup.py): the memory and process caps count all of the
   submission's processes together, and killing it kills them all;
7. an environment with nothing from the instructor's shell.

The grader talks to the contained process over two pipes (see grading/session.py).
"""

import fcntl
import os
import resource
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import cgroup, seccomp

FIRST_UID = 61000  # grading user ids: 61000, 61001, ... one per submission being graded
UID_LOCKS = Path(tempfile.gettempdir()) / "rnn-grading-uids"
LAYER_NAMES = ("uid", "namespaces", "seccomp", "cgroup")


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
    seccomp: bool = False
    cgroup: bool = False

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
        if self.seccomp:
            lines.append("contained: no kernel keyrings (which outlive a submission), no new namespaces, no bpf,"
                         " perf events, userfaultfd or io_uring (seccomp)")
        if self.cgroup:
            lines.append("contained: the memory and process caps count all of a submission's processes"
                         " together (a control group)")
        return lines + [f"NOT contained: {reason}" for reason in self.missing]

    def path(self, host, inside):
        """Where the contained process finds ``host``: at ``inside`` with namespaces, else where it is."""
        return str(inside) if self.namespaces else str(host)


def detect_layers(disable=()):
    """Probe the machine once: can we switch user ids, and does bubblewrap work here?

    disable: layer names ("uid", "namespaces") to leave out, as if the machine
    lacked them (for tests, and to check that grading degrades gracefully).
    """
    unknown = set(disable) - set(LAYER_NAMES)
    if unknown:
        raise ValueError(f"disable must name layers among {list(LAYER_NAMES)}, got {sorted(unknown)}")
    missing = []
    namespaces = False
    bwrap = shutil.which("bwrap")
    if "namespaces" in disable:
        missing.append("file system and network: bubblewrap switched off for this run; submissions can read"
                       " what the grading user can read and can reach the network")
    elif bwrap is None:
        missing.append(
            "file system and network: bubblewrap is not installed (apt-get install bubblewrap);"
            " submissions can read what the grading user can read and can reach the network"
        )
    else:
        probe = subprocess.run([bwrap, *_namespace_flags(), "--ro-bind", "/", "/", "true"],
                               capture_output=True, text=True, check=False)
        namespaces = probe.returncode == 0
        if not namespaces:
            missing.append("file system and network: bubblewrap cannot create namespaces here"
                           f" ({probe.stderr.strip()})")
    own_uid = False
    if "uid" in disable:
        missing.append("own user id: switched off for this run; submissions run as the grading user")
    elif os.geteuid() != 0 or shutil.which("setpriv") is None:
        missing.append(
            "own user id: grading does not run as root (or setpriv is missing), so submissions run"
            " as the grading user and the process cap counts all of that user's processes"
        )
    elif not namespaces and not _uid_can_run_python():
        missing.append(
            f"own user id: user {FIRST_UID} cannot run {sys.executable} (a folder on its path is private"
            " to the grading user) and bubblewrap is not there to make it visible; submissions run as"
            " the grading user"
        )
    else:
        own_uid = True
    filtered = False
    if "seccomp" in disable:
        missing.append("kernel keyrings and namespaces: seccomp switched off for this run; a submission can"
                       " leave keys for a later one that gets the same user id")
    elif not seccomp.supported() or not _seccomp_works(namespaces):
        missing.append("kernel keyrings and namespaces: no seccomp filter for this machine; a submission can"
                       " leave keys for a later one that gets the same user id")
    else:
        filtered = True
    grouped = False
    if "cgroup" in disable:
        missing.append("memory for all processes: control groups switched off for this run; the memory cap"
                       " counts per process (a submission may fork up to the process cap)")
    elif (why := cgroup.available(Limits().memory_bytes, Limits().processes)) is not None:
        missing.append("memory for all processes: no control group can be made here"
                       f" ({why}); the memory cap counts per process (a submission may fork up to the"
                       " process cap)")
    else:
        grouped = True
    return Layers(own_uid=own_uid, namespaces=namespaces, missing=missing, seccomp=filtered, cgroup=grouped)


def _seccomp_works(namespaces):
    """Does the filter load here (through bubblewrap where it is used), refuse keyctl and unshare,
    and still let a process start threads and fork?"""
    command, fds, installer = [sys.executable, "-c", seccomp.probe_source()], (), seccomp.Installer()
    if namespaces:
        read_end, write_end = os.pipe()
        os.write(write_end, seccomp.program())
        os.close(write_end)
        command = [shutil.which("bwrap"), *_namespace_flags(), "--ro-bind", "/", "/", "--proc", "/proc",
                   "--dev", "/dev", "--seccomp", str(read_end), *command]
        fds, installer = (read_end,), None
    try:
        result = subprocess.run(command, preexec_fn=installer, pass_fds=fds, capture_output=True, text=True,
                                timeout=60, check=False)
    except (OSError, subprocess.SubprocessError):
        return False
    finally:
        for fd in fds:
            os.close(fd)
    return result.returncode == 0 and result.stdout.strip() == "[1, 1, 'thread', 7]"


def _uid_can_run_python():
    probe = subprocess.run(["setpriv", f"--reuid={FIRST_UID}", f"--regid={FIRST_UID}", "--clear-groups",
                            sys.executable, "-c", "import numpy, IPython"],
                           capture_output=True, cwd="/", env={"PATH": "/usr/bin:/bin"}, check=False)
    return probe.returncode == 0


def _namespace_flags():
    user = [] if os.geteuid() == 0 else ["--unshare-user"]
    return [*user, "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts",
            "--die-with-parent", "--new-session"]


def _system_paths():
    """What every sandbox sees read-only at its own path: the system and the Python environment."""
    system = ("/usr", "/bin", "/lib", "/lib64", "/sbin", "/etc/alternatives", "/etc/nsswitch.conf")
    paths = [Path(p) for p in system] + [Path(sys.base_prefix), Path(sys.prefix)]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def _bwrap_command(argv, binds, disk_bytes, seccomp_fd=None):
    # Everything it writes goes to a private /tmp of bounded size: it cannot fill the
    # grader's disk, and the writes vanish with the sandbox. /tmp comes first, so that
    # read-only paths under the host's /tmp (a clone in /tmp, say) stay visible.
    command = [shutil.which("bwrap"), *_namespace_flags(),
               "--size", str(disk_bytes), "--perms", "1777", "--tmpfs", "/tmp"]
    bound, made = [], {Path("/"), Path("/tmp")}
    for path in sorted(_system_paths(), key=lambda p: len(p.parts)):
        if any(path == b or b in path.parents for b in bound):
            continue  # already visible through a bound parent
        command += _parents(path, made) + ["--ro-bind", str(path), str(path)]
        bound.append(path)
    command += ["--proc", "/proc", "--dev", "/dev"]
    for inside, host in binds.items():
        command += _parents(Path(inside), made) + ["--ro-bind", str(host), str(inside)]
    if seccomp_fd is not None:  # loaded by bubblewrap once it has made the namespaces
        command += ["--seccomp", str(seccomp_fd)]
    return command + ["--remount-ro", "/", "--chdir", "/tmp", *argv]


def _parents(path, made):
    """bwrap would create missing parents with mode 0700, unreadable by another uid: make them 0755."""
    flags = []
    for parent in reversed(path.parents):
        if parent not in made:
            flags += ["--perms", "0755", "--dir", str(parent)]
            made.add(parent)
    return flags


def _environment(uid, home):
    return {
        "HOME": str(home),
        "USER": "student",
        "LOGNAME": "student",
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "MPLBACKEND": "Agg",
        "OPENBLAS_NUM_THREADS": "1",  # one thread: BLAS would otherwise reserve memory per core
        "OMP_NUM_THREADS": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "SANDBOX_UID": str(uid),
    }


def _set_limits(limits, processes, layers, group):
    # The filter is built here, before the fork; with bubblewrap, bubblewrap loads it instead.
    install_filter = seccomp.Installer() if layers.seccomp and not layers.namespaces else None

    def apply():
        if group is not None:
            group.join()
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds))
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
        resource.setrlimit(resource.RLIMIT_FSIZE, (limits.file_bytes, limits.file_bytes))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_NPROC, (processes, processes))
        if install_filter is not None:
            install_filter()

    return apply


@dataclass
class Contained:
    """A running contained process and the grader's ends of its two pipes."""

    process: subprocess.Popen
    requests: int  # the grader writes here
    replies: int  # and reads here
    uid: int = None  # its own uid, if it has one
    stderr: object = None  # a temporary file

    def stderr_tail(self, size=2000):
        """The end of what it wrote to stderr (for diagnosing a sandbox that does not start)."""
        self.stderr.seek(0, os.SEEK_END)
        self.stderr.seek(max(0, self.stderr.tell() - size))
        return self.stderr.read().decode(errors="replace").strip()

    def alive(self):
        return self.process.poll() is None

    def kill(self):
        """Kill the process group and, with its own uid, every process that uid still has."""
        _kill(self.process, self.uid)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


@contextmanager
def contained(argv, limits, layers, binds=None, workdir=None):
    """Run ``argv`` contained; yield a Contained, and kill everything it started on exit.

    argv may contain "{request_fd}" and "{reply_fd}": the numbers of the pipes on
    which it reads requests and writes replies. binds: {path inside: path on the
    host}, read-only (with namespaces; without, ``layers.path`` gives the host
    path to use in argv). workdir: the folder it runs in without namespaces (it
    is given to its uid); with namespaces it runs in its private /tmp.
    """
    with _uid(layers) as uid, ExitStack() as stack:
        workdir = Path(workdir or tempfile.mkdtemp(prefix="rnn-grade-"))
        stack.callback(shutil.rmtree, workdir, ignore_errors=True)
        group = None
        if layers.cgroup:
            group = stack.enter_context(cgroup.Group(f"rnn-grading-{os.getpid()}-{secrets.token_hex(4)}",
                                                     limits.memory_bytes, limits.processes))
        if layers.own_uid:
            os.chown(workdir, uid, uid)
        os.chmod(workdir, 0o700)
        # RLIMIT_NPROC counts every process of the user: under the grader's own uid, allow
        # what it already runs plus the submission's share.
        processes = limits.processes + (0 if layers.own_uid else len(_processes_of(uid)))
        request_read, request_write = os.pipe()
        reply_read, reply_write = os.pipe()
        fds = [request_read, reply_write]
        argv = [a.replace("{request_fd}", str(request_read)).replace("{reply_fd}", str(reply_write))
                for a in argv]
        if layers.own_uid:
            argv = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                    "--bounding-set=-all", "--no-new-privs", *argv]
        if layers.namespaces:
            seccomp_fd = None
            if layers.seccomp:
                seccomp_fd, filter_write = os.pipe()
                os.write(filter_write, seccomp.program())
                os.close(filter_write)
                fds.append(seccomp_fd)
            argv = _bwrap_command(argv, binds or {}, limits.disk_bytes, seccomp_fd)
        home = "/tmp" if layers.namespaces else workdir
        stderr = stack.enter_context(tempfile.TemporaryFile())
        process = subprocess.Popen(argv, cwd="/" if layers.namespaces else workdir,
                                   env=_environment(uid, home), pass_fds=fds,
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                   stderr=stderr, start_new_session=True,
                                   preexec_fn=_set_limits(limits, processes, layers, group))  # noqa: PLW1509 - no threads here
        for fd in fds:
            os.close(fd)
        os.set_blocking(request_write, False)  # the grader never waits on a worker that stops reading
        running = Contained(process, request_write, reply_read, uid if layers.own_uid else None, stderr)
        try:
            yield running
        finally:
            running.kill()
            os.close(request_write)
            os.close(reply_read)


@contextmanager
def _uid(layers):
    if not layers.own_uid:
        yield os.getuid()
    else:
        with _reserved_uid() as uid:
            yield uid


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
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for pid in _processes_of(uid) if uid is not None else []:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
