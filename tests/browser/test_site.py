"""Every page of the built book, checked in a real browser (see conftest.py)."""

import gzip
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
import yaml
from conftest import ROOT, SCREENSHOTS, notebook_pages, open_page, toc_pages

PAGES = toc_pages()

#: Console errors we accept, each with the reason. Anything else fails the page.
CONSOLE_ALLOW = {
    "Got invalid theme mode: . Resetting to auto.": (
        "pydata-sphinx-theme logs this on a reader's first visit, when no light/dark choice is"
        " stored yet; it then follows the system setting, which is what we want."
    ),
    "Identifier 'THEBE_JS_URL' has already been declared": (
        "sphinx-thebe 0.3 emits its inline <script> twice on every page (toolchain.md);"
        " the second copy fails to redeclare a const. Thebe still launches."
    ),
}

#: Page weight budgets, in kB as a reader downloads them (gzip, as GitHub Pages serves
#: them): "own" is the page's HTML and images; "total" adds the shared theme and the
#: book's own JS, CSS and fonts, which a reader's browser caches after the first page;
#: "uncompressed" is the total as a server without gzip sends it. MathJax is excluded (a
#: CDN asset). On 2026-11-26 the heaviest page, vanishing, weighed 397 kB own, 869 kB
#: total and 1,740 kB uncompressed (3,158 kB before rnn_book.sphinx_icons cut the theme's
#: 1,489 kB of Font Awesome to the 71 kB of icons the site shows).
WEIGHT_BUDGET_KB = {"own": 500, "total": 1000, "uncompressed": 2500}


def _allowed(message):
    return any(allowed in message for allowed in CONSOLE_ALLOW)


@pytest.mark.parametrize("page", PAGES)
def test_page_loads_without_errors(visits, page):
    visit = visits(page)
    assert visit.page.title().strip(), "the page has no title"
    assert visit.page.locator("main article h1").count() == 1, "expected exactly one <h1> in the article"
    unexpected = [m for m in visit.console_errors if not _allowed(m)]
    assert not unexpected, f"console errors: {unexpected}"
    uncaught = [e for e in visit.page_errors if not _allowed(e)]
    assert not uncaught, f"uncaught exceptions: {uncaught}"


@pytest.mark.parametrize("page", PAGES)
def test_every_icon_is_drawn(visits, page):
    """Font Awesome turns each <i class="fa-..."> into an <svg>; one it lacks stays an empty <i>."""
    page_ = visits(page).page
    page_.wait_for_function("() => document.querySelectorAll('svg.svg-inline--fa').length > 0")
    left = page_.evaluate("() => [...document.querySelectorAll('i[class*=\"fa-\"]')].map(e => e.className)")
    assert not left, f"icons not drawn: {left}"


@pytest.mark.parametrize("page", PAGES)
def test_nothing_is_fetched_from_outside_the_site(visits, site, page):
    visit = visits(page)
    assert not visit.blocked, f"the page asked the network for {visit.blocked}"
    if site[0] == "offline":
        assert not visit.from_local_mathjax, "the offline build still loads MathJax from a CDN"


@pytest.mark.parametrize("page", PAGES)
def test_every_equation_is_typeset(visits, page):
    report = visits(page).page.evaluate(
        """() => {
            const math = [...document.querySelectorAll('main .math, main .output.text_latex,'
                                                       + ' main .text_latex')];
            return {
                total: math.length,
                untypeset: math.filter(m => !m.querySelector('mjx-container'))
                               .map(m => m.textContent.trim().slice(0, 80)),
                errors: [...document.querySelectorAll('mjx-merror')]
                               .map(e => e.getAttribute('data-mjx-error') || e.textContent),
            };
        }"""
    )
    assert not report["untypeset"], f"{len(report['untypeset'])} of {report['total']} not typeset"
    assert not report["errors"], f"MathJax errors: {report['errors']}"


