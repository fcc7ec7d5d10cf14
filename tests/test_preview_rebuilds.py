"""The preview's rebuild loop builds once at the start, then after each change, and outlives a build that fails."""

from __future__ import annotations

import logging
import threading

import pytest

from generator.preview.rebuilds import SAVED_SETTLE_SECONDS, SETTLE_SECONDS, Rebuilds, settle_after
from support import DEADLINE


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(RuntimeError("an unforeseen failure"), id="an-exception"),
        pytest.param(SystemExit(2), id="a-system-exit"),  # ends a thread silently: no build would follow
    ],
)
def test_a_build_that_fails_unforeseen_is_said_in_one_line_and_the_next_change_builds_again(tmp_path, caplog, error):
    builds: list[int] = []
    second = threading.Event()

    def build() -> None:
        builds.append(len(builds))
        if len(builds) == 1:
            raise error
        second.set()

    rebuilds = Rebuilds(build, [str(tmp_path)])
    caplog.set_level(logging.INFO, logger="generator.preview")
    rebuilds.start()
    try:
        assert rebuilds.first_done.wait(DEADLINE), "the first build is done, even though it failed"
        (tmp_path / "policy.yaml").write_text("edited\n", encoding="utf-8")
        assert second.wait(DEADLINE), "the edit was built"
    finally:
        rebuilds.stop(wait=DEADLINE)

    assert not rebuilds.thread.is_alive()
    failed = [record.getMessage() for record in caplog.records if "rebuild failed" in record.getMessage()]
    assert failed == [f"The rebuild failed: {type(error).__name__}: {error}"]


@pytest.mark.parametrize(
    ("event_type", "settle"),
    [
        pytest.param("closed", SAVED_SETTLE_SECONDS, id="written-and-closed"),  # a save in place has ended
        pytest.param("modified", SETTLE_SECONDS, id="modified"),  # more writes may follow
        pytest.param("created", SETTLE_SECONDS, id="created"),
        pytest.param("moved", SETTLE_SECONDS, id="moved"),  # an editor moving the file away, to write a new one
        pytest.param("deleted", SETTLE_SECONDS, id="deleted"),
    ],
)
def test_a_build_waits_for_more_changes_unless_a_save_has_ended(event_type, settle):
    assert SAVED_SETTLE_SECONDS < SETTLE_SECONDS
    assert settle_after(event_type) == settle


def test_a_file_written_and_closed_is_built(tmp_path):
    builds: list[int] = []
    second = threading.Event()

    def build() -> None:
        builds.append(len(builds))
        if len(builds) == 2:
            second.set()

    (tmp_path / "policy.yaml").write_text("id: a\n", encoding="utf-8")
    rebuilds = Rebuilds(build, [str(tmp_path)])
    rebuilds.start()
    try:
        assert rebuilds.first_done.wait(DEADLINE)
        with (tmp_path / "policy.yaml").open("a", encoding="utf-8"):  # opened for writing, closed: nothing else
            pass
        assert second.wait(DEADLINE), "the file closed after writing was built"
    finally:
        rebuilds.stop(wait=DEADLINE)
