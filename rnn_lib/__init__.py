"""rnn_lib: the small numpy RNN behind *Recurrent Neural Networks, Step by Step*.

Each module holds one idea of the book:

- ``activations``: sigmoid and tanh with their derivatives
- ``rnn``: Params, the forward pass and backpropagation through time
- ``loss``: binary cross-entropy in any log base
- ``gradcheck``: finite-difference gradients
- ``train``: gradient descent; mini-batch training with gradient clipping
- ``data``: tokens, vocabulary, embeddings, the slides' worked example, generated corpora
- ``vanishing``: products of one-step derivatives, vanishing and exploding gradients
  (``from rnn_lib import vanishing``)
- ``gru``: the gated recurrent unit, forward pass and BPTT (``from rnn_lib import gru``)
- ``baseline``: logistic regression on a bag of words
- ``memory``: long-range memory, measured: gradient reaching a word, accuracy against k
- ``plots``, ``notebook``: figures and notebook helpers (not needed by the maths)
- ``widgets``: live explorers for Jupyter (not needed by the maths)
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
