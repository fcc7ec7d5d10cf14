"""Read YAML content files into plain data, remembering where every value came from.

This is the only module that parses YAML. It returns plain Python data (dicts,
lists, strings, numbers) together with the source position of each value, so
that later checks can point an editor at the exact line and column of a
problem. It refuses what PyYAML would silently accept, such as a key given
twice in one mapping.
"""

from __future__ import annotations

import gc
import math
import os
import re
import stat
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import yaml

from generator.content import characters
from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.content.spans import position_in_text

#: A path to a value inside a document: mapping keys and list indexes.
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its data and the position of every value in it."""

    file: str
    data: Any
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)
    #: Unquoted values followed by a comment on their last line: the comment and where it starts.
    #: In a text, `` #`` was often meant as words (``pack 2 # of them``), which YAML cut off.
    comments_after: dict[KeyPath, tuple[Position, str]] = field(default_factory=dict)
    #: The file's lines, to point at a character inside a text.
    lines: tuple[str, ...] = ()

    def position(self, path: KeyPath) -> Position:
        """Return the position of the value at ``path``, or of its nearest parent."""
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), Position(self.file, 1, 1))

    def key_position(self, path: KeyPath) -> Position:
        """Return the position of the key that names ``path`` (its value's if unknown)."""
        return self.key_positions.get(path) or self.position(path)

    def text_position(self, path: KeyPath, text: str, offset: int) -> Position:
        """Return where the character ``text[offset]`` of the text at ``path`` is written (the text's start if unsure).

        On the text's own line, however it is folded: a problem on the third line of a ``>-`` text is shown
        there, not at the ``>-``.
        """
        start = self.position(path)
        return position_in_text(self.lines, start, text, offset) or start


#: The largest content file read, in bytes: far above any real policy, far below harm.
MAX_FILE_BYTES = 1024 * 1024
#: The most values a document may expand to (aliases included): stops an alias bomb early.
MAX_VALUES = 100_000
#: The most characters of text a document may expand to, aliases included: as much as the largest file read
#: can hold without aliases, so that aliases never make a document larger than a file could be.
MAX_TEXT_CHARACTERS = MAX_FILE_BYTES


class UnreadableFileError(OSError):
    """A content file that is not one: a pipe, a device, a folder, or one over the size limit."""

    def __init__(self, message: str) -> None:
        super().__init__(0, message)
        self.message = message

    def __str__(self) -> str:
        return self.message


#: What a file that is not a regular one is, in an editor's words.
_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFSOCK: "a socket",
}


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the bytes of the regular file at ``path``, which must hold at most ``limit`` of them.

    Raises :class:`UnreadableFileError` for anything but a regular file (a
    symlink is followed, to what it names) and for a file over the limit, and
    ``OSError`` when it cannot be opened. The file is opened without blocking
    (a named pipe would wait for a writer) and checked on the opened
    descriptor, then read to at most ``limit + 1`` bytes: a file that is
    swapped or grows after the check is still never read whole.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            kind = _KINDS.get(stat.S_IFMT(status.st_mode), "not a regular file")
            raise UnreadableFileError(f"this is {kind}, not a file: put the file itself here")
        if status.st_size > limit:
            raise _too_large(status.st_size, limit)
        os.set_blocking(descriptor, True)
        chunks, size = [], 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > limit:
        raise _too_large(size, limit)
    return b"".join(chunks)


