"""Finder links never break: every address a build published keeps answering, as a page or a redirect.

The ledger (content/finder-addresses.yaml) records each address with its
answers; an address the finder no longer has becomes a page that sends the
reader on to where those answers lead now, without JavaScript.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from support import add_question_in_front, html_tags, nu_errors
from support import run_cli as run

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def finder_pages(site: Path) -> dict[str, str]:
    """The finder's pages of en-US by address (``finder/not-flagged``), as HTML."""
    folder = site / "en-us"
    return {
        page.parent.relative_to(folder).as_posix(): page.read_text(encoding="utf-8")
        for page in (folder / "finder").rglob("index.html")
    }


def resolve(address: str, link: str) -> str:
    """The address a relative link of the page at ``address`` leads to."""
    parts = address.split("/")
    for step in link.rstrip("/").split("/"):
        if step == "..":
            parts.pop()
        elif step not in {"", "."}:
            parts.append(step)
    return "/".join(parts)


def test_every_finder_address_of_the_previous_build_still_answers(capsys, project):
    assert run(capsys, "build", "--locale", "en-US", "--site-dir", "before")[0] == 0
    before = finder_pages(project / "before")
    add_question_in_front(project)

    status, out, _ = run(capsys, "build", "--locale", "en-US", "--site-dir", "after")

    assert status == 0
    assert "content/finder-addresses.yaml: 26 new finder addresses recorded: commit it" in out
    # The start stays; "online" and "shop" are new, and the 24 other addresses reappear below "online".
    after = finder_pages(project / "after")
    moved = 0
    for address in before:
        assert address in after, f"{address}/ answers 404 after the edit"
        refresh = REFRESH.search(after[address])
        if refresh is None:
            continue
        moved += 1
        target = resolve(address, refresh.group(1))
        assert target in after, f"{address}/ redirects to {target}/, which does not exist"
        assert not REFRESH.search(after[target]), "a redirect leads to a page, never to another redirect"
        tags = html_tags(after[address])
        assert ("meta", {"name": "robots", "content": "noindex"}) in tags
        canonical = [
            attributes["href"] for tag, attributes in tags if tag == "link" and attributes.get("rel") == "canonical"
        ]
        assert len(canonical) == 1
        assert canonical[0].endswith(f"/en-us/{target}/"), "search engines are told where the page went"
        assert ("a", {"href": refresh.group(1), "data-redirect": None}) in tags, "a visible link for the reader"
    assert moved == 24  # every address below the start: their answers do not say where the device was traded in
    redirect = "en-us/finder/not-flagged/accounts/index.html"
    assert REFRESH.search((project / "after" / redirect).read_text(encoding="utf-8"))
    assert nu_errors(project / "after", [redirect]) == {}


