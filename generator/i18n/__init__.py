"""The i18n layer: translatable messages and their catalogs, a locale's view of the content, the
pseudo-locale, CLDR formatting, and the translators' commands.
"""
