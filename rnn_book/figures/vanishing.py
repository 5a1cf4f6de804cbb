"""Figures of the chapter *Vanishing and exploding gradients*."""

import matplotlib.pyplot as plt
import numpy as np

from .drawing import HIGHLIGHT

ACTIVATION_TEX = {"sigmoid": r"\sigma", "tanh": r"\tanh"}


def _gradient_curves(ax, curves, activation, legend=True):
    """Draw abs(∂h_{k+n}/∂h_k) against n for each w, with each abs(w)'s bound dashed, on ax (log y)."""
    top, bottom, drawn_bounds, distance = 1e4, 1e-30, set(), 1
    for i, (w, (magnitude, bound)) in enumerate(curves.items()):
        color = f"C{i}"
        n = np.arange(len(magnitude))
        distance = max(distance, len(magnitude) - 1)
        ax.plot(n, magnitude, color=color, lw=2, label=f"$w = {w:g}$")
        top = max(top, 10 * np.max(magnitude))
        if abs(w) not in drawn_bounds:
            drawn_bounds.add(abs(w))
            ax.plot(n, bound, "--", color=color, lw=1)
    if legend:
        tex = r"$(|w|/4)^n$" if activation == "sigmoid" else r"$|w|^n$"
        ax.plot([], [], "--", color="gray", lw=1, label=f"dashed: the bound {tex}")
        ax.legend(fontsize=8, ncol=2, loc="lower left")
    ax.set_yscale("log")
    ax.set_ylim(bottom, top)
    ax.set_xlim(0, distance)
    ax.axhline(1.0, color="black", lw=0.8, zorder=1)
    ax.set_xlabel("distance $n = t - k$")
    ax.set_ylabel(r"$|\partial h_t / \partial h_k|$")


def gradient_vs_distance(curves, h0, activation="sigmoid"):
    """abs(∂h_{k+n}/∂h_k) of slide 11's scalar RNN against the distance n, for several weights w.

    Drawn in the chapter *Vanishing and exploding gradients*. curves: {w:
    (magnitudes, bound)}, each (n + 1,) for the distances 0 … n, as
    ``rnn_lib.analysis.vanishing.gradient_curves`` gives them; h0: the state h_k the
    products start from; activation: "sigmoid" or "tanh". Each w is a solid line;
    its bound (abs(w)·max f′)^n is dashed in the same colour. Log scale; the black
    line marks 1.
    """
    fig, ax = plt.subplots(figsize=(7.0, 4.2))
    _gradient_curves(ax, curves, activation)
    tex = ACTIVATION_TEX[activation]
    ax.set_title(f"$h_t = {tex}(w\\, h_{{t-1}})$, starting from $h_k = {h0:g}$", fontsize=11)
    fig.tight_layout()
    return fig


def explorer_gallery(panels):
    """What the live gradient explorer draws, for a grid of settings: one panel per (activation, w).

    For readers of the static website, where the widget has no kernel. panels:
    {activation: {w: (magnitudes, bound)}}, one row per activation and one column
    per w. Returns the Figure.
    """
    activations = list(panels)
    ws = list(panels[activations[0]])
    fig, axes = plt.subplots(
        len(activations), len(ws), figsize=(2.6 * len(ws), 2.5 * len(activations)),
        sharex=True, sharey=True, squeeze=False,
    )
    for row, activation in zip(axes, activations):
        for ax, w in zip(row, ws):
            _gradient_curves(ax, {w: panels[activation][w]}, activation, legend=False)
            ax.set_ylim(1e-12, 1e6)
            ax.set_title(f"{activation}, $w = {w:g}$", fontsize=10)
            ax.set_xlabel("")
            ax.set_ylabel("")
    for ax in axes[-1]:
        ax.set_xlabel("distance $n$")
    for ax in axes[:, 0]:
        ax.set_ylabel(r"$|\partial h_{k+n}/\partial h_k|$")
    fig.tight_layout()
    return fig


