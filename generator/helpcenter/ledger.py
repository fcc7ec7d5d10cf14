"""The ledger of finder addresses: every address the help center has published, so that none ever breaks.

A finder address names the answers given (``finder/not-flagged/accounts``).
When an edit changes the questions, some addresses stop being pages; links to
them already sit in e-mails and support macros. The ledger,
``content/finder-addresses.yaml``, remembers each address with the answers it
stands for; an address the finder no longer has becomes a redirect to the node
those answers reach now (:func:`generator.logic.addresses.best_match`). Addresses are
only ever added: by ``python -m generator addresses``, and by every build.

The ledger is also the previous version of the policy, as far as addresses
care: it fingerprints the words of every question and answer when recorded. An
id that changed while its words stayed is a rename, found as ``diff`` finds
one (:func:`generator.helpcenter.compare.find_renames`), and the addresses that
held the old id follow it to the new one.

One line per address, compact: ``finder/small/broken: [size, damage]``
(the address's answers, then the questions they answer). An address that was
a redirect when recorded spells its answers out, as they are named now:
``finder/x/tried: {size: x, effort: made-attempt}``. The file is
YAML, but read line by line, so that a finder at the proof's limit of pages
is read in well under a second: :data:`MAX_LEDGER_BYTES` is its own limit.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import re
import stat
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.content.load import plain_scalar
from generator.content.model import Answer, Policy, Question
from generator.content.reuse import Kept
from generator.content.schema import ID_PATTERN
from generator.logic import flow
from generator.logic.addresses import FINDER_DIR, best_match, node_dir, node_dirs
from generator.logic.explain import format_answers
from generator.logic.verify import MAX_FINDER_PAGES

#: The ledger of the policy in policy.yaml; each other policy's is ``LEDGERS_DIR/<policy id>.yaml``.
LEDGER_FILE = "finder-addresses.yaml"
LEDGERS_DIR = "finder-addresses"

#: The most addresses a ledger holds: the finder at the proof's limit of pages, remade twenty times over.
MAX_ADDRESSES = 20 * MAX_FINDER_PAGES
#: The largest ledger read (and written): the finder at the proof's limit with lines of 4 KiB each, past the
#: 2,000 characters at which an address stops working as a link in an e-mail; ordinary lines take 100 to 300 bytes.
MAX_LEDGER_BYTES = MAX_FINDER_PAGES * 4 * 1024

#: The most broken lines reported: a file that is not a ledger at all is said so in a few lines.
MAX_PROBLEMS = 10

#: Address → the answers it stands for, by question id.
Addresses = Mapping[str, Mapping[str, str]]

#: The lines that fingerprint the words of a question (``words/effort``) or an answer (``words/effort/tried``).
WORDS = "words"

_HEADER = """\
# Every finder address the help center has published, with the answers it
# stands for: `finder/<answers>: [<the questions they answer>]`. An address
# the finder no longer has redirects to where those answers lead now, so links
# in e-mails and support macros never break; it is written with its answers
# spelled out, as they are named now. The `words/` lines fingerprint the words
# of each question and answer: an id renamed with its words unchanged takes its
# addresses along. Written by `python -m generator addresses` and by every
# build: commit it. After a merge, keep the lines of both sides.
"""


@dataclass(frozen=True)
class Ledger:
    """What the ledger records."""

    #: Every address published so far, with the answers it stands for (as the policy names them now).
    addresses: Addresses = field(default_factory=dict)
    #: The addresses that were redirects when last recorded (written with their answers spelled out).
    moved: frozenset[str] = frozenset()
    #: The words of each question and answer when last recorded, fingerprinted: ``question[/answer]`` → digest.
    words: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Redirect:
    """A published address the finder no longer has, and the node its answers reach now."""

    address: str
    target: str


class LedgerError(Exception):
    """The ledger cannot be written as it would be: the message says why and what to do."""


# --- Reading ---


def ledger_path(content_dir: Path, policy_id: str, *, main: bool) -> Path:
    """Where a policy's ledger is: the main policy's (policy.yaml) in :data:`LEDGER_FILE`, each other policy's in
    ``finder-addresses/<policy id>.yaml``."""
    return content_dir / LEDGER_FILE if main else content_dir / LEDGERS_DIR / f"{policy_id}.yaml"


def orphan_ledgers(content_dir: Path, policy_ids: set[str]) -> list[Diagnostic]:
    """Every ledger of ``finder-addresses/`` whose policy is gone: the addresses it records would break."""
    folder = content_dir / LEDGERS_DIR
    found = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    return [
        Diagnostic(
            Position(display_path(path)),
            f"the policy '{path.stem}' is not in the help center (there is no policies/{path.stem}.yaml): every "
            "finder address this file records would answer “not found”. Put the policy back; or, to take its "
            "finder off the site on purpose, delete this file",
        )
        for path in found
        if path.stem not in policy_ids
    ]


def read_ledger(path: Path, finder_dir: str = FINDER_DIR) -> tuple[Ledger, list[Diagnostic]]:
    """Return the ledger at ``path`` of the finder in ``finder_dir`` (empty if there is none yet) and its problems,
    each at its line."""
    if not path.exists() and not path.is_symlink():
        return _NO_LEDGER, []
    name = display_path(path)
    data, problem = _read_bytes(path)
    if data is None:
        return Ledger(), [Diagnostic(Position(name), problem)]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return Ledger(), [Diagnostic(Position(name, line, 1), f"the file is not valid UTF-8: {_RESTORE}")]
    # Read under other limits, it may have other problems.
    key = (hashlib.sha256(data).digest(), name, finder_dir, MAX_ADDRESSES, MAX_PROBLEMS)
    ledger, problems = _parsed.get(name, key, functools.partial(_parse, text, name, finder_dir))
    return ledger, list(problems)


#: The ledger of a policy that has none yet: one object, so that what is worked out from it is kept
#: (:mod:`generator.content.reuse`).
_NO_LEDGER = Ledger()
#: The ledger read last from each file, by a digest of its bytes, its finder folder and the limits: the same bytes
#: give the same object.
_parsed: Kept[tuple[bytes, str, str, int, int], tuple[Ledger, tuple[Diagnostic, ...]]] = Kept(256)


def _parse(text: str, name: str, finder_dir: str) -> tuple[Ledger, tuple[Diagnostic, ...]]:
    ledger, problems = parse_ledger(text, name, finder_dir)
    return ledger, tuple(problems)


def _read_bytes(path: Path) -> tuple[bytes | None, str]:
    """Read a regular file of at most :data:`MAX_LEDGER_BYTES`, the size taken on the opened file."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # a named pipe must not block the check
    except OSError as error:
        return None, f"cannot read the file ({error.strerror})"
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            return None, f"not a regular file: {_RESTORE}"
        if status.st_size > MAX_LEDGER_BYTES:
            return None, f"the file is {_bytes(status.st_size)}; the limit is {_bytes(MAX_LEDGER_BYTES)}: {_RESTORE}"
        with os.fdopen(os.dup(descriptor), "rb") as file:
            data = file.read(MAX_LEDGER_BYTES + 1)
    except OSError as error:
        return None, f"cannot read the file ({error.strerror})"
    finally:
        os.close(descriptor)
    if len(data) > MAX_LEDGER_BYTES:  # it grew while read
        return None, f"the file is over the limit of {_bytes(MAX_LEDGER_BYTES)}: {_RESTORE}"
    return data, ""


