"""`exportMyData` and `deleteMyAccount` through HTTP GraphQL on the embedded default, with real sign-in: the
export holds every revision, job, letter and file in a valid zip; a deletion leaves no row, file, vector or cached
embedding of the owner, refuses their old token everywhere, and touches nobody else; a wrong password deletes
nothing."""

from __future__ import annotations

import json
import sqlite3
from typing import Any
from urllib.parse import urlsplit

import pytest

from api.settings import Settings
from tests.graphql.conftest import Api
from tests.privacy.conftest import PASSWORD, Person, sign_up
from tests.privacy.flows import DELETE_ACCOUNT, EXPORT, LIST_CVS, ME, give_everything, read_zip


def owner_rows(settings: Settings, sub: str) -> dict[str, int]:
    """Rows of `sub` in every table of the SQLite file that has an owner-like column, read directly."""
    counts: dict[str, int] = {}
    with sqlite3.connect(settings.database_path) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            for column in ("owner", "sub", "client_id"):
                if column in columns:
                    counts[f"{table}.{column}"] = db.execute(
                        f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (sub,)
                    ).fetchone()[0]
    return counts


def embedding_rows(settings: Settings) -> int:
    with sqlite3.connect(settings.database_path) as db:
        return int(db.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])


def files_of(settings: Settings, sub: str) -> list[str]:
    folder = settings.data_dir / "files" / "users" / sub
    return sorted(str(p) for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def sub_of(api: Api, person: Person) -> str:
    return str(api.data(ME, token=person.token)["me"]["id"])


def download(api: Api, url: str, token: str | None = None) -> Any:
    parts = urlsplit(url)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return api.client.get(f"{parts.path}?{parts.query}", headers=headers)


@pytest.fixture
def alice(api: Api) -> Person:
    return sign_up(api, "alice@example.com")


@pytest.fixture
def bob(api: Api) -> Person:
    return sign_up(api, "bob@example.com")


def test_export_holds_every_revision_job_letter_and_file_in_a_valid_zip(api: Api, alice: Person) -> None:
    ids = give_everything(api, alice.token, "Alice")
    export = api.data(EXPORT, token=alice.token)["exportMyData"]
    assert export["counts"] == {"cvs": 1, "revisions": 3, "jobs": 1, "coverLetters": 1, "files": 2}
    response = download(api, export["url"])
    assert response.status_code == 200
    assert len(response.content) == export["bytes"] and export["filename"].endswith(".zip")
    entries = read_zip(response.content)
    manifest = json.loads(entries["manifest.json"])
    assert manifest["format"] == "cvmaker-export" and manifest["version"] == 1
    assert set(manifest["entries"]) == set(entries) - {"manifest.json"}
    account = json.loads(entries["account.json"])
    assert account["email"] == "alice@example.com" and account["id"] == sub_of(api, alice)
    assert not {"password", "passwordHash", "password_hash"} & set(account)
    cv = json.loads(entries[f"cvs/{ids['cv']}.json"])
    assert [r["version"] for r in cv["revisions"]] == [3, 2, 1]
    assert [r["document"]["basics"]["headline"] for r in cv["revisions"]] == [
        "Staff backend engineer",
        "Backend engineer, Python",
        "Backend engineer",
    ]
    job = json.loads(entries[f"jobs/{ids['job']}.json"])
    assert job["company"] == "Ledgerly" and job["requirements"]
    letter = json.loads(entries[f"cover-letters/{ids['letter']}.json"])
    assert letter["cvId"] == ids["cv"] and letter["jobId"] == ids["job"] and letter["text"]
    assert entries[f"files/uploads/{ids['upload']}"] == b'{"basics": {"name": "Uploaded Person"}}'
    assert any(name.startswith(f"files/renders/{ids['cv']}/") for name in entries)
    # A second export replaces the first: one copy is kept, under the owner.
    again = api.data(EXPORT, token=alice.token)["exportMyData"]
    assert download(api, again["url"]).status_code == 200
    assert download(api, export["url"]).status_code == 404


def test_deleting_an_account_leaves_nothing_of_the_owner_and_ends_their_token(
    api: Api, app: Any, settings: Settings, alice: Person, bob: Person
) -> None:
    give_everything(api, alice.token, "Alice")
    bobs = give_everything(api, bob.token, "Bob")
    alice_sub, bob_sub = sub_of(api, alice), sub_of(api, bob)
    export = api.data(EXPORT, token=alice.token)["exportMyData"]
    embeddings_before = embedding_rows(settings)
    bob_rows = owner_rows(settings, bob_sub)
    matching = app.state.runtime.services.matching
    assert matching.index.count(alice_sub) > 0 and files_of(settings, alice_sub)

    deleted = api.data(DELETE_ACCOUNT, {"password": PASSWORD}, token=alice.token)["deleteMyAccount"]
    assert deleted["__typename"] == "DeletedAccount" and deleted["identityDeleted"] is True
    removed = {r["store"]: r["count"] for r in deleted["removed"]}
    assert removed["cvs"] == 4 and removed["jobs"] == 1 and removed["coverLetters"] == 1  # a head, 3 revisions

    assert all(count == 0 for count in owner_rows(settings, alice_sub).values()), owner_rows(settings, alice_sub)
    assert files_of(settings, alice_sub) == []
    assert matching.index.count(alice_sub) == 0
    assert removed["embeddings"] > 0 and embedding_rows(settings) == embeddings_before - removed["embeddings"]
    # The old token is refused on every route; the export's link serves nothing.
    refused = api.call(LIST_CVS, token=alice.token, expect_status=401)
    assert refused["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert download(api, export["url"], token=alice.token).status_code == 401
    assert download(api, export["url"]).status_code == 404
    signed_in = api.client.post("/auth/signin", json={"email": "alice@example.com", "password": PASSWORD})
    assert signed_in.status_code == 401 and signed_in.json()["error"] == "BAD_CREDENTIALS"
    # A retry with the same token is refused as cleanly, and deletes nothing more.
    retry = api.call(DELETE_ACCOUNT, {"password": PASSWORD}, token=alice.token, expect_status=401)
    assert retry["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    # Bob keeps everything.
    # Stores first used during the deletion (their tables made on first use) hold nothing of bob either way.
    assert {k: n for k, n in owner_rows(settings, bob_sub).items() if n} == {k: n for k, n in bob_rows.items() if n}
    assert api.data(LIST_CVS, token=bob.token)["cvs"]["edges"][0]["node"]["id"] == bobs["cv"]
    assert matching.index.count(bob_sub) > 0 and files_of(settings, bob_sub)
    # The email is free again: a new account under it is a new, empty person.
    again = sign_up(api, "alice@example.com")
    assert sub_of(api, again) != alice_sub and api.data(LIST_CVS, token=again.token)["cvs"]["edges"] == []


def test_a_wrong_or_missing_password_deletes_nothing(api: Api, settings: Settings, alice: Person) -> None:
    give_everything(api, alice.token, "Alice")
    sub = sub_of(api, alice)
    rows, files = owner_rows(settings, sub), files_of(settings, sub)
    for variables in ({"password": "not the password at all"}, {}, {"confirmation": "alice@example.com"}):
        refused = api.data(DELETE_ACCOUNT, variables, token=alice.token)["deleteMyAccount"]
        assert refused["__typename"] == "ValidationError", refused
        assert refused["fields"][0]["path"] == "password"  # where the app holds the password, it is asked for
    assert owner_rows(settings, sub) == rows and files_of(settings, sub) == files
    assert api.data(ME, token=alice.token)["me"]["email"] == "alice@example.com"  # the token still works


def test_integrator_tokens_cannot_export_or_delete(api: Api, app: Any) -> None:
    accounts, issuer = app.state.runtime.local_sign_in()
    client_id, _ = accounts.create_client("acme", ["cvmaker/read", "cvmaker/write"])
    token = issuer.client_credentials_token(client_id, ["cvmaker/read", "cvmaker/write"])
    for query in (EXPORT, DELETE_ACCOUNT):
        body = api.call(query, {"confirmation": "x"} if query == DELETE_ACCOUNT else None, token=token)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", body


def test_export_holds_the_share_links_without_their_password_hash(api: Api, alice: Person) -> None:
    from tests.shares.support import share

    ids = give_everything(api, alice.token, "Alice")
    link = share(api, alice.token, cvId=ids["cv"], password="a long secret phrase")
    assert link["__typename"] == "ShareLink", link
    export = api.data(EXPORT, token=alice.token)["exportMyData"]
    entries = read_zip(download(api, export["url"]).content)
    exported = json.loads(entries[f"share-links/{link['id']}.json"])
    assert exported["cvId"] == ids["cv"] and exported["hasPassword"] is True and exported["revoked"] is False
    assert exported["slug"] in link["url"]
    assert "argon2" not in entries[f"share-links/{link['id']}.json"].decode()
    assert not {"passwordHash", "password_hash", "password"} & set(exported)
