"""The conversions of the notation page (book/notation.md), checked numerically, and its tables
read and compared with rnn_lib (each symbol's name there, with the shape the table gives).

PyTorch is not installed here: ``_pytorch_rnn`` transcribes the reference code of
``torch.nn.RNN``'s documentation (one layer, tanh), with its weights stored as
PyTorch stores them, (H, E) and (H, H), and two hidden biases.
"""

import inspect
import re
from pathlib import Path

import numpy as np
import pytest

import rnn_lib


@pytest.fixture
def example():
    return rnn_lib.worked_example()


def _random_params(seed, E=3, H=4, Y=2):
    rng = np.random.default_rng(seed)
    return rnn_lib.Params(
        W_eh=rng.normal(size=(E, H)),
        W_hh=rng.normal(size=(H, H)) * 0.5,
        W_hy=rng.normal(size=(H, Y)),
        b_h=rng.normal(size=H),
        b_y=rng.normal(size=Y),
    )


def _pytorch_rnn(x, weight_ih, weight_hh, bias_ih, bias_hh):
    h = np.zeros(weight_hh.shape[0])
    states = []
    for x_t in x:
        h = np.tanh(x_t @ weight_ih.T + bias_ih + h @ weight_hh.T + bias_hh)
        states.append(h)
    return np.array(states)


def _column_rnn(x, W_xh, W_hh, b_h):
    """Raschka and Mirjalili's column convention: z = W_xh x + W_hh h + b_h."""
    h = np.zeros((W_hh.shape[0], 1))
    states = []
    for x_t in x:
        h = np.tanh(W_xh @ x_t.reshape(-1, 1) + W_hh @ h + b_h.reshape(-1, 1))
        states.append(h.ravel())
    return np.array(states)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_pytorch_weights_are_our_transposes_and_biases_add(seed):
    params = _random_params(seed)
    X = np.random.default_rng(seed + 10).normal(size=(5, params.E))
    split = np.random.default_rng(seed + 20).normal(size=params.H)
    h = _pytorch_rnn(X, params.W_eh.T, params.W_hh.T, params.b_h - split, split)
    trace = rnn_lib.forward(params, X)
    np.testing.assert_allclose(h, trace.h, rtol=1e-12, atol=1e-14)
    linear_weight, linear_bias = params.W_hy.T, params.b_y  # nn.Linear(H, Y): (Y, H), (Y,)
    np.testing.assert_allclose(h @ linear_weight.T + linear_bias, trace.o, rtol=1e-12, atol=1e-14)


def test_untransposed_weights_give_another_network(example):
    p = example.params
    h = _pytorch_rnn(example.X, p.W_eh.T, p.W_hh, p.b_h, np.zeros(p.H))  # W_hh not transposed
    assert not np.allclose(h, rnn_lib.forward(p, example.X).h)


@pytest.mark.parametrize("seed", [0, 1])
def test_column_convention_is_the_transpose(seed):
    params = _random_params(seed)
    X = np.random.default_rng(seed + 30).normal(size=(4, params.E))
    h = _column_rnn(X, params.W_eh.T, params.W_hh.T, params.b_h)
    np.testing.assert_allclose(h, rnn_lib.forward(params, X).h, rtol=1e-12, atol=1e-14)


def _step(params, x_t, h_prev):
    return np.tanh(x_t @ params.W_eh + h_prev @ params.W_hh + params.b_h)


def _column_step(W_xh, W_hh_col, b_h, x_t, h_prev):
    return np.tanh(W_xh @ x_t + W_hh_col @ h_prev + b_h)


