"""The sandbox's copy of rnn_lib: named functions are stubs that ask the grader, nothing else changes."""

import ast
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from grading import doctor


def test_a_doctored_function_keeps_no_trace_of_its_implementation(tmp_path):
    target = doctor.doctored_copy(["rnn_lib.rnn:_forward_steps", "rnn_lib.loss:log_loss"], tmp_path)
    source = (target / "rnn.py").read_text()
    assert "np.tanh(z[t]" in (doctor.LIBRARY / "rnn.py").read_text()  # the loop the doctoring removes
    assert "np.tanh(z[t]" not in source and "_rnn_grading.library_call(\"rnn_lib.rnn:_forward_steps\"" in source
    assert "log1p" not in (target / "loss.py").read_text()
    tree = ast.parse(source)
    names = [node.name for node in tree.body if isinstance(node, ast.FunctionDef)]
    original = [node.name for node in ast.parse((doctor.LIBRARY / "rnn.py").read_text()).body
                if isinstance(node, ast.FunctionDef)]
    assert names == original  # every other function is still there, in its place
    assert (target / "data.py").read_bytes() == (doctor.LIBRARY / "data.py").read_bytes()
    assert list(target.glob("__pycache__/*.pyc")), "compiled once, for sandboxes that import it read-only"


def test_the_stub_asks_the_grader(tmp_path, monkeypatch):
    target = doctor.doctored_copy(["rnn_lib.rnn:_forward_steps"], tmp_path)
    calls = []
    fake = type(sys)("_rnn_grading")
    fake.library_call = lambda name, args, kwargs: calls.append((name, args, kwargs)) or "lent"
    monkeypatch.setitem(sys.modules, "_rnn_grading", fake)
    tree = ast.parse((target / "rnn.py").read_text())  # the module itself needs its package: take the stub
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "_forward_steps")
    namespace = {}
    exec(compile(ast.Module(body=[function], type_ignores=[]), "rnn.py", "exec"), namespace)
    assert namespace["_forward_steps"](1, 2, h0=3) == "lent"
    assert calls == [("rnn_lib.rnn:_forward_steps", (1, 2), {"h0": 3})]


@pytest.mark.parametrize("name", ["rnn_lib.rnn:no_such_function", "rnn_lib.nope:forward", "numpy:sum",
                                  "rnn_lib.rnn.forward", "rnn_lib.rnn:Params", "rnn_lib.analysis:vanishing"])
def test_only_top_level_functions_of_rnn_lib_can_be_named(name):
    with pytest.raises(ValueError):
        doctor.check_names([name])