def parse_ledger(text: str, name: str, finder_dir: str = FINDER_DIR) -> tuple[Ledger, list[Diagnostic]]:
    """Parse the ledger's ``text``, read from the file ``name``, line by line; its addresses are in ``finder_dir``."""
    address_pattern = re.compile(rf"{re.escape(finder_dir)}(?:/{ID_PATTERN})*")
    addresses: dict[str, dict[str, str]] = {}
    moved: set[str] = set()
    words: dict[str, str] = {}
    lines: dict[str, int] = {}
    problems: list[Diagnostic] = []
    shape = _shape(finder_dir)
    for number, line in enumerate(text.split("\n"), 1):
        if len(problems) >= MAX_PROBLEMS:
            problems.append(Diagnostic(Position(name, number, 1), f"and maybe more: {_RESTORE}"))
            break
        line = line.rstrip(" \r")
        if not line or line.lstrip().startswith("#"):
            continue
        key, _, value = line.partition(": ")
        if key.startswith(f"{WORDS}/"):
            digest = _scalar(value.strip())
            if not (_WORDS_KEY.fullmatch(key) and digest and _DIGEST.fullmatch(digest)):
                problems.append(Diagnostic(Position(name, number, 1), shape))
                continue
            words[key.removeprefix(f"{WORDS}/")] = digest  # after a merge, the later line wins
            continue
        if value.strip() == "[]" and key != finder_dir and _FOLDER.fullmatch(key):  # the start of another folder
            return Ledger(), [Diagnostic(Position(name, number, 1), _moved_finder(key, finder_dir))]
        entry = _entry(key, value.strip(), address_pattern, finder_dir)
        if entry is None:
            problems.append(Diagnostic(Position(name, number, 1), shape))
            continue
        if key in lines:
            problem = f"the address {key} is given twice (first at line {lines[key]}): keep one of the lines"
            problems.append(Diagnostic(Position(name, number, 1), problem))
            continue
        if len(addresses) >= MAX_ADDRESSES:
            problem = f"the file holds more than {MAX_ADDRESSES:,} addresses, its limit: {_RESTORE}"
            return Ledger(), [*problems, Diagnostic(Position(name, number, 1), problem)]
        answers, spelled_out = entry
        lines[key] = number
        addresses[key] = answers
        if spelled_out:
            moved.add(key)
    # The finder's start is always published, so never written spelled out, but by a ledger written before
    # the compact lines, which wrote every address so: its moved addresses are not known.
    return Ledger(addresses, frozenset() if finder_dir in moved else frozenset(moved), words), problems


