"""Figures of the chapter *Backpropagation through time*."""

import matplotlib.pyplot as plt
import numpy as np

from .drawing import BOX, HIGHLIGHT, arrow, box


def gradient_paths(tokens, step_norms, loss_on="last"):
    """Slide 10's picture, redrawn: the unrolled RNN with the gradient flowing back in time.

    Drawn in the chapter *Backpropagation through time*. tokens: T strings.
    step_norms: (T,) the norms ‖∂h_t/∂h_{t−1}‖ for t = 1 … T, written on the
    backward arrows. loss_on: "last" draws the loss at step T only (many-to-one),
    "all" a loss at every step (many-to-many, L = Σ_t L_t).
    """
    step_norms = np.asarray(step_norms, dtype=float)
    T = len(tokens)
    if step_norms.shape != (T,):
        raise ValueError(f"step_norms must have shape ({T},), one norm per token, got {step_norms.shape}")
    fig, ax = plt.subplots(figsize=(2.2 * T + 1.6, 3.9))
    back = {"arrowstyle": "->", "color": HIGHLIGHT, "linestyle": "--", "linewidth": 1.4}
    for t in range(1, T + 1):
        col = 1.9 + 2.2 * (t - 1)
        scored = loss_on == "all" or t == T
        ax.text(col, 0.15, f"“{tokens[t - 1]}”", ha="center", fontsize=10)
        box(ax, (col, 0.75), f"$x_{t}$", BOX["x"], False)
        box(ax, (col, 1.85), f"$h_{t}$", BOX["h"], False)
        arrow(ax, (col, 0.95), (col, 1.65))
        if scored:
            box(ax, (col, 2.95), f"$L_{t}$", BOX["y"], False)
            arrow(ax, (col + 0.12, 2.05), (col + 0.12, 2.75))
            ax.annotate("", xy=(col - 0.12, 2.05), xytext=(col - 0.12, 2.75), arrowprops=back)
        arrow(ax, (col - 1.7, 1.95), (col - 0.5, 1.95))
        ax.annotate("", xy=(col - 1.7, 1.75), xytext=(col - 0.5, 1.75), arrowprops=back)
        ax.text(col - 1.1, 2.02, "$W_{hh}$", ha="center", va="bottom", fontsize=8)
        ax.text(col - 1.1, 1.68, f"{step_norms[t - 1]:.2f}", ha="center", va="top", fontsize=8,
                color=HIGHLIGHT)
    ax.text(0.15, 1.85, "$h_0$", ha="center", va="center", fontsize=10)
    ax.text(0.05, 3.45, "forward: black arrows.   backward: red dashed arrows, each labelled"
            " with the norm of that step's Jacobian $\\partial h_t / \\partial h_{t-1}$",
            fontsize=9, color="#333333")
    ax.set_xlim(-0.1, 2.2 * T + 1.0)
    ax.set_ylim(0, 3.6)
    ax.axis("off")
    fig.tight_layout()
    return fig


def gradient_reach(norms_by_label):
    """How far back the gradient reaches: ‖∂h_T/∂h_k‖ against the distance T − k, log scale.

    Drawn in the chapter *Backpropagation through time*. norms_by_label: dict
    {legend label: (D,) norms for the distances T − k = 0, 1, …, D − 1}.
    """
    fig, ax = plt.subplots()
    for (label, values), marker in zip(norms_by_label.items(), "os^Dv" * len(norms_by_label)):
        norms = np.asarray(values, dtype=float)
        ax.semilogy(np.arange(norms.size), norms, marker=marker, ms=3, label=label)
    ax.set_xlabel("distance back in time, $T - k$ (steps)")
    ax.set_ylabel(r"$\|\partial h_T / \partial h_k\|$ (spectral norm)")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


def truncation_error_curves(Ks, errors_by_label, floor=1e-16):
    """How far truncated BPTT misses the true gradient: relative error against K, log scale.

    Drawn in the chapter *Backpropagation through time*. Ks: (n,) truncation
    lengths. errors_by_label: dict {legend label: (n,) relative errors
    ‖g_K − g‖/‖g‖}. Errors below ``floor`` (exact up to rounding) are drawn at
    ``floor``, which a log scale could not show otherwise.
    """
    Ks = np.asarray(Ks)
    fig, ax = plt.subplots()
    for (label, values), marker in zip(errors_by_label.items(), "os^Dv" * len(errors_by_label)):
        errors = np.maximum(np.asarray(values, dtype=float), floor)
        ax.semilogy(Ks, errors, marker=marker, ms=3, label=label)
    ax.axhline(1.0, color="#888888", linewidth=0.8, linestyle=":")
    ax.set_xlabel("truncation length $K$ (terms with $t - k < K$ kept)")
    ax.set_ylabel(r"relative error $\|g_K - g\| / \|g\|$")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig
