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


def _base_name(base):
    return "natural log" if np.isclose(base, np.e) else f"log base {base:g}"


def loss_curves(histories, base=np.e, pretend=None):
    """Loss against update, one line per learning rate, on a log-scale y axis.

    Drawn in the chapter *Weight updates*. histories: {learning rate: History},
    whose ``loss`` (S + 1,) holds natural-log losses. base: the log base to show
    the loss in (10 for the slides' numbers). pretend: optional losses that the
    slides claim after 0, 1, 2, … updates, drawn as stars.
    """
    fig, ax = plt.subplots()
    for learning_rate, history in histories.items():
        loss = np.asarray(history.loss) / np.log(base)
        ax.plot(np.arange(len(loss)), loss, marker=".", ms=4, label=f"η = {learning_rate:g}")
    if pretend is not None:
        ax.plot(range(len(pretend)), pretend, "k*--", ms=11, lw=1, label="slides (pretend)")
    ax.set_yscale("log")
    ax.set_xlabel("update (one update = one epoch: one document)")
    ax.set_ylabel(f"loss L ({_base_name(base)})")
    ax.legend(fontsize=9, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    return fig


def prediction_curves(histories, targets=(), pretend=None):
    """The prediction ŷ after each update, one line per learning rate.

    Drawn in the chapter *Weight updates*. histories: {learning rate: History}
    with ``y_hat`` (S + 1,). targets: {label: probability} drawn as dashed
    horizontal lines (the slides' 0.78 and 0.98). pretend: optional predictions
    the slides claim after 0, 1, 2, … updates, drawn as stars.
    """
    fig, ax = plt.subplots()
    for learning_rate, history in histories.items():
        y_hat = np.asarray(history.y_hat)
        ax.plot(np.arange(len(y_hat)), y_hat, marker=".", ms=4, label=f"η = {learning_rate:g}")
    targets = dict(targets)
    for target in targets.values():
        ax.axhline(target, color="#777777", ls=":", lw=1)
    if pretend is not None:
        ax.plot(range(len(pretend)), pretend, "k*--", ms=11, lw=1, label="slides (pretend)")
    ax.set_ylim(0.45, 1.01)
    ax.set_xlabel("update (one update = one epoch: one document)")
    ax.set_ylabel(r"prediction $\hat y_4$")
    ax.legend(fontsize=9, loc="lower right")
    if targets:
        right = ax.twinx()
        right.set_ylim(ax.get_ylim())
        right.set_yticks(list(targets.values()), list(targets.keys()), fontsize=8)
        right.grid(False)
    fig.tight_layout()
    return fig


def weight_path(histories, pretend=None):
    """The path of the two entries of W_hy (H = 2, Y = 1) under gradient descent.

    Drawn in the chapter *Weight updates*. histories: {learning rate: History}
    whose ``params`` are Params with W_hy of shape (2, 1); each path starts at
    the initial W_hy (a square) and marks every update with a dot. pretend:
    optional (K, 2) W_hy values the slides show, joined by a dashed line.
    """
    fig, ax = plt.subplots(figsize=(5.6, 4.4))
    for learning_rate, history in histories.items():
        path = np.array([p.W_hy[:, 0] for p in history.params])
        if path.shape[1] != 2:
            shape = history.params[0].W_hy.shape
            raise ValueError(f"weight_path draws W_hy of shape (2, 1), got {shape}")
        ax.plot(path[:, 0], path[:, 1], marker=".", ms=5, label=f"η = {learning_rate:g}")
    start = next(iter(histories.values())).params[0].W_hy[:, 0]
    ax.plot(*start, "ks", ms=9, mfc="none", label="start")
    if pretend is not None:
        pretend = np.asarray(pretend, dtype=float)
        ax.plot(pretend[:, 0], pretend[:, 1], "k*--", ms=11, lw=1, label="slides (pretend)")
    ax.set_xlabel(r"first entry of $W_{hy}$")
    ax.set_ylabel(r"second entry of $W_{hy}$")
    ax.set_aspect("equal", adjustable="datalim")
    ax.legend(fontsize=9, loc="lower left")
    fig.tight_layout()
    return fig
