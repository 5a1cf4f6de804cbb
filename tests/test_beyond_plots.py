"""The figures of the chapters beyond the slides: each returns a Figure with labelled axes."""

import matplotlib

matplotlib.use("Agg")

import numpy as np
import pytest
from matplotlib.figure import Figure

from rnn_lib import plots
from rnn_lib.train import TrainingRun


def run(seed):
    rng = np.random.default_rng(seed)
    return TrainingRun(None, np.exp(-np.arange(6.0)), np.linspace(0.5, 1, 6), rng.uniform(0.1, 20, 30))


@pytest.mark.parametrize(
    "figure",
    [
        lambda: plots.learning_curves({"a": run(0), "b": run(1)}, baseline={"bag of words": 0.7}),
        lambda: plots.gradient_against_k([1, 2, 4], {"RNN": [1, 0.1, 1e-3], "GRU": [1, 0.9, 0.8]}),
        lambda: plots.clipping_runs({"none": run(2), "clipped": run(3)}, max_norm=1.0),
    ],
)
def test_figures_have_labelled_axes(figure):
    fig = figure()
    assert isinstance(fig, Figure)
    for ax in fig.axes:
        assert ax.get_xlabel() and ax.get_ylabel()
    matplotlib.pyplot.close(fig)
