"""Quota policies from settings, the windows a unit counts against, and the service's typed refusal."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from api.composition import build_quotas
from api.settings import Settings
from cvmaker.adapters.storage.sqlite_database import SqliteDatabase
from cvmaker.adapters.storage.sqlite_quotas import SqliteQuotaStore
from cvmaker.domain.errors import QuotaExceeded
from cvmaker.domain.quotas import DAY, DEFAULT_POLICIES, MINUTE, QuotaKind, Window, counters, parse_policies
from cvmaker.services.quotas import QuotaService, unmetered
from tests.quotas.conftest import FakeClock


def test_a_setting_replaces_the_kinds_it_names_and_keeps_the_other_defaults() -> None:
    policies = parse_policies(" render = 3/minute, 50/day ;model_call=1/hour")
    assert policies[QuotaKind.RENDER] == (Window(MINUTE, 3), Window(DAY, 50))
    assert policies[QuotaKind.MODEL_CALL] == (Window(3600, 1),)
    assert policies[QuotaKind.PREVIEW] == DEFAULT_POLICIES[QuotaKind.PREVIEW]
    assert parse_policies("") == dict(DEFAULT_POLICIES)


@pytest.mark.parametrize(
    ("spec", "problem"),
    [
        ("renders=3/minute", "unknown quota kind 'renders'"),
        ("render=3/week", "not '3/week'"),
        ("render=three/minute", "not 'three/minute'"),
        ("render=", "names no limit"),
    ],
)
def test_a_bad_setting_is_refused_at_start_up_naming_the_part(spec: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        parse_policies(spec)
    with pytest.raises(ValueError, match=problem):
        build_quotas(Settings(quotas=spec), None)


def test_a_unit_counts_against_the_current_window_of_each_length() -> None:
    now = datetime(2026, 12, 3, 9, 0, 10, tzinfo=UTC)
    minute, day = counters(QuotaKind.RENDER, (Window(MINUTE, 2), Window(DAY, 5)), now)
    epoch = int(now.timestamp())
    assert (minute.key, minute.limit, minute.resets_at) == (f"render:60:{epoch // 60}", 2, epoch + 50)
    assert (day.key, day.resets_at) == (f"render:86400:{epoch // DAY}", (epoch // DAY + 1) * DAY)
    assert minute.retry_after(now.timestamp()) == 50.0
    assert minute.retry_after(minute.resets_at - 0.2) == 1.0  # never "retry now"


def test_the_service_refuses_with_the_full_window_and_a_readable_message(tmp_path: Path) -> None:
    clock = FakeClock()
    service = QuotaService(
        SqliteQuotaStore(SqliteDatabase(tmp_path / "q.sqlite3")), {QuotaKind.MODEL_CALL: (Window(MINUTE, 1),)}, clock
    )
    service.charge("alice", QuotaKind.MODEL_CALL)
    service.charge("alice", QuotaKind.RENDER)  # a kind without a policy is not metered
    with pytest.raises(QuotaExceeded) as refused:
        service.charge("alice", QuotaKind.MODEL_CALL)
    assert (refused.value.kind, refused.value.limit, refused.value.window_seconds) == ("model_call", 1, 60)
    assert refused.value.retry_after == 50.0
    assert refused.value.message == "You have reached the limit of 1 model call per minute. Try again in 50 seconds."
    assert service.forget_owner("alice") == 1
    service.charge("alice", QuotaKind.MODEL_CALL)


def test_unmetered_quotas_never_refuse() -> None:
    service = unmetered()
    for _ in range(1000):
        service.charge("alice", QuotaKind.RENDER)
