"""How long each chapter takes to execute, and its slowest cell: alone, and beside a second build.

The book's build executes every chapter with a per-cell timeout (execute.timeout
in _config.yml). This measures the margin: each chapter is executed with
nbclient, as the build does, and every cell is timed from the kernel's own
timestamps; then the same again while a second process executes the whole
book in a loop beside it (as a second build, or a test suite, would on this
machine). It prints each chapter's time and slowest cell in both conditions.

    python scripts/benchmark_execution.py [--rounds 1]
"""

import argparse
import multiprocessing
import statistics
import sys
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = sorted((ROOT / "book").glob("*.ipynb"))


def execute(path):
    """(seconds in all, [(seconds, cell index, first line)] per code cell) of one chapter."""
    notebook = nbformat.read(path, 4)
    started = time.perf_counter()
    NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=True,
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    total = time.perf_counter() - started
    cells = []
    for index, cell in enumerate(notebook.cells):
        timing = cell.metadata.get("execution", {})
        if cell.cell_type == "code" and "shell.execute_reply" in timing:
            start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
            end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
            first = next((line for line in cell.source.splitlines() if line.strip()), "")
            cells.append(((end - start).total_seconds(), index, first[:60]))
    return total, cells


def measure(rounds):
    """{chapter: (median total, slowest cell)} over ``rounds`` executions of every chapter."""
    totals, slowest = {p.stem: [] for p in CHAPTERS}, {}
    for _ in range(rounds):
        for path in CHAPTERS:
            total, cells = execute(path)
            totals[path.stem].append(total)
            worst = max(cells)
            if path.stem not in slowest or worst > slowest[path.stem]:
                slowest[path.stem] = worst
    return {name: (statistics.median(values), slowest[name]) for name, values in totals.items()}


def load(stop):
    """A second build beside the measured one: execute every chapter, again and again."""
    while not stop.is_set():
        for path in CHAPTERS:
            if stop.is_set():
                return
            execute(path)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args(argv)
    print(f"method: every chapter executed with nbclient ({args.rounds} round(s); median total), each code"
          " cell timed by the kernel's timestamps (execute_input to execute_reply); first alone, then while a"
          " second process executes every chapter in a loop", flush=True)
    alone = measure(args.rounds)
    stop = multiprocessing.Event()
    neighbour = multiprocessing.Process(target=load, args=(stop,))
    neighbour.start()
    try:
        time.sleep(5)  # let the neighbour get going
        loaded = measure(args.rounds)
    finally:
        stop.set()
        neighbour.join(timeout=600)
    print(f"\n{'chapter':16} {'alone':>8} {'loaded':>8}  slowest cell (alone / loaded)")
    for name in alone:
        (a, (sa, index, first)), (b, (sb, _, _)) = alone[name], loaded[name]
        print(f"{name:16} {a:7.1f}s {b:7.1f}s  cell {index}: {sa:.1f} s / {sb:.1f} s   {first}")
    worst = max(loaded.values(), key=lambda v: v[1])[1]
    print(f"\nslowest cell of the book under load: {worst[0]:.1f} s ({worst[2]})")
    print(f"book: {sum(v[0] for v in alone.values()):.0f} s alone, {sum(v[0] for v in loaded.values()):.0f} s loaded")


if __name__ == "__main__":
    sys.exit(main())
