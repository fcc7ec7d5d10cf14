"""Read YAML content files into plain data, remembering where every value came from.

This is the only module that parses YAML. It returns plain Python data (dicts,
lists, strings, numbers) together with the source position of each value, so
that later checks can point an editor at the exact line and column of a
problem. It refuses what PyYAML would silently accept, such as a key given
twice in one mapping.
"""

from __future__ import annotations

import math
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.diagnostics import Diagnostic, Position, display_path

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


def read_text(path: Path) -> tuple[str | None, list[Diagnostic]]:
    """Read a content file as UTF-8 text, refusing what an editor did not mean to save.

    Refused: a missing or unreadable file, one that is not a regular file (a
    named pipe, a device, even through a symlink), one over
    :data:`MAX_FILE_BYTES`, a byte-order mark, and bytes that are not UTF-8
    (with their line and column).
    """
    name = display_path(path)
    try:
        data = read_file(path)
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


def load_document(path: Path) -> tuple[Document | None, list[Diagnostic]]:
    """Parse ``path``; return the document, or ``None`` and the reasons it could not be read."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    return parse_document(text, display_path(path))


def parse_document(text: str, name: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse YAML ``text`` read from the file called ``name``.

    Sound YAML is parsed by libyaml, when PyYAML has it (ten times faster on a
    policy of thousands of lines); anything it finds wrong is parsed again by
    PyYAML's own parser, whose messages and positions the diagnostics are
    written for.
    """
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

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            target = super().compose_node(parent, index)
            return _Alias(target, event.start_mark, event.end_mark)
        return super().compose_node(parent, index)


def _parse(text: str, name: str, loader_class: type) -> tuple[Document | None, list[Diagnostic]]:
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
    document = Document(name, data, builder.positions, builder.key_positions, builder.comments_after)
    return document, builder.diagnostics


#: What YAML takes for the end of a line.
_LINE_BREAK = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


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
        if ": " in row[: mark.column]:  # `situation: Counteroffer: declined`
            return (
                mark.line + 1,
                mark.column + 1,
                "a colon followed by a space inside a text ends the key YAML is reading: "
                'put the whole text in double quotes ("…")',
            )
        return (
            mark.line + 1,
            start,
            "this line is indented deeper than the key above it: line it up with the other keys, "
            "or, if it goes on with the text above, put that text in quotes",
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
    return None


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
        if not node.style:  # unquoted (PyYAML says None, libyaml ""): a ` #` after it starts a comment
            self.note_comment(node, path)
        self.count_characters(node)
        return self.construct(node)

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
            key = str(self.construct(key_node))
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
