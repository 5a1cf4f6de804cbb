"""Figures of the chapter *The problem*."""

import matplotlib.pyplot as plt

from .drawing import BOX, arrow, box, vector_text


def unrolled_network(tokens, X=None, trace=None, step=None):
    """The RNN unrolled over the tokens: x_t → h_t → ŷ_t, and h_{t−1} → h_t.

    tokens: T strings. X: (T, E) embeddings and trace: a single-document Trace,
    both optional; when given, their values are written in the boxes. step:
    1-based sequence step to highlight (slides' "sequence step t/T"), or None.
    """
    T = len(tokens)
    fig, ax = plt.subplots(figsize=(2.1 * T + 1.2, 3.6))
    for t in range(1, T + 1):
        col = 1.3 + 2.1 * (t - 1)
        active = step == t
        x_text = f"$x_{t}$" + (f"\n{vector_text(X[t - 1])}" if X is not None else "")
        h_text = f"$h_{t}$" + (f"\n{vector_text(trace.h[t - 1])}" if trace is not None else "")
        y_text = "$\\hat{y}_" + f"{t}$" + (
            f" = {trace.y_hat[t - 1, 0]:.2f}" if trace is not None else ""
        )
        ax.text(col, 0.15, f"“{tokens[t - 1]}”", ha="center", fontsize=10)
        box(ax, (col, 0.75), x_text, BOX["x"], active)
        box(ax, (col, 1.85), h_text, BOX["h"], active)
        box(ax, (col, 2.9), y_text, BOX["y"], active)
        arrow(ax, (col, 0.95), (col, 1.65), "$W_{eh}$" if t == 1 else None)
        arrow(ax, (col, 2.05), (col, 2.7), "$W_{hy}$" if t == 1 else None)
        arrow(ax, (col - 1.6, 1.85), (col - 0.5, 1.85))
        ax.text(col - 1.05, 1.95, "$W_{hh}$" if t > 1 else "$h_0$", ha="center", fontsize=8)
    ax.set_xlim(-0.5, 2.1 * T + 0.4)
    ax.set_ylim(0, 3.25)
    ax.axis("off")
    fig.tight_layout()
    return fig
