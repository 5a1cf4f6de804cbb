"""rnn_lib against PyTorch autograd: same loss, same gradients, to 1e-10 in float64.

PyTorch is optional (never a book or Binder dependency): without it these tests
are skipped, except under ``make crosscheck`` (REQUIRE_TORCH=1), which installs
it into an environment of its own and fails if it is missing. The mapping
they check is the one the appendix *From rnn_lib to PyTorch* states:

    weight_ih_l0 = W_ehᵀ   weight_hh_l0 = W_hhᵀ   bias_ih_l0 + bias_hh_l0 = b_h
    Linear.weight = W_hyᵀ  Linear.bias = b_y      BCEWithLogitsLoss = rnn_lib's loss

and for the LSTM (``nn.LSTM``, gates in the order i, f, g, o in both):

    weight_ih_l0 = W_eᵀ    weight_hh_l0 = W_hᵀ    bias_ih_l0 + bias_hh_l0 = b
"""

import os

import numpy as np
import pytest

import rnn_lib
from problems import random_problem
from rnn_lib import LSTMParams, Params, bptt, forward, lstm

if os.environ.get("REQUIRE_TORCH") == "1":
    import torch
else:
    torch = pytest.importorskip("torch", reason="PyTorch is not installed: the cross-check is optional")

TOLERANCE = 1e-10


def problem(seed, N, T, E, H):
    params, X, y, h0 = random_problem(seed, N, T, E, H, 1, biases=True, scale=0.7)
    return params, X, y.astype(float), h0


def torch_model(params, split_bias):
    """nn.RNN + nn.Linear holding rnn_lib's weights (transposed: PyTorch multiplies W x)."""
    rnn = torch.nn.RNN(params.E, params.H, batch_first=True, dtype=torch.float64)
    linear = torch.nn.Linear(params.H, params.Y, dtype=torch.float64)
    # PyTorch has two hidden biases; only their sum b_h matters.
    bias_ih = 0.25 * params.b_h if split_bias else params.b_h
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(torch.from_numpy(params.W_eh.T))
        rnn.weight_hh_l0.copy_(torch.from_numpy(params.W_hh.T))
        rnn.bias_ih_l0.copy_(torch.from_numpy(bias_ih))
        rnn.bias_hh_l0.copy_(torch.from_numpy(params.b_h - bias_ih))
        linear.weight.copy_(torch.from_numpy(params.W_hy.T))
        linear.bias.copy_(torch.from_numpy(params.b_y))
    return rnn, linear


def torch_loss_and_grads(params, X, y, h0, loss_on, split_bias=True):
    """PyTorch's loss and gradients, mapped back to rnn_lib's names and shapes."""
    rnn, linear = torch_model(params, split_bias)
    h, _ = rnn(torch.from_numpy(X), torch.from_numpy(h0)[None])
    logits = linear(h)  # (N, T, Y)
    labels = torch.from_numpy(y)
    if loss_on == "last":
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[:, -1], labels)
    else:  # the sum over steps and outputs of each step's loss, averaged over documents
        labels = labels[:, None].expand_as(logits)
        per_step = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, labels, reduction="none"
        )
        loss = per_step.sum() / X.shape[0]
    loss.backward()
    grads = Params(
        W_eh=rnn.weight_ih_l0.grad.numpy().T,
        W_hh=rnn.weight_hh_l0.grad.numpy().T,
        W_hy=linear.weight.grad.numpy().T,
        b_h=rnn.bias_ih_l0.grad.numpy(),
        b_y=linear.bias.grad.numpy(),
    )
    # Both hidden biases receive the same gradient, dL/db_h.
    np.testing.assert_allclose(rnn.bias_ih_l0.grad.numpy(), rnn.bias_hh_l0.grad.numpy(), rtol=1e-12)
    return loss.item(), grads, h.detach().numpy()


@pytest.mark.parametrize(
    "seed, N, T, E, H",
    [(0, 256, 20, 8, 16), (1, 1, 4, 3, 2), (2, 7, 1, 1, 1), (3, 5, 30, 4, 6)],
)
@pytest.mark.parametrize("loss_on", ["last", "all"])
def test_gradients_equal_pytorch_autograd(seed, N, T, E, H, loss_on):
    params, X, y, h0 = problem(seed, N, T, E, H)
    loss, grads = bptt(params, X, y[:, 0], h0, loss_on=loss_on)
    torch_loss, torch_grads, torch_h = torch_loss_and_grads(params, X, y, h0, loss_on)
    assert loss == pytest.approx(torch_loss, rel=TOLERANCE)
    np.testing.assert_allclose(forward(params, X, h0).h, torch_h, rtol=0, atol=TOLERANCE)
    for name in Params.names():
        np.testing.assert_allclose(
            getattr(grads, name), getattr(torch_grads, name), rtol=TOLERANCE, atol=TOLERANCE,
            err_msg=f"dL/d{name} differs from PyTorch's",
        )


def test_worked_example_matches_pytorch():
    """The slides' example: ŷ_4 = 0.5, loss ln 2, and the same gradients in both."""
    example = rnn_lib.worked_example()
    X, y = example.X[None], np.array([[example.y]], dtype=float)
    h0 = np.zeros((1, example.params.H))
    loss, grads = bptt(example.params, X, y[:, 0])
    torch_loss, torch_grads, _ = torch_loss_and_grads(example.params, X, y, h0, "last", False)
    assert torch_loss == pytest.approx(np.log(2), rel=1e-12)
    assert loss == pytest.approx(torch_loss, rel=TOLERANCE)
    for name in Params.names():
        np.testing.assert_allclose(
            getattr(grads, name), getattr(torch_grads, name), rtol=TOLERANCE, atol=TOLERANCE
        )


