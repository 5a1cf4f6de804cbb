"""rnn_lib: the small numpy RNN behind *Recurrent Neural Networks, Step by Step*.

Each module holds one idea of the book:

- ``activations``: sigmoid and tanh with their derivatives
- ``rnn``: Params, the forward pass and backpropagation through time
- ``loss``: binary cross-entropy in any log base
- ``gradcheck``: finite-difference gradients
- ``train``: gradient descent; mini-batch training with gradient clipping
- ``data``: tokens, vocabulary, embeddings, the slides' worked example, generated corpora
- ``gru``: the gated recurrent unit, forward pass and BPTT (``from rnn_lib import gru``)
- ``analysis``: vanishing and exploding gradients, slide 10 term by term, long-range
  memory, bag-of-words and n-gram baselines (``from rnn_lib.analysis import vanishing``)

The API has one shape: ``import rnn_lib`` gives every public name of the model's
modules (activations, cell, data, gradcheck, loss, rnn, train), as ``rnn_lib.forward``,
``rnn_lib.train_classifier``; the second cell and the analyses are namespaces, because
their names would clash or are not the model: ``rnn_lib.gru.forward``,
``rnn_lib.analysis.vanishing.gradient_bound``. (``rnn_lib.cell``'s check helpers are for
writing a new cell, not for users.)

It needs numpy only. The book's figures, widgets and notebook helpers are the
separate package ``rnn_book`` (matplotlib and ipywidgets: the ``book`` extra).
"""

from .activations import sigmoid, sigmoid_prime, softplus, tanh, tanh_prime
from .cell import Cell
from .data import (
    EOS,
    Corpus,
    Documents,
    Vocabulary,
    WorkedExample,
    embed,
    long_range_corpus,
    one_hot,
    sentiment_corpus,
    tokenize,
    worked_example,
)
from .gradcheck import check_gradients, numerical_gradient, numerical_grads, relative_error
from .loss import bce_with_logits, log_loss, log_loss_from_logit
from .rnn import Contributions, Params, Trace, bptt, evaluate_loss, forward, step_contributions
from .train import (
    History,
    TrainingRun,
    accuracy,
    clip_gradients,
    gradient_descent,
    gradient_norm,
    gradient_step,
    init_params,
    learning_rate_to_reach,
    predict,
    train_classifier,
    updates_needed,
    updates_to_reach,
)

__all__ = [
    "EOS",
    "Cell",
    "Contributions",
    "Corpus",
    "Documents",
    "History",
    "Params",
    "Trace",
    "TrainingRun",
    "Vocabulary",
    "WorkedExample",
    "accuracy",
    "bce_with_logits",
    "bptt",
    "check_gradients",
    "clip_gradients",
    "embed",
    "evaluate_loss",
    "forward",
    "gradient_descent",
    "gradient_norm",
    "gradient_step",
    "init_params",
    "learning_rate_to_reach",
    "log_loss",
    "log_loss_from_logit",
    "long_range_corpus",
    "numerical_gradient",
    "numerical_grads",
    "one_hot",
    "predict",
    "relative_error",
    "sentiment_corpus",
    "sigmoid",
    "sigmoid_prime",
    "softplus",
    "step_contributions",
    "tanh",
    "tanh_prime",
    "tokenize",
    "train_classifier",
    "updates_needed",
    "updates_to_reach",
    "worked_example",
]
