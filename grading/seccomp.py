"""A seccomp filter for every contained process: no kernel keyrings, no new namespaces, less kernel.

- Kernel keyrings belong to a user id, not to a namespace that bubblewrap makes,
  and grading reuses user ids: a key one submission stores, a later one could
  read. add_key, request_key and keyctl are refused (EPERM).
- New namespaces (unshare, setns, clone with a CLONE_NEW* flag) are the usual
  road to the kernel's less-travelled code; nothing a submission needs makes
  one. They are refused; clone3, whose flags a filter cannot read, answers
  ENOSYS, so that the C library falls back to clone (as under Docker's default
  profile).
- bpf, perf_event_open, userfaultfd and io_uring: refused as defence in depth.

A classic BPF program written out here (no libseccomp): it checks the
architecture first and refuses x32 calls on x86-64. Bubblewrap loads it for
the sandboxed process after making its namespaces (``--seccomp``); without
bubblewrap, ``Installer`` loads it between fork and exec.
"""

import ctypes
import platform
import struct

AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
CALLS = {  # system call numbers per architecture
    "x86_64": {"add_key": 248, "request_key": 249, "keyctl": 250, "perf_event_open": 298, "bpf": 321,
               "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
               "unshare": 272, "setns": 308, "clone": 56, "clone3": 435},
    "aarch64": {"add_key": 217, "request_key": 218, "keyctl": 219, "perf_event_open": 241, "bpf": 280,
                "userfaultfd": 282, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427,
                "unshare": 97, "setns": 268, "clone": 220, "clone3": 435},
}
REFUSED = ("add_key", "request_key", "keyctl", "perf_event_open", "bpf", "userfaultfd",
           "io_uring_setup", "io_uring_enter", "io_uring_register", "unshare", "setns")
CLONE_NEW = 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00020000
X32_BIT = 0x40000000
RET_ALLOW, RET_ERRNO, RET_KILL_PROCESS, EPERM, ENOSYS = 0x7FFF0000, 0x00050000, 0x80000000, 1, 38
LD_W_ABS, JEQ_K, JGE_K, JSET_K, RET_K = 0x20, 0x15, 0x35, 0x45, 0x06
NR, ARCH, ARG0 = 0, 4, 16  # offsets in struct seccomp_data (arg 0's low 32 bits, little-endian)
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def supported():
    return platform.machine() in AUDIT_ARCH


def _assemble(lines):
    """Instructions (code, true target, false target, k) with targets as labels → sock_filter bytes.

    A label is a string line; jumps name labels (or None for the next instruction)."""
    positions, code = {}, []
    for line in lines:
        if isinstance(line, str):
            positions[line] = len(code)
        else:
            code.append(line)
    out = []
    for index, (op, true, false, k) in enumerate(code):
        offset = lambda label: 0 if label is None else positions[label] - index - 1  # noqa: E731
        out.append(struct.pack("=HBBI", op, offset(true), offset(false), k))
    return b"".join(out)


def program():
    """The filter for this machine's architecture, as bytes."""
    machine = platform.machine()
    calls = CALLS[machine]
    lines = [(LD_W_ABS, None, None, ARCH), (JEQ_K, "native", None, AUDIT_ARCH[machine]),
             (RET_K, None, None, RET_KILL_PROCESS), "native", (LD_W_ABS, None, None, NR)]
    if machine == "x86_64":
        lines.append((JGE_K, "refuse", None, X32_BIT))
    lines += [(JEQ_K, "refuse", None, calls[name]) for name in REFUSED]
    lines += [(JEQ_K, "no-such-call", None, calls["clone3"]), (JEQ_K, "clone", None, calls["clone"]),
              (RET_K, None, None, RET_ALLOW),
              "clone", (LD_W_ABS, None, None, ARG0), (JSET_K, "refuse", None, CLONE_NEW),
              (RET_K, None, None, RET_ALLOW),
              "refuse", (RET_K, None, None, RET_ERRNO | EPERM),
              "no-such-call", (RET_K, None, None, RET_ERRNO | ENOSYS)]
    return _assemble(lines)


class Installer:
    """Installs the filter in the calling process: meant for subprocess's preexec_fn (built beforehand,
    so that the child only makes two system calls)."""

    def __init__(self):
        self.code = ctypes.create_string_buffer(program())
        self.program = _Program(len(self.code.raw) // 8, ctypes.cast(self.code, ctypes.c_void_p))
        self.prctl = ctypes.CDLL(None, use_errno=True).prctl

    def __call__(self):
        if self.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 or \
                self.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(self.program), 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "could not install the seccomp filter")


PROBE = """
import ctypes, os, threading
libc = ctypes.CDLL(None, use_errno=True)
results = []
for args in [({keyctl}, 0, -4, 0), ({unshare}, 0x10000000)]:
    libc.syscall(*args)
    results.append(ctypes.get_errno())
thread = threading.Thread(target=results.append, args=("thread",))
thread.start(); thread.join()
pid = os.fork()
if pid == 0:
    os._exit(7)
results.append(os.waitpid(pid, 0)[1] >> 8)
print(results)
"""


def probe_source():
    """Python that prints [1, 1, 'thread', 7] where the filter works: keyctl and unshare refused,
    threads and fork still allowed."""
    calls = CALLS[platform.machine()]
    return PROBE.format(keyctl=calls["keyctl"], unshare=calls["unshare"])
