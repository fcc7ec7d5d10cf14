"""The published locales and the pseudo-locale in a real browser, with JavaScript on and off.

The expected outcomes are written out by hand; the expected wording is read
from the translators' catalogs (content/locales/<tag>.po) with Babel, never
from the generator's code.
"""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from playwright.sync_api import Page, expect

from generator.i18n.pseudo import is_pseudo
from support import LOCALES, expect_shown

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
CONTENT = ROOT / "content"

TAGS = [tag for tag, _, _ in LOCALES]
SOURCE = "en-US"
LANGUAGE = {tag: language for tag, language, _ in LOCALES}
SLUG = {tag: slug for tag, _, slug in LOCALES}
PSEUDO_SLUG = "en-xa"
PSEUDO_LANG = "en-XA"

#: What the language menu shows for each locale: its name in its own language,
#: marked with that language's `lang`. Not a string of en-XA, so the pseudo scan
#: accepts exactly these, and only inside an element that declares their language.
AUTONYMS = {
    "en-US": "English (United States)",
    "fr-FR": "français (France)",
    "de-DE": "Deutsch (Deutschland)",
    "es-ES": "español (España)",
    "it-IT": "italiano (Italia)",
}

ARTICLE = "get-your-device-back/"
FINDER = "finder/"

JS = pytest.mark.parametrize("js", [True, False], ids=["js", "nojs"])
TRANSLATED = pytest.mark.parametrize("tag", ["fr-FR", "de-DE"])

#: Situations, the answers in the order the finder asks them, and the outcome
#: the policy promises. Written by hand, not derived.
SITUATIONS = [
    pytest.param(
        (("device-status", "not-flagged"), ("reason", "counteroffer")), "free-return", id="declined-counteroffer"
    ),
    pytest.param((("device-status", "rooted"),), "prepaid-label", id="rooted"),
    pytest.param((("device-status", "not-flagged"), ("reason", "other")), "contact-support", id="none-of-these"),
]

#: A brand name the pages mention: searched in the pseudo-locale, whose accented words the search cannot match.
SEARCHED_NAME = "UPS"
#: The finder walk of the pseudo-locale scan: answered in place, with JavaScript.
PSEUDO_WALK = (("device-status", "not-flagged"), ("reason", "accounts"), ("effort", "tried"))


# --- The catalogs -----------------------------------------------------------------


@functools.cache
def catalog(tag: str) -> dict[str, tuple[str, str]]:
    """The messages of ``tag``'s catalog: context -> (English msgid, msgstr)."""
    with (CONTENT / "locales" / f"{tag}.po").open("rb") as handle:
        return {message.context: (message.id, message.string) for message in read_po(handle) if message.context}


def wording(tag: str, context: str) -> str:
    """The text of ``context`` as a reader of ``tag`` sees it; English is the msgid of any catalog."""
    english, translated = catalog("fr-FR" if tag == SOURCE else tag)[context]
    text = english if tag == SOURCE else translated
    assert text, f"{tag}: {context} has no translation"
    return text


@functools.cache
def names() -> tuple[str, ...]:
    """The brand names that stay the same in every language (content/locales.yaml)."""
    return tuple(yaml.safe_load((CONTENT / "locales.yaml").read_text(encoding="utf-8"))["names"])


def test_the_locales_here_are_the_published_ones():
    data = yaml.safe_load((CONTENT / "locales.yaml").read_text(encoding="utf-8"))
    assert [item["tag"] for item in data["published"]] == TAGS
    assert data["source"] == SOURCE


# --- Helpers ----------------------------------------------------------------------


def open_page(request: pytest.FixtureRequest, js: bool) -> Page:
    return request.getfixturevalue("page" if js else "page_nojs")


def url_of(site_url: str, tag: str, path: str = "") -> str:
    return f"{site_url}/{SLUG[tag]}/{path}"


def node_path(answers) -> str:
    return FINDER + "".join(f"{answer}/" for _, answer in answers)


