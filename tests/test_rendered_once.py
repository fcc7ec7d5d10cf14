"""What a build renders once for many pages is what it would render for each page.

A locale of a large help center has thousands of finder pages, and most of
what is around a page's content is the same from one page to the next. The
build renders Material's navigation and search box once per place (generator/mkdocs/partials.py),
looks up each of Material's interface texts once (generator/mkdocs/translations.py),
renders the links of a page's texts once per place (``PageRenderer.links_key``),
and gives MkDocs its pages without an empty Markdown source to convert
(generator/mkdocs/generated.py). A place is where a page stands with respect to
the pages the links lead to (``link_base``): pages with one place must have
the same links to every target, and the site must be the same, byte for byte,
as the one Material's own ``include`` and texts make.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from types import SimpleNamespace

import pytest
from markupsafe import Markup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import normalize_url

from generator.content.locales import locale_slug
from generator.helpcenter.translate import localize, resolve_locale
from generator.mkdocs.config import locale_config
from generator.mkdocs.generated import HtmlPage
from generator.mkdocs.partials import page_parts, target_parts
from generator.rendering.render import PageRenderer, beginnings, folder_parts, link_base, relative_url
from support import EXAMPLE_BASE_URL, EXAMPLE_DIR

ROOT = Path(__file__).resolve().parent.parent

#: Folders of pages, as the generator names them: a finder's steps below its root, an article, the home page.
PAGE_FOLDERS = [
    "",
    "guide",
    "finder",
    "finder/a",
    "finder/b",
    "finder/a/c",
    "finder/b/c",
    "finder/ab/c",
    "finder/a/c/d",
    "other/finder",
    "other/finder/a",
    "other/finder/a/b",
    "other/finder/c/d",
    "review/other",
]

#: Sets of targets of links (folders), each with two page folders that share a place with them and two that do not.
TARGETS = [
    pytest.param(["guide", "finder"], ("finder/a/c", "finder/b/c"), ("finder/a", "finder/a/c"), id="one-policy"),
    pytest.param(
        ["guide", "finder", "other/guide", "other/finder", ""],
        ("other/finder/a/b", "other/finder/c/d"),
        ("other/finder/a", "finder/a"),
        id="two-policies",
    ),
    pytest.param(
        ["guide", "finder", "finder/a/c"],  # a target below a step: that step's folder is a place of its own
        ("finder/b/c", "finder/ab/c"),
        ("finder/a/c", "finder/b/c"),
        id="target-below-a-step",
    ),
    pytest.param([""], ("guide", "finder"), ("guide", "finder/a"), id="only-the-root"),
]


@pytest.mark.parametrize(("targets", "same", "different"), TARGETS)
def test_pages_in_one_place_have_the_same_links_to_every_target(targets, same, different):
    known = beginnings(folder_parts(target) for target in targets)
    place = {page: link_base(folder_parts(page), known) for page in PAGE_FOLDERS}
    assert place[same[0]] == place[same[1]]
    assert link_base(folder_parts(different[0]), known) != link_base(folder_parts(different[1]), known)
    for first, second in itertools.combinations(PAGE_FOLDERS, 2):
        if place[first] == place[second]:
            for target, fragment in itertools.product(targets, ["", "steps"]):
                assert relative_url(first, target, fragment) == relative_url(second, target, fragment), (first, second)


#: Page addresses as MkDocs writes them (directory URLs, and a file's for use_directory_urls: false).
PAGE_URLS = [
    "",
    "guide/",
    "finder/",
    "finder/a/",
    "finder/b/",
    "finder/a/c/",
    "finder/b/c/",
    "finder/b/d/",
    "finder/a/d/",
    "finder/a.html",
    "finder/b.html",
    "finder/a/c.html",
    "other/finder/a/",
    "assets/x/",
]

#: What a template may give MkDocs' url filter: pages, files, a folder above, a backslash, other hosts, the root.
URL_VALUES = [
    pytest.param(["guide/", "finder/", "", "assets/logo.svg"], "finder/a/", "finder/b/", "finder/", id="pages"),
    pytest.param(["finder/a/c/", "../guide/", ".."], "finder/b/c/", "finder/b/d/", "finder/a/d/", id="climbs"),
    pytest.param([r"finder\a", "assets/x/"], "finder/b/c/", "finder/b/d/", "finder/a/c/", id="backslash"),
    pytest.param(
        ["https://example.com/finder/a/", "/finder/a/", "#top", "mailto:a@example.com"],
        "finder/b/c/",
        "other/finder/a/",
        "nothing-differs",
        id="absolute",
    ),
]


@pytest.mark.parametrize(("values", "same", "also_same", "different"), URL_VALUES)
def test_mkdocs_links_from_pages_in_one_place_are_the_same(values, same, also_same, different):
    known = beginnings(target_parts(value) for value in values)
    place = {url: link_base(page_parts(url), known) for url in PAGE_URLS}
    assert link_base(page_parts(same), known) == link_base(page_parts(also_same), known)
    if different != "nothing-differs":
        assert link_base(page_parts(same), known) != link_base(page_parts(different), known)
    for first, second in itertools.combinations(PAGE_URLS, 2):
        if place[first] == place[second]:
            for value in values:
                links = [normalize_url(value, SimpleNamespace(url=url)) for url in (first, second)]  # type: ignore[arg-type]
                assert links[0] == links[1], (value, first, second)


class AsMaterialIncludesIt(BasePlugin):  # type: ignore[type-arg]
    """Takes away what is rendered once: the templates then include Material's partials and look up its texts.

    It also counts, each time a page is written, the pages that hold their HTML.
    """

    def __init__(self) -> None:
        self.held: list[int] = []

    def on_env(self, env, config, files):
        del env.globals["help_once"], env.globals["help_translation"]
        self.files = files
        return env

    def on_post_page(self, output, *, page, config):
        self.held.append(sum(1 for file in self.files.documentation_pages() if file.page and file.page.content))
        return output


@pytest.fixture(scope="module", params=["en-US", "fr-FR"])  # French: some of Material's texts fall back to English
def example_pages(request, tmp_path_factory, example_site) -> tuple[Path, Path, list[int]]:
    """A locale's pages of the example help center as the build makes them, and with Material's own partials."""
    tag = request.param
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CONTENT", str(EXAMPLE_DIR))
        site = tmp_path_factory.mktemp("as-material-includes-it") / locale_slug(tag)
        config = locale_config(ROOT / "mkdocs.yml", str(site), tag, EXAMPLE_BASE_URL, strict=True)
        config.plugins["as-material-includes-it"] = observer = AsMaterialIncludesIt()
        build(config)
    return example_site / locale_slug(tag), site, observer.held


def test_every_page_has_the_navigation_material_would_give_it(example_pages):
    ours, materials, _ = example_pages
    pages = sorted(path.relative_to(materials) for path in materials.rglob("*.html"))
    steps = [page for page in pages if "finder" in page.parts[:-2]]
    assert len(steps) > 30, "the example's finder steps are the pages the navigation is rendered once for"
    assert sorted(path.relative_to(ours) for path in ours.rglob("*.html")) == pages
    different = [str(page) for page in pages if (ours / page).read_bytes() != (materials / page).read_bytes()]
    assert different == []


def test_a_build_holds_the_html_of_no_page_it_has_written(example_pages):
    *_, held = example_pages
    assert len(held) > 40
    assert max(held) == 0  # each page's HTML is made as it is written, and let go once it is


def test_the_navigation_and_the_search_box_are_on_every_page(example_pages):
    ours, *_ = example_pages
    step = (ours / "make-a-warranty-claim" / "finder" / "fault" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-nav md-nav--primary"' in step
    assert 'href="../../../cancel-an-order/"' in step  # a link of the navigation, relative to the step
    assert 'class="md-search" data-md-component="search" role="dialog"' in step


@pytest.fixture
def mkdocs_config(tmp_path) -> MkDocsConfig:
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Pages\n", encoding="utf-8")
    return load_config(str(tmp_path / "mkdocs.yml"))


@pytest.mark.parametrize(
    "source",
    [
        pytest.param("", id="empty-source"),
        pytest.param("---\ntitle: Given\n---\n", id="front-matter-only"),
        pytest.param("# A heading {#top}\n\nSome [text](other.md#there).\n", id="markdown"),
    ],
)
def test_a_generated_page_is_what_mkdocs_would_make_of_its_source(mkdocs_config, source):
    made = []
    for kind in (Page, HtmlPage):
        file, other = (File(name, None, mkdocs_config.site_dir, True) for name in ("finder/a/index.md", "other.md"))
        file.content_string, other.content_string = source, "# Other\n"
        page = kind(None, file, mkdocs_config)
        page.read_source(mkdocs_config)
        page.render(mkdocs_config, Files([file, other]))
        made.append((page.content, str(page.toc), page.present_anchor_ids, page.title, page.links_to_anchors))
    assert made[1] == made[0]


@pytest.mark.parametrize(
    "values",
    [
        pytest.param(["Q &amp; A", Markup("Q &amp; A")], id="text-then-markup"),
        pytest.param([Markup("<b>Q</b>"), "<b>Q</b>"], id="markup-then-text"),
        pytest.param([3, "3", "Q"], id="number-then-text"),
    ],
)
def test_an_interface_text_rendered_once_is_filled_as_each_value_asks(content, values):
    locale, localized = resolve_locale(content, "en-US")
    localized = localize(localized, locale)
    shared = PageRenderer(localized, locale, "finder", localized.policy.article.id)
    for value in values:
        alone = PageRenderer(localized, locale, "finder", localized.policy.article.id)  # renders nothing before
        assert shared.ui("finder", "change_label", question=value) == alone.ui("finder", "change_label", question=value)
