"""Figures of the chapter *An RNN that writes*."""

import matplotlib.pyplot as plt
import numpy as np


def loss_curves_by_cell(runs_by_label, baseline=None):
    """Training and validation loss per epoch (nats per character), one colour per cell.

    Drawn in the chapter *An RNN that writes*. runs_by_label: dict {legend
    label: EpochRun} (anything with ``train_loss`` and ``validation_loss``, one
    value per epoch). The training loss is dashed, the validation loss solid.
    baseline: optional dict {label: validation loss} of models not trained by
    epochs (grey horizontal lines, one line style each). A right-hand axis
    reads the same curves as perplexity e^loss.
    """
    fig, ax = plt.subplots(figsize=(7.2, 4.0))
    for (label, run), marker in zip(runs_by_label.items(), "os^Dv" * len(runs_by_label)):
        epochs = np.arange(1, len(run.validation_loss) + 1)
        (line,) = ax.plot(epochs, run.validation_loss, marker=marker, ms=4, label=f"{label}, validation")
        ax.plot(epochs, run.train_loss, linestyle="--", color=line.get_color(), label=f"{label}, training")
    for (label, value), style in zip((baseline or {}).items(), [":", "-."] * len(baseline or {})):
        ax.axhline(value, color="#555555", linestyle=style, linewidth=1.2, label=label)
    ax.set_xlabel("epoch")
    ax.set_ylabel("loss (nats per character)")
    low, high = ax.get_ylim()
    right = ax.twinx()
    right.set_ylim(low, high)
    ticks = [p for p in (5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 27) if low <= np.log(p) <= high]
    right.set_yticks(np.log(ticks), [str(p) for p in ticks])
    right.set_ylabel("perplexity e^loss")
    ax.legend(fontsize=7, ncols=2, loc="upper right")
    fig.tight_layout()
    return fig
