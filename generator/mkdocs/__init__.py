"""The MkDocs glue: the plugin, the build of every locale and the live preview.

Nothing outside this folder imports MkDocs, so that moving to another site
generator (Zensical, say) means replacing this folder and nothing else.
"""
