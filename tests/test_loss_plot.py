"""The figure of the chapter *Log loss*: loss against the predicted probability."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from rnn_lib import plots  # noqa: E402


def test_curves_are_minus_log_p_and_minus_log_one_minus_p():
    fig = plots.loss_against_probability([0.5, 0.78, 0.98])
    ax = fig.axes[0]
    (p1, l1), (p0, l0) = (line.get_data() for line in ax.lines[:2])
    np.testing.assert_allclose(l1, -np.log(p1), rtol=1e-12)
    np.testing.assert_allclose(l0, -np.log1p(-np.asarray(p0)), rtol=1e-12)
    plt.close(fig)


def test_marked_points_sit_on_the_y1_curve_with_base_10_labels():
    fig = plots.loss_against_probability([0.5, 0.98])
    ax = fig.axes[0]
    points = ax.lines[2:]
    assert [line.get_xdata()[0] for line in points] == [0.5, 0.98]
    assert points[0].get_ydata()[0] == pytest.approx(np.log(2))
    labels = [line.get_label() for line in points]
    assert "0.3010" in labels[0] and "0.0088" in labels[1]
    plt.close(fig)


def test_no_marked_points():
    fig = plots.loss_against_probability()
    assert len(fig.axes[0].lines) == 2
    plt.close(fig)


@pytest.mark.parametrize("bad", [[0.0], [1.0], [0.5, 1.2]])
def test_marked_must_be_inside_zero_one(bad):
    with pytest.raises(ValueError, match="marked"):
        plots.loss_against_probability(bad)


def test_marked_must_be_numeric():
    with pytest.raises(TypeError, match="marked"):
        plots.loss_against_probability(["half"])
