"""Figures of the chapter *The forward pass*."""

import numpy as np

from .drawing import BOX, WEIGHT_BOX, Diagram


def sequence_step(params, tokens, X, trace, parts, step):
    """One sequence step drawn as the slides draw it, with its numbers.

    x_t (1, E) times W_eh (E, H), plus h_{t-1} (1, H) times W_hh (H, H), plus
    b_h, is the proposed state z_t (1, H); tanh (the slides' "~") squashes it
    into the new state h_t (1, H), which gives the prediction
    y_hat_t = sigmoid(h_t W_hy + b_y) (1, Y). params: Params. tokens: T
    strings. X: (T, E), one document. trace: its Trace (``rnn_lib.forward``);
    parts: its Contributions (``rnn_lib.step_contributions``). step: 1-based, the
    slides' "sequence step t/T". Explained in the chapter *The forward pass*
    (slides 2-5).
    """
    T = len(tokens)
    if np.ndim(X) != 2 or len(X) != T:
        raise ValueError(
            f"X must be one document of T = {T} rows (one per token), got shape {np.shape(X)}"
        )
    if not 1 <= step <= T:
        raise ValueError(f"step must be between 1 and T = {T}, got {step}")
    t, x, h, h_prev = step - 1, f"x_{{{step}}}", f"h_{{{step}}}", f"h_{{{step - 1}}}"
    # two input rows on the left; the proposed state, new state and prediction down the right
    upper, lower, right = 4.4, 2.9, 6.3
    d = Diagram(7.6, 5.3)
    d.box("x", (0.95, upper), f"${x}$ “{tokens[t]}”  1×E", X[t], BOX["x"], 1.8)
    d.box("h_prev", (0.95, lower), f"${h_prev}$  1×H", parts.h_prev[t], BOX["h"], 1.8)
    d.box("W_eh", (2.55, upper), "$W_{eh}$  E×H", params.W_eh, WEIGHT_BOX, 1.0)
    d.box("W_hh", (2.55, lower), "$W_{hh}$  H×H", params.W_hh, WEIGHT_BOX, 1.0)
    d.box("xW", (4.05, upper), f"${x} W_{{eh}}$  1×H", parts.x_W_eh[t], BOX["x"], 1.5)
    d.box("hW", (4.05, lower), f"${h_prev} W_{{hh}}$  1×H", parts.h_prev_W_hh[t], BOX["h"], 1.5)
    d.box("z", (right, 3.65), f"proposed $z_{{{step}}}$  1×H", trace.z[t], BOX["h"], 1.6)
    d.box("h", (right, 2.05), f"new state ${h}$  1×H", trace.h[t], BOX["h"], 1.6)
    y_title = f"prediction $\\hat y_{{{step}}}$  1×Y"
    d.box("y", (right, 0.55), y_title, trace.y_hat[t], BOX["y"], 1.6)
    d.box("W_hy", (4.05, 1.3), "$W_{hy}$  H×Y", params.W_hy, WEIGHT_BOX, 1.0)
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
