"""The pages of one locale: the home page, the help article and the finder's nodes.

Each page is plain data (its source path, front matter and HTML body), so the
MkDocs glue only has to hand them to MkDocs, and another site generator could
take them as they are.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from generator.content.locales import SiteLocale
from generator.content.model import Answer, Outcome, Question
from generator.content.reuse import Kept, Same
from generator.helpcenter.folder import KEPT_POLICIES, Content
from generator.helpcenter.ledger import Redirect, redirects
from generator.helpcenter.translate import localize
from generator.logic import flow
from generator.logic.addresses import REVIEW_DIR, node_dir, node_dirs
from generator.rendering import review
from generator.rendering.render import Fragments, PageRenderer, shows_untranslated


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, its front matter and its HTML, rendered when first read.

    A build needs every page's front matter first (the navigation, the sitemap)
    and its HTML only when it writes the page, so it never holds the HTML of
    all the pages of a locale at once.
    """

    #: Folder of the page relative to the locale root (``""`` for the home page).
    directory: str
    title: str
    description: str
    #: Renders the page's HTML (:attr:`html`).
    render_html: Callable[[], str] = field(repr=False, compare=False)
    #: Whether the page belongs in the search index and the navigation.
    listed: bool = True
    extra_meta: dict[str, Any] = field(default_factory=dict)

    @functools.cached_property
    def html(self) -> str:
        """The page's HTML, rendered the first time it is read."""
        return self.render_html()

    @property
    def src_uri(self) -> str:
        """The page's source path, e.g. ``finder/shipped/index.md``."""
        return f"{self.directory}/index.md" if self.directory else "index.md"

    def meta(self) -> dict[str, Any]:
        """Return the page's metadata, as MkDocs and Material read a page's front matter.

        They put the title and description into the page as they are (page
        titles are HTML to MkDocs), so the plain texts go in escaped.
        """
        meta: dict[str, Any] = {
            "title": str(escape(self.title)),
            "description": str(escape(self.description)),
            "hide": ["navigation", "toc"],
        }
        if not self.listed:
            meta["search"] = {"exclude": True}
        meta.update(self.extra_meta)
        return meta


@dataclass(frozen=True)
class PendingPage:
    """A page not rendered yet: where it goes, whether it is listed, and how to render it.

    The preview renders a page only when a browser asks for it (DECISIONS.md,
    "The preview renders a page when it is asked for").
    """

    directory: str
    listed: bool
    render: Callable[[], Page]

    @property
    def src_uri(self) -> str:
        """The page's source path, e.g. ``finder/shipped/index.md``."""
        return f"{self.directory}/index.md" if self.directory else "index.md"


@dataclass(frozen=True)
class _Answered:
    question: Any
    answer: Any
    node_dir: str


def build_pages(content: Content, locale: SiteLocale) -> list[Page]:
    """Return every page of ``locale``: home, then each policy's article and finder, the review pages."""
    return build_localized_pages(localize(content, locale), locale)


@dataclass(frozen=True)
class Guide:
    """A policy as the home page lists it: its article and its finder, each with its description."""

    policy: str
    article_url: str
    article_title: Markup
    article_description: Markup
    finder_url: str
    finder_title: Markup
    finder_description: Markup


@dataclass(frozen=True)
class HomeCategory:
    """A heading of the home page, and the policies listed under it."""

    id: str
    title: Markup
    guides: tuple[Guide, ...]


def home_categories(page: PageRenderer) -> list[HomeCategory]:
    """The policies by category, in the categories' order (each policy in the help center's order)."""
    content = page.content
    groups = []
    for category in content.help_center.categories:
        guides = []
        for checked in content.policies:
            policy = checked.policy
            if policy.category != category.id:
                continue
            each = page.at(policy.id)  # its texts show its own facts
            guides.append(
                Guide(
                    policy.id,
                    each.url(policy.article.id),
                    each.text(policy.article.title),
                    each.text(policy.article.description),
                    each.url(policy.finder_dir),
                    each.text(policy.finder.title),
                    each.text(policy.finder.description),
                )
            )
        if guides:
            groups.append(HomeCategory(category.id, page.text(category.title), tuple(guides)))
    return groups


def build_localized_pages(content: Content, locale: SiteLocale, fragments: Fragments | None = None) -> list[Page]:
    """Return every page of ``locale`` from ``content`` already localized for it, its HTML rendered.

    ``fragments`` is what they render once, shared with the locale's other files (finder.json).
    """
    pages = [pending.render() for pending in pending_pages(content, locale, fragments).values()]
    for page in pages:
        _ = page.html  # rendered now
    return pages


