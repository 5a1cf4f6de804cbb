"""Where the grading files live, shared by the builder and the grader (numpy and the standard
library only: the grader runs where the book's runtime set is all there is)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HIDDEN = Path(__file__).resolve().parent / "hidden"
DEFAULT_OUT = ROOT / "_build" / "assignments"
INSTRUCTOR_ONLY = "instructor-only"
STUDENTS = "students"
METADATA_KEY = "rnn_step_by_step"  # in notebooks: the assignment, and what each cell is
FORMAT = 2  # of assignment.json
ANSWER = "**Your answer** (graded by hand):"  # how an answer cell starts in a student notebook


def load_hidden(path, name):
    """Import a hidden-test module from its file (it is not a package module: it can be a copy)."""
    spec = importlib.util.spec_from_file_location(f"hidden_tests_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
