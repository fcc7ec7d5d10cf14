"""The rendering layer: the strict Jinja environment and its templates, the pages of a locale, the
review page and report, finder.json, and the preview's page of problems.
"""
