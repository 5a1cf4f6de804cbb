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


def loss_against_probability(marked=()):
    """The log loss of one prediction p, against p, for the labels y = 1 and y = 0.

    Drawn in the chapter *Log loss*. marked: probabilities in (0, 1) to mark on
    the y = 1 curve, each labelled with its loss in nats and in base 10 (the
    slides' predictions 0.5, 0.78, 0.98). The left axis is the natural-log loss;
    the right axis relabels the same curves in base 10, because changing the
    base only divides the loss by ln 10.
    """
    from . import _checks
    from .loss import log_loss

    marked = _checks.as_float_array(marked, "marked", ndims=(1,))
    if ((marked <= 0) | (marked >= 1)).any():
        raise ValueError(f"marked must hold probabilities strictly between 0 and 1, got {marked}")
    p = np.linspace(0.001, 0.999, 999)
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    ax.plot(p, [log_loss(1, q) for q in p], label=r"$y = 1$: $L = -\ln p$")
    ax.plot(p, [log_loss(0, q) for q in p], "--", label=r"$y = 0$: $L = -\ln(1 - p)$")
    for q, marker in zip(marked, "os^Dv" * len(marked)):
        loss, loss_10 = log_loss(1, q), log_loss(1, q, base=10)
        label = f"$p$ = {q:g}: {loss:.3f} nats, {loss_10:.4f} in base 10"
        ax.plot([q], [loss], marker, color=_HIGHLIGHT, ms=7, zorder=3, clip_on=False, label=label)
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


_WEIGHT_BOX = "#e6e6e6"
_LABEL_PLACES = {  # where an arrow's label sits: offset from the arrow's middle, and alignment
    "above": ((0.0, 0.06), "center", "bottom"),
    "right": ((0.08, 0.0), "left", "center"),
    "left": ((-0.08, 0.0), "right", "center"),
}


def _numbers_text(array):
    """A vector or matrix as rows of numbers: whole numbers without decimals, others with 3."""
    array = np.atleast_2d(array)
    whole = np.all(array == np.round(array))
    cells = [[f"{v:.0f}" if whole else f"{v:.3f}" for v in row] for row in array]
    cells = [["0" if c in ("-0", "-0.000") else c for c in row] for row in cells]
    width = max(len(c) for row in cells for c in row)
    return "\n".join("[" + " ".join(c.rjust(width) for c in row) + "]" for row in cells)


