"""Figures of the chapter *Log loss*."""

import matplotlib.pyplot as plt
import numpy as np

from .drawing import HIGHLIGHT


def loss_against_probability(p, loss_if_1, loss_if_0, marked=()):
    """The log loss of one prediction p, against p, for the labels y = 1 and y = 0.

    Drawn in the chapter *Log loss*. p: (P,) probabilities; loss_if_1, loss_if_0:
    (P,) their losses in nats for y = 1 and y = 0. marked: (probability, loss in
    nats, loss in base 10) triples to mark on the y = 1 curve (the slides'
    predictions 0.5, 0.78, 0.98). The left axis is the natural-log loss; the right
    axis relabels the same curves in base 10, because changing the base only
    divides the loss by ln 10.
    """
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ax.plot(p, loss_if_1, label=r"$y = 1$: $L = -\ln p$")
    ax.plot(p, loss_if_0, "--", label=r"$y = 0$: $L = -\ln(1 - p)$")
    for (q, loss, loss_10), marker in zip(marked, "os^Dv" * len(marked)):
        label = f"$p$ = {q:g}: {loss:.3f} nats, {loss_10:.4f} in base 10"
        ax.plot([q], [loss], marker, color=HIGHLIGHT, ms=7, zorder=3, clip_on=False, label=label)
    ln10 = np.log(10)
    right = ax.secondary_yaxis("right", functions=(lambda v: v / ln10, lambda v: v * ln10))
    right.set_ylabel("the same loss in base 10 (slides)")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 5)
    ax.set_xlabel("predicted probability $p$ that the label is 1")
    ax.set_ylabel("loss $L$ in nats (natural log)")
    ax.legend(fontsize=9, loc="upper center")
    fig.tight_layout()
    return fig
