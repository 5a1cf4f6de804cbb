"""Build the website, and never call a failed build a success.

Sphinx re-reads only the documents that changed, and a document whose last
build warned is not re-read: so after a failed `-W` build, an unchanged second
build used to print "build succeeded" and publish the broken chapter. This
script keeps a marker while the last build failed and rebuilds everything
(`--all`) until one succeeds. It also rebuilds everything after a change in
rnn_lib, which Sphinx does not notice, and when a chapter fails to execute it
prints which chapter and which cell (from the reports jupyter-book keeps).

    python scripts/build_book.py                   (`make book`: executes every notebook)
    python scripts/build_book.py --stored-outputs  (`make build-strict` in `make test`)

With ``--stored-outputs`` the notebooks are not re-executed: the build shows the outputs
stored in them, which strict nbval, in the same `make test`, proves equal to a fresh run.
Everything else (-W, nitpicky references, the failure marker) is the same.
"""

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path.cwd()
HTML = ROOT / "_build" / "html"
FAILED = ROOT / "_build" / ".last-build-failed"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def library_changed():
    """Whether rnn_lib or rnn_book (the model and the figures the chapters draw) changed since."""
    index = HTML / "index.html"
    sources = [p for package in ("rnn_lib", "rnn_book") for p in (ROOT / package).rglob("*.py")]
    return index.exists() and any(p.stat().st_mtime > index.stat().st_mtime for p in sources)


def stored_outputs_config():
    """The book's _config.yml with execution off, written under _build; its path."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    path = ROOT / "_build" / "stored-outputs" / "_config.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stored-outputs", action="store_true", help="do not re-execute the notebooks")
    args = parser.parse_args(argv)
    # A failure report left by an earlier build counts as a failed build too (one from before
    # this script kept its marker, say).
    earlier = FAILED.exists() or any((HTML / "reports").rglob("*.err.log"))
    full = earlier or library_changed()
    shutil.rmtree(HTML / "reports", ignore_errors=True)  # only this build's failures
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT), "-W", "-n", "--keep-going"]
    if args.stored_outputs:
        command += ["--config", str(stored_outputs_config())]
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