def _jacobian(step, h_prev):
    """Entry [i, j] = d step(h)[i] / d h[j] at h_prev, by central differences."""
    rows = [rnn_lib.numerical_gradient(lambda h: step(h)[i], h_prev) for i in range(h_prev.size)]
    return np.array(rows)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jacobian_row_convention(seed):
    params = _random_params(seed)
    rng = np.random.default_rng(seed + 40)
    x_t, h_prev = rng.normal(size=params.E), np.tanh(rng.normal(size=params.H))
    h_t = _step(params, x_t, h_prev)
    numeric = _jacobian(lambda h: _step(params, x_t, h), h_prev)
    np.testing.assert_allclose(np.diag(1 - h_t**2) @ params.W_hh.T, numeric, rtol=1e-6, atol=1e-9)
    assert not np.allclose(np.diag(1 - h_t**2) @ params.W_hh, numeric)  # untransposed is wrong


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jacobian_column_convention_is_the_same_matrix(seed):
    params = _random_params(seed)
    rng = np.random.default_rng(seed + 50)
    x_t, h_prev = rng.normal(size=params.E), np.tanh(rng.normal(size=params.H))
    W_xh, W_hh_col = params.W_eh.T, params.W_hh.T
    h_t = _column_step(W_xh, W_hh_col, params.b_h, x_t, h_prev)
    numeric = _jacobian(lambda h: _column_step(W_xh, W_hh_col, params.b_h, x_t, h), h_prev)
    np.testing.assert_allclose(np.diag(1 - h_t**2) @ W_hh_col, numeric, rtol=1e-6, atol=1e-9)
    row_numeric = _jacobian(lambda h: _step(params, x_t, h), h_prev)
    np.testing.assert_allclose(numeric, row_numeric, rtol=1e-6, atol=1e-9)


def test_backward_row_equals_gradient_times_jacobian(example):
    params, X = example.params, example.X
    trace = rnn_lib.forward(params, X)
    h_t = trace.h[-1]
    dL_dh_t = np.array([0.3, -0.7])
    jacobian = np.diag(1 - h_t**2) @ params.W_hh.T
    np.testing.assert_allclose(dL_dh_t @ jacobian, (dL_dh_t * (1 - h_t**2)) @ params.W_hh.T)


def test_two_biases_get_the_same_gradient(example):
    """Each PyTorch bias gets dL/db_h, so a gradient step moves their sum twice as far."""
    params, X, y = example.params, example.X, example.y
    _, grads = rnn_lib.bptt(params, X, y)

    def loss_with_split(bias_ih, bias_hh):
        return rnn_lib.evaluate_loss(params.replace(b_h=bias_ih + bias_hh), X, y)

    zeros = np.zeros(params.H)
    d_ih = rnn_lib.numerical_gradient(lambda b: loss_with_split(b, zeros), params.b_h)
    d_hh = rnn_lib.numerical_gradient(lambda b: loss_with_split(params.b_h, b), zeros)
    np.testing.assert_allclose(d_ih, grads.b_h, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(d_hh, grads.b_h, rtol=1e-6, atol=1e-10)


# ---------------------------------------------------------------- the page's tables against rnn_lib

NOTATION = (Path(__file__).resolve().parents[1] / "book" / "notation.md").read_text()
SIZES = {"E": 3, "H": 4, "Y": 2, "T": 5}


def symbol_rows():
    """The rows of the table "The book's symbols": [symbol, shape, meaning, on the slides, in rnn_lib]."""
    text = NOTATION.split("```{list-table} The book's symbols")[1].split("```")[0]
    return [[cell.strip() for cell in re.split(r"^  - ", block, flags=re.M)]
            for block in re.split(r"^\* - ", text, flags=re.M)[2:]]  # the header row aside


def shapes(cell):
    """'$1 \\times H$' → [(4,)] (a row is one axis), '$E \\times 4H$, $4H$' → [(3, 16), (16,)]."""
    found = []
    for math in re.findall(r"\$([^$]*)\$", cell):
        axes = [a.strip() for a in math.split(r"\times")]
        axes = axes[1:] if axes[0] == "1" and len(axes) > 1 else axes
        found.append(tuple(int(a[:-1] or 1) * SIZES[a[-1]] for a in axes))
    return found


def namespace(cell):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(SIZES["T"], SIZES["E"]))
    lstm_row = cell == "LSTM"
    if lstm_row:
        params = rnn_lib.lstm.init_params(SIZES["E"], SIZES["H"], SIZES["Y"])
        trace = rnn_lib.lstm.forward(params, X)
    elif cell == "GRU":
        params = rnn_lib.gru.init_params(SIZES["E"], SIZES["H"], SIZES["Y"])
        trace = rnn_lib.gru.forward(params, X)
    else:
        params = _random_params(0, SIZES["E"], SIZES["H"], SIZES["Y"])
        trace = rnn_lib.forward(params, X)
    y = np.ones(SIZES["Y"])
    loss, grads = rnn_lib.bptt(params, X, y) if cell == "RNN" else (None, None)
    return {"params": params, "trace": trace, "X": X, "t": 3, "y": y, "loss": loss, "grads": grads,
            "bptt": rnn_lib.bptt, "lstm": rnn_lib.lstm, "c0": trace.h0 if not lstm_row else trace.c0}


