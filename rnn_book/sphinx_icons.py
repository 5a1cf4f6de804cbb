"""A Sphinx extension: serve the 20 icons the site shows instead of the theme's 2,000.

The theme (pydata-sphinx-theme, under sphinx-book-theme) loads
``_static/scripts/fontawesome.js``, 1.49 MB (542 kB gzipped) of Font Awesome, to draw 19
icons. ``rnn_book/assets/fontawesome.js`` is the same Font Awesome release with only
those icons (71 kB, 20 kB gzipped), built by ``scripts/build_icons.py``. When the HTML
build finishes, this extension copies it over the theme's file, under the same name, so
that every page keeps its script tag and its icons. (Putting it in ``html_static_path``
does not work: Sphinx will not overwrite a theme's static file, and Jupyter Book adds a
second script tag for every .js file there.)
"""

import shutil
from pathlib import Path

SUBSET = Path(__file__).resolve().parent / "assets" / "fontawesome.js"


def replace_icons(app, exception):
    """After a successful HTML build, put the subset where the theme's full icon set was."""
    target = Path(app.outdir) / "_static" / "scripts" / "fontawesome.js"
    if exception is None and app.builder.format == "html" and target.exists():
        shutil.copyfile(SUBSET, target)


def setup(app):
    app.connect("build-finished", replace_icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
