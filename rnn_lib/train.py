"""Weight updates: gradient descent on the RNN's weights.

Explained in the chapter *Weight updates* (slides 7–9). One update is

    W ← W − η ∂L/∂W     for every weight W,

with learning rate η and the gradient from ``rnn.bptt``. With one training
document, one update is one epoch.
"""

from dataclasses import dataclass

import numpy as np

from . import checks, gru
from .cell import check_cell
from .data import one_hot
from .rnn import Params, bptt, forward


def gradient_step(params, grads, learning_rate):
    """One step of gradient descent: new weights W − η·dL/dW for every weight.

    params, grads: the weights and gradient of one cell (Params, GRUParams, ...),
    of the same type. learning_rate: η > 0. Returns weights of that type; params
    is left as it was.
    """
    check_cell(params)
    if type(grads) is not type(params):
        raise TypeError(f"grads must be a {type(params).__name__} like params, got {type(grads).__name__}")
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    return params.replace(
        **{name: array - learning_rate * getattr(grads, name) for name, array in params.items()}
    )


@dataclass(frozen=True, eq=False)
class History:
    """What gradient descent did, one entry per update (entry 0 is the start).

    params: list of S + 1 Params. loss: (S + 1,) loss before each update.
    y_hat: (S + 1,) the prediction after the last sequence step, for one
    document (or (S + 1, N) for a batch).
    """

    params: list
    loss: np.ndarray
    y_hat: np.ndarray


def gradient_descent(params, X, y, learning_rate, steps, h0=None, loss_on="last"):
    """Run ``steps`` full-batch updates; return a History of the weights, losses and predictions."""
    checks.check_positive(learning_rate, "learning_rate")
    steps = checks.check_count(steps, "steps")
    check_cell(params)
    history, losses = [params], []
    for _ in range(steps):
        loss, grads = params.bptt(X, y, h0, loss_on)
        losses.append(loss)
        params = gradient_step(params, grads, learning_rate)
        history.append(params)
    losses.append(params.bptt(X, y, h0, loss_on)[0])
    y_hat = np.array([p.forward(X, h0).y_hat[..., -1, 0] for p in history])
    return History(params=history, loss=np.array(losses), y_hat=y_hat)


def updates_to_reach(params, X, y, learning_rate, target, max_steps=10_000):
    """How many updates until the last-step prediction of one document first exceeds ``target``.

    X: (T, E), one document. target: a probability in [0, 1). Returns the
    number of updates, or None if ``max_steps`` updates do not get there.
    """
    checks.check_positive(learning_rate, "learning_rate")
    target = checks.check_real(target, "target", 0, 1, high_open=True)
    return updates_needed(params, X, y, [learning_rate], [target], max_steps)[0][0]


def _check_one_document(X):
    if np.ndim(X) != 2:
        raise ValueError(
            f"X must be one document of shape (T, E), got shape {np.shape(X)}:"
            " the prediction to follow is that of a single document"
        )


def _check_targets(targets):
    targets = checks.as_float_array(targets, "targets", ndims=(1,))
    if targets.size == 0 or np.any((targets < 0) | (targets >= 1)):
        raise ValueError(
            f"targets must be one or more probabilities in [0, 1), got {targets.tolist()}"
        )
    return targets


def _check_learning_rates(learning_rates):
    rates = checks.as_float_array(learning_rates, "learning_rates", ndims=(1,))
    if rates.size == 0 or np.any(rates <= 0):
        raise ValueError(
            f"learning_rates must be one or more numbers > 0, got {rates.tolist()}"
        )
    return rates


def updates_needed(params, X, y, learning_rates, targets, max_steps=10_000):
    """For each learning rate, how many updates it takes the prediction to pass each target.

    The table of the chapter *Weight updates*: slides 8 and 9 pretend that one
    update gives 0.78 and a second 0.98; this counts the real updates.
    X: (T, E), one document; y: its label. learning_rates: (R,) values of η > 0.
    targets: (K,) probabilities in [0, 1). Returns a list of R tuples of K
    entries: the first update count after which the last-step prediction
    exceeds the target (0 if it already does), or None if ``max_steps``
    updates do not get there.
    """
    _check_one_document(X)
    rates = _check_learning_rates(learning_rates)
    targets = _check_targets(targets)
    max_steps = checks.check_count(max_steps, "max_steps")
    table = []
    for learning_rate in rates:
        found = [None] * len(targets)
        current = params
        for step in range(max_steps + 1):
            y_hat = forward(current, X).y_hat[-1, 0]
            for k, target in enumerate(targets):
                if found[k] is None and y_hat > target:
                    found[k] = step
            if None not in found or step == max_steps:
                break
            current = gradient_step(current, bptt(current, X, y)[1], learning_rate)
        table.append(tuple(found))
    return table


