"""A seccomp filter for every contained process: no kernel keyrings, and less kernel to attack.

Kernel keyrings belong to a user id, not to a namespace that bubblewrap makes,
and grading reuses user ids: a key one submission stores, a later one could read.
So the filter refuses (EPERM) add_key, request_key and keyctl, and, as defence
in depth, bpf, perf_event_open, userfaultfd and io_uring, which no exercise
needs. It is a classic BPF program written out by hand (no libseccomp needed),
installed with prctl between fork and exec; it checks the architecture first,
and refuses x32 system calls on x86-64.
"""

import ctypes
import platform
import struct

AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
REFUSED = {  # system call numbers per architecture
    "x86_64": {"add_key": 248, "request_key": 249, "keyctl": 250, "perf_event_open": 298, "bpf": 321,
               "userfaultfd": 323, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427},
    "aarch64": {"add_key": 217, "request_key": 218, "keyctl": 219, "perf_event_open": 241, "bpf": 280,
                "userfaultfd": 282, "io_uring_setup": 425, "io_uring_enter": 426, "io_uring_register": 427},
}
X32_BIT = 0x40000000
RET_ALLOW, RET_ERRNO, RET_KILL_PROCESS, EPERM = 0x7FFF0000, 0x00050000, 0x80000000, 1
LD_W_ABS, JEQ_K, JGE_K, RET_K = 0x20, 0x15, 0x35, 0x06
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2


class _Program(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def supported():
    return platform.machine() in AUDIT_ARCH


def program():
    """The filter as bytes: an array of struct sock_filter {u16 code; u8 jt, jf; u32 k}."""
    machine = platform.machine()
    numbers = sorted(REFUSED[machine].values())
    instructions = [(LD_W_ABS, 0, 0, 4),  # seccomp_data.arch
                    (JEQ_K, 1, 0, AUDIT_ARCH[machine]),
                    (RET_K, 0, 0, RET_KILL_PROCESS),
                    (LD_W_ABS, 0, 0, 0)]  # seccomp_data.nr
    # Jumps count the instructions to skip after this one: from here, past the n checks and the
    # "allow", to the "refuse" at the end.
    n = len(numbers)
    instructions.append((JGE_K, n + 1, 0, X32_BIT) if machine == "x86_64" else (JEQ_K, 0, 0, 0xFFFFFFFF))
    for i, number in enumerate(numbers):
        instructions.append((JEQ_K, n - i, 0, number))
    instructions += [(RET_K, 0, 0, RET_ALLOW), (RET_K, 0, 0, RET_ERRNO | EPERM)]
    return b"".join(struct.pack("=HBBI", *i) for i in instructions)


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
