"""Re-execute the chapter notebooks and store their outputs in place.

Run through `make refresh` after changing a chapter or rnn_lib. Timing metadata is
not recorded, so a refresh that changes no output leaves git clean. Widget state is
not stored: without a kernel a widget on the website would move but change nothing,
so pages show a kernel-free figure instead and load no widget JavaScript.

    python scripts/refresh_notebooks.py [NOTEBOOK ...]   (default: every book/**/*.ipynb)

The kernels run numpy's BLAS on one thread unless the caller set the thread
count (``one_blas_thread``; the Makefile exports the same for every target).
"""

import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent

#: The thread counts of the BLAS libraries numpy may use (OpenBLAS, here; MKL; any OpenMP build).
BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def one_blas_thread():
    """Run numpy's BLAS on one thread in the kernels started from now on, unless the caller chose a count.

    The chapters multiply small matrices (H ≤ 256) many times: on a 2-core machine shared
    with other work, BLAS threads cost more than they gain (language_model: see the
    commit that added this), and one thread is the same on every machine.
    """
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")


def refresh(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,  # nbclient needs it to run Output widgets; dropped below
    )
    client.execute()
    notebook.metadata.pop("widgets", None)
    _drop_widget_views(notebook)
    _join_streams(notebook)
    nbformat.write(notebook, path)


WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


def _drop_widget_views(notebook):
    """Widget views carry a random model id and cannot render without the stored state:
    keep only their plain-text form, so that a refresh that changes nothing leaves git clean."""
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            output.get("data", {}).pop(WIDGET_VIEW, None)


def _join_streams(notebook):
    """Join a cell's consecutive outputs to the same stream: how the kernel splits one print into
    messages depends on timing (a busy machine splits more), which would make a refresh that
    changes no number leave git dirty."""
    for cell in notebook.cells:
        joined = []
        for output in cell.get("outputs", []):
            previous = joined[-1] if joined else None
            if (previous is not None and output.output_type == "stream" == previous.output_type
                    and output.name == previous.name):
                previous.text += output.text
            else:
                joined.append(output)
        if cell.cell_type == "code":
            cell.outputs = joined


def main(paths):
    one_blas_thread()
    targets = [Path(p).resolve() for p in paths] or sorted(
        p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    for path in targets:
        print(f"refreshing {path}", flush=True)
        refresh(path)


if __name__ == "__main__":
    main(sys.argv[1:])