@pytest.mark.parametrize("page", PAGES)
def test_display_equations_fit_the_text_column(visits, page):
    too_wide = visits(page).page.evaluate(
        """() => [...document.querySelectorAll('main article mjx-container[display="true"]')]
              .filter(m => m.querySelector('mjx-math').getBoundingClientRect().width
                           > m.parentElement.clientWidth + 2)
              .map(m => m.textContent.slice(0, 60))"""
    )
    assert not too_wide, f"equations wider than the text column: {too_wide}"


@pytest.mark.parametrize("page", PAGES)
def test_images_load_and_have_meaningful_alt_text(visits, page):
    images = visits(page).page.evaluate(
        """() => [...document.querySelectorAll('main article img')].map(img => ({
            src: img.getAttribute('src'), alt: img.getAttribute('alt') || '',
            loaded: img.complete && img.naturalWidth > 0}))"""
    )
    for image in images:
        assert image["loaded"], f"{image['src']} did not load"
        alt = image["alt"].strip()
        assert len(alt) >= 15 and not alt.startswith("<Figure"), (
            f"{image['src']} has no meaningful alt text: {alt!r}"
        )


@pytest.mark.parametrize("page", PAGES)
def test_headings_are_in_order(visits, page):
    levels = visits(page).page.evaluate(
        "() => [...document.querySelectorAll('main article h1, main article h2, main article h3,"
        " main article h4, main article h5, main article h6')].map(h => +h.tagName[1])"
    )
    assert levels and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"heading level jumps from h{before} to h{after}"


@pytest.mark.parametrize("page", PAGES)
def test_no_empty_widget_area(visits, page):
    """Live widgets cannot work without a kernel: pages show a kernel-free figure instead."""
    views = visits(page).page.locator('script[type="application/vnd.jupyter.widget-view+json"]')
    assert views.count() == 0, "a widget view is embedded; show a static alternative instead"


def page_weight(visit, folder):
    """(own, total, total uncompressed) kB of every file the page loaded from the site itself.

    "own" and "total" are gzipped, as GitHub Pages sends them; "total uncompressed" is
    what a server without compression would send."""
    urls = visit.page.evaluate(
        """() => [performance.getEntriesByType('navigation')[0], ...performance.getEntriesByType('resource')]
              .map(e => e.name).filter(u => u.startsWith(location.origin))"""
    )
    own = total = raw = 0
    for path in {folder / unquote(urlparse(url).path).lstrip("/") for url in urls if "/mathjax/" not in url}:
        # the offline build's copy of MathJax is excluded, like the CDN one; a path loaded twice
        # (two query strings) counts once; the browser's own guess at /favicon.ico is not a file
        if not path.is_file():
            continue
        data = path.read_bytes()
        size = len(gzip.compress(data, mtime=0)) / 1000
        total += size
        raw += len(data) / 1000
        if not re.search(r"/_static/|searchindex\.js$", str(path)):
            own += size
    return own, total, raw


@pytest.mark.parametrize("page", PAGES)
def test_page_weight_within_budget(visits, site, page, record_property):
    own, total, raw = page_weight(visits(page), site[2])
    record_property("page_weight_kb", {"own": round(own), "total": round(total), "uncompressed": round(raw)})
    print(f"page weight {page}: own {own:.0f} kB, total {total:.0f} kB (gzip), {raw:.0f} kB uncompressed")
    assert own <= WEIGHT_BUDGET_KB["own"], f"{page}: HTML and images weigh {own:.0f} kB"
    assert total <= WEIGHT_BUDGET_KB["total"], f"{page}: weighs {total:.0f} kB in all"
    assert raw <= WEIGHT_BUDGET_KB["uncompressed"], f"{page}: weighs {raw:.0f} kB uncompressed"