def jacobian_norms(distances, linear, squashed):
    """‖∂h_{k+n}/∂h_k‖₂ against n for a linear and a tanh RNN, one line per spectral radius ρ.

    Drawn in the chapter *Vanishing and exploding gradients*. distances: (N,)
    values of n; linear, squashed: dicts {ρ: (N,) norms}, for the linear RNN
    (powers of W_hhᵀ) and for the tanh RNN. Two panels with the same log scale.
    """
    fig, axes = plt.subplots(1, 2, figsize=(9.0, 3.8), sharey=True)
    for ax, norms, title in zip(
        axes, (linear, squashed),
        ("linear RNN: $(W_{hh}^T)^n$", r"tanh RNN: $\prod\, \mathrm{diag}(1 - h_i^2)\, W_{hh}^T$")
    ):
        for i, (rho, values) in enumerate(norms.items()):
            ax.plot(distances, values, color=f"C{i}", lw=1.8, label=rf"$\rho = {rho:g}$")
        ax.axhline(1.0, color="black", lw=0.8, zorder=1)
        ax.set_yscale("log")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("distance $n = t - k$")
        ax.set_xlim(distances[0], distances[-1])
    axes[0].set_ylabel(r"$\|\partial h_{k+n} / \partial h_k\|_2$")
    axes[0].legend(fontsize=8, ncol=2, loc="upper left")
    fig.tight_layout()
    return fig


def long_run_factors(ws, settled, at_fixed_point, w_c):
    """The per-step factor of the sigmoid RNN on its settled orbit, against w.

    Drawn in the chapter *Vanishing and exploding gradients*. ws: (N,) weights;
    settled: (N,) geometric mean of abs(w σ′(w h)) over the settled orbit;
    at_fixed_point: (N,) abs(w σ′(w h*)) at the fixed point h*; w_c: the
    period-doubling weight. Also drawn: the bound abs(w)/4, and 1 (the line
    between vanishing and exploding). Log scale.
    """
    fig, ax = plt.subplots(figsize=(7.0, 4.0))
    ax.plot(ws, np.abs(ws) / 4, "--", color="gray", lw=1, label=r"bound $|w|/4$")
    ax.plot(ws, at_fixed_point, ":", color="C1", lw=1.8, label=r"at the fixed point, $|w\,\sigma'(w h^*)|$")
    ax.plot(ws, settled, color="C0", lw=2, label="on the settled orbit (geometric mean)")
    ax.axhline(1.0, color="black", lw=0.8, zorder=1)
    ax.axvline(w_c, color=HIGHLIGHT, lw=1)
    ax.annotate(
        f"$w_c = {w_c:.2f}$: period 2 below", (w_c, 1e-6), xytext=(6, 0), textcoords="offset points",
        color=HIGHLIGHT, fontsize=9,
    )
    ax.set_yscale("log")
    ax.set_ylim(1e-9, 10)
    ax.set_xlim(ws[0], ws[-1])
    ax.set_xlabel("recurrent weight $w$")
    ax.set_ylabel("per-step factor")
    ax.legend(fontsize=8, loc="lower left")
    fig.tight_layout()
    return fig


def transient_map(ws, h0s, magnitudes, fixed_points, w_c, distance):
    """Heat map of the largest transient abs(∂h_n/∂h_0) (n ≤ distance) over the weight w and the start h_0.

    Drawn in the chapter *Vanishing and exploding gradients*. ws: (W,); h0s:
    (S,); magnitudes: (W, S) largest abs(∂h_n/∂h_0) for 1 ≤ n ≤ distance;
    fixed_points: (W,) h*(w), drawn as a line; w_c: the period-doubling weight.
    Colour is log10 of the magnitude: red above 1 (growth), blue below.
    """
    fig, ax = plt.subplots(figsize=(7.4, 4.2))
    with np.errstate(divide="ignore"):
        logs = np.log10(magnitudes).T
    limit = 3.0
    mesh = ax.pcolormesh(ws, h0s, np.clip(logs, -limit, limit), cmap="RdBu_r", vmin=-limit, vmax=limit,
                         shading="nearest")
    bar = fig.colorbar(mesh, ax=ax)
    bar.set_label(rf"$\log_{{10}}$ of the largest $|\partial h_n / \partial h_0|$, $n$ = 1 … {distance}")
    ax.plot(ws, fixed_points, color="black", lw=1.2, label="fixed point $h^*(w)$")
    ax.axvline(w_c, color="black", lw=0.8, ls="--")
    ax.grid(False)
    ax.set_xlabel("recurrent weight $w$")
    ax.set_ylabel("initial state $h_0$")
    ax.legend(fontsize=8, loc="upper right")
    fig.tight_layout()
    return fig
