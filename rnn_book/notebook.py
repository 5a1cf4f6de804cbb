"""Helpers for the book's notebooks: fixed print precision and quoting numbers in prose.

Not needed by the maths; nothing else in rnn_lib imports this module.
"""

import numpy as np

#: Decimals the book prints: the slides show two, one more shows the rounding.
PRECISION = 3


def setup():
    """Fix how numbers print and figures look, so that every run prints the same text."""
    import matplotlib

    np.set_printoptions(precision=PRECISION, suppress=True, floatmode="fixed", sign="-")
    matplotlib.rcParams.update(
        {
            "figure.dpi": 100,
            "figure.figsize": (6.4, 3.6),
            "figure.facecolor": "white",  # legible on the website's dark theme too
            "savefig.facecolor": "white",
            "axes.grid": True,
            "grid.alpha": 0.3,
            "font.size": 11,
        }
    )


def glue(name, value, fmt="{:.3f}"):
    """Make ``value`` quotable in the book's prose as {glue:}`name`, printed with ``fmt``.

    Uses myst-nb's glue when it is installed (building the book); in a student's
    Jupyter, where myst-nb is absent, it does nothing, and the cell looks the same
    because a glued value is never displayed.
    """
    try:
        from myst_nb import glue as myst_glue
    except ImportError:
        return
    myst_glue(name, _Plain(fmt.format(value)), display=False)


class _Plain(str):
    """A string whose repr has no quotes, so the glued text reads 0.693, not '0.693'."""

    def __repr__(self):
        return str(self)


def _number(value, decimals):
    text = f"{value:.{decimals}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text


class Matrix:
    """An array shown as the slides show it: a matrix with its name and shape.

    In Jupyter and on the website it renders as LaTeX, name = [matrix]_(rows × cols);
    its plain text (what nbval compares) holds the same numbers.
    """

    def __init__(self, name, array, decimals=PRECISION, shape=None):
        array = np.asarray(array, dtype=float)
        self.name = name
        self.array = array.reshape(1, -1) if array.ndim < 2 else array
        self.decimals = decimals
        rows, cols = self.array.shape
        self.shape = shape or f"{rows} \\times {cols}"

    def _cells(self):
        return [[_number(v, self.decimals) for v in row] for row in self.array]

    def _repr_latex_(self):
        body = r" \\ ".join(" & ".join(row) for row in self._cells())
        return f"$${self.name} = \\begin{{bmatrix}} {body} \\end{{bmatrix}}_{{{self.shape}}}$$"

    def __repr__(self):
        width = max(len(cell) for row in self._cells() for cell in row)
        lines = ["  ".join(cell.rjust(width) for cell in row) for row in self._cells()]
        shape = self.shape.replace("\\times", "x")
        name = self.name.replace("{", "").replace("}", "").replace("\\", "")
        return f"{name}  ({shape})\n" + "\n".join(f"  [ {line} ]" for line in lines)


class Table:
    """A small table: Markdown on the website, aligned plain text for nbval.

    headers: list of column titles. rows: list of lists; floats print with ``decimals``.
    """

    def __init__(self, headers, rows, decimals=PRECISION):
        self.headers = [str(h) for h in headers]
        self.rows = [
            [_number(v, decimals) if isinstance(v, (float, np.floating)) else str(v) for v in row]
            for row in rows
        ]

    def _repr_markdown_(self):
        lines = ["| " + " | ".join(self.headers) + " |", "|" + "---|" * len(self.headers)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)

    def __repr__(self):
        columns = list(zip(self.headers, *self.rows))
        widths = [max(len(cell) for cell in column) for column in columns]
        lines = [self.headers] + self.rows
        return "\n".join("  ".join(c.ljust(w) for c, w in zip(line, widths)).rstrip() for line in lines)