def test_check_lists_the_moved_addresses_and_strict_wants_the_ledger_committed(capsys, project):
    add_question_in_front(project)

    status, out, _ = run(capsys, "check")
    assert status == 0
    assert "finder/not-flagged/accounts/: moved; redirects to finder/" in out.splitlines()

    status, _, err = run(capsys, "check", "--strict")
    assert status == 1
    assert "content/finder-addresses.yaml: error: 26 finder addresses published but not recorded" in err

    status, out, _ = run(capsys, "addresses")
    assert status == 0
    assert out.startswith("content/finder-addresses.yaml: 26 new finder addresses recorded\n")
    assert "not recorded" not in run(capsys, "check", "--strict")[2]  # only the new question's translations remain
    ledger = (project / "content/finder-addresses.yaml").read_text(encoding="utf-8")
    # Kept, and written as a redirect: its answers spelled out.
    assert "finder/not-flagged/accounts: {device-status: not-flagged, reason: accounts}\n" in ledger
    assert "finder/online/not-flagged/accounts: [channel, device-status, reason]\n" in ledger


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("finder: [a, b]\n", "content/finder-addresses.yaml:1:1: error: each line must read", id="not-a-mapping"),
        pytest.param("finder: {}\nfinder/x: x\n", "content/finder-addresses.yaml:2:1: error: each line must read", id="answers-not-a-mapping"),
        pytest.param("finder: {}\nguide: {}\n", "content/finder-addresses.yaml:2:1: error: each line must read", id="not-a-finder-address"),
        pytest.param("finder: []\nfinder: {\n", "content/finder-addresses.yaml:2:1: error: each line", id="broken-yaml"),
        pytest.param("finder/../review: {a: ..}\n", "content/finder-addresses.yaml:1:1: error: each line", id="leaves-the-finder"),
        pytest.param("finderx: {}\n", "content/finder-addresses.yaml:1:1: error: each line", id="not-the-finder"),
        pytest.param("finder/a/: {q: a}\n", "content/finder-addresses.yaml:1:1: error: each line", id="trailing-slash"),
        pytest.param("finder/b: {q: a, r: b}\n", "content/finder-addresses.yaml:1:1: error: each line", id="answers-not-its-depth"),
        pytest.param("finder/a/b: [q]\n", "content/finder-addresses.yaml:1:1: error: each line", id="questions-not-its-depth"),
        pytest.param("finder/a/b: [q, q]\n", "content/finder-addresses.yaml:1:1: error: each line", id="a-question-twice"),
        pytest.param("finder/a: [Q]\n", "content/finder-addresses.yaml:1:1: error: each line", id="not-an-id"),
        pytest.param("finder/a: [q]\nfinder/a: [r]\n", "content/finder-addresses.yaml:2:1: error: the address finder/a is given twice (first at line 1)", id="given-twice"),
        pytest.param("finder: []\nwords/q: 12ab\n", "content/finder-addresses.yaml:2:1: error: each line", id="not-a-digest"),
        pytest.param("finder: []\nwords/q/a/b: 0123456789ab\n", "content/finder-addresses.yaml:2:1: error: each line", id="words-too-deep"),
        pytest.param("finder: []\nfinder/a: [q]\n\udcff\n", "content/finder-addresses.yaml:3:1: error: the file is not valid UTF-8", id="not-utf-8"),
    ],
)  # fmt: skip
def test_a_broken_ledger_is_reported_at_its_line(capsys, project, text, expected):
    (project / "content/finder-addresses.yaml").write_bytes(text.encode("utf-8", "surrogateescape"))

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    assert err.startswith(expected)


@pytest.mark.parametrize("moved", [False, True], ids=["published", "moved"])
def test_an_id_yaml_would_misread_is_quoted_in_the_ledger(tmp_path, moved):
    from generator.helpcenter.ledger import Ledger, ledger_text, read_ledger

    addresses = {"finder/yes/null": {"on": "yes", "count": "null"}}
    written = Ledger(addresses, frozenset(addresses) if moved else frozenset(), {"on": "0123456789ab"})
    text = ledger_text(written)
    (tmp_path / "finder-addresses.yaml").write_text(text, encoding="utf-8")

    assert read_ledger(tmp_path / "finder-addresses.yaml") == (written, [])
    data = yaml.safe_load(text)  # and any YAML reader reads the same ids
    assert data["finder/yes/null"] == ({"on": "yes", "count": "null"} if moved else ["on", "count"])
    assert data["words/on"] == "0123456789ab"


def test_a_removed_answer_keeps_the_answers_before_it(capsys, project):
    """Without the answer 'identity', its addresses lead to the question it answered, the earlier answers kept."""
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    answer = "      - id: identity\n        text: The refurbisher did not get a copy of my ID\n"
    assert answer in text
    policy.write_text(text.replace(answer, "").replace("reason: [accounts, identity]", "reason: [accounts]"))

    status, out, _ = run(capsys, "check")

    assert status == 0
    moved = sorted(line for line in out.splitlines() if ": moved; redirects to " in line)
    assert moved == [
        "finder/not-flagged/identity/: moved; redirects to finder/not-flagged/",
        "finder/not-flagged/identity/did-not-try/: moved; redirects to finder/not-flagged/",
        "finder/not-flagged/identity/tried/: moved; redirects to finder/not-flagged/",
        "finder/status-unknown/identity/: moved; redirects to finder/status-unknown/",
        "finder/status-unknown/identity/did-not-try/: moved; redirects to finder/status-unknown/",
        "finder/status-unknown/identity/tried/: moved; redirects to finder/status-unknown/",
    ]


def test_an_address_that_now_means_other_answers_is_said(capsys, project):
    ledger = project / "content/finder-addresses.yaml"
    text = ledger.read_text(encoding="utf-8")
    old = "finder/rooted: [device-status]\n"
    assert old in text
    ledger.write_text(text.replace(old, "finder/rooted: [shipped]\n"), encoding="utf-8")

    status, out, _ = run(capsys, "check")

    assert status == 0
    assert (
        "finder/rooted/: now stands for device-status=rooted, not shipped=rooted: links to it land on other "
        "answers (give the new answers other ids to keep the old links)"
    ) in out.splitlines()
    assert run(capsys, "addresses")[0] == 0
    assert "finder/rooted/" not in run(capsys, "check")[1], "said once, when recorded"


