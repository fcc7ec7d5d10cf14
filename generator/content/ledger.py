"""The ledger of finder addresses: every address the help center has published, so that none ever breaks.

A finder address names the answers given (``finder/not-flagged/accounts``).
When an edit changes the questions, some addresses stop being pages; links to
them already sit in e-mails and support macros. The ledger,
``content/finder-addresses.yaml``, remembers each address with the answers it
stood for; an address the finder no longer has becomes a redirect to the node
those answers reach now (:func:`generator.logic.addresses.best_match`). Addresses are
only ever added: by ``python -m generator addresses``, and by every build.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.content.load import load_document, plain_scalar
from generator.content.publish import write_atomically
from generator.content.schema import ID_PATTERN
from generator.logic import flow
from generator.logic.addresses import best_match, node_dir
from generator.logic.explain import format_answers

LEDGER_FILE = "finder-addresses.yaml"

#: Address → the answers it stands for, by question id.
Ledger = Mapping[str, Mapping[str, str]]

_HEADER = """\
# Every finder address the help center has published, with the answers it
# stands for. An address the finder no longer has redirects to where those
# answers lead now, so links in e-mails and support macros never break.
# Written by `python -m generator addresses` and by every build: commit it.
"""


@dataclass(frozen=True)
class Redirect:
    """A published address the finder no longer has, and the node its answers reach now."""

    address: str
    target: str


def read_ledger(content_dir: Path) -> tuple[dict[str, dict[str, str]], list[Diagnostic]]:
    """Return the ledger (empty if there is none yet) and its problems, each at its line."""
    path = content_dir / LEDGER_FILE
    if not path.exists():
        return {}, []
    document, problems = load_document(path)
    if document is None:
        return {}, problems
    data = document.data if document.data is not None else {}
    if not isinstance(data, dict):
        return {}, [Diagnostic(document.position(()), _SHAPE)]
    ledger: dict[str, dict[str, str]] = {}
    for address, answers in data.items():
        if not _sound(address, answers):
            problems.append(Diagnostic(document.key_position((address,)), _SHAPE))
            continue
        ledger[address] = {str(question): value for question, value in answers.items()}
    return ledger, problems


_SHAPE = (
    "each line must read `finder/<answers>: {question: answer, …}`, the address made of its answers; this "
    "file is written by `python -m generator addresses`: restore it from version control (after a merge, "
    "keep the lines of both sides), never delete it, or the links it keeps alive break"
)


def _sound(address: object, answers: object) -> bool:
    """An entry is an address made of its answers, each a plain id: nothing that could leave the finder."""
    if not isinstance(address, str) or not isinstance(answers, dict):
        return False
    ids = [*map(str, answers), *answers.values()]
    if not all(isinstance(value, str) and _ID.fullmatch(value) for value in ids):
        return False
    return address == node_dir(tuple(answers.items()))


#: An id as the policy's schema defines it: no slash, no dot, no space.
_ID = re.compile(ID_PATTERN)


def published(nodes: list[flow.Node]) -> dict[str, dict[str, str]]:
    """Return the finder's addresses with the answers each stands for, in the finder's order."""
    return {node_dir(node.path): dict(node.path) for node in nodes}


def redirects(ledger: Ledger, nodes: list[flow.Node]) -> list[Redirect]:
    """Return a redirect for each address of the ledger that the finder no longer has."""
    current = {node.path: node for node in nodes}
    addresses = {node_dir(path) for path in current}
    return [
        Redirect(address, node_dir(best_match(current, tuple(answers.items()))))
        for address, answers in ledger.items()
        if address not in addresses
    ]


def unrecorded(ledger: Ledger, nodes: list[flow.Node]) -> list[str]:
    """Return the finder's addresses the ledger does not have yet."""
    return [address for address in published(nodes) if address not in ledger]


def ledger_text(ledger: Ledger, nodes: list[flow.Node]) -> str:
    """Return the ledger with the finder's new addresses added after the recorded ones: nothing is dropped."""
    entries = {**ledger, **{a: v for a, v in published(nodes).items() if a not in ledger}}
    lines = [_HEADER]
    for address, answers in entries.items():
        pairs = ", ".join(f"{plain_scalar(question)}: {plain_scalar(answer)}" for question, answer in answers.items())
        lines.append(f"{address}: {{{pairs}}}\n")
    return "".join(lines)


def ledger_problem(content_dir: Path, missing: list[str]) -> Diagnostic:
    """Say that the ledger lacks addresses the site publishes, and what to do."""
    return Diagnostic(
        Position(display_path(content_dir / LEDGER_FILE)),
        f"{_addresses(len(missing))} published but not recorded "
        f"(e.g. {missing[0]}/): run `python -m generator addresses` and commit {LEDGER_FILE}",
    )


def record(content_dir: Path, ledger: Ledger, nodes: list[flow.Node]) -> list[str]:
    """Add the finder's new addresses to the ledger file (atomically); return what was done, in lines."""
    path = content_dir / LEDGER_FILE
    missing = unrecorded(ledger, nodes)
    if missing:
        write_atomically(path, ledger_text(ledger, nodes))
        return [f"{display_path(path)}: {_addresses(len(missing), 'new ')} recorded"]
    return []


def moved_lines(ledger: Ledger, nodes: list[flow.Node]) -> list[str]:
    """Say which recorded addresses moved, and where each now sends its readers; and which now mean other answers."""
    lines = [f"{moved.address}/: moved; redirects to {moved.target}/" for moved in redirects(ledger, nodes)]
    for address, answers in published(nodes).items():
        if address in ledger and dict(ledger[address]) != answers:
            lines.append(
                f"{address}/: now stands for {_answers(answers)}, not {_answers(ledger[address])}: "
                "links to it land on other answers (give the new answers other ids to keep the old links)"
            )
    return lines


def _addresses(count: int, kind: str = "") -> str:
    return f"{count} {kind}finder address{'es' if count != 1 else ''}"


def _answers(answers: Mapping[str, str]) -> str:
    return format_answers(answers.items()) or "no answer"
