"""The icon subset (scripts/build_icons.py): current, and enough for every icon the site shows."""

import importlib.util
import re

import pytest
from conftest import ASSETS, ROOT, SITES

spec = importlib.util.spec_from_file_location("build_icons", ROOT / "scripts" / "build_icons.py")
build_icons = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_icons)


def test_the_committed_subset_is_what_the_script_builds():
    if not (ASSETS / ".bin" / "esbuild").exists():
        pytest.skip("offline/node_modules has no esbuild: run `npm ci --prefix offline`")
    assert build_icons.TARGET.read_text() == build_icons.build(), "run python scripts/build_icons.py"


def icons_named(text):
    """Icon names in ``fa-<name>`` classes, without Font Awesome's size and style classes."""
    styles = {"solid", "regular", "brands", "lg", "xs", "sm", "xl", "2x", "fw"}
    return {name for name in re.findall(r"\bfa-([a-z0-9-]+)", text) if name not in styles}


@pytest.mark.parametrize("name", list(SITES))
def test_every_icon_the_site_names_is_in_the_subset(name):
    folder = SITES[name]
    if not (folder / "index.html").exists():
        pytest.skip(f"{folder} is not built")
    files = list(folder.rglob("*.html")) + [p for p in (folder / "_static").rglob("*.js")
                                            if p.name != "fontawesome.js" and "mathjax" not in p.parts]
    named = set().union(*(icons_named(p.read_text(errors="replace")) for p in files))
    assert named, "no icon found: the search for fa-* classes is broken"
    missing = named - set(build_icons.SOLID) - set(build_icons.BRANDS)
    assert not missing, f"add {sorted(missing)} to scripts/build_icons.py and re-run it"
    served = (folder / "_static" / "scripts" / "fontawesome.js").read_text()
    assert served == build_icons.TARGET.read_text(), "the site serves the theme's full icon set, not ours"
