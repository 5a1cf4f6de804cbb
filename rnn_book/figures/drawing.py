"""The figures' shared drawing kit: colours, boxes with numbers, arrows, a diagram canvas."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

BOX = {"x": "#dbe9f6", "h": "#fde2c8", "y": "#d8f0d2"}
HIGHLIGHT = "#c0392b"


def vector_text(v):
    return "[" + ", ".join(f"{value:.2f}" for value in np.ravel(v)) + "]"


def box(ax, xy, text, color, highlighted):
    x, y = xy
    ax.add_patch(
        FancyBboxPatch(
            (x - 0.5, y - 0.2),
            1.0,
            0.4,
            boxstyle="round,pad=0.02",
            facecolor=color,
            edgecolor=HIGHLIGHT if highlighted else "#555555",
            linewidth=2.2 if highlighted else 1.0,
        )
    )
    ax.text(x, y, text, ha="center", va="center", fontsize=9)


def arrow(ax, start, end, label=None):
    ax.annotate("", xy=end, xytext=start, arrowprops={"arrowstyle": "->", "color": "#333333"})
    if label:
        mid = ((start[0] + end[0]) / 2, (start[1] + end[1]) / 2)
        ax.text(mid[0] + 0.05, mid[1], label, fontsize=8, color="#333333", va="center")


WEIGHT_BOX = "#e6e6e6"
LABEL_PLACES = {  # where an arrow's label sits: offset from the arrow's middle, and alignment
    "above": ((0.0, 0.06), "center", "bottom"),
    "right": ((0.08, 0.0), "left", "center"),
    "left": ((-0.08, 0.0), "right", "center"),
}


def numbers_text(array):
    """A vector or matrix as rows of numbers: whole numbers without decimals, others with 3."""
    array = np.atleast_2d(array)
    whole = np.all(array == np.round(array))
    cells = [[f"{v:.0f}" if whole else f"{v:.3f}" for v in row] for row in array]
    cells = [["0" if c in ("-0", "-0.000") else c for c in row] for row in cells]
    width = max(len(c) for row in cells for c in row)
    return "\n".join("[" + " ".join(c.rjust(width) for c in row) + "]" for row in cells)


class Diagram:
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
        body = numbers_text(array)
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
            (dx, dy), ha, va = LABEL_PLACES[place]
            x, y = (start[0] + end[0]) / 2 + dx, (start[1] + end[1]) / 2 + dy
            self.ax.text(x, y, label, ha=ha, va=va, fontsize=9)
