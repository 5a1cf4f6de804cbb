"""The claims of the chapter *Log loss*: the slides' base-10 numbers, the base as a
rescaling of every gradient, and the logit form where the naive form fails."""

import math

import numpy as np
import pytest

import rnn_lib
from rnn_lib.loss import LOG_FLOOR


@pytest.mark.parametrize(
    "p, slide, nats",
    [(0.5, "0.3", 0.693), (0.78, "0.108", 0.248), (0.98, "0.008", 0.0202)],
)
def test_slides_numbers_are_base_10(p, slide, nats):
    base_10 = rnn_lib.log_loss(1, p, base=10)
    last_digit = 10.0 ** -(len(slide) - 2)  # the slide's value is within one unit of its last digit
    assert abs(base_10 - float(slide)) < last_digit
    assert rnn_lib.log_loss(1, p) == pytest.approx(nats, abs=5e-4)
    assert rnn_lib.log_loss(1, p) != pytest.approx(float(slide), abs=1e-3)


def test_slide_9_truncates_where_rounding_gives_0_009():
    assert round(rnn_lib.log_loss(1, 0.98, base=10), 3) == 0.009


def test_worked_example_loss_is_ln_2():
    example = rnn_lib.worked_example()
    loss, grads = rnn_lib.bptt(example.params, example.X, example.y)
    assert loss == pytest.approx(math.log(2), rel=1e-14)
    assert grads.b_y[0] == pytest.approx(0.5 - 1.0, rel=1e-14)  # dL/do_4 = y_hat_4 - y


def _base_10_loss(params, X, y):
    return rnn_lib.log_loss(y, rnn_lib.forward(params, X).y_hat[-1, 0], base=10)


@pytest.mark.parametrize("name", rnn_lib.Params.names())
def test_base_10_gradient_is_natural_gradient_over_ln_10(name):
    """Finite differences of the base-10 loss against BPTT's natural-log gradient."""
    example = rnn_lib.worked_example()
    params, X, y = example.params, example.X, example.y
    _, grads = rnn_lib.bptt(params, X, y)
    numeric = rnn_lib.numerical_gradient(
        lambda value: _base_10_loss(params.replace(**{name: value}), X, y), getattr(params, name)
    )
    expected = getattr(grads, name) / math.log(10)
    assert rnn_lib.relative_error(numeric, expected) < 1e-7
    assert rnn_lib.relative_error(numeric, getattr(grads, name)) > 0.3  # not the natural one


def test_one_step_in_base_10_is_a_smaller_learning_rate():
    example = rnn_lib.worked_example()
    params, X, y = example.params, example.X, example.y
    _, grads = rnn_lib.bptt(params, X, y)
    grads_10 = rnn_lib.Params(**{n: a / math.log(10) for n, a in grads.items()})
    stepped_10 = rnn_lib.gradient_step(params, grads_10, 1.0)
    stepped_e = rnn_lib.gradient_step(params, grads, 1.0 / math.log(10))
    for (name, a), (_, b) in zip(stepped_10.items(), stepped_e.items()):
        np.testing.assert_allclose(a, b, rtol=1e-14, atol=1e-15, err_msg=name)


def test_naive_form_fails_at_o_40_where_logit_form_is_exact():
    p = rnn_lib.sigmoid(40.0)
    assert p == 1.0  # 1 - 4e-18 rounds to 1 in float64
    assert rnn_lib.log_loss(0, p) == pytest.approx(-LOG_FLOOR)
    assert rnn_lib.log_loss_from_logit(0, 40.0) == pytest.approx(40.0, rel=1e-15)


def test_loss_of_one_half_does_not_depend_on_the_label():
    assert rnn_lib.log_loss(0, 0.5) == rnn_lib.log_loss(1, 0.5) == pytest.approx(math.log(2))
    assert rnn_lib.log_loss_from_logit(0, 0.0) == rnn_lib.log_loss_from_logit(1, 0.0)