def learning_rate_to_reach(params, X, y, target, steps=1, max_learning_rate=1e6, tol=1e-12):
    """The learning rate η at which ``steps`` updates bring one document's prediction to ``target``.

    Answers "which η would make a *real* update give the slides' 0.78?" (chapter
    *Weight updates*). X: (T, E), one document; target: a probability above the
    current prediction and below 1; steps: how many updates, ≥ 1. Finds η by
    bisection of η ↦ ŷ after ``steps`` updates between 0 and the first power of
    two whose prediction exceeds ``target``; if that function is not monotone,
    the η returned is one crossing, not necessarily the smallest. Returns a float.
    """
    _check_one_document(X)
    target = checks.check_real(target, "target", 0, 1, high_open=True)
    steps = checks.check_count(steps, "steps", low=1)
    max_learning_rate = checks.check_positive(max_learning_rate, "max_learning_rate")
    tol = checks.check_positive(tol, "tol")
    start = forward(params, X).y_hat[-1, 0]
    if start >= target:
        raise ValueError(
            f"the prediction is already {start:.6g} >= target {target}: no update is needed"
        )

    def prediction(learning_rate):
        return gradient_descent(params, X, y, learning_rate, steps).y_hat[-1]

    low, high = 0.0, 1.0
    while prediction(high) <= target:
        low, high = high, 2.0 * high
        if high > max_learning_rate:
            raise ValueError(
                f"no learning rate up to max_learning_rate = {max_learning_rate:g} brings the"
                f" prediction past {target} in {steps} update(s)"
            )
    while high - low > tol * high:
        middle = 0.5 * (low + high)
        if prediction(middle) <= target:
            low = middle
        else:
            high = middle
    return 0.5 * (low + high)


# ---------------------------------------------------------------- mini-batch training
# Explained in the chapters *Does it really learn?* (mini-batches, learned
# embeddings) and *Long-range memory* (gradient clipping, the gated cell).


def gradient_norm(grads):
    """The global norm of a gradient (any cell's): the square root of the sum of squares of every entry."""
    check_cell(grads, name="grads")
    return float(np.sqrt(sum(np.sum(array**2) for _, array in grads.items())))


def clip_gradients(grads, max_norm):
    """Scale the whole gradient down to norm ``max_norm`` if it is longer (Pascanu et al. 2013).

    grads: Params or GRUParams. Returns (clipped grads, norm before clipping).
    The direction is kept; only the length of the step is limited.
    """
    check_cell(grads, name="grads")
    max_norm = checks.check_positive(max_norm, "max_norm")
    norm = gradient_norm(grads)
    if norm <= max_norm:
        return grads, norm
    scale = max_norm / norm
    return grads.replace(**{name: scale * array for name, array in grads.items()}), norm


CELLS = ("rnn", "gru")


def init_params(cell, E, H, Y=1, seed=0, input_scale=1.0, recurrent_scale=1.0, update_bias=-3.0):
    """Random starting weights for a plain RNN (cell="rnn") or a GRU (cell="gru"), seeded.

    Input weights (rows of W_eh: the embeddings) ~ N(0, input_scale²), so a
    one-hot token gives z_t entries of about that size; recurrent weights
    W_hh ~ N(0, recurrent_scale²/H), so that at 1 W_hh neither blows the state
    up nor kills it at the start; the output W_hy ~ N(0, 1/H); biases 0. For
    the GRU, the update gate's bias starts at ``update_bias`` (see
    ``gru.init_params``). Returns Params or GRUParams.
    """
    checks.check_choice(cell, "cell", CELLS)
    E, H, Y = (checks.check_count(n, name, low=1) for n, name in ((E, "E"), (H, "H"), (Y, "Y")))
    seed = checks.check_count(seed, "seed")
    if cell == "gru":
        return gru.init_params(E, H, Y, seed, input_scale, update_bias, recurrent_scale)
    rng = np.random.default_rng(seed)
    return Params(
        W_eh=rng.normal(0.0, input_scale, (E, H)),
        W_hh=rng.normal(0.0, recurrent_scale / np.sqrt(H), (H, H)),
        W_hy=rng.normal(0.0, 1.0 / np.sqrt(H), (H, Y)),
    )