def _too_large(size: int, limit: int) -> UnreadableFileError:
    size_kib = -(-size // 1024)  # rounded up: a file just over the limit never reads as at it
    return UnreadableFileError(f"the file is {size_kib} KiB; the limit is {limit // 1024} KiB")


def read_text(path: Path, max_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Diagnostic]]:
    """Read a content file as UTF-8 text, refusing what an editor did not mean to save.

    Refused: a missing or unreadable file, one that is not a regular file (a
    named pipe, a device, even through a symlink), one over ``max_bytes``
    (:data:`MAX_FILE_BYTES` unless the file has its own limit, as catalogs
    do), a byte-order mark, and bytes that are not UTF-8 (with their line and
    column).
    """
    name = display_path(path)
    try:
        data = read_file(path, max_bytes)
    except FileNotFoundError:
        return None, [Diagnostic(Position(name), "file not found")]
    except UnreadableFileError as error:
        return None, [Diagnostic(Position(name), error.message)]
    except OSError as error:
        return None, [Diagnostic(Position(name), f"cannot read the file ({error.strerror})")]
    if data.startswith(b"\xef\xbb\xbf"):
        message = "the file starts with a byte-order mark (BOM): save it as UTF-8 without BOM"
        return None, [Diagnostic(Position(name, 1, 1), message)]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        message = f"the file is not valid UTF-8 (byte 0x{data[error.start]:02x}): save it as UTF-8"
        return None, [Diagnostic(Position(name, line, column), message)]


#: The sound document read last from each file, by file name (as shown) and text: the preview reads every file of
#: the content again after each edit of one of them, and a document is never changed once read.
_last_read: dict[tuple[str, str, int, int], Document] = {}
#: How many documents ``_last_read`` keeps, and how many characters of text they may hold together (the
#: oldest is forgotten first).
LAST_READ_DOCUMENTS = 256
LAST_READ_CHARACTERS = 16 * MAX_FILE_BYTES
_last_read_lock = threading.Lock()


def load_document(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Parse ``path``; return the document, or ``None`` and the reasons it could not be read.

    A file whose text is the one last read under its name gives the document
    read then (the same object, so that :mod:`generator.content.schema` knows
    it checked already); any other text is parsed, and only a sound document
    is kept.
    """
    text, problems = read_text(path)
    if text is None:
        return None, problems
    key = (display_path(path), text, MAX_VALUES, MAX_TEXT_CHARACTERS)  # read under other limits, it may not be sound
    with _last_read_lock:  # the preview reads in its build thread and in the threads that answer requests
        known = _last_read.pop(key, None)
        if known is not None:
            _last_read[key] = known  # the most recently used goes last
            return known, []
    document, problems = parse_document(text, key[0])
    if document is not None and not problems:
        with _last_read_lock:
            for older in [kept for kept in _last_read if kept[0] == key[0]]:  # the latest version of a file only:
                del _last_read[older]  # a preview edited for an hour would keep a large policy once per edit
            _last_read[key] = document
            while (
                len(_last_read) > LAST_READ_DOCUMENTS or sum(len(kept[1]) for kept in _last_read) > LAST_READ_CHARACTERS
            ):
                del _last_read[next(iter(_last_read))]
    return document, problems


#: What a plain scalar reads as (its tag), as the loaders resolve it.
_RESOLVER = yaml.resolver.Resolver()
#: What :func:`skim_ids` finds in a file: its own ``id``, and the ids of the items of each top-level list.
Skimmed = tuple[str | None, dict[str, list[str]]]


def skim_ids(path: Path) -> Skimmed | None:
    """Return the ``id`` of the file at ``path`` and the ids of the items of its top-level lists, or ``None``.

    A glance at the files beside the one an editor is checking (what its links
    may name), four times faster than :func:`load_document`: the parser's
    events are read, no document is built, nothing is checked. An id is text
    as the full read takes it (``id: yes`` is true or false, not an id), an
    item without one or written as an alias is passed over, and a file that
    cannot be read or parsed gives ``None``: checking that file says why.
    """
    text, _ = read_text(path)
    if text is None:
        return None
    try:
        return _skim(iter(yaml.parse(text, Loader=_FAST_LOADER or yaml.SafeLoader)))
    except (yaml.YAMLError, ValueError, StopIteration, RecursionError):
        return None


def _skim(events: Iterator[yaml.Event]) -> Skimmed:
    while not isinstance(first := next(events), yaml.NodeEvent | yaml.CollectionStartEvent):
        pass
    own: str | None = None
    lists: dict[str, list[str]] = {}
    if not isinstance(first, yaml.MappingStartEvent):
        return own, lists
    while not isinstance(key := next(events), yaml.MappingEndEvent):
        value = next(events)
        if not isinstance(key, yaml.ScalarEvent):
            _skip(events, key)
            _skip(events, value)
        elif key.value == "id":
            own = _text(value)
            _skip(events, value)
        elif isinstance(value, yaml.SequenceStartEvent):
            lists[key.value] = _item_ids(events)
        else:
            _skip(events, value)
    return own, lists


def _item_ids(events: Iterator[yaml.Event]) -> list[str]:
    """Read a list's events to its end; return the ``id`` of each of its mappings that has one."""
    ids = []
    while not isinstance(item := next(events), yaml.SequenceEndEvent):
        if not isinstance(item, yaml.MappingStartEvent):
            _skip(events, item)
            continue
        found = None
        while not isinstance(key := next(events), yaml.MappingEndEvent):
            value = next(events)
            if isinstance(key, yaml.ScalarEvent) and key.value == "id":
                found = _text(value)
            _skip(events, key)
            _skip(events, value)
        if found is not None:
            ids.append(found)
    return ids


def _text(event: yaml.Event) -> str | None:
    """The text a scalar event holds, if reading it makes text (not a number, a date, true or false)."""
    if not isinstance(event, yaml.ScalarEvent):
        return None
    if event.implicit[0] and _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit) != _TEXT_TAG:
        return None
    return event.value if event.tag in (None, "!", _TEXT_TAG) else None


