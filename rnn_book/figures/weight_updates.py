"""Figures of the chapter *Weight updates*."""

import matplotlib.pyplot as plt
import numpy as np


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