def walk(page: Page, answers, ends: str = "[data-outcome]") -> None:
    """Click the answers one after the other, each once its question is on show; ``ends`` shows after the last."""
    for index, (question, answer_id) in enumerate(answers):
        page.locator(f'[data-finder] [data-question="{question}"] a[data-answer="{answer_id}"]').click()
        shows = f'[data-question="{answers[index + 1][0]}"]' if index + 1 < len(answers) else ends
        expect(page.locator(f"[data-finder] {shows}")).to_be_visible()


def mark(page: Page) -> None:
    page.evaluate("window.__marker = 1")


def assert_not_reloaded(page: Page) -> None:
    assert page.evaluate("window.__marker") == 1, "the page was reloaded: the finder did not answer in place"


def html_lang(page: Page) -> str | None:
    return page.locator("html").get_attribute("lang")


# --- 1. The finder in French and German -------------------------------------------


@JS
@TRANSLATED
@pytest.mark.parametrize(("answers", "expected"), SITUATIONS)
def test_finder_reaches_the_outcome_in_the_locale(request, site_url, js, tag, answers, expected):
    page = open_page(request, js)
    page.goto(url_of(site_url, tag, FINDER))
    assert html_lang(page) == LANGUAGE[tag]
    if js:
        mark(page)

    walk(page, answers)

    expect(page).to_have_url(url_of(site_url, tag, node_path(answers)))
    outcome = page.locator("[data-finder] [data-outcome]")
    expect(outcome).to_have_attribute("data-outcome", expected)
    assert page.locator("[data-outcome]").count() == 1
    expect(outcome.locator("#finder-heading")).to_have_text(wording(tag, f"trade-in/outcomes/{expected}/title"))
    assert html_lang(page) == LANGUAGE[tag]
    if js:
        assert_not_reloaded(page)


# --- 2. The language menu keeps the page -------------------------------------------

#: The page to switch from, and what the same page shows once switched: (selector, context of its text).
SWITCH_PAGES = [
    pytest.param(
        "finder/not-flagged/accounts/",
        '[data-finder] [data-question="effort"] #finder-heading',
        "trade-in/questions/effort/text",
        id="finder-node",
    ),
    pytest.param(ARTICLE, "article h1", "trade-in/article/title", id="article"),
]

#: (from, to): every locale is left once and reached once, fr-FR -> de-DE among them.
SWITCHES = [
    pytest.param(TAGS[index - 1], target, id=f"{TAGS[index - 1]}-to-{target}") for index, target in enumerate(TAGS)
]


def language_link(page: Page, tag: str):
    """The header's link to ``tag``: it must be there exactly once."""
    link = page.locator(f'header a.md-select__link[data-locale="{tag}"]')
    expect(link).to_have_count(1)
    expect(link).to_have_attribute("hreflang", tag)
    expect(link).to_have_attribute("lang", tag)
    return link


def switch_language(page: Page, tag: str) -> None:
    """Open the language menu (a hover menu) and click the link to ``tag``."""
    page.locator("header .md-select").hover()
    language_link(page, tag).click()


@JS
@pytest.mark.parametrize(("path", "shows", "context"), SWITCH_PAGES)
@pytest.mark.parametrize(("source", "target"), SWITCHES)
def test_language_menu_keeps_the_page(request, site_url, js, path, shows, context, source, target):
    page = open_page(request, js)
    page.goto(url_of(site_url, source, path))
    assert html_lang(page) == LANGUAGE[source]
    # Every locale is in the menu, each pointing at this same page.
    for tag in TAGS:
        assert language_link(page, tag).evaluate("a => a.href") == url_of(site_url, tag, path)

    switch_language(page, target)

    expect(page).to_have_url(url_of(site_url, target, path))
    assert html_lang(page) == LANGUAGE[target]
    expect(page.locator(shows)).to_have_text(wording(target, context))


