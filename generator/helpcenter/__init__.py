"""The help center: composes the layers below it (read → check → prove → translate) into content ready to render.

``generator.content`` reads the files and builds the model, ``generator.logic`` proves it and
``generator.i18n`` reads the catalogs; only this layer knows all three, so each of them stays
usable (and testable) on its own.
"""
