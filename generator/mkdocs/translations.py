"""MkDocs glue: Material's interface texts, each looked up once per build instead of on every page."""

from __future__ import annotations

import jinja2


class TranslationsOnce:
    """``help_translation(key)``: Material's interface text ``key`` in the build's language, looked up once.

    Material's lookup (partials/language.html) makes its whole table of texts
    on each of the thirty calls a page makes; the table is the same all build long.
    """

    def __init__(self, env: jinja2.Environment, language: str) -> None:
        self.env, self.language = env, language
        self.found: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        if key not in self.found:
            texts = self.env.get_template(f"partials/languages/{self.language}.html").module
            english = self.env.get_template("partials/languages/en.html").module
            self.found[key] = texts.t(key) or english.t(key) or key  # type: ignore[attr-defined]
        return self.found[key]