def test_language_menu_follows_the_finder_answered_in_place(page, site_url):
    """After answering in place, switching the language keeps the node on show, not the one first loaded."""
    answers = (("device-status", "not-flagged"), ("reason", "accounts"))
    page.goto(url_of(site_url, "fr-FR", FINDER))
    mark(page)
    walk(page, answers, ends='[data-question="effort"]')
    expect(page).to_have_url(url_of(site_url, "fr-FR", node_path(answers)))
    expect_shown(page, url_of(site_url, "fr-FR", node_path(answers)))
    assert_not_reloaded(page)
    for tag in TAGS:
        assert language_link(page, tag).evaluate("a => a.href") == url_of(site_url, tag, node_path(answers))

    switch_language(page, "de-DE")

    expect(page).to_have_url(url_of(site_url, "de-DE", node_path(answers)))
    expect(page.locator('[data-finder] [data-question="effort"]')).to_be_visible()
    assert html_lang(page) == "de"


def test_head_alternates_follow_the_finder_answered_in_place(page, site_url):
    """The hreflang links of the head name the node on show, like its canonical link."""
    answers = (("device-status", "rooted"),)
    page.goto(url_of(site_url, "de-DE", FINDER))
    walk(page, answers)
    alternates = page.locator("link[rel='alternate'][hreflang]").evaluate_all(
        "links => Object.fromEntries(links.map(link => [link.hreflang, link.href]))"
    )
    assert alternates == {
        **{tag: url_of(site_url, tag, node_path(answers)) for tag in TAGS},
        "x-default": f"{site_url}/",
    }


# --- 4. Search per locale ---------------------------------------------------------


def german_word() -> str:
    """The longest word of the German title of the prepaid-label outcome that its English does not have."""
    english, german = catalog("de-DE")["trade-in/outcomes/prepaid-label/title"]
    words = [word for word in re.findall(r"\w+", german) if word.lower() not in english.lower()]
    assert words, german
    return max(words, key=len)


def test_search_on_the_german_site_finds_only_german_pages(page, site_url):
    word = german_word()
    page.goto(url_of(site_url, "de-DE", ARTICLE))
    field = page.locator("input.md-search__input")
    field.click()
    # Material reads key strokes, not the value: type the word.
    field.press_sequentially(word)

    results = page.locator(".md-search-result__list > li")
    expect(results).not_to_have_count(0)
    expect(page.locator(".md-search-result__list")).to_contain_text(word)
    links = page.locator(".md-search-result__link").evaluate_all("links => links.map(link => link.href)")
    assert links
    elsewhere = [link for link in links if not link.startswith(url_of(site_url, "de-DE"))]
    assert not elsewhere, f"search for {word!r} on the German site found other pages: {elsewhere}"


def search_index(built_site: Path, tag: str) -> dict:
    return json.loads((built_site / SLUG[tag] / "search" / "search_index.json").read_text(encoding="utf-8"))


def index_text(index: dict) -> str:
    return "\n".join(f"{doc['title']}\n{doc['text']}" for doc in index["docs"])


def test_the_german_search_index_is_german_only(built_site):
    english_title = yaml.safe_load((CONTENT / "policy.yaml").read_text(encoding="utf-8"))["article"]["title"]
    german = search_index(built_site, "de-DE")
    assert german["config"]["lang"] == ["de"]
    assert german["docs"]
    assert english_title not in index_text(german)
    assert wording("de-DE", "trade-in/article/title") in index_text(german)
    # The control: the English index does hold the English title.
    english = search_index(built_site, SOURCE)
    assert english["config"]["lang"] == ["en"]
    assert english_title in index_text(english)


# --- 5. The pseudo-locale: no string escapes the catalogs ---------------------------

