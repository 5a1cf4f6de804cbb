"""The book's figures (rnn_book.figures) and its widget: they draw what they are given, and a
broken redraw fails."""

import logging

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

import rnn_lib
from rnn_book import figures, widgets
from rnn_lib.train import TrainingRun


def run(seed):
    rng = np.random.default_rng(seed)
    return TrainingRun(None, np.exp(-np.arange(6.0)), np.linspace(0.5, 1, 6), rng.uniform(0.1, 20, 30))


@pytest.mark.parametrize(
    "figure",
    [
        lambda: figures.learning_curves({"a": run(0), "b": run(1)}, baseline={"bag of words": 0.7, "trigrams": 0.8}),
        lambda: figures.reach_against_distance([1, 2, 4], {"RNN": [1, 0.1, 1e-3], "GRU": [1, 0.9, 0.8]}),
        lambda: figures.clipping_runs({"none": run(2), "clipped": run(3)}, max_norm=1.0),
    ],
)
def test_figures_have_labelled_axes(figure):
    fig = figure()
    assert isinstance(fig, Figure)
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel()
    matplotlib.pyplot.close(fig)


def test_the_language_model_figure_draws_both_losses_of_every_cell_and_the_baseline():
    runs = {name: rnn_lib.EpochRun([], np.linspace(2.5, 2.0, 5) + shift, np.linspace(2.4, 2.1, 5) + shift, np.ones(3))
            for name, shift in (("RNN", 0.0), ("GRU", -0.1), ("LSTM", 0.1))}
    fig = figures.loss_curves_by_cell(runs, baseline={"4-gram": 2.06})
    ax = fig.axes[0]
    assert ax.get_xlabel() == "epoch" and "nats" in ax.get_ylabel() and "perplexity" in fig.axes[1].get_ylabel()
    drawn = {line.get_label(): line.get_ydata() for line in ax.lines}
    for name, run in runs.items():
        np.testing.assert_array_equal(drawn[f"{name}, validation"], run.validation_loss)
        np.testing.assert_array_equal(drawn[f"{name}, training"], run.train_loss)
    assert list(drawn["4-gram"]) == [2.06, 2.06]
    assert fig.axes[1].get_ylim() == ax.get_ylim()  # the perplexity axis reads the same curves
    matplotlib.pyplot.close(fig)


def test_the_loss_figure_draws_the_curves_and_marks_it_is_given():
    p = np.linspace(0.01, 0.99, 99)
    marked = [(q, rnn_lib.log_loss(1, q), rnn_lib.log_loss(1, q, base=10)) for q in (0.5, 0.98)]
    fig = figures.loss_against_probability(p, -np.log(p), -np.log1p(-p), marked)
    ax = fig.axes[0]
    (p1, l1), (p0, l0) = (line.get_data() for line in ax.lines[:2])
    np.testing.assert_allclose(l1, -np.log(p1)) and np.testing.assert_allclose(l0, -np.log1p(-p0))
    points = ax.lines[2:]
    assert [line.get_xdata()[0] for line in points] == [0.5, 0.98]
    assert points[0].get_ydata()[0] == pytest.approx(np.log(2))
    labels = [line.get_label() for line in points]
    assert "0.3010" in labels[0] and "0.0088" in labels[1]
    matplotlib.pyplot.close(fig)


@pytest.fixture
def example():
    return rnn_lib.worked_example()


def step_figure(example, step, tokens=None):
    trace, parts = rnn_lib.forward(example.params, example.X), rnn_lib.step_contributions(example.params, example.X)
    return figures.sequence_step(example.params, tokens or example.tokens, example.X, trace, parts, step=step)


def test_sequence_step_figure_shows_the_numbers_of_that_step(example):
    fig = step_figure(example, 4)
    texts = [text.get_text() for text in fig.axes[0].texts]
    assert any("Sequence step 4/4" in text for text in texts)
    assert "[-1.000 -2.000]" in texts  # slide 5's proposed state
    assert "[-0.762 -0.964]" in texts  # and its new state
    assert "[0.500]" in texts  # slide 6's prediction
    matplotlib.pyplot.close(fig)


@pytest.mark.parametrize("step", [0, 5])
def test_sequence_step_rejects_a_step_outside_the_document(example, step):
    with pytest.raises(ValueError, match=r"step must be between 1 and T = 4"):
        step_figure(example, step)


def test_sequence_step_needs_one_row_of_X_per_token(example):
    with pytest.raises(ValueError, match=r"X must be one document of T = 3 rows"):
        step_figure(example, 1, tokens=example.tokens[:3])


class Errors(logging.Handler):
    """What ipywidgets does with an error in a redraw outside a kernel: it logs it, and goes on."""

    def __init__(self, explorer):
        super().__init__(logging.WARNING)
        self.records = []
        explorer.log.addHandler(self)

    def emit(self, record):
        self.records.append(record)

    def names(self):
        return [type(r.exc_info[1]).__name__ for r in self.records if r.exc_info]


def test_the_gradient_explorer_redraws_when_a_control_moves(monkeypatch):
    explorer = widgets.gradient_explorer()
    errors = Errors(explorer)
    names = [getattr(child, "description", "") for child in explorer.children]
    assert names[:4] == ["w", "distance n", "activation", "start h_t"]
    drawn = []
    real = figures.gradient_vs_distance
    monkeypatch.setattr(figures, "gradient_vs_distance", lambda *a, **k: drawn.append(a) or real(*a, **k))
    explorer.children[2].value = "tanh"
    explorer.children[0].value = 3.0
    assert len(drawn) == 2 and drawn[-1][2] == "tanh" and list(drawn[-1][0]) == [3.0]
    assert not errors.records
    matplotlib.pyplot.close("all")


def test_a_broken_redraw_fails_this_test(monkeypatch):
    """ipywidgets catches an error in a redraw and only logs it: the handler above sees it."""
    explorer = widgets.gradient_explorer()
    errors = Errors(explorer)

    def broken(*args, **kwargs):
        raise RuntimeError("the figure is broken")

    monkeypatch.setattr(figures, "gradient_vs_distance", broken)
    explorer.children[0].value = 2.0
    assert errors.names() == ["RuntimeError"]
