"""The preview's rebuild loop builds once at the start, then after each change, and outlives a build that fails."""

from __future__ import annotations

import logging
import threading

import pytest

from generator.preview.rebuilds import Rebuilds
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