def pending_pages(content: Content, locale: SiteLocale, fragments: Fragments | None = None) -> PendingPages:
    """Return every page of ``locale``, not rendered yet: home, then each policy's article, finder nodes, review
    and redirects, then the list of the reviews."""
    fragments = {} if fragments is None else fragments

    def home() -> Page:
        page = PageRenderer(content, locale, "", content.policy.article.id, fragments=fragments)
        return Page(
            "",
            page.ui("home", "title").striptags(),
            page.ui("home", "description").striptags(),
            lambda: _with_notice(page, page.render("home.html", categories=home_categories(page))),
        )

    parts: list[PendingPage | _FinderPages] = [PendingPage("", True, home)]
    for each in content.each():
        parts += _policy_pages(each, locale, fragments)
    reviews = PageRenderer(content, locale, REVIEW_DIR, "", fragments=fragments)
    parts.append(PendingPage(REVIEW_DIR, False, functools.partial(_review_index, content, reviews)))
    return PendingPages(parts)


class PendingPages(Mapping[str, PendingPage]):
    """The pages of a locale by source path, in the order of the site; a finder's node becomes a
    :class:`PendingPage` only when it is looked up.

    A preview builds the listed pages and makes the others when a browser asks
    (DECISIONS.md 28): an edit then costs nothing per page of the finders.
    """

    def __init__(self, parts: list[PendingPage | _FinderPages]) -> None:
        self.parts = parts
        self.single = {part.src_uri: part for part in parts if isinstance(part, PendingPage)}
        self.finders = [part for part in parts if isinstance(part, _FinderPages)]

    def __getitem__(self, src_uri: str) -> PendingPage:
        found = self.single.get(src_uri)
        if found is not None:
            return found
        directory = src_uri.removesuffix("/index.md")
        for finder in self.finders if directory != src_uri else ():
            if directory in finder.nodes:
                return finder.page(directory)
        raise KeyError(src_uri)

    def __iter__(self) -> Iterator[str]:
        for part in self.parts:
            if isinstance(part, PendingPage):
                yield part.src_uri
            else:
                yield from (f"{directory}/index.md" for directory in part.nodes)

    def __len__(self) -> int:
        return len(self.single) + sum(len(finder.nodes) for finder in self.finders)

    @property
    def listed(self) -> list[PendingPage]:
        """The pages the navigation and the search index hold, in order: the home page, each article and the
        first page of each finder."""
        pages = []
        for part in self.parts:
            if isinstance(part, _FinderPages):
                pages.append(part.page(part.content.policy.finder_dir))
            elif part.listed:
                pages.append(part)
        return pages


@dataclass(frozen=True)
class _FinderPages:
    """The pages of one policy's finder (the policy in focus of ``content``), one per node, by folder."""

    content: Content
    locale: SiteLocale
    fragments: Fragments
    #: Each node of the finder by its folder, in the finder's order.
    nodes: Mapping[str, flow.Node]

    def page(self, directory: str) -> PendingPage:
        node = self.nodes[directory]
        return PendingPage(directory, not node.path, functools.partial(self._render, node, directory))

    def _render(self, node: flow.Node, directory: str) -> Page:
        policy = self.content.policy
        page = PageRenderer(self.content, self.locale, directory, policy.article.id, fragments=self.fragments)
        return _finder_page(node, self.content, page, {"finder_dir": policy.finder_dir})


#: The redirects of each finder, by its folder, its ledger's addresses and the proof's nodes.
_redirects: Kept[tuple[Same, Same], tuple[Redirect, ...]] = Kept(KEPT_POLICIES)


def _policy_pages(content: Content, locale: SiteLocale, fragments: Fragments) -> list[PendingPage | _FinderPages]:
    """Return the pages of the policy in focus: its article, its finder's nodes, its review, its redirects."""
    policy, nodes = content.policy, content.proof.nodes
    article_dir, finder_dir = policy.article.id, policy.finder_dir

    def renderer(directory: str) -> PageRenderer:
        return PageRenderer(content, locale, directory, article_dir, fragments=fragments)

    def article() -> Page:
        page = renderer(article_dir)
        return Page(
            article_dir,
            page.text(policy.article.title).striptags(),
            page.text(policy.article.description).striptags(),
            lambda: _with_notice(page, page.render("article.html", finder_dir=finder_dir)),
        )

    later = functools.partial
    by_dir = node_dirs(nodes, finder_dir)
    pages: list[PendingPage | _FinderPages] = [PendingPage(article_dir, True, article)]
    pages.append(_FinderPages(content, locale, fragments, by_dir))
    pages.append(PendingPage(policy.review_dir, False, later(_review_page, content, renderer(policy.review_dir))))
    moved = _redirects.get(
        finder_dir, (Same(content.ledger), Same(nodes)), lambda: tuple(redirects(content.ledger, nodes, finder_dir))
    )
    for each in moved:
        pages.append(PendingPage(each.address, False, later(_redirect_page, each, renderer(each.address))))
    return pages


