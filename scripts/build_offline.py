"""Build the book for reading without internet (a classroom with no connection).

The website loads one thing from outside: MathJax, from a CDN. This build serves
a local copy instead (npm's mathjax@3, pinned in offline/package.json) and
otherwise uses the book's own configuration. Notebooks are not re-executed: the
stored outputs are the ones strict nbval proves current.

    python scripts/build_offline.py        (the Makefile's `make book-offline`)

Result: _build/offline/html, which opens from the file system or any static server.
Its MathJax (24 MB, mostly fonts and extensions a page loads only when it needs them)
sits in _build/offline/html/mathjax.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "offline"
MATHJAX = ROOT / "offline" / "node_modules" / "mathjax" / "es5"


def offline_config():
    """The book's _config.yml with MathJax served from the site's mathjax/ folder and execution off.

    MathJax goes in html_extra_path, not html_static_path: Jupyter Book adds a
    <script> tag for every .js file in the static path. mathjax_path is relative
    to _static.
    """
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    config["execute"]["execute_notebooks"] = "off"
    sphinx = config["sphinx"].setdefault("config", {})
    sphinx["html_extra_path"] = [str(OUT / "extra")]
    sphinx["mathjax_path"] = "../mathjax/tex-mml-chtml.js"
    return config


def main():
    if not MATHJAX.is_dir():
        sys.exit("MathJax is missing: run `npm ci --prefix offline` first")
    shutil.rmtree(OUT, ignore_errors=True)
    shutil.copytree(MATHJAX, OUT / "extra" / "mathjax")
    config_path = OUT / "_config.yml"
    config_path.write_text(yaml.safe_dump(offline_config(), sort_keys=False))
    build = [
        str(Path(sys.executable).parent / "jupyter-book"), "build", str(ROOT),
        "--config", str(config_path), "--path-output", str(OUT), "-W", "-n", "--keep-going",
    ]
    subprocess.run(build, check=True)
    shutil.move(OUT / "_build" / "html", OUT / "html")
    shutil.rmtree(OUT / "_build")
    print(f"The offline book is in {OUT / 'html' / 'index.html'}")


if __name__ == "__main__":
    main()
