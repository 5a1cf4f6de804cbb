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
  memory, a bag-of-words baseline (``from rnn_lib.analysis import vanishing``)

It needs numpy only. The book's figures, widgets and notebook helpers are the
separate package ``rnn_book`` (matplotlib and ipywidgets: the ``book`` extra).
"""

from .activations import sigmoid, sigmoid_prime, tanh, tanh_prime
from .data import EOS, Vocabulary, WorkedExample, embed, tokenize, worked_example
from .gradcheck import check_gradients, numerical_gradient, numerical_grads, relative_error
from .loss import log_loss, log_loss_from_logit
from .rnn import Contributions, Params, Trace, bptt, evaluate_loss, forward, step_contributions
from .train import (
    History,
    gradient_descent,
    gradient_step,
    learning_rate_to_reach,
    updates_needed,
    updates_to_reach,
)

__all__ = [
    "Contributions",
    "EOS",
    "History",
    "Params",
    "Trace",
    "Vocabulary",
    "WorkedExample",
    "bptt",
    "check_gradients",
    "embed",
    "evaluate_loss",
    "forward",
    "gradient_descent",
    "gradient_step",
    "learning_rate_to_reach",
    "log_loss",
    "log_loss_from_logit",
    "numerical_gradient",
    "numerical_grads",
    "relative_error",
    "sigmoid",
    "sigmoid_prime",
    "step_contributions",
    "tanh",
    "tanh_prime",
    "tokenize",
    "updates_needed",
    "updates_to_reach",
    "worked_example",
]
