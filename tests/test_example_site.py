"""The example help center (examples/help-center/) builds in every published locale, each policy with its pages.

Its policies are the trade-in policy, warranty claims (a procedure, a table,
money per market) and order cancellation (no value of its own): the shapes a
help center has. Every locale's search index holds a word of each policy, and
every kind of page is valid HTML.
"""

from __future__ import annotations

import json

import pytest

from generator.helpcenter.translate import localize
from support import nu_errors

#: Per policy: its article's folder and its finder's (from the example's YAML, written out here).
POLICIES = {
    "trade-in": ("get-your-device-back", "finder"),
    "cancel-order": ("cancel-an-order", "cancel-an-order/finder"),
    "warranty": ("make-a-warranty-claim", "make-a-warranty-claim/finder"),
}
#: One page of each kind, in every locale: home, an article, a finder's question and result, a review, the 404.
KINDS = [
    "index.html",
    "make-a-warranty-claim/index.html",
    "make-a-warranty-claim/finder/index.html",
    "make-a-warranty-claim/finder/fault/not-opened/within-warranty/first-time/index.html",
    "cancel-an-order/finder/shipped/whole-order/index.html",
    "review/index.html",
    "review/warranty/index.html",
    "404.html",
]


def test_every_locale_has_every_policys_pages(example_content, example_site):
    assert [checked.policy.id for checked in example_content.policies] == list(POLICIES)
    for locale in example_content.locales.published:
        folder = example_site / locale.slug
        for policy, (article, finder) in POLICIES.items():
            for page in [f"{article}/index.html", f"{finder}/index.html", f"review/{policy}/index.html"]:
                assert (folder / page).is_file(), f"{locale.tag}: {page}"
            data = json.loads((folder / f"{finder}.json").read_text(encoding="utf-8"))
            assert data["start"] == finder, locale.tag
            assert (folder / finder).parent.joinpath("finder.schema.json").is_file() or finder == "finder"
        for page in KINDS:
            assert (folder / page).is_file(), f"{locale.tag}: {page}"


def test_every_locales_search_finds_a_word_of_each_policy(example_content, example_site):
    for locale in example_content.locales.published:
        index = json.loads((example_site / locale.slug / "search" / "search_index.json").read_text(encoding="utf-8"))
        text = " ".join(f"{doc['title']} {doc['text']}" for doc in index["docs"]).lower()
        localized = localize(example_content, locale)
        for checked in localized.policies:
            title = checked.policy.article.title
            word = max(title.replace("’", " ").replace("'", " ").split(), key=len).lower()
            assert word in text, f"{locale.tag}: {checked.policy.id} ({word})"
            locations = {doc["location"].split("#")[0] for doc in index["docs"]}
            assert f"{checked.policy.article.id}/" in locations, f"{locale.tag}: {checked.policy.id}"


def test_the_home_page_of_each_locale_lists_every_policy_under_its_category(example_content, example_site):
    for locale in example_content.locales.published:
        home = (example_site / locale.slug / "index.html").read_text(encoding="utf-8")
        for category, policy in [("returns", "trade-in"), ("warranty", "warranty"), ("orders", "cancel-order")]:
            heading = home.index(f'id="category-{category}"')
            section = home[heading : home.index("</section>", heading)]
            assert f'href="{POLICIES[policy][0]}/"' in section, (locale.tag, policy)
            assert f'href="{POLICIES[policy][1]}/"' in section, (locale.tag, policy)
        assert (
            home.index('id="category-returns"')
            < home.index('id="category-warranty"')
            < home.index('id="category-orders"')
        )


def test_every_kind_of_page_of_the_example_is_valid_html(example_content, example_site):
    pages = [f"{locale.slug}/{page}" for locale in example_content.locales.published for page in KINDS]
    problems = nu_errors(example_site, [*pages, "index.html"])
    assert not problems, "\n".join(f"{page}: {line}" for page, lines in problems.items() for line in lines)


@pytest.mark.parametrize("locale", ["en-us", "fr-fr"])
def test_the_sitemap_and_hreflang_name_every_policys_pages(example_site, locale):
    sitemap = (example_site / locale / "sitemap.xml").read_text(encoding="utf-8")
    for article, finder in POLICIES.values():
        assert f"/{locale}/{article}/</loc>" in sitemap, article
        assert f"/{locale}/{finder}/</loc>" in sitemap, finder
    assert "/review/" not in sitemap
    html = (example_site / locale / "make-a-warranty-claim" / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="de-DE"' in html or 'hreflang="de"' in html
    assert "/de-de/make-a-warranty-claim/" in html
