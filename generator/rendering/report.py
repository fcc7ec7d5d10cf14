"""The review of the policy as one self-contained HTML file, to attach to a review: ``python -m generator report``.

The same policy table and flow as the review pages, for one or more locales,
after the values the policy shows (its facts, as each locale shows them, and
its links, per market), with the stylesheet inside the file: it opens from a
disk or an e-mail, and asks no other host for anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from generator.content.locales import SiteLocale
from generator.content.model import Fact
from generator.content.publish import check_output_file, write_atomically
from generator.helpcenter.folder import HELP_CENTER_FILE, Content
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


def render_report(content: Content, locales: list[SiteLocale]) -> str:
    """Return the report's HTML: the proof's summary, the facts and links, then the review of each of ``locales``."""
    sections = []
    facts: dict[str, list[str | Markup]] = {}
    for locale in locales:
        localized = localize(content, locale)
        page = PageRenderer(localized, locale, "", localized.policy.article.id)
        for name, fact in _facts(localized).items():
            facts.setdefault(name, []).append(page.fact(fact))
        context = review_context(
            localized, page, label_id=f"review-diagram-label-{locale.slug}", level=3, link_outcomes=False
        )
        sections.append(
            {"locale": locale, "html": page.render("review_body.html", **context), "title": page.ui("review", "title")}
        )
    source = PageRenderer(content, content.locales.source, "", content.policy.article.id)
    markets = list(dict.fromkeys(locale.market for locale in locales))
    links = {**content.help_center.links, **content.policy.links}
    return source.render(
        "report.html",
        sections=sections,
        summary=content.proof.summary(content.policy),
        site_name=content.interface.site_name,
        locales=locales,
        facts=[ValueRow(name, _file(content, name, "facts"), tuple(cells)) for name, cells in facts.items()],
        markets=markets,
        links=[
            ValueRow(name, _file(content, name, "links"), tuple(link.url_in(market) for market in markets))
            for name, link in links.items()
        ],
    )


def _facts(content: Content) -> dict[str, Fact]:
    """The facts the policy may show: the shared ones first, as help-center.yaml lists them, then its own."""
    return {**content.help_center.facts, **content.policy.facts}


def _file(content: Content, name: str, section: str) -> str:
    """The file that defines the fact or link ``name``: help-center.yaml or the policy's."""
    shared = content.help_center.facts if section == "facts" else content.help_center.links
    return HELP_CENTER_FILE if name in shared else Path(content.policy_document.file).name


def check_report_path(path: Path, content_dir: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` is missing or a report: nothing else is ever replaced."""
    project = content_dir.resolve().parent  # the folders a build reads sit beside content/, and so does .git
    sources = [content_dir, *(project / name for name in ("docs", "overrides", ".git"))]
    check_output_file(path, mark=REPORT_MARK, sources=sources)


def write_report(content: Content, locales: list[SiteLocale], path: Path) -> None:
    """Write the report to ``path`` atomically: a reader never opens half a file."""
    write_atomically(path, render_report(content, locales))
