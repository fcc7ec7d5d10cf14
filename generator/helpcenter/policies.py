"""The policies of a help center: which files they are, and what they may not share.

``content/policy.yaml`` is the main policy (the help center this project was
first asked for); every other policy is a file ``content/policies/<id>.yaml``
in the same format, named after its id. Each policy has its own pages: an
article at ``<article id>/``, a finder below its folder
(:attr:`~generator.content.model.Policy.finder_dir`), ``finder.json`` beside
that folder and a review page at ``review/<policy id>/``. These checks make
sure no two policies claim one address, and say which targets a text may link
to across policies (``warranty/article``, ``warranty/finder``,
``warranty/outcome:free-repair``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.diagnostics import Diagnostic, Position, display_path
from generator.content.load import Document, Skimmed
from generator.content.references import OUTCOME_LINK_PREFIX, POLICY_PAGES
from generator.content.reserved import FINDER_DIR, REVIEW_DIR, THEME_DIRS
from generator.content.schema import ID_PATTERN

#: A policy's id, as the policy's schema allows it.
_ID = re.compile(ID_PATTERN)
#: The main policy's file.
POLICY_FILE = "policy.yaml"
#: The folder of the other policies, one file each, named after the policy's id.
POLICIES_DIR = "policies"
#: Folders of a locale's site that the theme or the generator take for themselves.
RESERVED_DIRS = frozenset({REVIEW_DIR}) | THEME_DIRS


@dataclass(frozen=True)
class PolicyFile:
    """A policy's file, and whether it is the main one (``policy.yaml``)."""

    path: Path
    main: bool

    @property
    def name(self) -> str:
        return display_path(self.path)


def policy_files(content_dir: Path) -> list[PolicyFile]:
    """Return the policy files of ``content_dir``: policy.yaml first, then ``policies/*.yaml`` by name."""
    files = [PolicyFile(content_dir / POLICY_FILE, main=True)]
    folder = content_dir / POLICIES_DIR
    if folder.is_dir():
        files += [PolicyFile(path, main=False) for path in sorted(folder.glob("*.yaml")) if not path.is_dir()]
    return files


def misnamed_files(content_dir: Path) -> list[Diagnostic]:
    """A file of ``policies/`` that looks like a policy but is not read: ``warranty.yml``, ``Warranty.YAML``."""
    folder = content_dir / POLICIES_DIR
    if not folder.is_dir():
        return []
    return [
        Diagnostic(
            Position(display_path(path)),
            f"this file is not read: a policy's file ends in .yaml. Rename it {path.stem}.yaml",
        )
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in {".yaml", ".yml"} and path.suffix != ".yaml" and not path.name.startswith(".")
    ]


def policy_file_of(content_dir: Path, file: Path) -> PolicyFile | None:
    """Return the policy file ``file`` names in ``content_dir`` (given as any path to it), or ``None``."""
    wanted = file.resolve()
    return next((found for found in policy_files(content_dir) if found.path.resolve() == wanted), None)


def check_id(document: Document, file: PolicyFile) -> list[Diagnostic]:
    """A policy of ``policies/`` is named after its id: ``policies/warranty.yaml`` holds ``id: warranty``."""
    found = document.data.get("id")
    if file.main or found == file.path.stem:
        return []
    named = isinstance(found, str) and _ID.fullmatch(found)
    if named and file.path.with_name(f"{found}.yaml").exists():
        fixes = [f"{POLICIES_DIR}/{found}.yaml is that policy: delete this file if it is a copy"]
    else:
        fixes = [f"Rename the file to {found}.yaml"] if named else []
    if _ID.fullmatch(file.path.stem):
        fixes.append(f"write id: {file.path.stem}")
    else:
        fixes.append("give the policy an id in lowercase letters, digits and hyphens, and the file that name")
    return [
        Diagnostic(
            document.position(("id",)),
            f"this file is {POLICIES_DIR}/{file.path.name}, so its policy's id must be '{file.path.stem}', not "
            f"'{found}': a policy's file is named after its id. {', or '.join(fixes)}",
        )
    ]


@dataclass(frozen=True)
class _Claim:
    """A folder of the site a policy's pages take, and where the policy says so."""

    folder: str
    what: str
    where: Position
    policy: str
    #: A finder's folder the policy does not give, but follows from its article's.
    default: bool = False


def _claims(document: Document) -> list[_Claim]:
    data = document.data
    article = data["article"]["id"]
    finder = data["finder"].get("id") or f"{article}/{FINDER_DIR}"
    finder_where = document.position(("finder", "id") if "id" in data["finder"] else ("article", "id"))
    return [
        _Claim(article, "its article", document.position(("article", "id")), data["id"]),
        _Claim(finder, "its finder", finder_where, data["id"], default="id" not in data["finder"]),
    ]


def _inside(folder: str, other: str) -> bool:
    """Whether ``folder`` is ``other`` or a folder below it."""
    return folder == other or folder.startswith(f"{other}/")


