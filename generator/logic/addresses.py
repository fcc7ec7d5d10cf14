"""Finder addresses: a node's folder is the answers that reach it, and an old address finds its way.

``finder/not-flagged/accounts`` is where a customer who answered
``not-flagged`` then ``accounts`` lands. The address holds answer ids only,
so it survives rewording; it changes when the questions do, and then
:func:`best_match` says where the old answers lead now.
"""

from __future__ import annotations

from generator.content.reserved import FINDER_DIR, REVIEW_DIR
from generator.logic import flow

__all__ = ["FINDER_DIR", "REVIEW_DIR", "best_match", "node_dir"]


def node_dir(path: flow.Path, finder_dir: str = FINDER_DIR) -> str:
    """Return the folder of the finder node reached by ``path``, in the finder whose folder is ``finder_dir``.

    >>> node_dir((("size", "small"), ("damage", "broken"))), node_dir((), "returns/finder")
    ('finder/small/broken', 'returns/finder')
    """
    return "/".join([finder_dir, *(answer for _, answer in path)])


def best_match(nodes: dict[flow.Path, flow.Node], answers: flow.Path) -> flow.Path:
    """Return the path of the node that best keeps ``answers``: the finder followed with them as far as it goes.

    From the first question, each question the old answers answer (with an
    answer that still exists) is answered so; the first one they do not answer
    is where the customer lands, to answer it.
    """
    given = dict(answers)
    path: flow.Path = ()
    while isinstance(nodes[path], flow.QuestionNode):
        question = nodes[path].question.id  # type: ignore[union-attr]
        step = (*path, (question, given.get(question, "")))
        if step not in nodes:
            break
        path = step
    return path
