"""Build the website, and never call a failed build a success.

Sphinx re-reads only the documents that changed, and a document whose last
build warned is not re-read: so after a failed `-W` build, an unchanged second
build used to print "build succeeded" and publish the broken chapter. This
script keeps a marker while the last build failed and rebuilds everything
(`--all`) until one succeeds. It also rebuilds everything after a change in
rnn_lib, which Sphinx does not notice, and when a chapter fails to execute it
prints which chapter and which cell (from the reports jupyter-book keeps).

    python scripts/build_book.py        (the Makefile's `make book` and `make build-strict`)
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path.cwd()
HTML = ROOT / "_build" / "html"
FAILED = ROOT / "_build" / ".last-build-failed"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def library_changed():
    index = HTML / "index.html"
    return index.exists() and any(p.stat().st_mtime > index.stat().st_mtime for p in (ROOT / "rnn_lib").rglob("*.py"))


def failed_cells():
    """(chapter, what failed) for every notebook whose execution failed in this build."""
    found = []
    for log in sorted((HTML / "reports").rglob("*.err.log")):
        text = ANSI.sub("", log.read_text(errors="replace"))
        match = re.search(r"(CellExecutionError|CellTimeoutError|DeadKernelError)[^\n]*\n(.*)", text, re.S)
        cell = match[2] if match else text
        source = re.search(r"-{10,}\n(.*?)\n-{10,}", cell, re.S)
        last = [line for line in text.strip().splitlines() if line.strip()][-1]
        where = "in the cell\n    " + "\n    ".join(source[1].splitlines()[:8]) if source else ""
        found.append((str(log.relative_to(HTML / "reports")).removesuffix(".err.log"),
                      f"{match[1] if match else 'execution failed'} {where}\n  {last.strip()}"))
    return found


def main():
    # A failure report left by an earlier build counts as a failed build too (one from before
    # this script kept its marker, say).
    earlier = FAILED.exists() or any((HTML / "reports").rglob("*.err.log"))
    full = earlier or library_changed()
    shutil.rmtree(HTML / "reports", ignore_errors=True)  # only this build's failures
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "-W", "-n", "--keep-going"]
    if full:
        print("rebuilding every page:", "the last build failed" if earlier else "rnn_lib changed", flush=True)
        command.append("--all")
    code = subprocess.run(command, check=False).returncode
    if code != 0:
        FAILED.parent.mkdir(parents=True, exist_ok=True)
        FAILED.write_text("the last build failed: the next one rebuilds every page\n")
        for chapter, what in failed_cells():
            print(f"\nchapter {chapter} failed to execute: {what}", file=sys.stderr)
        sys.exit(f"\nthe book did not build (exit status {code}); the next build rebuilds every page")
    FAILED.unlink(missing_ok=True)
    print(f"The book is in {HTML / 'index.html'}")


if __name__ == "__main__":
    main()
