"""What a student notebook needs from the rest of the book: equations, titles and slides.

A student notebook holds its chapter's exercises only, so an exercise's
references to the book (``{eq}`bptt-do```, ``{doc}`vanishing```,
``{ref}`ex-bptt-chunks```, "slide 10") would point at nothing. This module reads
the book once and gives what replaces them: the labelled equations themselves,
chapter and exercise titles, figure captions, and the text of each slide of
the lecture.
"""

import functools
import re
from dataclasses import dataclass

import nbformat

from .layout import ROOT

EQUATION = re.compile(r"\$\$\n(?P<body>.*?)\n\$\$ *\((?P<label>[\w-]+)\)", re.S)
EXERCISE_TITLE = re.compile(r"```\{exercise\}\s*(?P<title>[^\n]*)\n:label: (?P<label>[\w-]+)")
SLIDE = re.compile(r"\b[Ss]lides? (?P<number>1[01]|[1-9])\b(?:\s*(?:and|to|–|-)\s*(?P<last>1[01]|[1-9])\b)?")

#: The lecture's slides, as the book quotes them (book/problem … book/vanishing).
SLIDES = {
    1: 'Problem statement: "Use an RNN to predict the sentiment of the following document: '
       '*I love cats* → 1 (positive)". Embedding size E = 3, hidden size H = 2, output Y = 1.',
    2: "Sequence step 1/4: the token's embedding (1 × E) times the EH weights (E × H), plus the "
       "previous hidden state (1 × H) times the HH weights (H × H), gives the proposed hidden state "
       "(1 × H), squashed into the hidden state (1 × H).",
    3: 'Sequence step 2/4: "Contribution from previous hidden state"; the new state shows .99; '
       '"predicted sentiment at sequence step 2" through the HY weights (H × Y).',
    4: "Sequence step 3/4: the same picture for the third token; the state shows .96.",
    5: "Sequence step 4/4, epoch 1: the proposed hidden state [−1, −2], the HH weights "
       "[[3, −1], [1, −2]], the new hidden state [−.76, −.96] and the predicted sentiment at step 4.",
    6: "Output: predicted y = 0.5, true y = 1.",
    7: "Binary cross-entropy: H_p(q) = −1/N Σ [y · log p(y) + (1 − y) · log(1 − p(y))]; "
       '"Loss is −log(0.5) → 0.3". "We then use our log loss function to calculate the partial '
       'derivatives needed to update our weights."',
    8: '"Pretend we update our weights via backpropagation, and make a new prediction for *I love '
       'cats* of 0.78." Loss −log(0.78) → 0.108.',
    9: "The same again: the new prediction is 0.98, the loss −log(0.98) → 0.008.",
    10: "Backpropagation through time: L = Σ_t L⁽ᵗ⁾, ∂L⁽ᵗ⁾/∂W_hh = ∂L⁽ᵗ⁾/∂y⁽ᵗ⁾ · ∂y⁽ᵗ⁾/∂h⁽ᵗ⁾ · "
        "(Σ_{k=1}^{t} ∂h⁽ᵗ⁾/∂h⁽ᵏ⁾ · ∂h⁽ᵏ⁾/∂W_hh), with ∂h⁽ᵗ⁾/∂h⁽ᵏ⁾ = Π_{i=k+1}^{t} ∂h⁽ⁱ⁾/∂h⁽ⁱ⁻¹⁾ "
        '"computed as a multiplication of adjacent time steps. This is very problematic: '
        'vanishing/exploding gradient problem!"',
    11: "The scalar RNN h_t = σ(w · h_{t−1}), with σ′(x) = σ(x)(1 − σ(x)): ∂h_{t′}/∂h_t = "
        "Π_{k=1}^{t′−t} w · σ′(w · h_{t′−k}) = w^{t′−t} · Π_{k=1}^{t′−t} σ′(w · h_{t′−k}).",
}


@dataclass(frozen=True)
class BookIndex:
    equations: dict  # label → LaTeX body
    titles: dict  # page stem → title
    exercises: dict  # exercise label → title
    figures: dict  # figure name → caption
    order: tuple = ()  # every equation label, in book order (page by page)

    def equation_range(self, first, last):
        """The labels from ``first`` to ``last`` in book order (just the two if they are not in order)."""
        try:
            i, j = self.order.index(first), self.order.index(last)
        except ValueError:
            return [first, last]
        return list(self.order[i:j + 1]) if i <= j else [first, last]


def _title(text):
    match = re.search(r"^# (.+)$", text, re.M)
    return match[1].strip() if match else None


@functools.cache
def book_index():
    """Every labelled equation, page title, exercise title and figure caption of book/."""
    equations, titles, exercises, figures, order = {}, {}, {}, {}, []
    for path in sorted((ROOT / "book").iterdir()):
        if path.suffix == ".ipynb":
            notebook = nbformat.read(path, 4)
            texts = [c.source for c in notebook.cells if c.cell_type == "markdown"]
            for cell in notebook.cells:
                figure = cell.metadata.get("mystnb", {}).get("figure", {})
                if figure.get("name"):
                    figures[figure["name"]] = figure.get("caption", "")
        elif path.suffix == ".md":
            texts = [path.read_text()]
        else:
            continue
        for text in texts:
            for match in EQUATION.finditer(text):
                equations[match["label"]] = match["body"].strip()
                order.append(match["label"])
            exercises.update((m["label"], m["title"].strip()) for m in EXERCISE_TITLE.finditer(text))
            titles.setdefault(path.stem, _title(text))
    return BookIndex(equations, titles, exercises, figures, tuple(order))


def slides_named(text):
    """The numbers of the slides ``text`` names, in order, each once."""
    numbers = []
    for match in SLIDE.finditer(text):
        first = int(match["number"])
        numbers += range(first, int(match["last"] or first) + 1)
    return list(dict.fromkeys(numbers))
