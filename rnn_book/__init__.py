"""rnn_book: the display layer of *Recurrent Neural Networks, Step by Step*.

Figures, live widgets and notebook helpers for the chapters; rnn_lib does the
maths. Needs matplotlib and ipywidgets (``pip install "rnn_lib[book]"``).

- ``figures``: one module per chapter; every function takes arrays and returns a
  matplotlib Figure, and runs no model;
- ``widgets``: live explorers for Jupyter (they compute with rnn_lib, then draw);
- ``notebook``: fixed print precision and figure style, glue for numbers in the
  prose, tables and matrices as Markdown.
"""