def test_a_ledger_that_cannot_be_written_is_one_line(capsys, project):
    add_question_in_front(project)
    ledger = project / "content/finder-addresses.yaml"
    kept = project / "ledger-elsewhere.yaml"
    ledger.rename(kept)
    ledger.symlink_to(kept)

    status, out, err = run(capsys, "addresses")

    assert (status, out) == (1, "")
    assert err == "content/finder-addresses.yaml: error: cannot write the file (not a regular file)\n"
    assert ledger.is_symlink()


# --- A large finder: the ledger stays readable at any size the proof accepts. ---

TOY_POLICY = Path(__file__).resolve().parent / "fixtures" / "toy" / "policy.yaml"
CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"


def wide_policy(levels: int, answers: int, long: int) -> dict:
    """A policy whose finder asks ``levels`` questions of ``answers`` answers each, nearly every path to the end.

    The first answer of each question settles the scenario; every other
    answer asks the next question, and the last question splits in two:
    1 + a + a(a-1) + … pages, from ``levels + 2`` scenarios. Ids are padded
    to ``long`` characters, as a real policy's longer ids would be.
    """
    data = yaml.safe_load(TOY_POLICY.read_text(encoding="utf-8"))

    def pad(name: str) -> str:
        return (name + "-" + "x" * long)[:long]

    questions = [pad(f"question-{level}") for level in range(levels)]
    ids = [[pad(f"answer-{level}-{number}") for number in range(answers)] for level in range(levels)]
    data["questions"] = [
        {
            "id": question,
            "text": f"Question {level}?",
            "answers": [{"id": a, "text": f"Answer {a}"} for a in ids[level]],
        }
        for level, question in enumerate(questions)
    ]
    outcomes = [outcome["id"] for outcome in data["outcomes"]]
    scenarios = []
    for level, question in enumerate(questions):
        when = {questions[earlier]: ids[earlier][1:] for earlier in range(level)}
        if level < levels - 1:
            scenarios.append({**when, question: ids[level][:1]})
        else:
            half = answers // 2
            scenarios += [{**when, question: ids[level][:half]}, {**when, question: ids[level][half:]}]
    data["scenarios"] = [
        {"id": f"s{index}", "when": when, "outcome": outcomes[index % len(outcomes)], "situation": "."}
        for index, when in enumerate(scenarios)
    ]
    return data


