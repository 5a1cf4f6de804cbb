"""Interactive explorers for students who run the chapters in Jupyter (locally or on Binder).

Each function returns an ipywidgets object that recomputes with rnn_lib and
redraws a figure when a control moves. They need a running kernel: on the
static website the chapters show precomputed figures instead.
"""

import matplotlib.pyplot as plt

from rnn_lib.analysis import vanishing

from . import figures


def draw_gradient(w, distance, activation, h0):
    """What the gradient explorer draws for one setting of its controls (returns the Figure)."""
    curves = vanishing.gradient_curves([w], h0, distance, activation)
    return figures.gradient_vs_distance(curves, h0, activation)


def _redraw(w, distance, activation, h0):
    draw_gradient(w, distance, activation, h0)
    plt.show()


def gradient_explorer(w=-5.0, distance=60, activation="sigmoid", h0=0.5):
    """Sliders for w, the distance and h_0, and a menu for the activation, over slide 11's product.

    Explained in the chapter *Vanishing and exploding gradients*. Redraws
    ``figures.gradient_vs_distance``: abs(∂h_{k+n}/∂h_k) of h_t = f(w·h_{t−1})
    against the distance n, with its bound (abs(w)·max f′)^n dashed. The arguments
    are the starting values of the controls. Returns an ``ipywidgets.interactive``;
    display it (make it the last line of a cell).
    """
    import ipywidgets

    return ipywidgets.interactive(
        _redraw,
        w=ipywidgets.FloatSlider(value=w, min=-20.0, max=20.0, step=0.1, description="w"),
        distance=ipywidgets.IntSlider(value=distance, min=1, max=200, step=1, description="distance n"),
        activation=ipywidgets.Dropdown(options=["sigmoid", "tanh"], value=activation, description="activation"),
        h0=ipywidgets.FloatSlider(value=h0, min=-1.0, max=1.0, step=0.01, description="start h_t"),
    )