class _Diagram:
    """Boxes with a title and numbers, and arrows between them; lengths in inches."""

    def __init__(self, width, height):
        self.fig = plt.figure(figsize=(width, height))
        self.ax = self.fig.add_axes((0, 0, 1, 1))
        self.ax.set_xlim(0, width)
        self.ax.set_ylim(0, height)
        self.ax.axis("off")
        self.boxes = {}  # key: (x, y, half width, half height)

    def box(self, key, xy, title, array, color, width):
        x, y = xy
        body = _numbers_text(array)
        height = 0.5 + 0.17 * body.count("\n")
        self.ax.add_patch(
            FancyBboxPatch(
                (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0.02",
                facecolor=color, edgecolor="#555555", linewidth=1.0,
            )
        )
        self.ax.text(x, y + height / 2 - 0.05, title, ha="center", va="top", fontsize=9)
        self.ax.text(
            x, y - height / 2 + 0.06, body, ha="center", va="bottom", fontsize=9, family="monospace"
        )
        self.boxes[key] = (x, y, width / 2, height / 2)

    def side(self, key, where):
        """The middle of a box's left, right, top or bottom edge."""
        x, y, half_width, half_height = self.boxes[key]
        dx, dy = {"left": (-1, 0), "right": (1, 0), "top": (0, 1), "bottom": (0, -1)}[where]
        return x + dx * half_width, y + dy * half_height

    def arrow(self, start, end, label=None, place="above", dashed=False):
        style = {"arrowstyle": "->", "color": "#333333", "linestyle": "--" if dashed else "-"}
        self.ax.annotate("", xy=end, xytext=start, arrowprops=style)
        if label:
            (dx, dy), ha, va = _LABEL_PLACES[place]
            x, y = (start[0] + end[0]) / 2 + dx, (start[1] + end[1]) / 2 + dy
            self.ax.text(x, y, label, ha=ha, va=va, fontsize=9)


def sequence_step(params, tokens, X, step, h0=None):
    """One sequence step drawn as the slides draw it, with its numbers.

    x_t (1, E) times W_eh (E, H), plus h_{t-1} (1, H) times W_hh (H, H), plus
    b_h, is the proposed state z_t (1, H); tanh (the slides' "~") squashes it
    into the new state h_t (1, H), which gives the prediction
    y_hat_t = sigmoid(h_t W_hy + b_y) (1, Y). params: Params. tokens: T
    strings. X: (T, E), one document. step: 1-based, the slides' "sequence step
    t/T". h0: (H,) or None for zeros. Explained in the chapter *The forward
    pass* (slides 2-5).
    """
    from .rnn import forward, step_contributions

    T = len(tokens)
    if np.ndim(X) != 2 or len(X) != T:
        raise ValueError(
            f"X must be one document of T = {T} rows (one per token), got shape {np.shape(X)}"
        )
    if not 1 <= step <= T:
        raise ValueError(f"step must be between 1 and T = {T}, got {step}")
    trace = forward(params, X, h0)
    parts = step_contributions(params, X, h0)
    t, x, h, h_prev = step - 1, f"x_{{{step}}}", f"h_{{{step}}}", f"h_{{{step - 1}}}"
    # two input rows on the left; the proposed state, new state and prediction down the right
    upper, lower, right = 4.4, 2.9, 6.3
    d = _Diagram(7.6, 5.3)
    d.box("x", (0.95, upper), f"${x}$ “{tokens[t]}”  1×E", X[t], _BOX["x"], 1.8)
    d.box("h_prev", (0.95, lower), f"${h_prev}$  1×H", parts.h_prev[t], _BOX["h"], 1.8)
    d.box("W_eh", (2.55, upper), "$W_{eh}$  E×H", params.W_eh, _WEIGHT_BOX, 1.0)
    d.box("W_hh", (2.55, lower), "$W_{hh}$  H×H", params.W_hh, _WEIGHT_BOX, 1.0)
    d.box("xW", (4.05, upper), f"${x} W_{{eh}}$  1×H", parts.x_W_eh[t], _BOX["x"], 1.5)
    d.box("hW", (4.05, lower), f"${h_prev} W_{{hh}}$  1×H", parts.h_prev_W_hh[t], _BOX["h"], 1.5)
    d.box("z", (right, 3.65), f"proposed $z_{{{step}}}$  1×H", trace.z[t], _BOX["h"], 1.6)
    d.box("h", (right, 2.05), f"new state ${h}$  1×H", trace.h[t], _BOX["h"], 1.6)
    y_title = f"prediction $\\hat y_{{{step}}}$  1×Y"
    d.box("y", (right, 0.55), y_title, trace.y_hat[t], _BOX["y"], 1.6)
    d.box("W_hy", (4.05, 1.3), "$W_{hy}$  H×Y", params.W_hy, _WEIGHT_BOX, 1.0)
    for a, b in [("x", "W_eh"), ("h_prev", "W_hh"), ("W_eh", "xW"), ("W_hh", "hW")]:
        d.arrow(d.side(a, "right"), d.side(b, "left"))
    d.arrow(d.side("xW", "right"), d.side("z", "left"), "+", "above")
    plus_b_h = "+ $b_h$" if params.b_h.any() else "+"
    d.arrow(d.side("hW", "right"), d.side("z", "left"), plus_b_h, "above")
    d.arrow(d.side("z", "bottom"), d.side("h", "top"), 'tanh ("~")', "right")
    d.arrow(d.side("h", "bottom"), d.side("y", "top"), "$\\sigma(h\\,W_{hy} + b_y)$", "right")
    d.arrow(d.side("W_hy", "right"), (right - 0.03, 1.3), dashed=True)
    title = f"Sequence step {step}/{T}: reading “{tokens[t]}”"
    d.ax.text(0.05, 5.25, title, fontsize=11, va="top")
    return d.fig


# ---------------------------------------------------------------- chapter: vanishing and exploding gradients

_ACTIVATION_TEX = {"sigmoid": r"\sigma", "tanh": r"\tanh"}


def _gradient_curves(ax, ws, h0, distance, activation, legend=True):
    """Draw abs(∂h_{t+n}/∂h_t) against n for each w, with each abs(w)'s bound dashed, on ax (log y)."""
    from . import vanishing

    n = np.arange(distance + 1)
    top, bottom, drawn_bounds = 1e4, 1e-30, set()
    for i, w in enumerate(ws):
        color = f"C{i}"
        with np.errstate(divide="ignore"):
            magnitude = np.abs(vanishing.scalar_gradient_product(w, h0, distance, activation))
        ax.plot(n, magnitude, color=color, lw=2, label=f"$w = {w:g}$")
        top = max(top, 10 * magnitude.max())
        if abs(w) not in drawn_bounds:
            drawn_bounds.add(abs(w))
            ax.plot(n, vanishing.gradient_bound(w, distance, activation), "--", color=color, lw=1)
    if legend:
        bound = r"$(|w|/4)^n$" if activation == "sigmoid" else r"$|w|^n$"
        ax.plot([], [], "--", color="gray", lw=1, label=f"dashed: the bound {bound}")
        ax.legend(fontsize=8, ncol=2, loc="lower left")
    ax.set_yscale("log")
    ax.set_ylim(bottom, top)
    ax.set_xlim(0, distance)
    ax.axhline(1.0, color="black", lw=0.8, zorder=1)
    ax.set_xlabel("distance $n = t' - t$")
    ax.set_ylabel(r"$|\partial h_{t'} / \partial h_t|$")


def gradient_vs_distance(ws, h0=0.5, distance=60, activation="sigmoid"):
    """abs(∂h_{t+n}/∂h_t) of slide 11's scalar RNN against the distance n, for several weights w.

    Drawn in the chapter *Vanishing and exploding gradients*. ws: list of
    weights; h0: the state h_t the product starts from; activation: "sigmoid"
    or "tanh". Each w is a solid line; its bound (abs(w)·max f′)^n is dashed in the
    same colour. Log scale; the black line marks 1.
    """
    fig, ax = plt.subplots(figsize=(7.0, 4.2))
    _gradient_curves(ax, ws, h0, distance, activation)
    tex = _ACTIVATION_TEX[activation]
    ax.set_title(f"$h_t = {tex}(w\\, h_{{t-1}})$, starting from $h_t = {h0:g}$", fontsize=11)
    fig.tight_layout()
    return fig


def explorer_gallery(ws, activations=("sigmoid", "tanh"), h0=0.5, distance=40):
    """What the live gradient explorer draws, for a grid of settings: one panel per (activation, w).

    For readers of the static website, where the widget has no kernel. ws:
    weights (one column each); activations: one row each. Returns the Figure.
    """
    fig, axes = plt.subplots(
        len(activations), len(ws), figsize=(2.6 * len(ws), 2.5 * len(activations)),
        sharex=True, sharey=True, squeeze=False,
    )
    for row, activation in zip(axes, activations):
        for ax, w in zip(row, ws):
            _gradient_curves(ax, [w], h0, distance, activation, legend=False)
            ax.set_ylim(1e-12, 1e6)
            ax.set_title(f"{activation}, $w = {w:g}$", fontsize=10)
            ax.set_xlabel("")
            ax.set_ylabel("")
    for ax in axes[-1]:
        ax.set_xlabel("distance $n$")
    for ax in axes[:, 0]:
        ax.set_ylabel(r"$|\partial h_{t+n}/\partial h_t|$")
    fig.tight_layout()
    return fig


def jacobian_norms(distances, linear, squashed):
    """‖∂h_{t+n}/∂h_t‖₂ against n for a linear and a tanh RNN, one line per spectral radius ρ.

    Drawn in the chapter *Vanishing and exploding gradients*. distances: (N,)
    values of n; linear, squashed: dicts {ρ: (N,) norms}, for the linear RNN
    (powers of W_hhᵀ) and for the tanh RNN. Two panels with the same log scale.
    """
    fig, axes = plt.subplots(1, 2, figsize=(9.0, 3.8), sharey=True)
    for ax, norms, title in zip(
        axes, (linear, squashed), ("linear RNN: $(W_{hh}^T)^n$", r"tanh RNN: $\prod\, \mathrm{diag}(1 - h_i^2)\, W_{hh}^T$")
    ):
        for i, (rho, values) in enumerate(norms.items()):
            ax.plot(distances, values, color=f"C{i}", lw=1.8, label=rf"$\rho = {rho:g}$")
        ax.axhline(1.0, color="black", lw=0.8, zorder=1)
        ax.set_yscale("log")
        ax.set_title(title, fontsize=10)
        ax.set_xlabel("distance $n = t' - t$")
        ax.set_xlim(distances[0], distances[-1])
    axes[0].set_ylabel(r"$\|\partial h_{t+n} / \partial h_t\|_2$")
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
    ax.axvline(w_c, color=_HIGHLIGHT, lw=1)
    ax.annotate(
        f"$w_c = {w_c:.2f}$: period 2 below", (w_c, 1e-6), xytext=(6, 0), textcoords="offset points",
        color=_HIGHLIGHT, fontsize=9,
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
    back = {"arrowstyle": "->", "color": _HIGHLIGHT, "linestyle": "--", "linewidth": 1.4}
    for t in range(1, T + 1):
        col = 1.9 + 2.2 * (t - 1)
        scored = loss_on == "all" or t == T
        ax.text(col, 0.15, f"“{tokens[t - 1]}”", ha="center", fontsize=10)
        _box(ax, (col, 0.75), f"$x_{t}$", _BOX["x"], False)
        _box(ax, (col, 1.85), f"$h_{t}$", _BOX["h"], False)
        _arrow(ax, (col, 0.95), (col, 1.65))
        if scored:
            _box(ax, (col, 2.95), f"$L_{t}$", _BOX["y"], False)
            _arrow(ax, (col + 0.12, 2.05), (col + 0.12, 2.75))
            ax.annotate("", xy=(col - 0.12, 2.05), xytext=(col - 0.12, 2.75), arrowprops=back)
        _arrow(ax, (col - 1.7, 1.95), (col - 0.5, 1.95))
        ax.annotate("", xy=(col - 1.7, 1.75), xytext=(col - 0.5, 1.75), arrowprops=back)
        ax.text(col - 1.1, 2.02, "$W_{hh}$", ha="center", va="bottom", fontsize=8)
        ax.text(col - 1.1, 1.68, f"{step_norms[t - 1]:.2f}", ha="center", va="top", fontsize=8,
                color=_HIGHLIGHT)
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
    for (label, norms), marker in zip(norms_by_label.items(), "os^Dv" * len(norms_by_label)):
        norms = np.asarray(norms, dtype=float)
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
    for (label, errors), marker in zip(errors_by_label.items(), "os^Dv" * len(errors_by_label)):
        errors = np.maximum(np.asarray(errors, dtype=float), floor)
        ax.semilogy(Ks, errors, marker=marker, ms=3, label=label)
    ax.axhline(1.0, color="#888888", linewidth=0.8, linestyle=":")
    ax.set_xlabel("truncation length $K$ (terms with $t - k < K$ kept)")
    ax.set_ylabel(r"relative error $\|g_K - g\| / \|g\|$")
    ax.legend(fontsize=9)
    fig.tight_layout()
    return fig


def learning_curves(runs_by_label, baseline=None):
    """Training loss and held-out accuracy per epoch, for one or more training runs.

    Drawn in the chapter *Does it really learn?*. runs_by_label: dict {legend
    label: TrainingRun}. baseline: optional dict {label: held-out accuracy} of
    models that are not trained by epochs (drawn as dashed horizontal lines).
    """
    fig, (loss_ax, accuracy_ax) = plt.subplots(1, 2, figsize=(9.6, 3.6))
    for (label, run), marker in zip(runs_by_label.items(), "os^Dv" * len(runs_by_label)):
        epochs = np.arange(len(run.loss))
        loss_ax.semilogy(epochs, run.loss, marker=marker, ms=3, label=label)
        accuracy_ax.plot(epochs, run.test_accuracy, marker=marker, ms=3, label=label)
    for label, value in (baseline or {}).items():
        accuracy_ax.axhline(value, color="#555555", linestyle="--", linewidth=1.2, label=label)
    loss_ax.set_xlabel("epoch")
    loss_ax.set_ylabel("training loss (nats, log scale)")
    accuracy_ax.set_xlabel("epoch")
    accuracy_ax.set_ylabel("held-out accuracy")
    accuracy_ax.set_ylim(0.0, 1.02)
    accuracy_ax.legend(fontsize=8, loc="lower right")
    fig.tight_layout()
    return fig


def gradient_against_k(ks, norms_by_label):
    """The gradient that reaches the deciding word, against its distance k from the end; log scale.

    Drawn in the chapter *Long-range memory*. ks: (n,) distances. norms_by_label:
    dict {legend label: (n,) mean gradient norms}.
    """
    fig, ax = plt.subplots()
    for (label, norms), marker in zip(norms_by_label.items(), "os^Dv" * len(norms_by_label)):
        ax.semilogy(ks, norms, marker=marker, ms=4, label=label)
    ax.set_xlabel("distance $k$ of the deciding word from the end (steps)")
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
