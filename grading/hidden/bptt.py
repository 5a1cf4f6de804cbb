"""Hidden tests of the exercises of *Backpropagation through time*."""

import numpy as np

import rnn_lib
from grading.cases import case, close
from rnn_lib.analysis import jacobians

#: The cores that give step Jacobians and their products, and the backward passes, whose
#: gradient with respect to an input reveals a row of a product (a red-team review found that).
JACOBIANS = ("rnn_lib.analysis.jacobians:_jacobians", "rnn_lib.analysis.jacobians:_product",
             "rnn_lib.analysis.vanishing:jacobian_chain",
             "rnn_lib.rnn:_backward", "rnn_lib.rnn:_backward_steps", "rnn_lib.gru:_backward")


#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-bptt-transpose": 1}


def random_network(rng, E, H, W_hh=None):
    return rnn_lib.Params(rng.normal(size=(E, H)), rng.normal(size=(H, H)) if W_hh is None else W_hh,
                          rng.normal(size=(H, 1)), rng.normal(size=H), rng.normal(size=1))


def random_trace(rng, H=None, T=None):
    H = int(rng.integers(2, 5)) if H is None else H
    T = int(rng.integers(3, 7)) if T is None else T
    net = random_network(rng, 3, H)
    X = rng.normal(size=(T, 3))
    return net, X, rnn_lib.forward(net, X)


@case("ex-bptt-dhdh")
def agrees_with_finite_differences(dh_dh, rng):
    """dh_dh agrees with finite differences of h_t with respect to h_k."""
    net, X, trace = random_trace(rng)
    h_all = np.vstack([trace.h0, trace.h])  # h_0 … h_T
    T, H = trace.h.shape
    for t, k in [(T, 0), (T, T - 1), (int(rng.integers(2, T + 1)), 1)]:
        fd = np.stack([rnn_lib.numerical_gradient(
            lambda h_k: rnn_lib.forward(net, X[k:t], h0=h_k).h[-1][i], h_all[k]) for i in range(H)])
        assert close(dh_dh(net, trace, t, k), fd, atol=1e-7), (t, k)


@case("ex-bptt-dhdh")
def is_the_product_for_every_pair_of_steps(dh_dh, rng):
    """dh_dh is J_t ⋯ J_{k+1} for every 0 ≤ k ≤ t ≤ T, and the identity when k = t."""
    net, _, trace = random_trace(rng, T=5)
    steps = jacobians.step_jacobians(net, trace)
    for t in range(6):
        for k in range(t + 1):
            assert close(dh_dh(net, trace, t, k), jacobians.jacobian_product(steps, t, k)), (t, k)


@case("ex-bptt-dhdh", refuse=JACOBIANS)
def multiplies_the_jacobians_itself(dh_dh, rng):
    """dh_dh multiplies the Jacobians itself, without rnn_lib.analysis.jacobians."""
    net, _, trace = random_trace(rng)
    steps = jacobians.step_jacobians(net, trace)
    T = trace.h.shape[0]
    for t, k in [(T, 0), (T, T - 2), (T - 1, 1)]:
        assert close(dh_dh(net, trace, t, k), jacobians.jacobian_product(steps, t, k)), (t, k)


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
