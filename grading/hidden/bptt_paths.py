"""Hidden tests of the exercises of *Deep dive: slide 10 term by term*."""

import numpy as np

import rnn_lib
from grading.cases import case, close
from rnn_lib.analysis import jacobians

#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-bptt-transpose": 1}


def random_network(rng, E, H):
    return rnn_lib.Params(rng.normal(size=(E, H)), rng.normal(size=(H, H)), rng.normal(size=(H, 1)),
                          rng.normal(size=H), rng.normal(size=1))


def buggy_sum(net, X, y):
    """Slide 10's sum, term by term, with J_t = diag(1 − h_t²) W_hh: no transpose, on purpose."""
    trace = rnn_lib.forward(net, X)
    T, H = trace.h.shape
    h_prev = np.vstack([trace.h0, trace.h[:-1]])
    dL_dh_T = (trace.y_hat[-1] - y) @ net.W_hy.T
    total = np.zeros((H, H))
    for k in range(1, T + 1):
        chain = np.eye(H)
        for i in range(T, k, -1):
            chain = chain @ np.diag(1 - trace.h[i - 1] ** 2) @ net.W_hh
        total += np.outer(h_prev[k - 1], (dL_dh_T @ chain) * (1 - trace.h[k - 1] ** 2))
    return total


@case("ex-bptt-transpose")
def is_slide_10s_sum_with_the_bug(whh_gradient_without_transpose, rng):
    """whh_gradient_without_transpose is slide 10's sum, term by term, with J_t = diag(1 − h_t²) W_hh."""
    net = random_network(rng, 3, int(rng.integers(2, 5)))
    X, y = rng.normal(size=(int(rng.integers(3, 7)), 3)), int(rng.integers(0, 2))
    got = whh_gradient_without_transpose(net, X, y)
    assert close(got, buggy_sum(net, X, y))
    assert rnn_lib.relative_error(np.asarray(got), rnn_lib.bptt(net, X, y)[1].W_hh) > 1e-6  # the bug shows


@case("ex-bptt-transpose")
def shows_the_bug_only_where_it_can(whh_gradient_without_transpose, rng):
    """The bug shows for a general W_hh, not for a symmetric one nor two steps from h_0 = 0."""
    H = int(rng.integers(2, 5))
    net = random_network(rng, 3, H)
    X, y = rng.normal(size=(int(rng.integers(3, 7)), 3)), int(rng.integers(0, 2))
    assert close(whh_gradient_without_transpose(net, X, y), buggy_sum(net, X, y))
    short = rng.normal(size=(2, 3))
    assert close(whh_gradient_without_transpose(net, short, y), rnn_lib.bptt(net, short, y)[1].W_hh)
    A = rng.normal(size=(H, H))
    symmetric = net.replace(W_hh=(A + A.T) / 2)
    assert close(whh_gradient_without_transpose(symmetric, X, y), rnn_lib.bptt(symmetric, X, y)[1].W_hh)


@case("ex-bptt-transpose")
def is_the_buggy_sum_for_a_larger_network(whh_gradient_without_transpose, rng):
    """whh_gradient_without_transpose is the buggy sum for H = 5 or 6 and T = 8 to 10, label 0."""
    net = random_network(rng, 4, int(rng.integers(5, 7)))
    X = rng.normal(size=(int(rng.integers(8, 11)), 4)) * 0.5
    assert close(whh_gradient_without_transpose(net, X, 0), buggy_sum(net, X, 0))


#: The cores that build slide 10's terms or run a backward pass (bptt on the last K steps from
#: h_{T−K} would give the truncated gradient): the window must be computed by the recursion itself.
BACKWARD = ("rnn_lib.analysis.jacobians:_jacobians", "rnn_lib.analysis.jacobians:_product",
            "rnn_lib.analysis.vanishing:jacobian_chain", "rnn_lib.rnn:_backward", "rnn_lib.rnn:_backward_steps",
            "rnn_lib.gru:_backward", "rnn_lib.gradcheck:numerical_grads")


@case("ex-bptt-paths-window", refuse=BACKWARD)
def is_the_truncated_sum_for_every_window(window_whh_gradient, rng):
    """window_whh_gradient is the many-to-one truncated gradient G_K for every K from 1 to T."""
    net = random_network(rng, 3, int(rng.integers(2, 5)))
    T = int(rng.integers(3, 7))
    X, y = rng.normal(size=(T, 3)), int(rng.integers(0, 2))
    for K in range(1, T + 1):
        assert close(window_whh_gradient(net, X, y, K), jacobians.truncated_bptt_whh(net, X, y, K)), K


@case("ex-bptt-paths-window")
def is_the_full_gradient_for_a_window_longer_than_the_document(window_whh_gradient, rng):
    """With K ≥ T, window_whh_gradient is the full many-to-one gradient of W_hh."""
    net = random_network(rng, 4, int(rng.integers(2, 6)))
    T = int(rng.integers(2, 8))
    X, y = rng.normal(size=(T, 4)), int(rng.integers(0, 2))
    assert close(window_whh_gradient(net, X, y, T + int(rng.integers(0, 3))), rnn_lib.bptt(net, X, y)[1].W_hh)


@case("ex-bptt-paths-window")
def works_for_long_documents(window_whh_gradient, rng):
    """window_whh_gradient works for documents of 15 to 25 steps and windows of 2 to 6."""
    net = random_network(rng, 3, int(rng.integers(3, 6)))
    X, y, K = rng.normal(size=(int(rng.integers(15, 26)), 3)) * 0.5, 1, int(rng.integers(2, 7))
    assert close(window_whh_gradient(net, X, y, K), jacobians.truncated_bptt_whh(net, X, y, K))
