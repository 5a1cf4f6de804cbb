"""Hidden tests of the exercises of *Weight updates*."""

import numpy as np

import rnn_lib
from grading.cases import case, close

#: The core that takes a gradient step, for any cell: gradient_descent, updates_to_reach and
#: train_classifier all step with it.
UPDATE = ("rnn_lib.train:gradient_step",)


#: The exercises' questions to answer in words, graded by hand (the ones without code get 2 by default).
MANUAL = {"ex-weight-updates-base": 1}


def random_params(rng, E, H, Y, scale=1.0):
    shapes = {"W_eh": (E, H), "W_hh": (H, H), "W_hy": (H, Y), "b_h": (H,), "b_y": (Y,)}
    return rnn_lib.Params(**{name: scale * rng.normal(size=shape) for name, shape in shapes.items()})


def problem(rng):
    """A small random network, document, label and learning rate."""
    E, H, T = (int(n) for n in rng.integers(2, 5, size=3))
    return (random_params(rng, E, H, 1, scale=0.7), rng.normal(size=(T, E)), int(rng.integers(0, 2)),
            float(rng.uniform(0.1, 1.0)))


@case("ex-weight-updates-sgd")
def steps_every_array(sgd_update, rng):
    """sgd_update returns a new Params with every array stepped by −lr times its gradient."""
    E, H, Y = (int(n) for n in rng.integers(1, 5, size=3))
    weights, slopes, lr = random_params(rng, E, H, Y), random_params(rng, E, H, Y), float(rng.uniform(0.01, 2))
    new = sgd_update(weights, slopes, lr)
    assert isinstance(new, rnn_lib.Params)
    for name, W in rnn_lib.gradient_step(weights, slopes, lr).items():
        assert close(getattr(new, name), W), name


@case("ex-weight-updates-sgd")
def descends_as_rnn_lib_does(descend, rng):
    """descend predicts as rnn_lib.gradient_descent does, for either label."""
    params, X, y, lr = problem(rng)
    steps = int(rng.integers(2, 12))
    assert close(descend(params, X, y, lr, steps), rnn_lib.gradient_descent(params, X, y, lr, steps).y_hat)


@case("ex-weight-updates-sgd")
def predicts_once_for_no_step(descend, rng):
    """descend with steps = 0 returns the one prediction before any update."""
    params, X, y, lr = problem(rng)
    assert close(descend(params, X, y, lr, 0), [rnn_lib.forward(params, X).y_hat[-1, 0]])


@case("ex-weight-updates-sgd", refuse=UPDATE)
def descends_with_its_own_update(descend, rng):
    """descend takes its steps with sgd_update, without rnn_lib's gradient steps."""
    params, X, y, lr = problem(rng)
    assert close(descend(params, X, y, lr, 3), rnn_lib.gradient_descent(params, X, y, lr, 3).y_hat)


@case("ex-weight-updates-base")
def equals_natural_log_descent_with_a_smaller_rate(descend_base10, rng):
    """descend_base10 at rate η equals natural-log gradient descent at rate η / ln 10."""
    params, X, y, lr = problem(rng)
    same = rnn_lib.gradient_descent(params, X, y, lr / np.log(10), 20).y_hat
    assert close(descend_base10(params, X, y, lr, 20), same)


@case("ex-weight-updates-base")
def works_for_the_worked_example_and_label_zero(descend_base10, example, rng):
    """descend_base10 works on the worked example, for label 0."""
    lr = float(rng.uniform(1, 4))
    negative = rnn_lib.gradient_descent(example.params, example.X, 0, lr / np.log(10), 5).y_hat
    assert close(descend_base10(example.params, example.X, 0, lr, 5), negative)


@case("ex-weight-updates-base")
def steps_down_the_base_10_loss(descend_base10, rng):
    """descend_base10's first step follows finite differences of the base-10 loss itself."""
    start, X, y, lr = problem(rng)
    loss_10 = lambda p: rnn_lib.log_loss(y, rnn_lib.forward(p, X).y_hat[-1, 0], base=10)  # noqa: E731
    slopes = {name: rnn_lib.numerical_gradient(lambda w: loss_10(start.replace(**{name: w})), W)
              for name, W in start.items()}
    moved = start.replace(**{name: W - lr * slopes[name] for name, W in start.items()})
    run = descend_base10(start, X, y, lr, 1)
    assert np.shape(run) == (2,) and close(run[1], rnn_lib.forward(moved, X).y_hat[-1, 0], atol=1e-8)