#: Elements whose text a reader never sees as text.
HIDDEN_TEXT = {"script", "style", "svg", "noscript"}
#: Attributes a reader (or a screen reader) gets as text.
TEXT_ATTRIBUTES = ["placeholder", "aria-label", "title", "alt"]
#: The language the scan gives an element marked ``translate="no"``, and what is in it.
NOT_TRANSLATED = "translate=no"
#: Elements that have no end tag.
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def not_pseudo(text: str, lang: str) -> bool:
    """Whether ``text``, in an element of language ``lang``, is a string that did not go through en-XA.

    Allowed: pseudo-localized text; text made only of the brand names, digits,
    punctuation and white space; and a locale's own name in an element that
    declares that locale's language (the language menu).
    """
    folded = " ".join(text.split())
    if not folded:
        return False
    if lang != PSEUDO_LANG:
        return AUTONYMS.get(lang) != folded
    for name in sorted(names(), key=len, reverse=True):
        folded = folded.replace(name, " ")
    if not re.search(r"[^\W\d_]", folded):
        return False  # only names, digits and punctuation
    return not is_pseudo(folded)


class _PseudoScan(HTMLParser):
    """Collects the texts of a static page that did not go through the pseudo-locale."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, str]] = []  # (tag, its language)
        self.in_body = False
        self.title: list[str] = []
        self.found: list[str] = []

    @property
    def lang(self) -> str:
        return self.open[-1][1] if self.open else ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        lang = attributes.get("lang") or self.lang
        if attributes.get("translate") == "no":  # an identifier (a scenario's id), which no language translates
            lang = NOT_TRANSLATED
        if tag == "body":
            self.in_body = True
        if tag == "meta" and attributes.get("name") == "description":
            self._check(f"<meta description> {attributes.get('content')!r}", attributes.get("content") or "", lang)
        if not any(open_tag in HIDDEN_TEXT for open_tag, _ in self.open) and tag not in HIDDEN_TEXT:
            for name in TEXT_ATTRIBUTES:
                if attributes.get(name):
                    self._check(f"<{tag} {name}={attributes[name]!r}>", attributes[name], lang)
        if tag not in VOID:
            self.open.append((tag, lang))

    def handle_endtag(self, tag):
        if any(open_tag == tag for open_tag, _ in self.open):
            while self.open.pop()[0] != tag:
                pass

    def handle_data(self, data):
        tags = [tag for tag, _ in self.open]
        if "title" in tags and not self.in_body:
            self.title.append(data)
        elif self.in_body and not HIDDEN_TEXT.intersection(tags):
            self._check(f"<{tags[-1]}> {' '.join(data.split())!r}", data, self.lang)

    def _check(self, where: str, text: str, lang: str) -> None:
        if lang != NOT_TRANSLATED and not_pseudo(text, lang):
            self.found.append(where)


def static_pseudo_offenders(html: str) -> list[str]:
    scan = _PseudoScan()
    scan.feed(html)
    title = "".join(scan.title)
    if not title.strip() or not_pseudo(title, PSEUDO_LANG):
        scan.found.append(f"<title> {title!r}")
    return scan.found


def test_pseudo_scan_finds_a_hard_coded_string():
    """The scan itself: it must catch plain English, and let pass what it allows."""
    page = (
        '<html lang="en-XA"><head><title>⟦Ĥéĺþ ~⟧</title></head><body>'
        "<p>⟦Šĥîþ ~⟧</p><p>UPS, 2 (Back Market)</p><p>Ɓåçķ UPS ~⟧</p>"
        '<a lang="de-DE">Deutsch (Deutschland)</a>'
        "<script>var english = 'yes';</script>"
        '<p>Made with</p><p>Café</p><img alt="logo"><a lang="de-DE">Hard-coded</a><input placeholder="Search">'
        '<code translate="no">flagged-device</code><p>Plain</p>'
        "</body></html>"
    )
    assert static_pseudo_offenders(page) == [
        "<p> 'Made with'",
        "<p> 'Café'",
        "<img alt='logo'>",
        "<a> 'Hard-coded'",
        "<input placeholder='Search'>",
        "<p> 'Plain'",
    ]
    assert static_pseudo_offenders("<html><head><title>Help</title></head><body></body></html>") == ["<title> 'Help'"]


def assert_pseudo_localized(built_site: Path, pages: list[Path]) -> None:
    offenders = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert f'<html lang="{PSEUDO_LANG}"' in html, f"{page.relative_to(built_site)} is not in {PSEUDO_LANG}"
        offenders += [f"{page.relative_to(built_site)}: {where}" for where in static_pseudo_offenders(html)]
    assert not offenders, "texts that did not go through the catalogs:\n" + "\n".join(offenders)


def test_every_pseudo_page_is_pseudo_localized(built_site):
    pages = sorted((built_site / PSEUDO_SLUG).rglob("index.html"))
    assert len(pages) > 10
    assert_pseudo_localized(built_site, pages)


def test_pseudo_not_found_page_is_pseudo_localized(built_site):
    assert_pseudo_localized(built_site, [built_site / PSEUDO_SLUG / "404.html"])


#: Every text node of the body (outside script, style, svg, noscript), every
#: text attribute, and the title; each with the language of its element.
PAGE_TEXTS = """([hidden, attributes]) => {
  const texts = [];
  const lang = element => {
    const owner = element && element.closest('[lang]');
    return owner ? owner.getAttribute('lang') : '';
  };
  const where = element => element ? element.outerHTML.slice(0, 160) : '';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && parent.closest(hidden)) continue;
    texts.push({text: node.data, lang: lang(parent), where: where(parent)});
  }
  for (const name of attributes) {
    for (const element of document.querySelectorAll(`[${name}]`)) {
      if (element.closest(hidden)) continue;
      texts.push({text: element.getAttribute(name), lang: lang(element), where: `[${name}] ` + where(element)});
    }
  }
  texts.push({text: document.title, lang: document.documentElement.lang, where: '<title>'});
  return texts;
}"""


def live_pseudo_offenders(page: Page) -> list[str]:
    texts = page.evaluate(PAGE_TEXTS, [", ".join(sorted(HIDDEN_TEXT)), TEXT_ATTRIBUTES])
    return [
        f"{' '.join(text['text'].split())!r} in {' '.join(text['where'].split())}"
        for text in texts
        if not_pseudo(text["text"], text["lang"])
    ]


def test_pseudo_finder_answered_in_place_is_pseudo_localized(page, site_url):
    page.goto(f"{site_url}/{PSEUDO_SLUG}/{FINDER}")
    assert html_lang(page) == PSEUDO_LANG
    mark(page)
    offenders = live_pseudo_offenders(page)

    walk(page, PSEUDO_WALK)
    expect(page).to_have_url(f"{site_url}/{PSEUDO_SLUG}/{node_path(PSEUDO_WALK)}")
    assert_not_reloaded(page)
    status = page.locator("[data-finder-status]")
    expect(status).not_to_be_empty()
    assert is_pseudo(status.inner_text())
    offenders += live_pseudo_offenders(page)

    # Material's search fills its results and counts in with script: search a name, so that there are results.
    field = page.locator("input.md-search__input")
    field.click()
    assert SEARCHED_NAME in names()
    field.press_sequentially(SEARCHED_NAME)
    expect(page.locator(".md-search-result__list > li")).not_to_have_count(0)
    offenders += live_pseudo_offenders(page)

    assert not offenders, "texts that did not go through the catalogs:\n" + "\n".join(dict.fromkeys(offenders))


# --- 6. Nothing leaves 127.0.0.1 ----------------------------------------------------


@TRANSLATED
@pytest.mark.parametrize(
    ("path", "answers"),
    [
        pytest.param(ARTICLE, (), id="article"),
        pytest.param(FINDER, (), id="finder"),
        pytest.param(FINDER, PSEUDO_WALK, id="finder-answered"),
    ],
)
def test_no_request_leaves_localhost(page, page_log, site_url, tag, path, answers):
    page.goto(url_of(site_url, tag, path))
    walk(page, answers)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith(".css") for url in page_log.requests), "no request was recorded"
    assert any(url.endswith("/search/search_index.json") for url in page_log.requests), "search did not load"
    page_log.assert_clean()