def _review_index(content: Content, page: PageRenderer) -> Page:
    """The list of the policies' review pages: kept from customers and robots, as they are."""
    policies = [
        (
            page.url(checked.policy.review_dir),
            page.at(checked.policy.id).text(checked.policy.article.title),
            checked.policy.id,
        )
        for checked in content.policies
    ]
    return Page(
        REVIEW_DIR,
        page.ui("review", "title").striptags(),
        page.ui("review", "description").striptags(),
        lambda: _with_notice(page, page.render("review_index.html", policies=policies)),
        listed=False,
        extra_meta={"robots": "noindex"},
    )


def _redirect_page(moved: Redirect, page: PageRenderer) -> Page:
    """A finder address the finder no longer has: it sends the reader on to where its answers lead now.

    It works without JavaScript (a ``refresh`` and a visible link), and tells
    search engines where the page went (``canonical``) and not to list it.
    """
    return Page(
        moved.address,
        page.ui("redirect", "title").striptags(),
        page.ui("redirect", "text").striptags(),
        lambda: _with_notice(page, page.render("redirect.html", target=moved.target)),
        listed=False,
        extra_meta={"robots": "noindex", "redirect": page.url(moved.target), "redirect_to": f"{moved.target}/"},
    )


def _review_page(content: Content, page: PageRenderer) -> Page:
    """The policy table and the finder's flow, for editors and reviewers: kept from customers and robots."""
    title = page.ui("review", "policy_title", title=page.text(content.policy.article.title).striptags())

    def html() -> str:
        context = review_context(content, page, label_id="review-diagram-label")
        return _with_notice(page, page.render("review.html", title=title, **context))

    return Page(
        content.policy.review_dir,
        title.striptags(),
        page.ui("review", "description").striptags(),
        html,
        listed=False,
        extra_meta={"robots": "noindex"},
    )


def _with_notice(page: PageRenderer, html: str) -> str:
    """Put the untranslated-text notice above a page that shows text in another language."""
    if not shows_untranslated(html):
        return html
    return page.render("notice.html") + html


def review_context(
    content: Content, page: PageRenderer, *, label_id: str, level: int = 2, link_outcomes: bool = True
) -> dict[str, Any]:
    """What review_body.html shows: the policy table, the flow as a tree and as a diagram labelled by ``label_id``."""
    policy = content.policy
    tree = review.flow_tree(policy, content.proof.nodes)
    shown: list[Question | Answer | Outcome] = [
        *policy.questions,
        *(a for q in policy.questions for a in q.answers),
        *policy.outcomes,
    ]
    words = {id(item): page.text(item.title if isinstance(item, Outcome) else item.text).striptags() for item in shown}
    return {
        "rows": review.policy_table(policy, content.proof.space),
        "total": content.proof.combinations,
        "tree": tree,
        "svg": review.diagram(tree, words, label_id),
        "diagram_label_id": label_id,
        "level": level,
        "link_outcomes": link_outcomes,
    }


def _finder_page(node: flow.Node, content: Content, page: PageRenderer, common: dict[str, str]) -> Page:
    policy = content.policy
    finder_dir = policy.finder_dir
    answered = [
        _Answered(policy.question(q), policy.question(q).answer(a), node_dir(node.path[:index], finder_dir))
        for index, (q, a) in enumerate(node.path)
    ]
    context: dict[str, Any] = {"answered": answered, "node_dir": node_dir(node.path, finder_dir), **common}
    if isinstance(node, flow.QuestionNode):
        question = policy.question(node.question.id)  # the proof's nodes hold the source wording
        html = functools.partial(page.render, "finder.html", question=question, **context)
        title = page.text(question.text).striptags()
        description = page.text(policy.finder.description).striptags()
        meta: dict[str, Any] = {"finder": {"question": node.question.id}}
    else:
        outcome = policy.outcome(node.outcome)
        scenario = policy.scenario(node.scenario)
        html = functools.partial(
            page.render, "finder.html", question=None, outcome=outcome, scenario=scenario, **context
        )
        title = page.text(outcome.title).striptags()
        description = page.text(outcome.summary or outcome.title).striptags()
        meta = {"finder": {"outcome": outcome.id, "scenario": scenario.id}}
    return Page(
        node_dir(node.path, finder_dir),
        title,
        description,
        lambda: _with_notice(page, html()),
        listed=not node.path,
        extra_meta=meta,
    )
