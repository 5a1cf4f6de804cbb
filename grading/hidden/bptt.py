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
MANUAL: dict[str, int] = {}


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


#: What a hand-written backward pass must not borrow: every backward pass of rnn_lib, the
#: Jacobian products, and finite differences of the whole network (numerical_grads).
BACKWARD = JACOBIANS + ("rnn_lib.gradcheck:numerical_grads",)


def random_problem(rng, E=None, H=None, Y=None, T=None):
    """A random network (non-zero biases, non-symmetric W_hh), a document, labels and a start state."""
    E, H, Y, T = (int(rng.integers(2, 6)) if n is None else n for n in (E, H, Y, T))
    net = rnn_lib.Params(rng.normal(size=(E, H)), rng.normal(size=(H, H)), rng.normal(size=(H, Y)),
                         rng.normal(size=H), rng.normal(size=Y))
    return net, rng.normal(size=(T, E)), rng.integers(0, 2, size=Y), rng.normal(size=H) * 0.5


def same_grads(mine, want, tolerance):
    """Every one of the five gradients has want's shape, is finite, and is within relative error ``tolerance``."""
    if not isinstance(mine, rnn_lib.Params):
        return False
    for name in rnn_lib.Params.names():
        got, expected = np.asarray(getattr(mine, name), dtype=float), getattr(want, name)
        if got.shape != expected.shape or not np.all(np.isfinite(got)):
            return False
        if rnn_lib.relative_error(got, expected) >= tolerance:
            return False
    return True


@case("ex-bptt-backward", refuse=BACKWARD)
def gives_gradients_that_agree_with_finite_differences(backward_by_hand, rng):
    """backward_by_hand's five gradients agree with central differences, for both losses and any h0."""
    for loss_on in ("last", "all"):
        net, X, y, h0 = random_problem(rng)
        numeric = rnn_lib.numerical_grads(net, X, y, h0=h0, loss_on=loss_on)
        assert same_grads(backward_by_hand(net, X, y, h0=h0, loss_on=loss_on), numeric, 1e-6), loss_on


@case("ex-bptt-backward")
def is_exact_not_a_finite_difference_estimate(backward_by_hand, rng):
    """backward_by_hand is the exact gradient (to 1e-12), which finite differences never reach."""
    net, X, y, h0 = random_problem(rng, E=4, H=5, Y=2, T=7)
    _, exact = rnn_lib.bptt(net, X, y, h0=h0, loss_on="all")
    assert same_grads(backward_by_hand(net, X, y, h0=h0, loss_on="all"), exact, 1e-12)


@case("ex-bptt-backward")
def scores_only_the_last_prediction_by_default(backward_by_hand, rng):
    """Without loss_on, backward_by_hand scores the last prediction only, from h_0 = 0 by default."""
    net, X, y, _ = random_problem(rng)
    _, exact = rnn_lib.bptt(net, X, y)
    assert same_grads(backward_by_hand(net, X, y), exact, 1e-9)


@case("ex-bptt-backward")
def handles_one_step_and_a_long_document(backward_by_hand, rng):
    """backward_by_hand works for a document of one step and for one of 20 to 30 steps."""
    for T in (1, int(rng.integers(20, 31))):
        net, X, y, h0 = random_problem(rng, T=T)
        _, exact = rnn_lib.bptt(net, X, y, h0=h0, loss_on="all")
        assert same_grads(backward_by_hand(net, X, y, h0=h0, loss_on="all"), exact, 1e-9), T


def chunks_reference(net, X, y, K):
    """The loss and the gradient summed over chunks of K steps, each from its carried, fixed start state."""
    h, total, grads = np.zeros(net.H), 0.0, []
    for start in range(0, len(X), K):
        chunk = X[start:start + K]
        loss, g = rnn_lib.bptt(net, chunk, y, h0=h, loss_on="all")
        total, h = total + loss, rnn_lib.forward(net, chunk, h0=h).h[-1]
        grads.append(g)
    return total, rnn_lib.Params(**{n: sum(getattr(g, n) for g in grads) for n in rnn_lib.Params.names()})


def chunked_answer(answer):
    return isinstance(answer, (tuple, list)) and len(answer) == 2


@case("ex-bptt-chunks", refuse=BACKWARD)
def sums_each_chunks_gradient_from_its_carried_state(bptt_in_chunks, rng):
    """bptt_in_chunks sums every chunk's gradient, each taken from the state carried in, held fixed."""
    net, X, y, _ = random_problem(rng, T=int(rng.integers(7, 12)))
    K = int(rng.integers(2, 5))
    answer = bptt_in_chunks(net, X, y, K)
    assert chunked_answer(answer) and same_grads(answer[1], chunks_reference(net, X, y, K)[1], 1e-9), K


@case("ex-bptt-chunks")
def agrees_with_finite_differences_chunk_by_chunk(bptt_in_chunks, rng):
    """bptt_in_chunks agrees with central differences of each chunk's loss from its fixed start state."""
    net, X, y, _ = random_problem(rng, T=int(rng.integers(5, 9)))
    K = int(rng.integers(2, 4))
    h, numeric = np.zeros(net.H), []
    for start in range(0, len(X), K):
        numeric.append(rnn_lib.numerical_grads(net, X[start:start + K], y, h0=h, loss_on="all"))
        h = rnn_lib.forward(net, X[start:start + K], h0=h).h[-1]
    total = rnn_lib.Params(**{n: sum(getattr(g, n) for g in numeric) for n in rnn_lib.Params.names()})
    answer = bptt_in_chunks(net, X, y, K)
    assert chunked_answer(answer) and same_grads(answer[1], total, 1e-6)


@case("ex-bptt-chunks")
def loses_nothing_with_one_chunk_and_keeps_the_loss(bptt_in_chunks, rng):
    """With K ≥ T bptt_in_chunks is full BPTT; for any K its loss is the whole document's loss."""
    net, X, y, _ = random_problem(rng, T=int(rng.integers(4, 9)))
    loss, full = rnn_lib.bptt(net, X, y, loss_on="all")
    answer = bptt_in_chunks(net, X, y, len(X) + int(rng.integers(0, 3)))
    assert chunked_answer(answer) and same_grads(answer[1], full, 1e-9)
    answer = bptt_in_chunks(net, X, y, int(rng.integers(1, 4)))
    assert chunked_answer(answer) and close(answer[0], loss, rtol=1e-9, atol=0)


@case("ex-bptt-chunks")
def keeps_only_immediate_terms_with_chunks_of_one(bptt_in_chunks, rng):
    """With K = 1 every step's gradient comes from its own step only, from the state carried in."""
    net, X, y, _ = random_problem(rng, T=int(rng.integers(3, 7)))
    answer = bptt_in_chunks(net, X, y, 1)
    assert chunked_answer(answer) and same_grads(answer[1], chunks_reference(net, X, y, 1)[1], 1e-9)
