"""A person's export (`exportMyData`) holds each cover letter as it is now, with its title and every saved
revision, newest first; and deleting the account removes the letters' revisions with them."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from tests.graphql.conftest import Api
from tests.letters.test_letter_documents_api import UPDATE
from tests.privacy.conftest import PASSWORD, sign_up
from tests.privacy.flows import DELETE_ACCOUNT, EXPORT, give_everything, read_zip


@pytest.fixture
def api(settings: Settings) -> Iterator[Api]:
    with TestClient(create_app(settings, build_runtime(settings))) as client:
        yield Api(client)


def test_the_export_holds_every_revision_of_a_letter_and_deletion_leaves_none(api: Api, settings: Settings) -> None:
    alice = sign_up(api, "alice@example.com")
    ids = give_everything(api, alice.token, "Alice")
    edit: dict[str, Any] = {"id": ids["letter"], "version": 1, "input": {"text": "Dear team, edited.", "title": "Mine"}}
    assert api.data(UPDATE, edit, token=alice.token)["updateCoverLetter"]["version"] == 2
    export = api.data(EXPORT, token=alice.token)["exportMyData"]
    parts = urlsplit(export["url"])
    entries = read_zip(api.client.get(f"{parts.path}?{parts.query}").content)
    letter = json.loads(entries[f"cover-letters/{ids['letter']}.json"])
    assert (letter["title"], letter["version"], letter["text"]) == ("Mine", 2, "Dear team, edited.")
    assert [(r["version"], r["title"]) for r in letter["revisions"]] == [
        (2, "Mine"),
        (1, "Senior Backend Engineer at Ledgerly"),
    ]
    assert letter["revisions"][0]["text"] == "Dear team, edited." and letter["revisions"][1]["text"].startswith("Dear")

    deleted = api.data(DELETE_ACCOUNT, {"password": PASSWORD}, token=alice.token)["deleteMyAccount"]
    assert deleted["__typename"] == "DeletedAccount"
    with sqlite3.connect(settings.database_path) as db:
        assert db.execute("SELECT COUNT(*) FROM cover_letter_revisions").fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM cover_letters").fetchone()[0] == 0
