"""Runs inside the sandbox: grade one submission with otter and send the scores on a private pipe.

    python grade_in_sandbox.py SUBMISSION AUTOGRADER_ZIP RESULT_FD

The pipe's write end is made non-inheritable before otter starts the kernel
that runs the submission, and this process makes itself non-dumpable, so
nothing the submission starts can write to the pipe or open it through /proc.
What the submission prints or writes to files never reaches the grader.
"""

import ctypes
import json
import os
import re
import sys

PR_SET_DUMPABLE = 4


def main(submission, autograder, result_fd):
    result_fd = int(result_fd)
    os.set_inheritable(result_fd, False)
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    from otter.api import grade_submission

    try:
        results = grade_submission(submission, autograder, quiet=True)
    except Exception as error:  # the kernel died (limits) or the notebook broke otter itself
        payload = {"scores": {}, "failures": {}, "error": type(error).__name__}
    else:
        error = results.catastrophic_error
        payload = {"scores": {name: results.get_score(name) for name in results.test_files},
                   "failures": failures(results), "error": None if error is None else type(error).__name__}
    os.write(result_fd, json.dumps(payload).encode())
    os.close(result_fd)


def failures(results):
    """{question: the exception its failing test cases raised}, e.g. MemoryError, for the CSV."""
    found = {}
    for name, test_file in results.results.items():
        messages = [r.message or "" for r in test_file.test_case_results if not r.passed]
        errors = re.findall(r"^\s*(\w+(?:Error|Exception|Exit|Interrupt))\b", "\n".join(messages), re.M)
        if messages:
            found[name] = errors[-1] if errors else "wrong answer"
    return found


if __name__ == "__main__":
    main(*sys.argv[1:4])
