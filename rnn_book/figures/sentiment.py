"""Figures of the chapter *Does it really learn?*."""

import matplotlib.pyplot as plt
import numpy as np


def learning_curves(runs_by_label, baseline=None):
    """Training loss and held-out accuracy per epoch, for one or more training runs.

    Drawn in the chapter *Does it really learn?*. runs_by_label: dict {legend
    label: TrainingRun}. baseline: optional dict {label: held-out accuracy} of
    models that are not trained by epochs (drawn as grey horizontal lines, one
    line style each).
    """
    fig, (loss_ax, accuracy_ax) = plt.subplots(1, 2, figsize=(9.6, 3.6))
    for (label, run), marker in zip(runs_by_label.items(), "os^Dv" * len(runs_by_label)):
        epochs = np.arange(len(run.loss))
        loss_ax.semilogy(epochs, run.loss, marker=marker, ms=3, label=label)
        accuracy_ax.plot(epochs, run.test_accuracy, marker=marker, ms=3, label=label)
    for (label, value), style in zip((baseline or {}).items(), ["--", ":", "-."] * len(baseline or {})):
        accuracy_ax.axhline(value, color="#555555", linestyle=style, linewidth=1.2, label=label)
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("training loss (nats, log scale)")
    accuracy_ax.set_xlabel("epoch")
    accuracy_ax.set_ylabel("held-out accuracy")
    accuracy_ax.set_ylim(0.0, 1.02)
    accuracy_ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig
