"""Text from the YAML and from the catalogs is text: shown as typed, never run, in a real browser.

The content check refuses HTML in texts, so these pages are built without it:
the real content, loaded in-process, gets a payload appended to every wording
string of the policy and of the interface (en-US) and to every translation of
the French catalog (fr-FR). Each field keeps its own text, so its
``{placeholders}`` stay. Chromium then opens every page with JavaScript on: no
dialog opens, nothing logs an error, no element carries an ``on*`` handler or a
``javascript:`` address, and each payload shows literally in the page's text.

Twice: the generator's pages alone (generator.rendering.pages.build_pages, each wrapped in
a minimal document), and the pages MkDocs and Material build around them (page
titles, descriptions, navigation, site name, the not-found page and the search
results), because those reach the page through other templates.
"""

from __future__ import annotations

import copy
import dataclasses
import itertools
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from mkdocs.commands.build import build
from playwright.sync_api import Page, expect

from generator.content.load import KeyPath
from generator.content.model import Interface, Policy
from generator.content.references import policy_texts
from generator.helpcenter.folder import Content, load_content
from generator.i18n.messages import interface_texts
from generator.mkdocs.config import locale_config
from generator.rendering.pages import build_pages
from support import html_text, serve_directory

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
#: What would run, or be evaluated, if a text were not text.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "[click](javascript:alert(1))",
    "javascript:alert(1)",
    "{{7*7}}",
    "</p><p onclick=alert(1)>x",
]
TEMPLATE_PAYLOAD = "{{7*7}}"
#: The payload that leaves an attribute, for the texts Material also puts into one (site name, descriptions).
ATTRIBUTE_PAYLOAD = '"><svg onload=alert(1)>'
ATTRIBUTE_TEXTS = ("site_name", "description", "summary", "not_found/text")
TAGS = ["en-US", "fr-FR"]

#: Runs in the page: every handler attribute and script address, the scripts, and the text.
_INSPECT = """() => {
  const bad = [];
  for (const element of document.querySelectorAll("*")) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) bad.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      if (/^\\s*javascript:/i.test(attribute.value)) bad.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
    }
  }
  const meta = document.querySelector("meta[name='description']");
  return {
    bad: bad,
    scripts: Array.from(document.scripts, (script) => script.src || script.textContent),
    text: document.body.innerText,
    title: document.title,
    description: meta ? meta.content : null,
  };
}"""


def _put(data: Any, path: KeyPath, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


def payload_content() -> Content:
    """The real content, with a payload appended to every text and to every French translation."""
    content = load_content(ROOT / "content")
    payloads = itertools.cycle(PAYLOADS)

    def with_payload(where: str, text: str) -> str:
        return f"{text} {ATTRIBUTE_PAYLOAD if where.endswith(ATTRIBUTE_TEXTS) else next(payloads)}"

    policy = copy.deepcopy(content.policy_document.data)
    for path, text in list(policy_texts(policy)):
        _put(policy, path, with_payload("/".join(map(str, path)), text))
    interface = copy.deepcopy(content.interface_document.data)
    for path, text in list(interface_texts(interface)):
        _put(interface, path, with_payload("/".join(map(str, path)), text))
    french = copy.copy(content.translations["fr-FR"])
    french.current = {context: with_payload(context, text) for context, text in french.current.items()}
    checked = dataclasses.replace(content.checked, policy=Policy.from_data(policy, content.policy_document.position))
    return dataclasses.replace(
        content,
        policies=(checked, *content.policies[1:]),
        interface=Interface.from_data(interface),
        translations={**content.translations, "fr-FR": french},
    )


def _count_49(text: str) -> int:
    return len(re.findall(r"(?<![\d.,])49(?![\d.,])", text))


@dataclasses.dataclass
class Visit:
    """What a page showed, and what went wrong in it."""

    url: str
    text: str
    title: str
    description: str | None
    problems: list[str]


def visit(page: Page, url: str, dialogs: list[str], *, scripts_allowed: bool) -> Visit:
    """Open ``url``, and return its text and every sign of a text that ran."""
    page.goto(url)
    page.wait_for_load_state("load")
    found = page.evaluate(_INSPECT)
    problems = [f"{url}: {attribute}" for attribute in found["bad"]]
    scripts = found["scripts"] if not scripts_allowed else [s for s in found["scripts"] if "alert" in s]
    problems += [f"{url}: a script: {script[:80]!r}" for script in scripts]
    problems += [f"{url}: a dialog opened: {message!r}" for message in dialogs]
    dialogs.clear()
    return Visit(url, found["text"], found["title"], found["description"], problems)


def _shown(visits: list[Visit]) -> str:
    return "\n".join(f"{v.title}\n{v.description}\n{v.text}" for v in visits)


@pytest.fixture
def dialogs(page: Page) -> list[str]:
    """The messages of the dialogs the page opened (each is dismissed)."""
    opened: list[str] = []

    def dismiss(dialog) -> None:
        opened.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    return opened


@pytest.fixture(scope="module")
def escaping_content() -> Content:
    return payload_content()


# --- The generator's pages, each in a minimal document ----------------------------


@pytest.fixture(scope="module")
def generated_pages(escaping_content, tmp_path_factory) -> Iterator[tuple[str, dict[str, list]]]:
    """Every page of en-US and fr-FR, built with payloads, served; with the pages built from the real content."""
    folder = tmp_path_factory.mktemp("escaping-pages")
    real = load_content(ROOT / "content")
    pages: dict[str, list] = {}
    for tag in TAGS:
        locale = escaping_content.locales.find(tag)
        pages[tag] = list(zip(build_pages(escaping_content, locale), build_pages(real, locale), strict=True))
        for page, _ in pages[tag]:
            file = folder / locale.slug / page.directory / "index.html"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_text(
                f'<!doctype html>\n<html lang="{tag}">\n<head>\n<meta charset="utf-8">\n'
                '<link rel="icon" href="data:,">\n'  # no request for /favicon.ico
                f"<title>{escape(page.title)}</title>\n"
                f'<meta name="description" content="{escape(page.description)}">\n'
                f"</head>\n<body>\n{page.html}\n</body>\n</html>\n",
                encoding="utf-8",
            )
    with serve_directory(folder) as url:
        yield url, pages


@pytest.mark.parametrize("tag", TAGS)
def test_generated_pages_show_every_text_as_typed(page, dialogs, generated_pages, tag):
    url, pages = generated_pages
    problems: list[str] = []
    visits = []
    for built, real in pages[tag]:
        address = f"{url}/{tag.lower()}/" + (f"{built.directory}/" if built.directory else "")
        shown = visit(page, address, dialogs, scripts_allowed=False)
        visits.append(shown)
        problems += shown.problems
        payloads = [payload for payload in PAYLOADS if payload in shown.text]
        if not payloads:
            problems.append(f"{address}: no payload shows in the page's text")
        # {{7*7}} is never evaluated: the page shows no 49 the real page does not show.
        if _count_49(shown.text) != _count_49(html_text(real.html)):
            problems.append(f"{address}: shows 49, a template evaluated {TEMPLATE_PAYLOAD}")
    assert not problems, "\n".join(problems)
    everything = _shown(visits)
    assert [payload for payload in PAYLOADS if payload not in everything] == []
    assert TEMPLATE_PAYLOAD in everything
    assert len(visits) == len(pages[tag]) > 20


# --- The site MkDocs and Material build around them ---------------------------------


@pytest.fixture(scope="module")
def escaping_site(escaping_content, tmp_path_factory) -> Iterator[str]:
    """en-US and fr-FR built by MkDocs in this process, from the content with payloads, served."""
    folder = tmp_path_factory.mktemp("escaping-site")
    with serve_directory(folder) as url, pytest.MonkeyPatch.context() as patch:
        # The plugin would load (and check) the content itself: hand it the content with payloads.
        patch.setattr("generator.mkdocs.plugin.proven_content", lambda _folder: escaping_content)
        patch.setitem(os.environ, "NO_MKDOCS_2_WARNING", "1")
        for tag in TAGS:
            build(locale_config(ROOT / "mkdocs.yml", str(folder / tag.lower()), tag, f"{url}/", strict=True))
        yield url


#: Pages of each locale: home, article, the finder's start, a question and an outcome, and the not-found page.
SITE_PAGES = ["", "get-your-device-back/", "finder/", "finder/not-flagged/", "finder/rooted/", "404.html"]


@pytest.mark.parametrize("tag", TAGS)
def test_built_site_shows_every_text_as_typed(page, dialogs, escaping_site, tag):
    problems: list[str] = []
    visits = []
    for path in SITE_PAGES:
        shown = visit(page, f"{escaping_site}/{tag.lower()}/{path}", dialogs, scripts_allowed=True)
        visits.append(shown)
        problems += shown.problems
        if path != "404.html" and not any(payload in shown.title for payload in PAYLOADS):
            problems.append(f"{shown.url}: no payload shows in the title {shown.title!r}")
        if not shown.description or not any(payload in shown.description for payload in PAYLOADS):
            problems.append(f"{shown.url}: no payload shows in the description {shown.description!r}")
        if not any(payload in shown.text for payload in PAYLOADS):
            problems.append(f"{shown.url}: no payload shows in the page's text")

    # Answered in place (finder.js copies the next node's title and description), then searched.
    page.goto(f"{escaping_site}/{tag.lower()}/finder/")
    page.locator("[data-answer='rooted']").click()
    expect(page.locator("[data-outcome]")).to_have_attribute("data-outcome", "prepaid-label")
    field = page.locator("input.md-search__input")
    field.click()
    field.press_sequentially({"en-US": "device", "fr-FR": "appareil"}[tag])
    expect(page.locator(".md-search-result__list > li")).not_to_have_count(0)
    page.wait_for_timeout(200)
    after = page.evaluate(_INSPECT)
    problems += [f"after answering and searching: {attribute}" for attribute in after["bad"]]
    problems += [f"after answering and searching: a dialog opened: {message!r}" for message in dialogs]
    results = page.locator(".md-search-result").inner_text()
    assert not problems, "\n".join(problems)
    assert any(payload in results for payload in PAYLOADS), results
    assert any(payload in after["description"] for payload in PAYLOADS), after["description"]
    assert TEMPLATE_PAYLOAD in _shown(visits)