def _entry(address: str, value: str, pattern: re.Pattern[str], finder_dir: str) -> tuple[dict[str, str], bool] | None:
    """The answers of one address's line, and whether they were spelled out; ``None`` if the line is not one."""
    if not pattern.fullmatch(address):
        return None
    given = address[len(finder_dir) :].split("/")[1:]
    if _PLAIN_LIST.fullmatch(value):  # the line as written, read with one match: a ledger of 40 MB in seconds
        questions = value[1:-1].split(", ") if len(value) > 2 else []
        if len(questions) != len(given) or len(set(questions)) != len(questions):
            return None
        return dict(zip(questions, given, strict=True)), False
    if value.startswith("[") and value.endswith("]"):
        listed = _items(value[1:-1])
        if listed is None or len(listed) != len(given) or len(set(listed)) != len(listed):
            return None
        return dict(zip(listed, given, strict=True)), False
    if value.startswith("{") and value.endswith("}"):
        pairs = _items(value[1:-1], pairs=True)
        if pairs is None or len(pairs) != 2 * len(given):
            return None
        answers = dict(zip(pairs[::2], pairs[1::2], strict=True))
        return (answers, True) if len(answers) == len(given) else None
    return None


def _items(text: str, *, pairs: bool = False) -> list[str] | None:
    """The ids of a flow list (``a, b``) or mapping (``q: a, r: b``, as ``[q, a, r, b]``), or ``None``."""
    if not text.strip():
        return []
    items = []
    for item in text.split(","):
        parts = item.split(":") if pairs else [item]
        if len(parts) != (2 if pairs else 1):
            return None
        for part in parts:
            scalar = _scalar(part.strip())
            if scalar is None or not _ID.fullmatch(scalar):
                return None
            items.append(scalar)
    return items


def _scalar(text: str) -> str | None:
    """A plain or quoted scalar without quotes in it (ids and digests have none), or ``None``."""
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        text = text[1:-1]
    return text if text and not set(text) & set("'\"") else None


#: An id as the policy's schema defines it: no slash, no dot, no space.
_ID = re.compile(ID_PATTERN)
#: A list of plain ids as the ledger writes them: ``[size, damage]``.
_PLAIN_LIST = re.compile(rf"\[(?:{ID_PATTERN}(?:, {ID_PATTERN})*)?\]".replace("(-", "(?:-"))
_WORDS_KEY = re.compile(rf"{WORDS}/{ID_PATTERN}(?:/{ID_PATTERN})?")
_DIGEST = re.compile("[0-9a-f]{12}")
#: A finder's folder as a ledger names it: ids joined by slashes (``finder``, ``cancel-an-order/finder``).
_FOLDER = re.compile(rf"{ID_PATTERN}(?:/{ID_PATTERN})*".replace("(-", "(?:-"))

_RESTORE = (
    "this file is written by `python -m generator addresses`: restore it from version control (after a merge, "
    "keep the lines of both sides), never delete it, or the links it keeps alive break"
)


def _moved_finder(recorded: str, finder_dir: str) -> str:
    """What to do when the ledger's finder starts at ``recorded`` and the policy's now at ``finder_dir``."""
    return (
        f"this file records the finder at {recorded}/, but the policy now puts it at {finder_dir}/: every address "
        f"published under {recorded}/ (in e-mails, bookmarks, support macros) would break. Give the article, or "
        f"the finder, back the id that put it at {recorded}/ (if those addresses were never published, delete "
        "this file instead: the next build writes it anew)"
    )


