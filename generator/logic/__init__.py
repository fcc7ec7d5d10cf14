"""The logic layer: the answer space, the proof (gaps, overlaps, the finder's flow), the words it
explains them in, finder addresses, and the comparison of two versions.
"""
