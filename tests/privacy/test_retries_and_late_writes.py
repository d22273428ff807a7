"""A deletion that is retried, or that races a write let through elsewhere: through HTTP GraphQL on the embedded
default, with tokens that keep verifying (a fake verifier), so the retry reaches the service itself."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.privacy.flows import DELETE_ACCOUNT, LIST_CVS, give_everything


@pytest.fixture
def runtime(settings: Settings, fake_verifier: FakeVerifier) -> Any:
    return build_runtime(settings, verifier=fake_verifier)


@pytest.fixture
def api(settings: Settings, runtime: Any) -> Iterator[Api]:
    with TestClient(create_app(settings, runtime)) as client:
        yield Api(client)


def test_a_retried_deletion_finds_nothing_more_and_does_not_fail(api: Api) -> None:
    give_everything(api, "token-alice", "Alice")
    first = api.data(DELETE_ACCOUNT, {"confirmation": "alice@example.com"})["deleteMyAccount"]
    assert first["__typename"] == "DeletedAccount"
    assert {r["store"]: r["count"] for r in first["removed"]}["cvs"] == 4
    again = api.data(DELETE_ACCOUNT, {"confirmation": "alice@example.com"})["deleteMyAccount"]
    assert again["__typename"] == "DeletedAccount", again
    assert all(r["count"] == 0 for r in again["removed"]), again
    assert api.data(LIST_CVS)["cvs"]["edges"] == []


def test_what_another_process_writes_while_the_cut_off_settles_is_swept_too(api: Api, runtime: Any) -> None:
    privacy = runtime.services.privacy
    late: list[str] = []

    def a_late_write(seconds: float) -> None:
        # Another Lambda instance, whose cached cut-off look-up still lets the old token through, saves a CV.
        late.append(runtime.services.cvs.create("alice", {"title": "written late"}).id)

    privacy.settle_seconds, privacy.sleep = 6.0, a_late_write
    give_everything(api, "token-bob", "Bob")
    deleted = api.data(DELETE_ACCOUNT, {"confirmation": "alice@example.com"})["deleteMyAccount"]
    assert deleted["__typename"] == "DeletedAccount" and late
    assert {r["store"]: r["count"] for r in deleted["removed"]}["cvs"] == 2  # the late CV and its revision
    assert api.data(LIST_CVS)["cvs"]["edges"] == []
    assert len(api.data(LIST_CVS, token="token-bob")["cvs"]["edges"]) == 1
