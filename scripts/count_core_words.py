"""Count the prose words of every chapter's core and the minutes a student needs to read it.

    python scripts/count_core_words.py [--wpm 200] [--markdown]

The pages come from ``_toc.yml``, in book order. For every page:

- **core**: the markdown of the page itself (a notebook's markdown cells, or a ``.md`` file), up to
  its first ``## Exercises`` heading, or up to a line ``<!-- deep dive -->`` if the page marks an
  optional stretch inside itself. Pages listed in ``_toc.yml`` as ``sections`` of a chapter are
  optional deep dives: they are counted on their own line, marked ``optional``, never in the core.
- **prose words**: whitespace-separated words after removing fenced blocks (code, directives such
  as figures, exercises and tables), display maths (``$$ … $$``), MyST labels ``(name)=``,
  comments and HTML; an inline formula ``$…$`` or a role such as ``{glue:}`name``` counts as one
  word (a reader reads it as one), and so does a number. Headings count.

Minutes are prose words / wpm (200 by default), for the prose alone: code, figures and exercises
take longer and are not included.
"""

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

EXERCISES = re.compile(r"^##\s+Exercises\s*$", re.M)
DEEP_DIVE = "<!-- deep dive -->"
FENCE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1\s*$", re.M | re.S)
DISPLAY_MATH = re.compile(r"\$\$.*?\$\$(\s*\([\w-]+\))?", re.S)
INLINE_MATH = re.compile(r"(?<!\$)\$[^$\n]+\$(?!\$)")
ROLE = re.compile(r"\{[\w:-]+\}`[^`]*`")
LABEL = re.compile(r"^\([\w-]+\)=\s*$", re.M)
COMMENT = re.compile(r"^%.*$|<!--.*?-->", re.M | re.S)
HTML = re.compile(r"<[^>]+>")
LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
WORD = re.compile(r"[\w\u00C0-\u024F\u0370-\u03FF]")  # a token counts if it holds a letter or digit


def page_markdown(path: Path) -> str:
    """The markdown of one page: a notebook's markdown cells joined, or the .md file's text."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text())["cells"]
        return "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text()


def core_of(markdown: str) -> str:
    """The part of a page before its exercises (or before a ``<!-- deep dive -->`` line)."""
    cut = len(markdown)
    match = EXERCISES.search(markdown)
    if match:
        cut = match.start()
    marker = markdown.find(DEEP_DIVE)
    if 0 <= marker < cut:
        cut = marker
    return markdown[:cut]


def prose_words(markdown: str) -> int:
    """Words of prose: no fenced blocks, display maths, labels, comments or HTML."""
    text = FENCE.sub(" ", markdown)
    text = DISPLAY_MATH.sub(" ", text)
    text = COMMENT.sub(" ", text)
    text = LABEL.sub(" ", text)
    text = INLINE_MATH.sub(" MATH ", text)
    text = ROLE.sub(" ROLE ", text)
    text = LINK.sub(r"\1", text)
    text = HTML.sub(" ", text)
    return sum(1 for token in text.split() if WORD.search(token))


def toc_pages(toc: dict) -> list[tuple[str, bool]]:
    """(file, optional) for every page of a jb-book table of contents, in book order."""
    pages = [(toc["root"], False)]

    def walk(entries, optional):
        for entry in entries:
            if "file" in entry:
                pages.append((entry["file"], optional))
            walk(entry.get("sections", []), True)
            walk(entry.get("chapters", []), optional)

    walk(toc.get("parts", []), False)
    walk(toc.get("chapters", []), False)
    return pages


def resolve(root: Path, name: str) -> Path:
    for suffix in (".ipynb", ".md"):
        if (root / f"{name}{suffix}").exists():
            return root / f"{name}{suffix}"
    raise FileNotFoundError(f"_toc.yml lists {name!r}, but neither {name}.ipynb nor {name}.md exists")


def rows(root: Path = ROOT, wpm: float = 200) -> list[tuple[str, str, int, float]]:
    """(page, 'core' or 'optional', prose words, minutes) for every page of the book."""
    toc = yaml.safe_load((root / "_toc.yml").read_text())
    result = []
    for name, optional in toc_pages(toc):
        words = prose_words(core_of(page_markdown(resolve(root, name))))
        result.append((name, "optional" if optional else "core", words, words / wpm))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--wpm", type=float, default=200, help="reading speed, words per minute (default 200)")
    parser.add_argument("--markdown", action="store_true", help="print a markdown table")
    args = parser.parse_args(argv)
    table = rows(wpm=args.wpm)
    if args.markdown:
        print(f"| page | part | prose words | minutes at {args.wpm:g} wpm |\n|---|---|---:|---:|")
        for name, part, words, minutes in table:
            print(f"| {name} | {part} | {words} | {minutes:.1f} |")
    else:
        print(f"{'page':28} {'part':9} {'words':>6} {'minutes':>8}")
        for name, part, words, minutes in table:
            print(f"{name:28} {part:9} {words:6d} {minutes:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
