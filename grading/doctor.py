"""The rnn_lib a sandbox gets: a copy in which some functions live only in the grader.

An exercise that asks students to write, say, the forward pass themselves
must not pass when the answer calls rnn_lib's forward pass instead. Patching
the function inside the submission's process cannot enforce that: an alias
made earlier, a reload, or reading the source from disk gets the original
back. So the sandbox never holds those functions at all. In its copy of
rnn_lib each of them is replaced by a stub that asks the grader to compute it
(``_rnn_grading.library_call``, see inside/worker.py); the grader answers with
the real rnn_lib, except while it is testing a function that must be written
without them, when it refuses and fails the test.

Name the *cores* that do the work (``rnn_lib.rnn:_forward_steps``), not only
the public functions around them: everything in the sandbox that computes a
forward pass then has to ask.
"""

import ast
import compileall
import shutil
from pathlib import Path

import rnn_book
import rnn_lib

LIBRARY = Path(rnn_lib.__file__).resolve().parent
BOOK = Path(rnn_book.__file__).resolve().parent

STUB = '''def {name}(*args, **kwargs):
    """Computed by the grader: this copy of rnn_lib does not contain {qualified}."""
    import _rnn_grading

    return _rnn_grading.library_call("{qualified}", args, kwargs)
'''


def split_name(qualified):
    """"rnn_lib.analysis.vanishing:_states" → ("analysis.vanishing", "_states"); ValueError for anything else."""
    module, _, function = qualified.partition(":")
    parts = module.split(".")
    if parts[0] != "rnn_lib" or len(parts) < 2 or not all(p.isidentifier() for p in parts) \
            or not function.isidentifier():
        raise ValueError(f"a library function must be named 'rnn_lib.<module>:<function>', got {qualified!r}")
    return ".".join(parts[1:]), function


def _source(root, module):
    return root.joinpath(*module.split(".")).with_suffix(".py")


def check_names(names):
    """Raise ValueError unless every name is a top-level function of an rnn_lib module."""
    for qualified in names:
        module, function = split_name(qualified)
        path = _source(LIBRARY, module)
        tree = ast.parse(path.read_text()) if path.exists() else ast.Module(body=[])
        if not any(isinstance(node, ast.FunctionDef) and node.name == function for node in tree.body):
            raise ValueError(f"rnn_lib has no top-level function {qualified}")


def doctored_copy(names, destination):
    """Copy rnn_lib into ``destination``/rnn_lib with each named function made a stub, and the book's
    display layer (rnn_book, which the chapters' setup cells import) beside it; return the first."""
    check_names(names)
    target = Path(destination) / "rnn_lib"
    shutil.copytree(LIBRARY, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    shutil.copytree(BOOK, Path(destination) / "rnn_book", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    by_module = {}
    for qualified in names:
        module, function = split_name(qualified)
        by_module.setdefault(module, {})[function] = qualified
    for module, functions in by_module.items():
        path = _source(target, module)
        lines = path.read_text().splitlines(keepends=True)
        nodes = [node for node in ast.parse("".join(lines)).body
                 if isinstance(node, ast.FunctionDef) and node.name in functions]
        for node in sorted(nodes, key=lambda n: n.lineno, reverse=True):  # bottom up: line numbers hold
            first = node.lineno - 1 - len(node.decorator_list)
            stub = STUB.format(name=node.name, qualified=functions[node.name])
            lines[first:node.end_lineno] = [stub]
        path.write_text("".join(lines))
    for folder in (target, Path(destination) / "rnn_book"):
        compileall.compile_dir(folder, quiet=1)  # sandboxes import them read-only: compile once here
    return target
