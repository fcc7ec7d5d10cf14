"""Finder addresses: a node's folder is the answers that reach it, and an old address finds its way.

``finder/not-flagged/accounts`` is where a customer who answered
``not-flagged`` then ``accounts`` lands. The address holds answer ids only,
so it survives rewording; it changes when the questions do, and then
:func:`best_match` says where the old answers lead now.
"""

from __future__ import annotations

from collections.abc import Mapping

from generator.content.reserved import FINDER_DIR, REVIEW_DIR
from generator.content.reuse import Kept, Same
from generator.logic import flow

__all__ = ["FINDER_DIR", "REVIEW_DIR", "best_match", "node_dir", "node_dirs"]


def node_dir(path: flow.Path, finder_dir: str = FINDER_DIR) -> str:
    """Return the folder of the finder node reached by ``path``, in the finder whose folder is ``finder_dir``.

    >>> node_dir((("size", "small"), ("damage", "broken"))), node_dir((), "returns/finder")
    ('finder/small/broken', 'returns/finder')
    """
    return "/".join([finder_dir, *(answer for _, answer in path)])


#: The folders of each finder's nodes, by the finder's folder and the proof's list of nodes.
_folders: Kept[Same, Mapping[str, flow.Node]] = Kept(256)


def node_dirs(nodes: list[flow.Node], finder_dir: str = FINDER_DIR) -> Mapping[str, flow.Node]:
    """Return the nodes of a finder by folder (:func:`node_dir`), in the finder's order.

    Worked out once per list of nodes (a proof's), however many steps of a
    build ask: the ledger, its redirects and the pages.
    """
    return _folders.get(finder_dir, Same(nodes), lambda: {node_dir(node.path, finder_dir): node for node in nodes})


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
