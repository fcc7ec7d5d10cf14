"""Finder links never break: every address a build published keeps answering, as a page or a redirect.

The ledger (content/finder-addresses.yaml) records each address with its
answers; an address the finder no longer has becomes a page that sends the
reader on to where those answers lead now, without JavaScript.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main
from support import add_question_in_front, html_tags, nu_errors

REFRESH = re.compile(r'<meta http-equiv="refresh" content="0; url=([^"]+)">')


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return status, out, err


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
    assert "finder/not-flagged/accounts: {device-status: not-flagged, reason: accounts}\n" in ledger  # kept
    assert (
        "finder/online/not-flagged/accounts: {channel: online, device-status: not-flagged, reason: accounts}\n"
        in ledger
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("finder: [a, b]\n", "content/finder-addresses.yaml:1:1: error: each line must read", id="not-a-mapping"),
        pytest.param("finder: {}\nfinder/x: x\n", "content/finder-addresses.yaml:2:1: error: each line must read", id="answers-not-a-mapping"),
        pytest.param("finder: {}\nguide: {}\n", "content/finder-addresses.yaml:2:1: error: each line must read", id="not-a-finder-address"),
        pytest.param("finder: {\n", "content/finder-addresses.yaml:2:1: error: invalid YAML", id="broken-yaml"),
        pytest.param("finder/../review: {a: ..}\n", "content/finder-addresses.yaml:1:1: error: each line", id="leaves-the-finder"),
        pytest.param("finderx: {}\n", "content/finder-addresses.yaml:1:1: error: each line", id="not-the-finder"),
        pytest.param("finder/a/: {q: a}\n", "content/finder-addresses.yaml:1:1: error: each line", id="trailing-slash"),
        pytest.param("finder/b: {q: a}\n", "content/finder-addresses.yaml:1:1: error: each line", id="address-not-its-answers"),
    ],
)  # fmt: skip
def test_a_broken_ledger_is_reported_at_its_line(capsys, project, text, expected):
    (project / "content/finder-addresses.yaml").write_text(text, encoding="utf-8")

    status, out, err = run(capsys, "check")

    assert (status, out) == (1, "")
    assert err.startswith(expected)


def test_an_answer_id_yaml_would_misread_is_quoted_in_the_ledger(tmp_path):
    from generator.content.ledger import ledger_text, read_ledger
    from generator.logic.flow import OutcomeNode

    nodes = [OutcomeNode(path=(("shipped", "yes"), ("count", "null")), scenario="s", outcome="o")]
    (tmp_path / "finder-addresses.yaml").write_text(ledger_text({}, nodes), encoding="utf-8")

    ledger, problems = read_ledger(tmp_path)

    assert problems == []
    assert ledger == {"finder/yes/null": {"shipped": "yes", "count": "null"}}


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
    old = "finder/rooted: {device-status: rooted}\n"
    assert old in text
    ledger.write_text(text.replace(old, "finder/rooted: {shipped: rooted}\n"), encoding="utf-8")

    status, out, _ = run(capsys, "check")

    assert status == 0
    assert (
        "finder/rooted/: now stands for device-status=rooted, not shipped=rooted: links to it land on other "
        "answers (give the new answers other ids to keep the old links)"
    ) in out.splitlines()


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
