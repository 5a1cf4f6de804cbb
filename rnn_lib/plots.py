"""Figures for the book. Every function returns a matplotlib Figure and draws nothing else.

Core maths never imports this module.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

_BOX = {"x": "#dbe9f6", "h": "#fde2c8", "y": "#d8f0d2"}
_HIGHLIGHT = "#c0392b"


def _vector_text(v):
    return "[" + ", ".join(f"{value:.2f}" for value in np.ravel(v)) + "]"


def _box(ax, xy, text, color, highlighted):
    x, y = xy
    ax.add_patch(
        FancyBboxPatch(
            (x - 0.5, y - 0.2),
            1.0,
            0.4,
            boxstyle="round,pad=0.02",
            facecolor=color,
            edgecolor=_HIGHLIGHT if highlighted else "#555555",
            linewidth=2.2 if highlighted else 1.0,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=9)


def _arrow(ax, start, end, label=None):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": "#333333"})
    if label:
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        ax.text(mid[0] + 0.05, mid[1], label, fontsize=8, color="#333333", va="center")


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
        x_text = f"$x_{t}$" + (f"\n{_vector_text(X[t - 1])}" if X is not None else "")
        h_text = f"$h_{t}$" + (f"\n{_vector_text(trace.h[t - 1])}" if trace is not None else "")
        y_text = "$\\hat{y}_" + f"{t}$" + (
            f" = {trace.y_hat[t - 1, 0]:.2f}" if trace is not None else ""
        )
        ax.text(col, 0.15, f"“{tokens[t - 1]}”", ha="center", fontsize=10)
        _box(ax, (col, 0.75), x_text, _BOX["x"], active)
        _box(ax, (col, 1.85), h_text, _BOX["h"], active)
        _box(ax, (col, 2.9), y_text, _BOX["y"], active)
        _arrow(ax, (col, 0.95), (col, 1.65), "$W_{eh}$" if t == 1 else None)
        _arrow(ax, (col, 2.05), (col, 2.7), "$W_{hy}$" if t == 1 else None)
        _arrow(ax, (col - 1.6, 1.85), (col - 0.5, 1.85))
        ax.text(col - 1.05, 1.95, "$W_{hh}$" if t > 1 else "$h_0$", ha="center", fontsize=8)
    ax.set_xlim(-0.5, 2.1 * T + 0.4)
    ax.set_ylim(0, 3.25)
    ax.axis("off")
    fig.tight_layout()
    return fig