def _shape(finder_dir: str) -> str:
    """What a line of the ledger of the finder in ``finder_dir`` must look like."""
    return (
        f"each line must read `{finder_dir}/<answers>: [<questions>]` (or `{{question: answer, …}}`), an address "
        f"with one question per answer, or `{WORDS}/<question>[/<answer>]: <digest>`; {_RESTORE}"
    )


# --- What the policy publishes now, and the ledger brought up to date ---


def published(nodes: list[flow.Node], finder_dir: str = FINDER_DIR) -> dict[str, dict[str, str]]:
    """Return the finder's addresses with the answers each stands for, in the finder's order."""
    return {folder: dict(node.path) for folder, node in node_dirs(nodes, finder_dir).items()}


def words_of(policy: Policy) -> dict[str, str]:
    """Fingerprint the words of each question and answer, by ``question`` and ``question/answer``."""
    words = {}
    for question in policy.questions:
        words[question.id] = _digest(question.text)
        for answer in question.answers:
            words[f"{question.id}/{answer.id}"] = _digest(answer.text)
    return words


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:12]


def updated(recorded: Ledger, policy: Policy, nodes: list[flow.Node]) -> Ledger:
    """Return the ledger as recording this version of the policy makes it; ``recorded`` if nothing changes.

    Every recorded address keeps its place, its answers renamed as the policy
    renamed them since recorded; an address the finder has takes the answers
    it stands for now; the finder's new addresses come after the others.
    """
    return _updated(recorded, policy, published(nodes, policy.finder_dir), _renames(recorded.words, policy))


def _updated(recorded: Ledger, policy: Policy, now: dict[str, dict[str, str]], renames: Renames) -> Ledger:
    """:func:`updated`, given what the policy publishes ``now`` (:func:`published`)."""
    addresses: dict[str, Mapping[str, str]] = {}
    for address, answers in recorded.addresses.items():
        addresses[address] = now[address] if address in now else _renamed(answers, renames)
    for address, answers in now.items():
        addresses.setdefault(address, answers)
    moved = frozenset(address for address in addresses if address not in now)
    result = Ledger(addresses, moved, words_of(policy))
    return recorded if result == recorded else result


#: Per kind of id, old id → new id (:data:`generator.helpcenter.compare.Renames`).
Renames = dict[str, dict[str, str]]


def _renames(recorded: Mapping[str, str], policy: Policy) -> Renames:
    """The questions and answers renamed since ``recorded``: found as ``diff`` finds them, on their words."""
    if not recorded:
        return {}
    # compare reads this module's redirects, so it is imported when first needed, not with this module.
    from generator.helpcenter.compare import find_renames

    before = dataclasses.replace(policy, questions=_worded(recorded), outcomes=())
    now = dataclasses.replace(policy, questions=_worded(words_of(policy)), outcomes=())
    return find_renames(before, now)


def _worded(words: Mapping[str, str]) -> tuple[Question, ...]:
    """The questions and answers of a fingerprint of words, each digest standing for its words."""
    questions: dict[str, tuple[str, list[Answer]]] = {}
    for key, digest in words.items():
        question, _, answer = key.partition("/")
        _, answers = questions.setdefault(question, ("", []))
        if answer:
            answers.append(Answer(answer, digest))
        else:
            questions[question] = (digest, answers)
    return tuple(Question(key, text, tuple(answers)) for key, (text, answers) in questions.items())


def _renamed(answers: Mapping[str, str], renames: Renames) -> dict[str, str]:
    """The answers as the policy names them now."""
    if not any(renames.values()):
        return dict(answers)
    from generator.helpcenter.compare import renamed_path  # see _renames

    return dict(renamed_path(tuple(answers.items()), renames))


def redirects(ledger: Addresses, nodes: list[flow.Node], finder_dir: str = FINDER_DIR) -> list[Redirect]:
    """Return a redirect for each address of the ledger that the finder in ``finder_dir`` no longer has."""
    current = {node.path: node for node in nodes}
    addresses = node_dirs(nodes, finder_dir)
    return [
        Redirect(address, node_dir(best_match(current, tuple(answers.items())), finder_dir))
        for address, answers in ledger.items()
        if address not in addresses
    ]


# --- Writing ---


def ledger_text(ledger: Ledger) -> str:
    """Return the ledger's file: the addresses in their order, then the words."""
    return "".join(_lines(ledger))