def _by_length(documents, size):
    """Group documents (id arrays) by length: {T: (indices (n,), one-hot X (n, T, size))}."""
    if len(documents) == 0:
        raise ValueError("documents is empty: give at least one document")
    lengths = np.array([len(ids) for ids in documents])
    groups = {}
    for T in np.unique(lengths):
        indices = np.flatnonzero(lengths == T)
        groups[int(T)] = (indices, np.stack([one_hot(documents[i], size) for i in indices]))
    return groups


def predict(params, documents):
    """The prediction ŷ_T after the last step of every document.

    params: Params or GRUParams. documents: N arrays of token ids, read as
    one-hot rows of size E (so row v of W_eh is the embedding of token v).
    Returns (N,) probabilities.
    """
    check_cell(params)
    y_hat = np.empty(len(documents))
    for indices, X in _by_length(documents, params.E).values():
        y_hat[indices] = params.forward(X).y_hat[:, -1, 0]
    return y_hat


def accuracy(params, documents, y):
    """The fraction of documents whose prediction ŷ_T > 0.5 matches the label y (N,)."""
    y = checks.as_float_array(y, "y", ndims=(1,))
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    return float(np.mean((predict(params, documents) > 0.5) == y))


def _mean_loss(params, groups, y):
    return sum(len(i) * params.evaluate_loss(X, y[i]) for i, X in groups.values()) / len(y)


def _shuffled_batches(groups, y, batch_size, rng):
    """One epoch's mini-batches in random order: (X (n, T, E), labels (n,)), each of one length T."""
    batches = []
    for indices, X in groups.values():
        order = rng.permutation(len(indices))
        for part in np.array_split(order, -(-len(order) // batch_size)):  # ⌈n / batch_size⌉ parts
            batches.append((X[part], y[indices[part]]))
    return [batches[i] for i in rng.permutation(len(batches))]


@dataclass(frozen=True, eq=False)
class TrainingRun:
    """What mini-batch training did.

    params: the final weights. loss: (epochs + 1,) the training loss before
    training, then the mean mini-batch loss of each epoch. test_accuracy:
    (epochs + 1,) held-out accuracy before training and after each epoch (NaN
    without a test set). gradient_norms: (updates,) the norm of every
    mini-batch gradient, before clipping.
    """

    params: object
    loss: np.ndarray
    test_accuracy: np.ndarray
    gradient_norms: np.ndarray


def train_classifier(
    params, documents, y, learning_rate, epochs, batch_size=32, max_norm=None, seed=0, test=None
):
    """Train a sequence classifier by mini-batch gradient descent, with optional clipping.

    params: Params or GRUParams with E = the vocabulary size (one-hot inputs:
    the rows of W_eh are learned embeddings). documents: N id arrays; y: (N,)
    labels. Each epoch shuffles the documents (seeded), cuts them into batches
    of at most ``batch_size`` documents of one length, and takes one step
    W ← W − η dL/dW per batch, the gradient first clipped to ``max_norm`` if
    given. test: optional (documents, labels) to score after every epoch.
    Returns a TrainingRun.
    """
    check_cell(params)
    learning_rate = checks.check_positive(learning_rate, "learning_rate")
    epochs = checks.check_count(epochs, "epochs")
    batch_size = checks.check_count(batch_size, "batch_size", low=1)
    if max_norm is not None:
        max_norm = checks.check_positive(max_norm, "max_norm")
    seed = checks.check_count(seed, "seed")
    y = checks.as_float_array(y, "y", ndims=(1,))
    if len(y) != len(documents):
        raise ValueError(f"y has {len(y)} labels but there are {len(documents)} documents")
    rng = np.random.default_rng(seed)
    groups = _by_length(documents, params.E)

    def score(current):
        return accuracy(current, *test) if test is not None else np.nan

    losses, scores, norms = [_mean_loss(params, groups, y)], [score(params)], []
    for _ in range(epochs):
        epoch_loss = 0.0
        for X, labels in _shuffled_batches(groups, y, batch_size, rng):
            loss, grads = params.bptt(X, labels)
            epoch_loss += loss * len(labels) / len(y)
            if max_norm is None:
                norm = gradient_norm(grads)
            else:
                grads, norm = clip_gradients(grads, max_norm)
            norms.append(norm)
            params = gradient_step(params, grads, learning_rate)
        losses.append(epoch_loss)
        scores.append(score(params))
    return TrainingRun(params, np.array(losses), np.array(scores), np.array(norms))
