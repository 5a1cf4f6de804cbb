"""Build the website's icons: the 20 Font Awesome icons the theme shows, not all 2,000 of them.

The theme (pydata-sphinx-theme, under sphinx-book-theme) loads ``_static/scripts/fontawesome.js``:
1.49 MB, 542 kB gzipped, two thirds of every page's weight, to draw 20 icons. This script bundles
the same Font Awesome release (6.5.2, pinned in offline/package.json) with only those icons into
``rnn_book/assets/fontawesome.js``, which the Sphinx extension ``rnn_book.sphinx_icons`` copies
over the theme's file after every HTML build. The result is committed, so that ``make book``
needs no npm; re-run this script after a theme upgrade:

    make offline/node_modules/.installed && python scripts/build_icons.py

``tests/browser/test_icons.py`` fails if the site names an icon the subset lacks or the committed
file differs from what this script builds, and ``tests/browser/test_site.py`` if a page shows an
icon that was not drawn.
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "offline" / "node_modules"
TARGET = ROOT / "rnn_book" / "assets" / "fontawesome.js"

#: Every icon the theme's HTML and JavaScript name (``fa-<name>``), by Font Awesome style.
SOLID = ("magnifying-glass", "bars", "list", "sun", "moon", "circle-half-stroke", "lightbulb", "expand",
         "arrow-up", "file-pdf", "file", "download", "outdent", "angle-right", "angle-left", "rocket",
         "play", "xmark", "chevron-down")
BRANDS = ("github",)


def js_name(icon):
    """Font Awesome's export name of an icon: ``magnifying-glass`` → ``faMagnifyingGlass``."""
    return "fa" + "".join(part.capitalize() for part in re.split(r"-", icon))


def entry_point():
    solid = ", ".join(js_name(i) for i in SOLID)
    brands = ", ".join(js_name(i) for i in BRANDS)
    return (
        'import { library, dom } from "@fortawesome/fontawesome-svg-core";\n'
        f'import {{ {solid} }} from "@fortawesome/free-solid-svg-icons";\n'
        f'import {{ {brands} }} from "@fortawesome/free-brands-svg-icons";\n'
        f"library.add({solid}, {brands});\n"
        "dom.watch();\n"
    )


def build():
    """The bundled, minified script as text (esbuild from offline/node_modules)."""
    esbuild = NODE_MODULES / ".bin" / "esbuild"
    if not esbuild.exists():
        sys.exit("offline/node_modules has no esbuild: run `make offline/node_modules/.installed` (needs npm)")
    result = subprocess.run(
        [str(esbuild), "--bundle", "--minify", "--format=iife", "--legal-comments=inline",
         "--target=es2017", "--log-level=warning"],
        input=entry_point(), capture_output=True, text=True, cwd=ROOT / "offline", check=False,
    )
    if result.returncode != 0:
        sys.exit(f"esbuild failed:\n{result.stderr}")
    header = ("/* Font Awesome Free 6.5.2 (icons: CC BY 4.0, code: MIT, https://fontawesome.com/license/free),"
              " only the icons the book's theme shows: built by scripts/build_icons.py. */\n")
    return header + result.stdout


def main():
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(build())
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size / 1000:.0f} kB")


if __name__ == "__main__":
    main()
