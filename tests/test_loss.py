import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rnn_lib import log_loss, log_loss_from_logit, sigmoid


def test_bracketed_formula():
    y = np.array([1, 0, 1, 0])
    p = np.array([0.9, 0.2, 0.4, 0.7])
    expected = -np.mean([math.log(0.9), math.log(0.8), math.log(0.4), math.log(0.3)])
    assert log_loss(y, p) == pytest.approx(expected, rel=1e-14)


def test_finite_at_zero_and_one():
    assert log_loss(1, 1.0) == 0.0
    assert log_loss(0, 0.0) == 0.0
    assert log_loss(1, 0.0) == pytest.approx(100.0)
    assert log_loss(0, 1.0) == pytest.approx(100.0)
    assert np.isfinite(log_loss(1, 0.0, base=10))


@given(
    o=st.floats(-20, 20),
    y=st.integers(0, 1),
    base=st.sampled_from([2, math.e, 10]),
)
def test_logit_form_equals_probability_form(o, y, base):
    assert log_loss_from_logit(y, o, base) == pytest.approx(log_loss(y, sigmoid(o), base), rel=1e-6, abs=1e-12)


@pytest.mark.parametrize("o, y", [(1000.0, 0), (-1000.0, 1), (800.0, 1), (-800.0, 0)])
def test_logit_form_is_exact_where_sigmoid_rounds(o, y):
    expected = abs(o) if (o > 0) != bool(y) else 0.0
    assert log_loss_from_logit(y, o) == pytest.approx(expected)


@given(p=st.floats(0.001, 0.999), base=st.floats(1.5, 100))
def test_base_only_rescales(p, base):
    assert log_loss(1, p, base) == pytest.approx(log_loss(1, p) / math.log(base), rel=1e-12)


def test_the_two_forms_agree_until_rounding_and_differ_beyond_as_documented():
    from rnn_lib import log_loss, log_loss_from_logit, sigmoid

    for o in np.linspace(-18, 18, 361):
        for y in (0, 1):
            assert log_loss(y, sigmoid(o)) == pytest.approx(log_loss_from_logit(y, o), rel=1e-9), (y, o)
    assert log_loss(0, sigmoid(40.0)) == 100 and log_loss_from_logit(0, 40.0) == pytest.approx(40.0)
    assert log_loss(1, 0.0) == 100 and log_loss_from_logit(1, -1e4) == 1e4  # the same prediction
