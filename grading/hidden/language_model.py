"""Hidden tests of the exercises of *An RNN that writes*."""

import numpy as np

import rnn_lib
from grading.cases import case, close

#: The core that computes the softmax cross-entropy and its gradient (next_token_bptt and per_token_loss use it).
CROSS_ENTROPY = ("rnn_lib.language:_cross_entropy",)
#: The library's sampler and the distribution it draws from.
SAMPLER = ("rnn_lib.language:next_token_probabilities", "rnn_lib.language:sample_tokens")

#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL: dict[str, int] = {}


def logits(rng, scale=3.0):
    N, T, V = (int(n) for n in rng.integers(1, 6, size=3))
    V += 1  # at least two tokens
    return rng.normal(0, scale, (N, T, V)), rng.integers(0, V, (N, T))


def mean_cross_entropy(o, targets):
    """−1/(N·T) Σ ln softmax(o_t)[target_t], by logaddexp: written apart from any answer."""
    picked = np.take_along_axis(o, targets[..., None], axis=-1)[..., 0]
    return float(np.mean(np.logaddexp.reduce(o, axis=-1) - picked))


def unpack(got):
    assert isinstance(got, (tuple, list)) and len(got) == 2, "return the pair (loss, dL_do)"
    return got


@case("ex-lm-xent")
def gives_the_mean_cross_entropy(softmax_xent, rng):
    """softmax_xent's loss is the mean of −ln p_t[target_t] over all N·T positions, in nats."""
    for _ in range(3):
        o, targets = logits(rng)
        loss, _ = unpack(softmax_xent(o, targets))
        assert close(np.asarray(loss, dtype=float), np.asarray(mean_cross_entropy(o, targets)), rtol=1e-9)


@case("ex-lm-xent", refuse=CROSS_ENTROPY)
def gives_a_gradient_that_agrees_with_finite_differences(softmax_xent, rng):
    """softmax_xent's dL_do agrees with central differences of the loss, computed without rnn_lib's loss."""
    for _ in range(3):
        o, targets = logits(rng)
        _, d_o = unpack(softmax_xent(o, targets))
        numeric = rnn_lib.numerical_gradient(lambda value: mean_cross_entropy(value, targets), o)
        assert close(d_o, numeric, rtol=1e-5, atol=1e-9)


@case("ex-lm-xent")
def is_the_gradient_next_token_bptt_uses(softmax_xent, rng):
    """softmax_xent gives the loss and dL/do of next-token prediction through a real RNN's logits."""
    N, T, V, H = int(rng.integers(1, 4)), int(rng.integers(2, 6)), int(rng.integers(3, 7)), 3
    net = rnn_lib.init_params("rnn", V, H, Y=V, seed=int(rng.integers(0, 1000)))
    ids = rng.integers(0, V, (N, T + 1))
    X = np.eye(V)[ids[:, :-1]]
    trace = rnn_lib.forward(net, X)
    loss, d_o = unpack(softmax_xent(trace.o, ids[:, 1:]))
    want_loss, want_grads, _ = rnn_lib.next_token_bptt(net, X, ids[:, 1:])
    assert close(np.asarray(loss, dtype=float), np.asarray(want_loss), rtol=1e-9)
    assert close(rnn_lib.backward(net, X, trace, d_o).W_hh, want_grads.W_hh, rtol=1e-7, atol=1e-12)


@case("ex-lm-xent")
def does_not_overflow_on_large_logits(softmax_xent, rng):
    """softmax_xent stays finite and right for logits in the thousands."""
    o, targets = logits(rng, scale=2000.0)
    loss, d_o = unpack(softmax_xent(o, targets))
    assert close(np.asarray(loss, dtype=float), np.asarray(mean_cross_entropy(o, targets)), rtol=1e-9)
    p = np.exp(o - np.logaddexp.reduce(o, axis=-1, keepdims=True))
    want = (p - np.eye(o.shape[-1])[targets]) / targets.size
    assert close(d_o, want, rtol=1e-7, atol=1e-12)


def inverse_cdf(o, temperature, u):
    scaled = o / temperature
    p = np.exp(scaled - np.logaddexp.reduce(scaled))
    return int(min(np.searchsorted(np.cumsum(p), u, side="right"), len(o) - 1))


@case("ex-lm-temperature", refuse=SAMPLER)
def draws_by_the_inverse_of_the_cumulative_distribution(sample_with_temperature, rng):
    """sample_with_temperature returns the first id whose cumulative probability exceeds u, for any τ."""
    for _ in range(40):
        V = int(rng.integers(2, 30))
        o, temperature, u = rng.normal(0, 2, V), float(rng.choice([0.3, 0.7, 1.0, 1.5, 3.0])), float(rng.random())
        got = sample_with_temperature(o, temperature, u)
        assert int(got) == got and int(got) == inverse_cdf(o, temperature, u)


@case("ex-lm-temperature", refuse=SAMPLER)
def is_greedy_when_cold_and_uniform_when_hot(sample_with_temperature, rng):
    """A temperature near 0 always picks the largest logit; a huge one picks id ⌊u·V⌋, as a uniform draw."""
    V = int(rng.integers(3, 20))
    o = rng.normal(0, 1, V)
    for u in rng.random(5):
        assert int(sample_with_temperature(o, 1e-4, float(u))) == int(np.argmax(o))
        cell = int(rng.integers(0, V))
        assert int(sample_with_temperature(o, 1e9, (cell + 0.5) / V)) == cell
