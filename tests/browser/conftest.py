"""A real browser against the built website: Debian's chromium driven by playwright.

The site is served on 127.0.0.1 by a throw-away HTTP server. Nothing reaches the
network: MathJax, which the pages load from a CDN, is answered from the local
copy in offline/node_modules; every other outside request is cut and recorded,
so a test can say which page asked for what.

Two builds are checked: the website as published (`make book`, _build/html) and
the offline build (`make book-offline`, _build/offline/html), which must not ask
for anything outside the site at all.
"""

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
SITES = {"online": ROOT / "_build" / "html", "offline": ROOT / "_build" / "offline" / "html"}
SCREENSHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ASSETS = ROOT / "offline" / "node_modules"
MATHJAX_CDN = "https://cdn.jsdelivr.net/npm/mathjax@3/es5/"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def toc_pages():
    """Every page of the book, in _toc.yml order, as paths like 'book/problem'."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text())
    pages = [toc["root"]]
    for part in toc.get("parts", []):
        pages += [chapter["file"] for chapter in part["chapters"]]
    return pages


def notebook_pages():
    return [page for page in toc_pages() if (ROOT / f"{page}.ipynb").exists()]


def _unavailable(reason):
    """Skip with how to enable the browser tests; in CI (REQUIRE_BROWSER=1) fail instead."""
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(
            f"no Chromium at {CHROMIUM}: install Debian's (`apt-get install -y chromium`) or set"
            " CHROMIUM=/path/to/chromium to run the browser tests"
        )
    if not (ASSETS / "mathjax").exists():
        _unavailable("the local MathJax copy is missing: run `npm ci --prefix offline`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session", params=list(SITES))
def site(request):
    """(name, base URL, folder) of a built site served on 127.0.0.1."""
    folder = SITES[request.param]
    if not (folder / "index.html").exists():
        target = "book" if request.param == "online" else "book-offline"
        _unavailable(f"{folder} is not built: run `make {target}` first")
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield request.param, f"http://127.0.0.1:{server.server_address[1]}/", folder
    server.shutdown()


@dataclass
class Visit:
    """What one page load did: the page itself and everything observed while loading."""

    page: object
    console_errors: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    blocked: list = field(default_factory=list)
    from_local_mathjax: list = field(default_factory=list)


def _route(visit, route):
    url = route.request.url
    host = urlparse(url).hostname
    if host == "127.0.0.1":
        return route.continue_()
    if url.startswith(MATHJAX_CDN):
        local = ASSETS / "mathjax" / "es5" / url[len(MATHJAX_CDN):].split("?")[0]
        if local.is_file():
            visit.from_local_mathjax.append(url)
            return route.fulfill(path=str(local))
    visit.blocked.append(url)
    return route.abort()


def open_page(browser, base_url, page_path, color_scheme="light"):
    """Load a page with the network cut, wait for MathJax, and return a Visit."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
    if color_scheme == "dark":
        # pydata-sphinx-theme reads the reader's choice from localStorage
        context.add_init_script("localStorage.setItem('theme', 'dark'); localStorage.setItem('mode', 'dark');")
    page = context.new_page()
    visit = Visit(page=page)
    page.on("console", lambda m: visit.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: visit.page_errors.append(str(e)))
    page.route("**/*", lambda route: _route(visit, route))
    response = page.goto(base_url + page_path + ".html", wait_until="load")
    assert response is not None and response.ok, f"{page_path}.html: HTTP {response and response.status}"
    page.wait_for_load_state("networkidle")
    # MathJax is loaded deferred; once its startup promise resolves, the page is typeset.
    # (Sphinx adds MathJax only to pages that have maths.)
    page.wait_for_function(
        "() => !document.querySelector('script[src*=\"mathjax\"]')"
        " || (window.MathJax && MathJax.startup && MathJax.startup.promise)"
    )
    page.evaluate("() => window.MathJax && MathJax.startup.promise")
    return visit


@pytest.fixture(scope="session")
def visits(browser, site):
    """One light-mode load per page of the site, shared by the read-only tests."""
    name, base_url, _ = site
    cache = {}

    def get(page_path):
        if page_path not in cache:
            for visit in cache.values():  # one page open at a time: an open page keeps its renderer busy
                visit.page.context.close()
            cache.clear()
            cache[page_path] = open_page(browser, base_url, page_path)
        return cache[page_path]

    yield get
    for visit in cache.values():
        visit.page.context.close()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Run every test of one page together (per site), so that `visits` keeps one page open, not all.

    Each open page kept a chromium renderer busy; with every page of both sites open, the
    suite's renderers used more CPU than the machine has. The order within a page is unchanged.
    """
    def key(item):
        params = getattr(getattr(item, "callspec", None), "params", {})
        return (str(params.get("site", "")), str(params.get("page", "")))

    items[:] = [item for _, item in sorted(enumerate(items), key=lambda pair: (key(pair[1]), pair[0]))]