def _skip(events: Iterator[yaml.Event], first: yaml.Event) -> None:
    """Read the events of the value that ``first`` starts, to its end."""
    depth = 1 if isinstance(first, yaml.CollectionStartEvent) else 0
    while depth:
        event = next(events)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def parse_document(text: str, name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML ``text`` read from the file called ``name``.

    Sound YAML is parsed by libyaml, when PyYAML has it (ten times faster on a
    policy of thousands of lines); anything it finds wrong is parsed again by
    PyYAML's own parser, whose messages and positions the diagnostics are
    written for.
    """
    breaks = [
        Diagnostic(
            Position(name, text.count("\n", 0, found.start()) + 1, found.start() - text.rfind("\n", 0, found.start())),
            f"the invisible character U+{ord(found.group()):04X} ({unicodedata.name(found.group(), 'NEXT LINE')}) "
            "ends a line for YAML but not for your editor: delete it",
        )
        for found in _HIDDEN_LINE_BREAK.finditer(text)
    ]
    if breaks:
        return None, breaks
    if _FAST_LOADER is not None and "\t" not in text:  # libyaml takes some tabs that PyYAML (and we) refuse
        try:
            document, problems = _parse(text, name, _FAST_LOADER)
        except ValueError:  # e.g. a lone surrogate libyaml cannot encode: PyYAML says what it is
            document, problems = None, []
        if document is not None and not problems:
            return document, []
    return _parse(text, name, _AliasMarkingLoader)


#: libyaml's loader, when PyYAML was built with it.
_FAST_LOADER = getattr(yaml, "CSafeLoader", None)


class _Alias(yaml.Node):
    """An alias where it is written: the value it names (``target``) and the alias's own place."""

    def __init__(self, target: yaml.Node, start_mark: yaml.Mark, end_mark: yaml.Mark) -> None:
        super().__init__(target.tag, target.value, start_mark, end_mark)
        self.target = target


class _AliasMarkingLoader(yaml.SafeLoader):
    """PyYAML's loader, keeping where each alias is written (its composer gives the value the alias names).

    libyaml's loader cannot be told so; any document it finds a problem in is
    read again by this one, so that a problem an alias causes is said at the
    alias.
    """

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = super().compose_node(parent, index)
            return None if target is None else _Alias(target, event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a document is built (or a whole check runs), and resume it after.

    Building a policy of thousands of lines makes tens of thousands of
    objects, none of them in a cycle; each few hundred made, the collector
    walks them all again, which took a third of the time of reading a large
    policy. Reference counting still frees what is dropped meanwhile. Used
    as a decorator too; within another pause, it leaves the collector paused.
    """
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse(text: str, name: str, loader_class: type) -> tuple[Document | None, list[Diagnostic]]:
    with collector_paused():
        return _parse_text(text, name, loader_class)


def _parse_text(text: str, name: str, loader_class: type) -> tuple[Document | None, list[Diagnostic]]:
    try:
        loader = loader_class(text)
    except yaml.reader.ReaderError as error:  # a character YAML refuses anywhere, found before parsing
        lines = _LINE_BREAK.split(text[: error.position])
        problem = f"the character U+{error.character:04X} is not allowed (it may be invisible): delete it"
        return None, [Diagnostic(Position(name, len(lines), len(lines[-1]) + 1), f"invalid YAML: {problem}")]
    try:
        root = loader.get_single_node()
        if root is None:
            return None, [Diagnostic(Position(name, 1, 1), "the file is empty")]
        builder = _Builder(loader, name, text)
        data = builder.build(root, ())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = error.problem or error.context or "invalid YAML"
        if "'\\t'" in problem:
            problem = _tab_problem(mark)
        if error.problem == "second occurrence" and error.context and error.context_mark:  # a duplicate anchor
            problem = f"{error.context} at line {error.context_mark.line + 1}"
        explained = _common_mistake(error, text)
        if explained is not None:
            line, column, problem = explained
            return None, [Diagnostic(Position(name, line, column), problem)]
        return None, [Diagnostic(Position(name, line, column), f"invalid YAML: {problem}")]
    except yaml.YAMLError as error:
        return None, [Diagnostic(Position(name, 1, 1), f"invalid YAML: {error}")]
    except RecursionError:
        problem = "the values nest too deeply, or an alias refers to a value that contains it"
        return None, [Diagnostic(Position(name, 1, 1), f"invalid YAML: {problem}")]
    finally:
        loader.dispose()
    document = Document(
        name, data, builder.positions, builder.key_positions, builder.comments_after, tuple(builder.lines)
    )
    return document, builder.diagnostics


#: What YAML takes for the end of a line.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")
#: What YAML takes for the end of a line and most editors do not: lines would be counted differently.
_HIDDEN_LINE_BREAK = re.compile("[\x85\u2028\u2029]")


def _common_mistake(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str] | None:
    """Recognise the mistakes editors make most, and say them in their words, on the line to fix.

    Returns the line, the column and the message, or ``None`` to keep the parser's words.
    """
    mark = error.problem_mark
    if mark is None:
        return None
    lines = _LINE_BREAK.split(text)
    row = lines[mark.line] if mark.line < len(lines) else ""
    start = len(row) - len(row.lstrip(" -")) + 1
    if error.problem == "mapping values are not allowed here":
        if ": " in row[: mark.column] and any(quote in row for quote in "‘’“”"):
            return (
                mark.line + 1,
                mark.column + 1,
                "curly quotes (‘…’ “…”) are not quotes to YAML, so this colon ends the key it reads: "
                "use straight quotes ('…' or \"…\")",
            )
        if ": " in row[: mark.column]:  # `situation: Order status: shipped`
            return (
                mark.line + 1,
                mark.column + 1,
                "a colon followed by a space inside a text ends the key YAML is reading: "
                'put the whole text in double quotes ("…")',
            )
        indent = len(row) - len(row.lstrip(" "))
        above = next(iter(_levels(lines, mark.line - 1)), None)
        if above is None:
            return mark.line + 1, start, "this line is indented deeper than the key above it: " + _ALIGN
        level, number, shown = above
        return (
            mark.line + 1,
            start,
            f"this line is indented by {_spaces(indent)}, deeper than the key above it (line {number}, "
            f"'{shown}', indented by {level}), so YAML takes it for more of that key's value: {_ALIGN}",
        )
    context = error.context_mark
    if error.problem == "could not find expected ':'" and context is not None:
        written = (lines[context.line] if context.line < len(lines) else "").strip(" -")
        key, _, value = written.partition(" ")
        example = f" (for example '{key}: {value}')" if value else ""
        return context.line + 1, context.column + 1, f"'{written}' has no colon after its key{example}"
    after_quote = mark.column > 0 and row[mark.column - 1 : mark.column] == "'"
    if error.problem and error.problem.startswith("expected <block end>") and after_quote:
        return (
            mark.line + 1,
            mark.column,
            "an apostrophe ends a text in single quotes: write it twice ('') or put the text in double quotes",
        )
    if error.problem and error.problem.startswith("expected <block end>"):
        if row[: mark.column].strip(" "):  # `text: "Quoted" and more`: words after the closing quote
            if row[: mark.column].rstrip().endswith(('"', "'")):
                return (
                    mark.line + 1,
                    mark.column + 1,
                    "the text goes on after its closing quote: put all of it in the quotes",
                )
            return None
        return mark.line + 1, mark.column + 1, _misaligned(lines, mark.line, mark.column, error.problem)
    return None


#: What to do about a line indented otherwise than the lines it belongs with.
_ALIGN = (
    "indent it exactly like the keys it belongs with, or, if it goes on with the text above, put that text in quotes"
)
#: A line as YAML's block structure sees it: its indentation, the dashes of list items, the rest.
_STRUCTURE = re.compile(r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)(?P<rest>.*)")
#: The start of a line's rest that is a key: ``key:``, ``'key':``, ``"key":``.
_KEY = re.compile(r"(?:[^\s#'\"-][^#]*?|'[^']*'|\"[^\"]*\"):(?:\s|$)")


def _levels(lines: list[str], index: int) -> list[tuple[int, int, str]]:
    """Return the columns the line after ``lines[index]`` could be indented to, nearest first.

    Each is the column (from 0) of a key or of a list item's dash on a line up to ``index``, the number
    of that line, and the line as written: going up, every line less indented than those after it.
    A line that is neither a key nor a list item (a comment, a text going on) is passed over.
    """
    levels: list[tuple[int, int, str]] = []
    limit = 10**9
    texts = _in_block_texts(lines[: index + 1])
    for number in range(min(index, len(lines) - 1), -1, -1):
        found = _STRUCTURE.fullmatch(lines[number])
        if found is None or found.group("rest").startswith("#") or number in texts:
            continue
        dashes, is_key = found.group("dashes"), bool(_KEY.match(found.group("rest")))
        if not dashes and not is_key:
            continue
        indent = len(found.group("indent"))
        columns = [indent + len(dashes)] if is_key else []
        columns += sorted((indent + at for at, dash in enumerate(dashes) if dash == "-"), reverse=True)
        shown = lines[number].strip()
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        for column in columns:
            if column < limit:
                levels.append((column, number + 1, shown))
                limit = column
        if limit == 0:
            break
    return levels


#: The end of a line that starts a block text: ``key: >-``, ``- |``, ``key: |2 # a comment``.
_BLOCK_TEXT = re.compile(r"(?:^|\s)[|>][-+0-9]*(?:\s+#.*)?$")


def _in_block_texts(lines: list[str]) -> set[int]:
    """Return the indexes of the lines that are the words of a ``|`` or ``>`` text: no key is there."""
    inside: set[int] = set()
    opener: int | None = None  # the indentation of the line that opened the text being read
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if opener is not None and (not line.strip() or indent > opener):
            inside.add(index)
            continue
        opener = indent if _BLOCK_TEXT.search(line) else None
    return inside


def _spaces(count: int) -> str:
    return f"{count} space{'s' if count != 1 else ''}"


def _misaligned(lines: list[str], index: int, column: int, problem: str) -> str:
    """Say how the line ``lines[index]``, whose item starts at ``column``, is indented otherwise than it should."""
    levels = _levels(lines, index - 1)
    same = next((level for level in levels if level[0] == column), None)
    if same is not None:
        _, number, shown = same
        if "'-'" in problem or "<block sequence start>" in problem:
            dash = next((level for level in levels if level[0] < column and level[2].startswith("-")), None)
            another = (
                f"; to start another item of the list of line {dash[1]}, line its dash up with that line's "
                f"({_spaces(dash[0])})"
                if dash
                else ""
            )
            return (
                f"this list item (a line that starts with '- ') is among the keys of line {number} ('{shown}'): "
                f"if it is one of those keys, take its dash away{another}"
            )
        return (
            f"this key starts where the list items of line {number} ('{shown}') do, among them: start it with "
            "'- ' to begin a new item, or indent it like the keys of the item above"
        )
    deeper = [level for level in levels if level[0] > column]
    shallower = [level for level in levels if level[0] < column]
    choices = [
        f"by {_spaces(level)}, like line {number} ('{shown}')"
        for level, number, shown in [*deeper[-1:], *shallower[:1]]
    ]
    return (
        f"this line is indented by {_spaces(column)}, like no key or list item above it: YAML reads what belongs "
        f"together from the indentation, so indent it {', or '.join(choices) or 'like the lines it belongs with'}"
    )


def _tab_problem(mark: yaml.Mark | None) -> str:
    """Say what to do about a tab PyYAML refused: in the indentation, or inside a line."""
    before = str(mark.buffer)[: mark.pointer] if mark is not None and mark.buffer is not None else ""
    line = _LINE_BREAK.split(before)[-1]
    if line.strip(" \t-"):
        return "a tab character: use spaces, or put the text in quotes"
    return "a tab character: indent with spaces, never tabs"


#: A comment after a value, from the value's end.
_COMMENT_AFTER = re.compile(r"\s+(#.*)")
#: The tag of a text, as the resolver gives it to an unquoted or quoted text.
_TEXT_TAG = "tag:yaml.org,2002:str"


class _Builder:
    """Turn a composed YAML node tree into plain data and positions."""

    def __init__(self, loader: yaml.SafeLoader, name: str, text: str) -> None:
        self.loader = loader
        self.name = name
        self.lines = _LINE_BREAK.split(text)
        self.positions: dict[KeyPath, Position] = {}
        self.key_positions: dict[KeyPath, Position] = {}
        self.comments_after: dict[KeyPath, tuple[Position, str]] = {}
        self.diagnostics: list[Diagnostic] = []
        #: The collections being built, outermost first, to refuse an alias to one of them.
        self.open: list[yaml.Node] = []
        #: How many values, and characters of text, were built so far, aliases expanded.
        self.count = 0
        self.characters = 0
        #: The alias being expanded, outermost (written where the value is used), or ``None``.
        self.alias: _Alias | None = None

    def where(self, node: yaml.Node) -> Position:
        return Position(self.name, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        if isinstance(node, _Alias):
            if self.alias is not None:
                return self.build(node.target, path)
            self.alias = node
            try:
                return self.build(node.target, path)
            finally:
                self.alias = None
        self.count += 1
        if self.count > MAX_VALUES:
            problem = f"the document expands to more than {MAX_VALUES} values (an alias used over and over?)"
            raise yaml.composer.ComposerError(None, None, problem, (self.alias or node).start_mark)
        self.positions[path] = self.where(node)
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode):
            if node in self.open:  # `&a [*a]`: an alias inside the value it names
                raise yaml.composer.ComposerError(None, None, "this value contains an alias to itself", node.start_mark)
            self.open.append(node)
            try:
                if isinstance(node, yaml.MappingNode):
                    return self.build_mapping(node, path)
                return [self.build(item, (*path, index)) for index, item in enumerate(node.value)]
            finally:
                self.open.pop()
        node = cast(yaml.ScalarNode, node)  # what the composer makes besides mappings and lists (aliases unwrapped)
        if not node.style:  # unquoted (PyYAML says None, libyaml ""): a ` #` after it starts a comment
            self.note_comment(node, path)
        self.count_characters(node)
        return self.note_characters(node, self.construct(node))

    def note_characters(self, node: yaml.ScalarNode, value: Any) -> Any:
        """Refuse, where each is, a control character or one that reorders the text, in ``value``; return it."""
        if isinstance(value, str) and characters.REFUSED.search(value):
            start, end = (node.start_mark.line, node.start_mark.column), (node.end_mark.line, node.end_mark.column)
            for line, column, character in characters.in_yaml_scalar(self.lines, start, end, node.style):
                found = Diagnostic(Position(self.name, line, column), characters.problem(character))
                if found not in self.diagnostics:  # a value reached twice, through an alias, is one problem
                    self.diagnostics.append(found)
        return value

    def count_characters(self, node: yaml.Node, alias: _Alias | None = None) -> None:
        """Count a text's characters, each time an alias repeats it; refuse a document past the limit, at the alias.

        The values' limit alone lets one long text through: a text of 700,000
        characters used 3,000 times is a 732 KB file, read as 2 billion
        characters by every check and page after it.
        """
        self.characters += len(node.value)
        if self.characters > MAX_TEXT_CHARACTERS:
            problem = (
                f"with its aliases, the document holds more than {MAX_TEXT_CHARACTERS:,} characters of text, "
                "more than a file may: use this alias's text in fewer places, or shorten it"
            )
            raise yaml.composer.ComposerError(None, None, problem, (self.alias or alias or node).start_mark)

    def note_comment(self, node: yaml.Node, path: KeyPath) -> None:
        end = node.end_mark
        line = self.lines[end.line] if end.line < len(self.lines) else ""
        # Matched in place, not on a copy of the rest of the line: a flow list of 100,000 values on one line
        # would copy the line once per value.
        comment = _COMMENT_AFTER.match(line, end.column)
        if comment:
            where = Position(self.name, end.line + 1, comment.start(1) + 1)
            self.comments_after[path] = (where, comment.group(1).rstrip())

    def construct(self, node: yaml.Node) -> Any:
        """Return the value of a scalar, or raise a marked error if it has none (e.g. ``2024-02-30``)."""
        if node.tag == _TEXT_TAG:  # most values: the text is the value, no constructor needed
            return node.value
        try:
            value = self.loader.construct_object(node, deep=True)
        except ValueError as error:
            kind = node.tag.rsplit(":", 1)[-1]
            problem = f"'{node.value}' is not a valid {kind} ({error}); put it in quotes if it is text"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from error
        if isinstance(value, float) and not math.isfinite(value):  # `.inf`, `.nan`: no count or weight can be one
            problem = f"'{node.value}' is not a finite number; put it in quotes if it is text"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark)
        return value

    def build_mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            alias = key_node if isinstance(key_node, _Alias) else None
            if alias is not None:
                key_node = alias.target
            if not isinstance(key_node, yaml.ScalarNode):
                self.diagnostics.append(Diagnostic(self.where(key_node), "a key must be plain text"))
                continue
            self.count_characters(key_node, alias)
            key = str(self.note_characters(key_node, self.construct(key_node)))
            if key in result:
                first = self.key_positions[(*path, key)]
                self.diagnostics.append(
                    Diagnostic(
                        self.where(key_node),
                        f"key '{key}' is given twice in this mapping (first at line {first.line})",
                    )
                )
                continue
            self.key_positions[(*path, key)] = self.where(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result


def plain_scalar(text: str) -> str:
    """Return ``text`` written so that YAML reads it back as that text: quoted if it would read as anything else.

    >>> plain_scalar("not-flagged"), plain_scalar("no"), plain_scalar("1.5"), plain_scalar("null")
    ('not-flagged', "'no'", "'1.5'", "'null'")
    """
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, text, (True, False))
    if tag == "tag:yaml.org,2002:str" and text.strip() == text and text and text[0] not in "!&*-?:,[]{}#|>@`'\"%":
        return text
    return "'" + text.replace("'", "''") + "'"
