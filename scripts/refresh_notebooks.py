"""Re-execute the chapter notebooks and store their outputs in place.

Run through `make refresh` after changing a chapter or rnn_lib. Timing metadata is
not recorded, so a refresh that changes no output leaves git clean; widget state
is stored so that the website can show the widgets.

    python scripts/refresh_notebooks.py [NOTEBOOK ...]   (default: every book/**/*.ipynb)
"""

import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent


def refresh(path):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(
        notebook,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        store_widget_state=True,
    )
    client.execute()
    if not _has_widgets(notebook):  # an empty widget state would only add noise to git diffs
        notebook.metadata.pop("widgets", None)
    nbformat.write(notebook, path)


def _has_widgets(notebook):
    state = notebook.metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    return bool(state.get("state"))


def main(paths):
    targets = [Path(p).resolve() for p in paths] or sorted(
        p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts
    )
    for path in targets:
        print(f"refreshing {path}", flush=True)
        refresh(path)


if __name__ == "__main__":
    main(sys.argv[1:])
