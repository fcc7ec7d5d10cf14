"""A "did you mean" costs at most a few hundred comparisons: 3,000 unknown questions among 3,000 took seconds.

Past :data:`MAX_CLOSE_CHOICES` choices, only a difference of case or quotes is
suggested; ``make bench`` times ``check`` on the policy that found it.
"""

from __future__ import annotations

import pytest

from generator.content.diagnostics import MAX_CLOSE_CHOICES, did_you_mean

IDS = [f"q{number}" for number in range(300)]


@pytest.mark.parametrize(
    ("word", "choices", "suggestion"),
    [
        pytest.param("q7x", IDS[:200], " (did you mean 'q7'?)", id="a-close-id-among-200"),
        pytest.param("q7x", IDS, "", id="no-close-id-among-300"),
        pytest.param("Q7", IDS, " (did you mean 'q7'?)", id="another-case-among-300"),
        pytest.param("‘q7’", IDS, " (did you mean 'q7'?)", id="curly-quotes-among-300"),
    ],
)
def test_what_is_suggested(word, choices, suggestion):
    assert did_you_mean(word, choices) == suggestion


def test_the_limit_is_the_one_stated():
    assert MAX_CLOSE_CHOICES == 200