def _lines(ledger: Ledger) -> Iterator[str]:
    yield _HEADER
    for address, answers in ledger.addresses.items():
        if address in ledger.moved:
            pairs = ", ".join(f"{plain_scalar(question)}: {plain_scalar(given)}" for question, given in answers.items())
            yield f"{address}: {{{pairs}}}\n"
        else:
            yield f"{address}: [{', '.join(map(plain_scalar, answers))}]\n"
    for key, digest in ledger.words.items():
        yield f"{WORDS}/{key}: {plain_scalar(digest)}\n"


def record(path: Path, recorded: Ledger, ledger: Ledger, finder_dir: str = FINDER_DIR) -> list[str]:
    """Write ``ledger`` (of the finder in ``finder_dir``) to ``path`` in place of ``recorded`` (atomically) if it
    changed; return what was done, in lines.

    Raises :class:`LedgerError` rather than write a ledger that could not be
    read back, and ``OSError`` if the file cannot be written.
    """
    if ledger == recorded:
        return []
    text = ledger_text(ledger)
    size = len(text.encode("utf-8"))
    if size > MAX_LEDGER_BYTES or len(ledger.addresses) > MAX_ADDRESSES:
        raise LedgerError(
            f"the ledger would hold {len(ledger.addresses):,} addresses in {_bytes(size)}, over its limit of "
            f"{MAX_ADDRESSES:,} addresses in {_bytes(MAX_LEDGER_BYTES)}: give the answers shorter ids, or ask the "
            "finder's questions in an order that makes fewer pages"
        )
    if parse_ledger(text, display_path(path), finder_dir) != (ledger, []):
        raise LedgerError("the ledger would not read back as written: please report this")
    from generator.content.publish import write_atomically  # check, which only reads ledgers, never needs it

    path.parent.mkdir(exist_ok=True)  # finder-addresses/, for the first policy beside policy.yaml's
    write_atomically(path, text)
    new = sum(address not in recorded.addresses for address in ledger.addresses)
    if new:
        return [f"{display_path(path)}: {_addresses(new, 'new ')} recorded"]
    done = [_addresses(len(ledger.moved - recorded.moved), "moved ")] if ledger.moved - recorded.moved else []
    if ledger.words != recorded.words:
        done.append("the words of the questions and answers")
    return [f"{display_path(path)}: {' and '.join(done or ['the renamed answers'])} recorded"]


def ledger_problem(path: Path, recorded: Ledger, ledger: Ledger) -> Diagnostic:
    """Say that the ledger at ``path`` is not up to date with the finder, and what to do."""
    missing = [address for address in ledger.addresses if address not in recorded.addresses]
    todo = f"run `python -m generator addresses` and commit {display_path(path)}"
    where = Position(display_path(path))
    if missing:
        return Diagnostic(where, f"{_addresses(len(missing))} published but not recorded (e.g. {missing[0]}/): {todo}")
    return Diagnostic(
        where,
        f"finder addresses moved, or questions and answers were renamed or reworded, since recorded: {todo}, "
        "so that the old links keep the customers' answers",
    )


def moved_lines(recorded: Ledger, policy: Policy, nodes: list[flow.Node]) -> list[str]:
    """Say which addresses moved since recorded, and where each now sends its readers; and which mean other answers.

    Once recorded, a moved address is not said again.
    """
    if not recorded.addresses:  # nothing published yet: nothing moved
        return []
    renames = _renames(recorded.words, policy)
    now = published(nodes, policy.finder_dir)
    ledger = _updated(recorded, policy, now, renames)
    lines = [
        f"{moved.address}/: moved; redirects to {moved.target}/"
        for moved in redirects(ledger.addresses, nodes, policy.finder_dir)
        if moved.address not in recorded.moved
    ]
    for address, answers in now.items():
        before = recorded.addresses.get(address)
        if before is not None and address not in recorded.moved and _renamed(before, renames) != answers:
            lines.append(
                f"{address}/: now stands for {_answers(answers)}, not {_answers(before)}: "
                "links to it land on other answers (give the new answers other ids to keep the old links)"
            )
    return lines


def _addresses(count: int, kind: str = "") -> str:
    return f"{count:,} {kind}finder address{'es' if count != 1 else ''}"


def _answers(answers: Mapping[str, str]) -> str:
    return format_answers(answers.items()) or "no answer"


def _bytes(size: int) -> str:
    """A size, exact: a file one byte over the limit never reads as at it."""
    return f"{size:,} bytes"