def test_a_wrong_mapping_is_caught():
    """The cross-check can fail: forget one transpose and the gradients disagree."""
    params, X, y, h0 = problem(4, 3, 5, 3, 3)
    _, grads = bptt(params, X, y[:, 0], h0)
    _, torch_grads, _ = torch_loss_and_grads(params.replace(W_hh=params.W_hh.T), X, y, h0, "last")
    assert not np.allclose(grads.W_hh, torch_grads.W_hh, rtol=TOLERANCE, atol=TOLERANCE)


# ---------------------------------------------------------------- the LSTM


def lstm_problem(seed, N, T, E, H):
    """init_params with a nonzero forget bias, nonzero h0 and c0, labels as floats."""
    params = lstm.init_params(E, H, seed=seed, forget_bias=1.0)
    rng = np.random.default_rng(seed)
    X = rng.normal(0, 1, (N, T, E))
    return params, X, rng.integers(0, 2, (N, 1)).astype(float), rng.normal(0, 0.5, (N, H)), rng.normal(0, 1, (N, H))


def torch_lstm_loss_and_grads(params, X, y, h0, c0, loss_on):
    """nn.LSTM + nn.Linear holding rnn_lib's weights (bias_ih = b, bias_hh = 0): loss, grads, h, c_T."""
    model = torch.nn.LSTM(params.E, params.H, batch_first=True, dtype=torch.float64)
    linear = torch.nn.Linear(params.H, params.Y, dtype=torch.float64)
    with torch.no_grad():
        model.weight_ih_l0.copy_(torch.from_numpy(params.W_e.T))
        model.weight_hh_l0.copy_(torch.from_numpy(params.W_h.T))
        model.bias_ih_l0.copy_(torch.from_numpy(params.b))
        model.bias_hh_l0.zero_()
        linear.weight.copy_(torch.from_numpy(params.W_hy.T))
        linear.bias.copy_(torch.from_numpy(params.b_y))
    h, (_, c_T) = model(torch.from_numpy(X), (torch.from_numpy(h0)[None], torch.from_numpy(c0)[None]))
    logits = linear(h)
    labels = torch.from_numpy(y)
    if loss_on == "last":
        loss = torch.nn.functional.binary_cross_entropy_with_logits(logits[:, -1], labels)
    else:
        per_step = torch.nn.functional.binary_cross_entropy_with_logits(
            logits, labels[:, None].expand_as(logits), reduction="none"
        )
        loss = per_step.sum() / X.shape[0]
    loss.backward()
    np.testing.assert_allclose(model.bias_ih_l0.grad.numpy(), model.bias_hh_l0.grad.numpy(), rtol=1e-12)
    grads = LSTMParams(
        W_e=model.weight_ih_l0.grad.numpy().T,
        W_h=model.weight_hh_l0.grad.numpy().T,
        b=model.bias_ih_l0.grad.numpy(),
        W_hy=linear.weight.grad.numpy().T,
        b_y=linear.bias.grad.numpy(),
    )
    return loss.item(), grads, h.detach().numpy(), c_T[0].detach().numpy()


@pytest.mark.parametrize("seed, N, T, E, H", [(0, 64, 20, 8, 16), (1, 1, 4, 3, 2), (2, 7, 1, 1, 1), (3, 5, 30, 4, 6)])
@pytest.mark.parametrize("loss_on", ["last", "all"])
def test_lstm_equals_pytorch_nn_lstm(seed, N, T, E, H, loss_on):
    params, X, y, h0, c0 = lstm_problem(seed, N, T, E, H)
    loss, grads = lstm.bptt(params, X, y[:, 0], h0, c0, loss_on)
    torch_loss, torch_grads, torch_h, torch_c_T = torch_lstm_loss_and_grads(params, X, y, h0, c0, loss_on)
    trace = lstm.forward(params, X, h0, c0)
    assert loss == pytest.approx(torch_loss, rel=TOLERANCE)
    np.testing.assert_allclose(trace.h, torch_h, rtol=0, atol=TOLERANCE)
    np.testing.assert_allclose(trace.c[:, -1], torch_c_T, rtol=0, atol=TOLERANCE)
    for name in LSTMParams.names():
        np.testing.assert_allclose(
            getattr(grads, name), getattr(torch_grads, name), rtol=TOLERANCE, atol=TOLERANCE,
            err_msg=f"dL/d{name} differs from PyTorch's",
        )


def test_a_wrong_lstm_gate_order_is_caught():
    """The cross-check can fail: swap the g and o blocks of W_h and PyTorch disagrees."""
    params, X, y, h0, c0 = lstm_problem(4, 3, 5, 3, 3)
    _, grads = lstm.bptt(params, X, y[:, 0], h0, c0)
    H = params.H
    i_f, g, o = params.W_h[:, :2 * H], params.W_h[:, 2 * H:3 * H], params.W_h[:, 3 * H:]
    swapped = params.replace(W_h=np.concatenate([i_f, o, g], axis=1))
    _, torch_grads, _, _ = torch_lstm_loss_and_grads(swapped, X, y, h0, c0, "last")
    assert not np.allclose(grads.W_h, torch_grads.W_h, rtol=TOLERANCE, atol=TOLERANCE)
