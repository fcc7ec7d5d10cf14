"""Results worked out from documents, kept while the documents are the same objects.

:func:`generator.content.load.load_document` gives the very object it gave
before for a file whose text did not change. A result worked out only from
documents (a policy's checks, its proof, its messages) can then be kept under
those objects and given again: a preview rebuild after an edit of one policy
works out again only what depends on that policy's file, whatever the size of
the others. An edited file is another text, so another object, so another
key: a kept result is never one of an older version of a file.

    >>> kept: Kept[tuple[Same, int], int] = Kept(2)
    >>> data = ["a", "b"]
    >>> kept.get((Same(data), 1), lambda: len(data)), kept.get((Same(data), 1), lambda: -1)
    (2, 2)
    >>> kept.get((Same(["a", "b"]), 1), lambda: -1)  # equal, but not the same object
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
    """The results of the last ``size`` keys, the least recently used forgotten first; safe across threads.

    A key must name everything the result is worked out from (the documents as
    :class:`Same`, other arguments by value), and the result must never be
    changed by whoever gets it (a tuple, a frozen dataclass).
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._results: OrderedDict[_K, _V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: _K, work: Callable[[], _V]) -> _V:
        """Return the result kept under ``key``, or do ``work`` and keep what it returns (not what it raises)."""
        with self._lock:
            if key in self._results:
                self._results.move_to_end(key)
                return self._results[key]
        result = work()  # outside the lock: another thread may work out another key meanwhile
        with self._lock:
            self._results[key] = result
            self._results.move_to_end(key)
            while len(self._results) > self.size:
                self._results.popitem(last=False)
        return result

    def clear(self) -> None:
        with self._lock:
            self._results.clear()