SOURCES = "".join(p.read_text() for p in Path(rnn_lib.__file__).parent.rglob("*.py"))


@pytest.mark.parametrize("row", symbol_rows(), ids=[row[0] for row in symbol_rows()])
def test_each_symbol_is_in_rnn_lib_with_the_shape_the_table_gives(row):
    symbol, shape, meaning, _, code = row
    ns = namespace(next((cell for cell in ("LSTM", "GRU") if cell in meaning), "RNN"))
    expressions = re.findall(r"`([^`]+)`", code.split(";")[0])
    assert expressions, row
    for n, expression in enumerate(expressions):
        call = re.fullmatch(r"(\w+)\(\.\.\., (\w+)\)", expression)
        if call:  # a function and the parameter that holds the symbol
            assert call[2] in inspect.signature(getattr(rnn_lib, call[1])).parameters, expression
            continue
        if re.fullmatch(r"\w+", expression) and expression not in ns:  # a name inside rnn_lib's code
            assert re.search(rf"\b{expression}\b", SOURCES), expression
            continue
        value = eval(expression.replace("(...)", "(params, X)"), {}, ns)
        if callable(value):
            continue
        if shape == "scalar (or $Y$)":
            assert np.shape(value) in ((), (SIZES["Y"],)), (expression, value)
        elif shape in ("numbers", "scalar"):
            assert np.ndim(value) == 0, (expression, value)
        elif shape.startswith("shape of"):
            weights = "W_" + re.search(r"W_\{(\w+)\}", shape)[1]
            assert np.shape(value) == getattr(ns["params"], weights).shape, expression
        elif shape != "—":
            expected = shapes(shape)
            want = expected[n] if len(expected) == len(expressions) else expected[0]
            per_step = "t" in symbol and "[" not in expression  # a trace field holds every step's row
            allowed = {want, (SIZES["T"], *want)} if per_step else {want}
            assert np.shape(value) in allowed, (expression, np.shape(value))


def test_the_lstm_gates_are_side_by_side_in_the_order_the_table_gives():
    row = next(r for r in symbol_rows() if r[0].startswith("$W_e$"))
    order = re.search(r"in the order ([a-z, ]+)", row[2])[1]
    assert tuple(order.replace(" ", "").split(",")) == rnn_lib.lstm.GATES


def test_the_worked_example_has_the_sizes_the_table_gives():
    p, X = rnn_lib.worked_example().params, rnn_lib.worked_example().X
    sizes = dict(re.findall(r"\(([EHY])\) [a-z ]+ = (\d+)", NOTATION))
    assert {k: int(v) for k, v in sizes.items()} == {"E": p.E, "H": p.H, "Y": p.Y}
    assert f"the worked example has $T = {X.shape[0]}$" in NOTATION


def test_the_quoted_line_of_the_backward_loop_is_there():
    line = re.search(r"which is the line `([^`]+)` of the backward loop in `rnn_lib/rnn.py`", NOTATION)[1]
    assert line in (Path(rnn_lib.__file__).parent / "rnn.py").read_text()


ONCE = NOTATION.split("**Each derivation is done once.**")[1].split("\n\n")[0]


@pytest.mark.parametrize(("labels", "chapter"), [
    (re.search(r"These are equations \{eq\}`([\w-]+)` to \{eq\}`([\w-]+)` of the first\s+chapter", NOTATION).groups(),
     "problem"),
    (tuple(re.findall(r"\{eq\}`(bptt-[\w-]+)`", ONCE)), "bptt"),
])
def test_equations_referred_to_are_in_the_chapter_the_page_names(labels, chapter):
    text = (Path(__file__).resolve().parents[1] / "book" / f"{chapter}.ipynb").read_text()
    assert labels and all(f"$$ ({label})" in text for label in labels), labels
