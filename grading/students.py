"""Which notebooks a folder of submissions holds, and whose each one is.

Learning-management systems export submissions in one of two ways: a folder
per student (Moodle, Gradescope, most hand-collected folders), or one flat
folder whose file names carry the student (Canvas, Blackboard). A notebook's
student is the first folder under the submissions folder when there is one,
and otherwise is read from the file name:

- Canvas:     ``doejane_12345_678901_log_loss.ipynb`` (or ``doejane_LATE_12345_...``)
              → ``doejane_12345``; a name with underscores, ``lastname_firstname_12345_…``,
              → ``lastname_firstname_12345``;
- Blackboard: ``Log Loss_jdoe_attempt_2026-11-20-10-31-52_log_loss.ipynb`` → ``jdoe``;
- Moodle folders: ``Jane Doe_12345_assignsubmission_file_`` → ``Jane Doe_12345``.

Any other file name is kept as it is (without ``.ipynb``).
"""

import os
import re
from pathlib import Path

CANVAS = re.compile(r"^(?P<name>[^\W\d_][\w-]*?)_(?:LATE_)?(?P<id>\d+)_(?:\d+_)?.+$")
BLACKBOARD = re.compile(r"^.+?_(?P<user>[^_]+)_attempt_\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}(?:_.*)?$")
MOODLE = re.compile(r"^(?P<student>.+?)_assignsubmission_\w+?_?$")
SKIPPED = {".ipynb_checkpoints", "__MACOSX"}


def safe(text):
    """A file name as text that prints and encodes everywhere (bytes that are not UTF-8 escaped)."""
    return os.fsencode(str(text)).decode("utf-8", "backslashreplace")


def find_notebooks(root):
    """Every notebook under ``root``, nested folders too, whatever the case of its extension.

    Links, pipes and other files that are not regular files are listed too: grading
    gives each the status "not graded" without opening it.
    """
    root = Path(root)
    found = []
    for path in root.rglob("*"):
        parts = path.relative_to(root).parts
        if (path.suffix.lower() == ".ipynb" and not path.is_dir()
                and not any(part in SKIPPED or part.startswith(".") for part in parts)):
            found.append(path)
    return sorted(found)


def student_of(path, root):
    """The student a notebook belongs to (see the module's docstring)."""
    relative = Path(safe(Path(path).relative_to(root)))
    if len(relative.parts) > 1:
        folder = relative.parts[0]
        match = MOODLE.match(folder)
        return match["student"] if match else folder
    stem = relative.name[: -len(relative.suffix)]
    if match := CANVAS.match(stem):
        return f"{match['name']}_{match['id']}"
    if match := BLACKBOARD.match(stem):
        return match["user"]
    return stem
