"""Results worked out from documents, kept while the documents are the same objects.

:func:`generator.content.load.load_document` gives the very object it gave
before for a file whose text did not change. A result worked out only from
documents (a policy's checks, its proof, its messages) can then be kept under
those objects and given again: a preview rebuild after an edit of one policy
works out again only what depends on that policy's file, whatever the size of
the others. An edited file is another text, so another object, so another
key: a kept result is never one of an older version of a file.

Each result is kept in a slot, the file it is worked out from, which holds
the result of its latest version only: a preview edited for hours keeps one
result per file, not one per edit.

    >>> kept: Kept[tuple[Same, int], int] = Kept(2)
    >>> data = ["a", "b"]
    >>> kept.get("data.yaml", (Same(data), 1), lambda: len(data)), kept.get("data.yaml", (Same(data), 1), lambda: -1)
    (2, 2)
    >>> kept.get("data.yaml", (Same(["a", "b"]), 1), lambda: -1)  # equal, but not the same object
    -1
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

_K = TypeVar("_K", bound=Hashable)
_V = TypeVar("_V")


class Same:
    """A part of a key that equals only a part holding the very same object (``is``), whatever the object's ``==``.

    It holds the object, so the object lives (and its ``id`` is not given to another) as long as the key.
    """

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def __hash__(self) -> int:
        return id(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.value is self.value

    def __repr__(self) -> str:
        return f"Same({type(self.value).__name__} at {id(self.value):#x})"


class Kept(Generic[_K, _V]):
    """The last result of each of ``size`` slots, with its key; the least recently used slot forgotten first.

    A key must name everything the result is worked out from (the documents as
    :class:`Same`, other arguments by value), and the result must never be
    changed by whoever gets it (a tuple, a frozen dataclass). Safe across threads.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._slots: OrderedDict[Hashable, tuple[_K, _V]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, slot: Hashable, key: _K, work: Callable[[], _V]) -> _V:
        """Return the result kept in ``slot`` if it has ``key``; else do ``work`` and keep what it returns there
        (not what it raises), in place of the slot's result."""
        with self._lock:
            found = self._slots.get(slot)
            if found is not None and found[0] == key:
                self._slots.move_to_end(slot)
                return found[1]
        result = work()  # outside the lock: another thread may work out another slot meanwhile
        with self._lock:
            self._slots[slot] = (key, result)
            self._slots.move_to_end(slot)
            while len(self._slots) > self.size:
                self._slots.popitem(last=False)
        return result
