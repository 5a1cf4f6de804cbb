"""Figures of the chapter *Long-range memory*."""

import matplotlib.pyplot as plt
import numpy as np


def reach_against_distance(distances, norms_by_label):
    """The gradient that reaches the deciding word, against its distance n from the end; log scale.

    Drawn in the chapter *Long-range memory*. distances: (D,) distances n.
    norms_by_label: dict {legend label: (D,) mean gradient norms}.
    """
    fig, ax = plt.subplots()
    for (label, norms), marker in zip(norms_by_label.items(), "os^Dv" * len(norms_by_label)):
        ax.semilogy(distances, norms, marker=marker, ms=4, label=label)
    ax.set_xlabel("distance $n$ of the deciding word from the end (steps)")
    ax.set_ylabel(r"$\|\partial L / \partial\,$embedding$\|$ (mean, log scale)")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


def clipping_runs(runs_by_label, max_norm):
    """Two training runs side by side: gradient norm per update, and training loss per epoch.

    Drawn in the chapter *Long-range memory*. runs_by_label: dict {legend label:
    TrainingRun}. max_norm: the clipping threshold, drawn as a dashed line.
    """
    fig, (norm_ax, loss_ax) = plt.subplots(1, 2, figsize=(9.6, 3.6))
    for label, run in runs_by_label.items():
        norm_ax.semilogy(np.arange(1, len(run.gradient_norms) + 1), run.gradient_norms,
                         linewidth=0.8, label=label)
        loss_ax.plot(np.arange(len(run.loss)), run.loss, marker="o", ms=3, label=label)
    norm_ax.axhline(max_norm, color="#555555", linestyle="--", linewidth=1.0,
                    label=f"clipping threshold {max_norm:g}")
    loss_ax.axhline(np.log(2), color="#888888", linestyle=":", linewidth=1.0,
                    label="ln 2: a coin flip")
    norm_ax.set_xlabel("update")
    norm_ax.set_ylabel(r"gradient norm $\|g\|$ before clipping")
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("training loss (nats)")
    norm_ax.legend(fontsize=8)
    loss_ax.legend(fontsize=8)
    fig.tight_layout()
    return fig
