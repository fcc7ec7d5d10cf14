"""The content layer: reading, validating and writing the content files (YAML, ledger), the model,
the inline syntax of texts, and the content proven once per version of its files.
"""
