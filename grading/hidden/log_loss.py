"""Hidden tests of the exercises of *Log loss*."""

import numpy as np

import rnn_lib
from grading.cases import case, close

#: The cores that compute a binary cross-entropy: from probabilities, and from logits
#: (which bptt, evaluate_loss and log_loss_from_logit all use).
LOSS = ("rnn_lib.loss:log_loss", "rnn_lib.loss:bce_with_logits")
EXAMPLE = rnn_lib.worked_example()


#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-log-loss-grad": 1}


def predictions(rng, n):
    return rng.integers(0, 2, size=n), rng.uniform(0.001, 0.999, size=n)


@case("ex-log-loss-bce")
def matches_rnn_lib_on_many_predictions(bce, rng):
    """bce matches rnn_lib.log_loss on hundreds of random labels and predictions."""
    y, p = predictions(rng, int(rng.integers(100, 1000)))
    assert close(bce(y, p), rnn_lib.log_loss(y, p), rtol=1e-10, atol=0)


@case("ex-log-loss-bce")
def scores_label_zero_and_averages(bce, rng):
    """bce scores label 0 with log(1 − p), and averages over the predictions."""
    p = rng.uniform(0.01, 0.99, size=int(rng.integers(2, 6)))
    assert close(bce(np.zeros(p.size), p), -np.mean(np.log1p(-p)))


@case("ex-log-loss-bce", refuse=LOSS)
def computes_the_loss_itself(bce, rng):
    """bce computes the loss with numpy, without rnn_lib's loss functions."""
    y, p = predictions(rng, int(rng.integers(3, 20)))
    assert close(bce(y, p), rnn_lib.log_loss(y, p))


@case("ex-log-loss-grad")
def agrees_with_finite_differences(dL_do, rng):
    """dL_do agrees with finite differences of the loss, for both labels and several logits."""
    for label in (0, 1):
        for o in rng.uniform(-8, 8, size=4):
            numeric = rnn_lib.numerical_gradient(lambda v: rnn_lib.log_loss_from_logit(label, v), o)
            assert close(dL_do(label, float(o)), numeric, atol=1e-8), (label, o)


@case("ex-log-loss-grad")
def is_right_for_confident_predictions(dL_do, rng):
    """dL_do is ±1 for a confidently wrong logit, 0 for a confidently right one, σ(o) − y between."""
    o = float(rng.uniform(40, 60))
    assert close(dL_do(0, o), 1.0) and close(dL_do(1, -o), -1.0)
    assert close(dL_do(1, o), 0.0, atol=1e-12) and close(dL_do(0, -o), 0.0, atol=1e-12)
    for label, o in zip((0, 1), rng.uniform(-4, 4, size=2)):
        assert close(dL_do(label, float(o)), float(rnn_lib.sigmoid(o)) - label), (label, o)


@case("ex-log-loss-grad")
def equals_the_gradient_of_the_output_bias(dL_do, rng):
    """dL_do equals BPTT's gradient of the output bias b_y of the worked example's network."""
    shifted = EXAMPLE.params.replace(b_y=[float(rng.uniform(-3, 3))])
    o_4 = rnn_lib.forward(shifted, EXAMPLE.X).o[-1, 0]
    for label in (0, 1):
        assert close(dL_do(label, o_4), rnn_lib.bptt(shifted, EXAMPLE.X, label)[1].b_y[0]), label
