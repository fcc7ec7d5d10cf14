"""The preview layer: the live preview's web server, its rebuild loop and its way of stopping.

None of it knows MkDocs: the glue (:mod:`generator.mkdocs.preview`) hands it
a function that builds the site into a folder, and it serves the last good
build, or the page of problems, and reloads the browsers after each build.
"""