def test_the_ledger_of_a_finder_near_the_cap_is_written_and_read_back(capsys, tmp_path, monkeypatch):
    from generator.content.load import MAX_FILE_BYTES
    from generator.logic.verify import MAX_FINDER_PAGES

    content = tmp_path / "content"
    content.mkdir()
    for name in ("policy.schema.json", "help-center.schema.json", "interface.schema.json", "interface.yaml"):
        (content / name).write_bytes((CONTENT_DIR / name).read_bytes())
    (content / "help-center.yaml").write_bytes(TOY_POLICY.with_name("help-center.yaml").read_bytes())
    (content / "policy.yaml").write_text(yaml.safe_dump(wide_policy(4, 10, 24), sort_keys=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    status, out, _ = run(capsys, "addresses")
    assert status == 0
    pages = 1 + 10 + 9 * 10 + 81 * 10 + 729 * 10
    assert pages <= MAX_FINDER_PAGES
    assert out == f"content/finder-addresses.yaml: {pages:,} new finder addresses recorded\n"
    assert (content / "finder-addresses.yaml").stat().st_size > MAX_FILE_BYTES, "the case the generic limit refused"

    status, out, err = run(capsys, "check", "--strict")
    assert (status, err) == (0, "")
    assert f"({pages:,} pages, at most 4 questions)" in out


# --- A renamed answer: its old addresses keep the customer's answers. ---


def rename_answer(project: Path, old: str, new: str) -> None:
    """Give the answer ``old`` of 'effort' the id ``new``, its words unchanged."""
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    assert text.count(f"- id: {old}\n") == 1
    text = text.replace(f"- id: {old}\n", f"- id: {new}\n").replace(f"effort: [{old}]", f"effort: [{new}]")
    policy.write_text(text, encoding="utf-8")


def test_a_renamed_answers_old_address_leads_to_the_same_answers(capsys, project):
    assert run(capsys, "build", "--locale", "en-US", "--site-dir", "before")[0] == 0
    old = "finder/not-flagged/accounts/tried"
    assert old in finder_pages(project / "before")
    rename_answer(project, "tried", "made-attempt")

    status, out, _ = run(capsys, "build", "--locale", "en-US", "--site-dir", "after")

    assert status == 0
    after = finder_pages(project / "after")
    refresh = REFRESH.search(after[old])
    assert refresh is not None
    assert resolve(old, refresh.group(1)) == "finder/not-flagged/accounts/made-attempt", "not one level up"
    assert f"{old}/: moved; redirects to finder/not-flagged/accounts/made-attempt/" in out.splitlines()

    # Recorded, the rename holds for every later build, the old words no longer at hand.
    assert run(capsys, "build", "--locale", "en-US", "--site-dir", "again")[0] == 0
    refresh = REFRESH.search(finder_pages(project / "again")[old])
    assert refresh is not None
    assert resolve(old, refresh.group(1)) == "finder/not-flagged/accounts/made-attempt"


@pytest.mark.parametrize(
    ("new_text", "target"),
    [
        pytest.param(None, "finder/not-flagged/accounts/made-attempt/", id="same-words-renamed"),
        pytest.param("Yes, and it worked", "finder/not-flagged/accounts/", id="other-words-another-answer"),
    ],
)
def test_check_says_where_a_renamed_answers_old_address_leads(capsys, project, new_text, target):
    rename_answer(project, "tried", "made-attempt")
    if new_text is not None:
        policy = project / "content/policy.yaml"
        words = "Yes, I tried, but it did not work, even with help"
        policy.write_text(policy.read_text(encoding="utf-8").replace(words, new_text), encoding="utf-8")

    status, out, _ = run(capsys, "check")

    assert status == 0
    assert f"finder/not-flagged/accounts/tried/: moved; redirects to {target}" in out.splitlines()


# --- Quieter output: a moved address is listed when it moves, then no more. ---


def test_moved_addresses_are_listed_until_recorded_then_no_more(capsys, project):
    add_question_in_front(project)
    moved = "finder/not-flagged/accounts/: moved; redirects to finder/"
    assert moved in run(capsys, "check")[1].splitlines()

    status, out, _ = run(capsys, "addresses")
    assert status == 0
    assert moved in out.splitlines()

    status, out, _ = run(capsys, "check")
    assert status == 0
    assert "moved" not in out
    status, out, _ = run(capsys, "addresses")
    assert (status, out) == (0, "content/finder-addresses.yaml: up to date (51 finder addresses)\n")


# --- The ledgers written before: read as they are, rewritten compact at the next recording. ---

V1_LEDGER = Path(__file__).resolve().parent / "fixtures" / "finder-addresses-v1.yaml"


def test_a_ledger_written_before_words_is_read_then_rewritten_compact(capsys, project):
    ledger = project / "content/finder-addresses.yaml"
    ledger.write_bytes(V1_LEDGER.read_bytes())
    add_question_in_front(project)

    status, out, _ = run(capsys, "check")
    assert status == 0
    assert "finder/not-flagged/accounts/: moved; redirects to finder/" in out.splitlines()

    status, out, _ = run(capsys, "addresses")
    assert status == 0
    assert out.startswith("content/finder-addresses.yaml: 26 new finder addresses recorded\n")
    text = ledger.read_text(encoding="utf-8")
    assert "finder/not-flagged/accounts: {device-status: not-flagged, reason: accounts}\n" in text  # moved
    assert "finder/online/not-flagged/accounts: [channel, device-status, reason]\n" in text
    assert "\nwords/effort/tried: " in text
    assert "moved" not in run(capsys, "check")[1]


# --- The ledger's own limits: never written past them, refused past them. ---


def test_a_ledger_over_its_limit_is_refused_in_one_line(capsys, project, monkeypatch):
    from generator.helpcenter import ledger

    size = (project / "content/finder-addresses.yaml").stat().st_size
    monkeypatch.setattr(ledger, "MAX_LEDGER_BYTES", size - 1)

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    assert err.startswith(
        f"content/finder-addresses.yaml: error: the file is {size:,} bytes; the limit is {size - 1:,} bytes: "
    )


@pytest.mark.parametrize("limit", ["MAX_LEDGER_BYTES", "MAX_ADDRESSES"])
def test_a_ledger_that_would_be_over_its_limit_is_not_written(capsys, project, monkeypatch, limit):
    from generator.helpcenter import ledger

    path = project / "content/finder-addresses.yaml"
    before = path.read_bytes()
    add_question_in_front(project)
    monkeypatch.setattr(ledger, limit, len(before) if limit == "MAX_LEDGER_BYTES" else 40)

    status, out, err = run(capsys, "addresses")

    assert (status, out) == (1, "")
    assert err.startswith("content/finder-addresses.yaml: error: the ledger would hold 51 addresses in ")
    assert path.read_bytes() == before


def test_a_ledger_with_more_addresses_than_its_limit_is_refused(capsys, project, monkeypatch):
    from generator.helpcenter import ledger

    monkeypatch.setattr(ledger, "MAX_ADDRESSES", 3)

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    assert err.startswith("content/finder-addresses.yaml:12:1: error: the file holds more than 3 addresses")


def test_a_file_that_is_no_ledger_at_all_is_said_in_a_few_lines(capsys, project):
    (project / "content/finder-addresses.yaml").write_text("not a ledger\n" * 10_000, encoding="utf-8")

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert [line.split(": error: ")[0] for line in lines[:-1]] == [
        f"content/finder-addresses.yaml:{number}:1" for number in range(1, 12)
    ]
    assert lines[-2].startswith("content/finder-addresses.yaml:11:1: error: and maybe more: this file is written by")


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_ledger_that_is_not_a_file_is_refused_without_waiting(capsys, project, kind):
    import os

    path = project / "content/finder-addresses.yaml"
    path.unlink()
    os.mkfifo(path) if kind == "fifo" else path.mkdir()

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    assert err.startswith("content/finder-addresses.yaml: error: not a regular file: ")


# --- What must be recorded: new addresses, moves, renamed or reworded questions and answers. ---


def test_strict_wants_reworded_answers_recorded_so_that_a_later_rename_is_found(capsys, project):
    policy = project / "content/policy.yaml"
    words = "Yes, I tried, but it did not work, even with help"
    policy.write_text(policy.read_text(encoding="utf-8").replace(words, "Yes, I tried hard"), encoding="utf-8")

    err = run(capsys, "check", "--strict")[2]
    assert (
        "content/finder-addresses.yaml: error: finder addresses moved, or questions and answers were renamed or "
        "reworded, since recorded: run `python -m generator addresses` and commit content/finder-addresses.yaml"
    ) in err

    assert run(capsys, "addresses")[1] == (
        "content/finder-addresses.yaml: the words of the questions and answers recorded\n"
    )
    assert "finder-addresses.yaml" not in run(capsys, "check", "--strict")[2]
    rename_answer(project, "tried", "made-attempt")
    assert "finder/not-flagged/accounts/tried/: moved; redirects to finder/not-flagged/accounts/made-attempt/" in (
        run(capsys, "check")[1].splitlines()
    )


def test_a_renamed_question_keeps_its_addresses_without_a_word(capsys, project):
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    text = text.replace("  - id: effort\n", "  - id: attempt\n").replace("      effort: [", "      attempt: [")
    policy.write_text(text, encoding="utf-8")

    status, out, _ = run(capsys, "check")

    assert status == 0
    assert [line for line in out.splitlines() if line.startswith("finder/")] == []
    assert run(capsys, "addresses")[0] == 0
    ledger = (project / "content/finder-addresses.yaml").read_text(encoding="utf-8")
    assert "finder/not-flagged/accounts/tried: [device-status, reason, attempt]\n" in ledger


def rename_question(project: Path) -> None:
    policy = project / "content/policy.yaml"
    text = policy.read_text(encoding="utf-8")
    policy.write_text(text.replace("  - id: effort\n", "  - id: attempt\n").replace("effort: [", "attempt: ["))


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda project: rename_answer(project, "tried", "made-attempt"), id="answer-renamed"),
        pytest.param(rename_question, id="question-renamed"),
        pytest.param(add_question_in_front, id="question-in-front"),
    ],
)
def test_check_and_diff_say_the_same_of_every_old_address(capsys, project, tmp_path, change):
    """One rename detection: what `diff` promises of the old links is what the build writes."""
    import json
    import shutil

    before = tmp_path / "before"
    shutil.copytree(project / "content", before)
    change(project)

    status, out, _ = run(capsys, "check")
    assert status == 0
    said = sorted(line.removesuffix("/") for line in out.splitlines() if ": moved; redirects to " in line)
    status, out, _ = run(capsys, "diff", str(before), "--format", "json")
    assert status == 0
    promised = sorted(
        f"{moved['old']}/: moved; redirects to {moved['target']}" for moved in json.loads(out)["policies"][0]["retired"]
    )
    assert said == promised
