"""The review of the policy as one self-contained HTML file, to attach to a review: ``python -m generator report``.

The same policy table and flow as the review pages, for one or more locales,
with the stylesheet inside the file: it opens from a disk or an e-mail, and
asks no other host for anything.
"""

from __future__ import annotations

from pathlib import Path

from generator.content.locales import SiteLocale
from generator.content.publish import check_output_file, write_atomically
from generator.helpcenter.folder import Content
from generator.helpcenter.translate import localize
from generator.rendering.pages import review_context
from generator.rendering.render import PageRenderer

#: What every report holds in its first KiB (templates/report.html): a file without it is never replaced.
REPORT_MARK = '<meta name="generator" content="python -m generator report">'


def render_report(content: Content, locales: list[SiteLocale]) -> str:
    """Return the report's HTML: the proof's summary, then the review of each of ``locales``."""
    sections = []
    for locale in locales:
        localized = localize(content, locale)
        page = PageRenderer(localized, locale, "", localized.policy.article.id)
        context = review_context(
            localized, page, label_id=f"review-diagram-label-{locale.slug}", level=3, link_outcomes=False
        )
        sections.append(
            {"locale": locale, "html": page.render("review_body.html", **context), "title": page.ui("review", "title")}
        )
    source = PageRenderer(content, content.locales.source, "", content.policy.article.id)
    return source.render(
        "report.html",
        sections=sections,
        summary=content.proof.summary(content.policy),
        site_name=content.interface.site_name,
    )


def check_report_path(path: Path, content_dir: Path) -> None:
    """Raise :class:`OutputError` unless ``path`` is missing or a report: nothing else is ever replaced."""
    project = content_dir.resolve().parent  # the folders a build reads sit beside content/, and so does .git
    sources = [content_dir, *(project / name for name in ("docs", "overrides", ".git"))]
    check_output_file(path, mark=REPORT_MARK, sources=sources)


def write_report(content: Content, locales: list[SiteLocale], path: Path) -> None:
    """Write the report to ``path`` atomically: a reader never opens half a file."""
    write_atomically(path, render_report(content, locales))