@pytest.mark.parametrize("page", PAGES)
def test_screenshot(visits, site, page):
    """Not a check: a full-page picture of each page for review, in _build/screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{site[0]}-{page.replace('/', '-')}.png"
    visits(page).page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000


def _solution_pages():
    return [p for p in notebook_pages() if "solution-start" in (ROOT / f"{p}.ipynb").read_text()]


@pytest.mark.parametrize("page", _solution_pages())
def test_solutions_hidden_until_clicked_and_reachable_by_keyboard(browser, site, page):
    visit = open_page(browser, site[1], page)
    solutions = visit.page.locator("main .solution.dropdown")
    assert solutions.count() >= 1
    for i in range(solutions.count()):
        solution = solutions.nth(i)
        body = solution.locator("section").first
        assert not body.is_visible(), f"solution {i + 1} is visible before a click"
        button = solution.locator("button.toggle-button")
        assert button.count() == 1, f"solution {i + 1} has no toggle button"
        button.focus()
        assert visit.page.evaluate("() => document.activeElement.classList.contains('toggle-button')")
        visit.page.keyboard.press("Enter")
        body.wait_for(state="visible", timeout=3000)
    visit.page.context.close()


@pytest.mark.parametrize("page", _solution_pages()[:1])
def test_tab_key_reaches_the_first_solution_toggle(browser, site, page):
    visit = open_page(browser, site[1], page)
    for _ in range(600):
        visit.page.keyboard.press("Tab")
        if visit.page.evaluate("() => document.activeElement.classList.contains('toggle-button')"):
            break
    else:
        pytest.fail("600 presses of Tab never reached a solution toggle")
    visit.page.context.close()


@pytest.mark.parametrize("page", notebook_pages())
def test_launch_buttons_point_at_this_notebook(visits, site, page):
    if site[0] == "offline":
        pytest.skip("the offline build has the same buttons; checked on the online one")
    config = yaml.safe_load((ROOT / "_config.yml").read_text())
    repo = config["repository"]["url"]
    branch = config["repository"]["branch"]
    slug = urlparse(repo).path.strip("/")
    links = visits(page).page.evaluate(
        "() => [...document.querySelectorAll('a')].map(a => a.getAttribute('href'))"
    )
    assert f"https://mybinder.org/v2/gh/{slug}/{branch}?urlpath=lab/tree/{page}.ipynb" in links
    assert f"https://colab.research.google.com/github/{slug}/blob/{branch}/{page}.ipynb" in links
    assert repo in links
    assert any(link and link.startswith(f"{repo}/issues/new") for link in links)
    assert visits(page).page.locator("button.btn-launch-thebe").count() == 1


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page", PAGES)
def test_text_contrast(browser, site, page, scheme):
    """axe-core's WCAG AA colour-contrast rule, in the theme's light and dark mode."""
    if site[0] == "offline":
        pytest.skip("same HTML and CSS as the online build")
    visit = open_page(browser, site[1], page, color_scheme=scheme)
    assert visit.page.evaluate("() => document.documentElement.dataset.theme") == scheme
    visit.page.add_script_tag(path=str(ROOT / "offline/node_modules/axe-core/axe.min.js"))
    violations = visit.page.evaluate(
        """async () => (await axe.run(document.querySelector('main'),
              {runOnly: {type: 'rule', values: ['color-contrast']}})).violations
              .flatMap(v => v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary))"""
    )
    visit.page.context.close()
    assert not violations, "\n".join(violations[:10])


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.links = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])


def test_internal_links_and_anchors_resolve(site):
    _, _, folder = site
    parsed = {}
    for path in folder.rglob("*.html"):
        parser = _Anchors()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path.resolve()] = parser
    broken = []
    for path, parser in parsed.items():
        for href in parser.links:
            if re.match(r"^[a-z]+:", href):  # http:, https:, mailto:, javascript:
                continue
            target = urljoin(path.as_uri(), href)
            file_part, _, anchor = target.partition("#")
            target_path = unquote(urlparse(file_part).path)
            target_file = parsed.get(Path(target_path).resolve())
            if target_file is None:
                if not Path(target_path).exists():
                    broken.append(f"{path.name}: {href} (no such file)")
                continue
            if anchor and anchor not in target_file.ids:
                broken.append(f"{path.name}: {href} (no anchor #{anchor})")
    assert not broken, "\n".join(sorted(set(broken))[:20])
