"""The load script works: a short run (2 users, 1.5 s with the abusers and 1.5 s without) on the real server
gives a complete report, its table, and loses no update. Speed is not judged here (`make bench` runs it in full)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.load.run import run_load, table

TALLY = {"requests", "errors", "five_xx", "p50_ms", "p99_ms", "statuses", "by_operation", "outcomes"}


@pytest.fixture(scope="module")
def report() -> dict[str, Any]:
    return run_load(clients=2, seconds=1.5, calm_seconds=1.5)


def test_the_report_has_both_runs_and_both_abusers(report: dict[str, Any]) -> None:
    assert set(report) == {
        "config",
        "runs",
        "p99_ratio",
        "five_xx",
        "updates_acknowledged",
        "lost",
        "nothing_lost",
        "goals",
    }
    assert report["config"]["clients"] == 2
    with_abusers, calm = report["runs"]["with_abusers"], report["runs"]["calm"]
    assert TALLY <= set(with_abusers) and TALLY <= set(calm) and "abusers" not in calm
    assert with_abusers["requests"] > 0 and calm["requests"] > 0
    assert set(with_abusers["by_operation"]) <= {"query", "update", "preview", "render", "match"}
    flood, aliases = with_abusers["abusers"]["sign_in_flood"], with_abusers["abusers"]["alias_renders"]
    assert TALLY <= set(flood) and TALLY <= set(aliases)
    assert flood["requests"] > 0 and set(flood["statuses"]) <= {"401", "429"}  # refused, never let in
    assert aliases["requests"] > 0
    assert set(report["goals"]) == {"no_5xx", "p99_within_2x", "nothing_lost"}
    assert report["five_xx"] == 0


def test_nothing_the_users_saved_was_lost(report: dict[str, Any]) -> None:
    assert report["updates_acknowledged"] > 0
    assert report["lost"] == [] and report["nothing_lost"] is True


def test_the_table_names_each_client_kind(report: dict[str, Any]) -> None:
    printed = table(report)
    for words in ("users (with_abusers)", "users (calm)", "sign_in_flood", "alias_renders", "nothing lost: True"):
        assert words in printed
