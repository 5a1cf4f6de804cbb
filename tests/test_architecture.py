"""The package boundaries the README describes, checked on the source: rnn_lib is numpy only, the
figures draw without running models, and no module reaches into another's private names."""

import ast
import re
from pathlib import Path

import numpy as np
import pytest

import rnn_lib
from rnn_lib import gru, lstm, train

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = sorted((ROOT / "rnn_lib").rglob("*.py"))
BOOK = sorted((ROOT / "rnn_book").rglob("*.py"))
MODULES = {p.stem for p in LIBRARY + BOOK} - {"__init__"}


def imports(path):
    """(module, [names]) of every import in a file; relative imports resolved by their text."""
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append(("." * node.level + (node.module or ""), [alias.name for alias in node.names]))
    return found


@pytest.mark.parametrize("path", LIBRARY, ids=lambda p: str(p.relative_to(ROOT)))
def test_rnn_lib_imports_numpy_and_the_standard_library_only(path):
    for module, _ in imports(path):
        top = module.lstrip(".").split(".")[0]
        assert top not in ("matplotlib", "ipywidgets", "IPython", "rnn_book", "scipy", "torch"), (path, module)


@pytest.mark.parametrize("path", sorted((ROOT / "rnn_book" / "figures").glob("*.py")), ids=lambda p: p.name)
def test_figures_draw_what_they_are_given_and_run_no_model(path):
    for module, names in imports(path):
        assert not module.lstrip(".").startswith("rnn_lib"), (path, module, names)


@pytest.mark.parametrize("path", LIBRARY + BOOK, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_module_reaches_into_another_modules_private_names(path):
    for module, names in imports(path):
        private = [n for n in names if n.startswith("_") and n != "__version__"]
        assert not private, (path, module, private)
    text = path.read_text()
    others = "|".join(sorted(MODULES - {path.stem}))
    assert not re.findall(rf"\b(?:{others})\._[a-z]\w*", text), path


@pytest.mark.parametrize("module, weight", [(gru, "W_er"), (lstm, "W_h")], ids=["gru", "lstm"])
def test_one_gradient_step_for_every_cell(module, weight):
    params = module.init_params(3, 2, seed=1)
    _, grads = params.bptt(np.ones((4, 3)), 1)
    stepped = train.gradient_step(params, grads, 0.1)
    assert type(stepped) is type(params)
    assert np.allclose(getattr(stepped, weight), getattr(params, weight) - 0.1 * getattr(grads, weight))
    with pytest.raises(TypeError, match=f"grads must be a {type(params).__name__} like params"):
        train.gradient_step(params, rnn_lib.worked_example().params, 0.1)


def test_a_bool_is_not_a_number_of_steps():
    example = rnn_lib.worked_example()
    with pytest.raises(TypeError, match=r"steps must be a whole number >= 0, got True"):
        rnn_lib.gradient_descent(example.params, example.X, example.y, 0.1, steps=True)


def test_backpropagation_that_overflows_says_so():
    """The forward pass is finite; the gradient of W_eh is not (inputs and W_hy of 1e200)."""
    params = rnn_lib.Params(W_eh=np.full((1, 1), 1e-201), W_hh=np.full((1, 1), 0.1), W_hy=np.full((1, 1), 1e200))
    X = np.full((2, 1), 1e200)
    assert np.all(np.isfinite(rnn_lib.forward(params, X).o))
    with pytest.raises(FloatingPointError, match="Backpropagation overflowed: W_eh is not finite"):
        rnn_lib.bptt(params, X, 0)


CORE = ("activations", "cell", "data", "first_names", "gradcheck", "language", "loss", "rnn", "train")
#: Public in rnn_lib.cell so that every cell's module can share them, but plumbing for writing
#: a new cell, not API: not re-exported.
CELL_PLUMBING = {"check_cell", "check_inputs", "check_labels", "check_training_inputs",
                 "check_finite_result", "loss_and_dlogits", "unbatched", "check_state", "as_weight", "gate",
                 "check_backward_inputs"}
#: The one exception to "cells other than the plain RNN are namespaces": the LSTM's weights and
#: passes under the names issue 13 gave them, the very objects of rnn_lib.lstm.
LSTM_AT_TOP_LEVEL = {"LSTMParams": lstm.LSTMParams, "lstm_forward": lstm.forward, "lstm_bptt": lstm.bptt}


def test_the_api_has_one_shape():
    """Every public name of the model's modules is rnn_lib.<name>; the other cells and the analyses
    are not, but for the LSTM's three names of issue 13."""
    import importlib
    import inspect

    for name in CORE:
        module = importlib.import_module(f"rnn_lib.{name}")
        for attr, obj in vars(module).items():
            if attr.startswith("_") or attr in CELL_PLUMBING:
                continue
            if (inspect.isfunction(obj) or inspect.isclass(obj)) and obj.__module__ == module.__name__:
                assert getattr(rnn_lib, attr, None) is obj and attr in rnn_lib.__all__, f"rnn_lib.{attr}"
    for attr in rnn_lib.__all__:
        if attr in LSTM_AT_TOP_LEVEL:
            assert getattr(rnn_lib, attr) is LSTM_AT_TOP_LEVEL[attr], attr
            continue
        origin = getattr(getattr(rnn_lib, attr), "__module__", "rnn_lib.data")
        assert origin.split(".")[1] in CORE, (attr, origin)
    assert set(LSTM_AT_TOP_LEVEL) <= set(rnn_lib.__all__)