def check_collisions(documents: Sequence[Document]) -> list[Diagnostic]:
    """Return every id or address two policies share, each said at the later one and naming the other's file.

    Two policies may not have one id, one article, or finders of which one
    lies in the other's folder; a finder may not lie in another policy's
    article folder, nor in a folder the site takes for itself (``review/``,
    ``assets/``, ``search/``).
    """
    problems: list[Diagnostic] = []
    seen_ids: dict[str, Document] = {}
    for document in documents:
        policy_id = document.data["id"]
        if policy_id in seen_ids:
            first = seen_ids[policy_id].position(("id",))
            problems.append(
                Diagnostic(
                    document.position(("id",)),
                    f"policy '{policy_id}' is also the policy of {_at(first)}: give each policy its own id",
                )
            )
        else:
            seen_ids[policy_id] = document
    claims = [(document, claim) for document in documents for claim in _claims(document)]
    clashing_articles: set[int] = set()  # a default finder below an article that clashes is said with it
    for index, (document, claim) in enumerate(claims):
        if claim.default and id(document) in clashing_articles:
            continue
        top = claim.folder.split("/")[0]
        if claim.what == "its finder" and top in RESERVED_DIRS:
            problems.append(
                Diagnostic(
                    claim.where,
                    f"the finder's folder '{claim.folder}' is inside {top}/, which the site takes for itself: "
                    "choose another finder id",
                )
            )
        for other_document, other in claims[:index]:
            if other.default and other.folder == f"{claim.folder}/{FINDER_DIR}":  # said with their articles
                continue
            if other_document is document:
                if claim.what == "its finder" and claim.folder == other.folder:  # its own article's folder
                    problems.append(
                        Diagnostic(
                            claim.where,
                            f"the finder's folder '{claim.folder}' is the folder of the policy's own article: its "
                            "first page would replace the article. Choose another finder id, or leave it out (the "
                            f"finder then lives at {claim.folder}/{FINDER_DIR}/)",
                        )
                    )
                continue
            if claim.what == other.what == "its article" and claim.folder == other.folder:
                clash = "is also the article of"
                clashing_articles.add(id(document))
            elif "its finder" in (claim.what, other.what) and (
                _inside(claim.folder, other.folder) or _inside(other.folder, claim.folder)
            ):
                clash = f"overlaps the folder of the {other.what.removeprefix('its ')} of"
            else:
                continue
            problems.append(
                Diagnostic(
                    claim.where,
                    f"the folder '{claim.folder}' of {claim.what} {clash} policy '{other.policy}' "
                    f"({other.folder}/, {_at(other.where)}): every page needs an address of its own, so choose "
                    "another id",
                )
            )
    return problems


def _at(where: Position) -> str:
    return f"{where.file} line {where.line}" if where.line else where.file


def link_targets(documents: Iterable[Document]) -> frozenset[str]:
    """Every page of a policy a text may link to from any policy: ``<id>/article``, ``<id>/finder``,
    ``<id>/outcome:<outcome id>``."""
    targets: set[str] = set()
    for document in documents:
        policy_id, outcomes = document.data["id"], [item["id"] for item in document.data["outcomes"]]
        targets |= {f"{policy_id}/{page}" for page in POLICY_PAGES}
        targets |= {f"{policy_id}/{OUTCOME_LINK_PREFIX}{outcome}" for outcome in outcomes}
    return frozenset(targets)


def skimmed_targets(skimmed: Skimmed | None) -> frozenset[str]:
    """The targets :func:`loose_targets` finds, from what :func:`generator.content.load.skim_ids` found in a
    policy file (``None``: a file that could not be read or parsed, which names no page)."""
    if skimmed is None:
        return frozenset()
    own, lists = skimmed
    return loose_targets({"id": own, "outcomes": [{"id": outcome} for outcome in lists.get("outcomes", [])]})


def loose_targets(data: Any) -> frozenset[str]:
    """The targets :func:`link_targets` finds, from a policy's data that was only parsed, not schema-checked:
    what does not have the expected shape is left out."""
    if not isinstance(data, Mapping) or not isinstance(data.get("id"), str):
        return frozenset()
    outcomes = data.get("outcomes")
    ids = (
        [item["id"] for item in outcomes if isinstance(item, Mapping) and isinstance(item.get("id"), str)]
        if (isinstance(outcomes, list))
        else []
    )
    targets = {f"{data['id']}/{page}" for page in POLICY_PAGES}
    return frozenset(targets | {f"{data['id']}/{OUTCOME_LINK_PREFIX}{outcome}" for outcome in ids})


def check_categories(shared: Document, documents: Sequence[Document]) -> list[Diagnostic]:
    """A category no policy names would show as an empty heading on the home page: an error at the category."""
    used = {document.data.get("category") for document in documents}
    if used - {item["id"] for item in shared.data.get("categories", ())}:  # a misspelt category is said at the policy
        return []
    return [
        Diagnostic(
            shared.position(("categories", index, "id")),
            f"category '{item['id']}' has no policy: give a policy `category: {item['id']}`, or remove it",
        )
        for index, item in enumerate(shared.data.get("categories", ()))
        if item["id"] not in used
    ]
