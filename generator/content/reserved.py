"""The folders of a locale's site that the generator makes itself, so an article may not take their names."""

from __future__ import annotations

#: The finder's folder; its nodes live below it, one folder per answer.
FINDER_DIR = "finder"
#: The review page's folder: the logic for editors and reviewers.
REVIEW_DIR = "review"
#: The folders Material for MkDocs takes in every locale: its styles and scripts, and its search index.
THEME_DIRS = frozenset({"assets", "search"})
