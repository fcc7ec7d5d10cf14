"""The review of every policy as one self-contained HTML file, to attach to a review: ``python -m generator report``.

A table of contents, then a section per policy of the help center, headed by
its article's title and its id: the proof's summary, the values the policy
shows (its facts, as each locale shows them, and its links, per market), then
the same policy table and flow as the review pages, for one or more locales.
The stylesheet is inside the file: it opens from a disk or an e-mail, and asks
no other host for anything.

A shared fact or link (help-center.yaml) is shown in the table of each policy
that uses it, marked as defined there: a reviewer of one policy reads every
value its pages show in one place, and sees which of them another policy
shares.

Every id on the page is made of the policy's id and the locale's slug,
joined by ``_``, which neither contains: several policies in several locales
never share one (:func:`anchor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.content.facts import used_names
from generator.content.locales import SiteLocale
from generator.content.publish import check_output_file, write_atomically
from generator.helpcenter.folder import HELP_CENTER_FILE, POLICY_FILE, Content
from generator.helpcenter.policies import POLICIES_DIR
from generator.helpcenter.translate import localize
from generator.rendering.pages import review_context
from generator.rendering.render import PageRenderer

#: What every report holds in its first KiB (templates/report.html): a file without it is never replaced.
REPORT_MARK = '<meta name="generator" content="python -m generator report">'


@dataclass(frozen=True)
class ValueRow:
    """A fact or a link, the file that defines it, and its value in each column of the table."""

    name: str
    file: str
    cells: tuple[str | Markup, ...]


@dataclass(frozen=True)
class LocaleReview:
    """One policy's review in one locale: its heading, in the locale's words, and its HTML."""

    locale: SiteLocale
    title: str
    html: str
    #: The id of its heading, unique on the page.
    anchor: str


@dataclass(frozen=True)
class PolicyReport:
    """One policy's section of the report."""

    id: str
    #: Its article's title, in the source language.
    title: str
    #: Its file, relative to the content folder: ``policy.yaml``, ``policies/warranty.yaml``.
    file: str
    #: What its proof found.
    summary: str
    facts: tuple[ValueRow, ...]
    links: tuple[ValueRow, ...]
    reviews: tuple[LocaleReview, ...]

    @property
    def anchor(self) -> str:
        """The id of its heading; the ids inside its section start with it."""
        return anchor(self.id)


def anchor(policy_id: str, *parts: str) -> str:
    """The id of a part of policy ``policy_id``'s section: ``policy_warranty``, ``policy_warranty_fr-fr``.

    A policy's id and a locale's slug are lower-case words joined by ``-``
    (policy.schema.json, locales.schema.json), so ``_`` keeps apart what two
    policies or two locales would otherwise run together.
    """
    return "_".join(["policy", policy_id, *parts])


def render_report(content: Content, locales: list[SiteLocale]) -> str:
    """Return the report's HTML: a table of contents, then each policy's proof, values and reviews in ``locales``."""
    translated = [(locale, localize(content, locale)) for locale in locales]
    markets = tuple(dict.fromkeys(locale.market for locale in locales))
    policies = [
        _policy_report(each, [(locale, view.at(each.policy.id)) for locale, view in translated], markets)
        for each in content.each()
    ]
    source = PageRenderer(content, content.locales.source, "", content.policy.article.id)
    return source.render(
        "report.html",
        policies=policies,
        site_name=content.interface.site_name,
        locales=locales,
        markets=markets,
    )


def _policy_report(
    content: Content, translated: list[tuple[SiteLocale, Content]], markets: tuple[str, ...]
) -> PolicyReport:
    """The section of the policy in focus: ``translated`` holds the content as each chosen locale reads it."""
    policy = content.policy
    used_facts, used_links = used_names(content.policy_document.data)
    fact_names = [name for name in content.help_center.facts if name in used_facts] + list(policy.facts)
    link_names = [name for name in content.help_center.links if name in used_links] + list(policy.links)
    file = _policy_file(content)
    facts: dict[str, list[str | Markup]] = {name: [] for name in fact_names}
    reviews = []
    for locale, localized in translated:
        page = PageRenderer(localized, locale, "", policy.article.id)
        shown = {**localized.help_center.facts, **localized.policy.facts}
        for name in fact_names:
            facts[name].append(page.fact(shown[name]))
        label_id = anchor(policy.id, locale.slug, "diagram")
        context = review_context(localized, page, label_id=label_id, level=4, link_outcomes=False)
        title = page.ui("review", "policy_title", title=page.text(localized.policy.article.title).striptags())
        html = page.render("review_body.html", **context)
        reviews.append(LocaleReview(locale, title, html, anchor(policy.id, locale.slug)))
    links = {**content.help_center.links, **policy.links}
    source = PageRenderer(content, content.locales.source, "", policy.article.id)
    return PolicyReport(
        id=policy.id,
        title=source.text(policy.article.title).striptags(),
        file=file,
        summary=content.proof.summary(policy),
        facts=tuple(ValueRow(name, _defined_in(content, name, "facts", file), tuple(facts[name])) for name in facts),
        links=tuple(
            ValueRow(
                name, _defined_in(content, name, "links", file), tuple(links[name].url_in(market) for market in markets)
            )
            for name in link_names
        ),
        reviews=tuple(reviews),
    )


def _policy_file(content: Content) -> str:
    """The file of the policy in focus, relative to the content folder: policy.yaml's policy comes first."""
    if content.focus == 0:
        return POLICY_FILE
    return f"{POLICIES_DIR}/{Path(content.policy_document.file).name}"


def _defined_in(content: Content, name: str, section: str, file: str) -> str:
    """The file that defines the fact or link ``name``: help-center.yaml or the policy's own ``file``."""
    shared = content.help_center.facts if section == "facts" else content.help_center.links
    return HELP_CENTER_FILE if name in shared else file


def check_report_path(path: Path, content_dir: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` is missing or a report: nothing else is ever replaced."""
    project = content_dir.resolve().parent  # the folders a build reads sit beside content/, and so does .git
    sources = [content_dir, *(project / name for name in ("docs", "overrides", ".git"))]
    check_output_file(path, mark=REPORT_MARK, sources=sources)


def write_report(content: Content, locales: list[SiteLocale], path: Path) -> None:
    """Write the report to ``path`` atomically: a reader never opens half a file."""
    write_atomically(path, render_report(content, locales))
