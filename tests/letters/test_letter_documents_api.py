"""Cover letters as documents through the GraphQL API on the embedded default: a generated letter is named after its
job, opened by id, listed with all of the owner's letters, edited against its version (a stale version changes
nothing), kept as revisions and restored, warned about (never refused) when an edit claims what the CV does not
show, rendered from the edited text, and deleted. Another user's letter answers like a missing one."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from api.app import create_app
from api.composition import build_runtime
from api.settings import Settings
from cvmaker.domain.letters.documents import MAX_LETTER_TEXT
from cvmaker.ports import Principal
from tests.conftest import FakeVerifier
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.letters.test_letters_api import CREATE_JOB, GENERATE, POSTING, download, render
from tests.rendering.layout import folded, pdf_text

FIELDS = "id cvId jobId title text version updatedAt createdAt warnings rejected"
LETTER = f"query($id: ID!) {{ coverLetter(id: $id) {{ {FIELDS} }} }}"
LETTERS = f"query($cv: ID) {{ coverLetters(cvId: $cv) {{ {FIELDS} }} }}"
REVISIONS = "query($id: ID!) { coverLetterRevisions(id: $id) { revision savedAt title text } }"
RESULT = f"""__typename ... on CoverLetter {{ {FIELDS} }} ... on VersionConflictError {{ message currentVersion }}
  ... on ValidationError {{ message fields {{ path message }} }} ... on NotFoundError {{ message }}"""
UPDATE = f"""mutation($id: ID!, $version: Int!, $input: CoverLetterInput!) {{
  updateCoverLetter(id: $id, version: $version, input: $input) {{ {RESULT} }} }}"""
RESTORE = f"""mutation($id: ID!, $revision: Int!, $version: Int!) {{
  restoreCoverLetterRevision(id: $id, revision: $revision, version: $version) {{ {RESULT} }} }}"""
DELETE = """mutation($id: ID!) { deleteCoverLetter(id: $id) { __typename ... on DeletedCoverLetter { id } } }"""


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    folder = tmp_path_factory.mktemp("letter-documents")
    # Each test writes a job and a letter: two model calls each, more than a minute's default quota.
    settings = Settings(
        data_dir=folder / "data", web_dist=folder / "none", quotas="model_call=100/minute,1000/day; render=100/minute"
    )
    verifier = FakeVerifier()
    verifier.add("token-alice", Principal(sub="alice", client_id="web"))
    verifier.add("token-bob", Principal(sub="bob", client_id="web"))
    with TestClient(create_app(settings, build_runtime(settings, verifier=verifier))) as client:
        yield Api(client)


@pytest.fixture(scope="module")
def cv_id(api: Api) -> str:
    return str(api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]["id"])


def generate(api: Api, cv_id: str, company: str = "Ledgerly") -> dict[str, Any]:
    job = api.data(
        CREATE_JOB, {"input": {"title": "Senior Backend Engineer", "company": company, "description": POSTING}}
    )["createJob"]
    generated: dict[str, Any] = api.data(GENERATE, {"cv": cv_id, "job": job["id"]})["generateCoverLetter"]
    assert generated["__typename"] == "CoverLetter"
    opened: dict[str, Any] = api.data(LETTER, {"id": generated["id"]})["coverLetter"]
    return opened


def update(api: Api, letter_id: str, version: int, token: str = "token-alice", **input: str) -> dict[str, Any]:
    result: dict[str, Any] = api.data(UPDATE, {"id": letter_id, "version": version, "input": input}, token=token)[
        "updateCoverLetter"
    ]
    return result


def test_a_generated_letter_is_a_titled_document_at_version_one_written_in_natural_language(
    api: Api, cv_id: str
) -> None:
    letter = generate(api, cv_id)
    assert letter["title"] == "Senior Backend Engineer at Ledgerly"
    assert (letter["version"], letter["warnings"], letter["updatedAt"]) == (1, [], letter["createdAt"])
    # SAMPLE_INPUT's current role began 2021-03: present tense, the month written out, no raw date.
    assert "I work as Senior Engineer at Analytical Engines Ltd, since March 2021." in letter["text"]
    assert "2021-03" not in letter["text"] and "Most recently" not in letter["text"]
    [revision] = api.data(REVISIONS, {"id": letter["id"]})["coverLetterRevisions"]
    assert (revision["revision"], revision["text"]) == (1, letter["text"])


def test_an_edit_saves_the_next_version_and_a_stale_one_changes_nothing(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    text = letter["text"].replace("Thank you for your time.", "Thank you for reading.")
    saved = update(api, letter["id"], 1, text=text, title="  Ledgerly, backend  ")
    assert saved["__typename"] == "CoverLetter"
    assert (saved["version"], saved["text"], saved["title"], saved["warnings"]) == (2, text, "Ledgerly, backend", [])
    stale = update(api, letter["id"], 1, text="Overwritten by a stale tab.")
    assert stale["__typename"] == "VersionConflictError" and stale["currentVersion"] == 2
    assert "letter" in stale["message"]
    title_only = update(api, letter["id"], 2, title="Only the title")
    assert (title_only["version"], title_only["text"]) == (3, text)
    assert api.data(LETTER, {"id": letter["id"]})["coverLetter"]["text"] == text
    revisions = api.data(REVISIONS, {"id": letter["id"]})["coverLetterRevisions"]
    assert [r["revision"] for r in revisions] == [3, 2, 1]


def test_an_edit_that_claims_what_the_cv_does_not_show_is_saved_with_warnings(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    claim = letter["text"] + "\n\nI also ran Kubernetes clusters at Globex for 12 years."
    saved = update(api, letter["id"], 1, text=claim)
    assert saved["__typename"] == "CoverLetter" and saved["text"] == claim
    warnings = " ".join(saved["warnings"])
    assert "Kubernetes" in warnings and "Globex" in warnings and "12" in warnings
    assert api.data(LETTER, {"id": letter["id"]})["coverLetter"]["warnings"] == saved["warnings"]
    cleared = update(api, letter["id"], 2, text=letter["text"])
    assert cleared["warnings"] == []


def test_bad_edits_are_typed_errors_and_lose_nothing(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    too_long = update(api, letter["id"], 1, text="x" * (MAX_LETTER_TEXT + 1))
    assert too_long["__typename"] == "ValidationError" and too_long["fields"][0]["path"] == "input.text"
    blank = update(api, letter["id"], 1, title="   ")
    assert blank["__typename"] == "ValidationError" and blank["fields"][0]["path"] == "input.title"
    control = update(api, letter["id"], 1, text="Dear team,\x00")
    assert control["__typename"] == "ValidationError"
    # A lone surrogate (broken UTF-16) arrives as a JSON escape; it must be refused, not fail the store.
    body = json.dumps({"query": UPDATE, "variables": {"id": letter["id"], "version": 1, "input": {"text": "\ud800"}}})
    response = api.client.post(
        "/graphql",
        content=body.encode(),
        headers={"Authorization": "Bearer token-alice", "content-type": "application/json"},
    )
    assert response.json()["data"]["updateCoverLetter"]["__typename"] == "ValidationError"
    assert api.data(LETTER, {"id": letter["id"]})["coverLetter"] == letter
    pasted = update(api, letter["id"], 1, text="Dear team,\x0cpasted from Word\tand kept.")
    assert pasted["__typename"] == "CoverLetter" and pasted["version"] == 2


def test_a_revision_restores_as_a_new_version(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    update(api, letter["id"], 1, text="A short letter.", title="Short")
    restored = api.data(RESTORE, {"id": letter["id"], "revision": 1, "version": 2})["restoreCoverLetterRevision"]
    assert (restored["version"], restored["text"], restored["title"]) == (3, letter["text"], letter["title"])
    stale = api.data(RESTORE, {"id": letter["id"], "revision": 2, "version": 2})["restoreCoverLetterRevision"]
    assert stale["__typename"] == "VersionConflictError"
    missing = api.data(RESTORE, {"id": letter["id"], "revision": 99, "version": 3})["restoreCoverLetterRevision"]
    assert missing["__typename"] == "NotFoundError"


def test_every_letter_lists_newest_first_and_a_cvs_letters_still_list_by_cv(api: Api, cv_id: str) -> None:
    other_cv = api.data(CREATE, {"input": {**SAMPLE_INPUT, "title": "Second CV"}})["createCv"]["id"]
    older, newer = generate(api, cv_id, "Older Co"), generate(api, other_cv, "Newer Co")
    everything = [letter["id"] for letter in api.data(LETTERS, {"cv": None})["coverLetters"]]
    assert everything.index(newer["id"]) < everything.index(older["id"])
    by_cv = [letter["id"] for letter in api.data(LETTERS, {"cv": other_cv})["coverLetters"]]
    assert by_cv == [newer["id"]]
    assert api.data(LETTERS, {"cv": None}, token="token-bob")["coverLetters"] == []


def test_another_users_letter_answers_exactly_like_a_missing_one(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    for letter_id in (letter["id"], "01JUNKNOWN000000000000000"):
        assert api.data(LETTER, {"id": letter_id}, token="token-bob")["coverLetter"] is None
        assert api.data(REVISIONS, {"id": letter_id}, token="token-bob")["coverLetterRevisions"] == []
        refused = update(api, letter_id, 1, token="token-bob", text="Mine now")
        assert refused == {"__typename": "NotFoundError", "message": "Cover letter not found."}
        assert api.data(DELETE, {"id": letter_id}, token="token-bob")["deleteCoverLetter"]["__typename"] == (
            "NotFoundError"
        )
        restore = api.data(RESTORE, {"id": letter_id, "revision": 1, "version": 1}, token="token-bob")
        assert restore["restoreCoverLetterRevision"]["__typename"] == "NotFoundError"
    assert api.data(LETTER, {"id": letter["id"]})["coverLetter"] == letter


def test_pdf_and_docx_render_the_edited_text(api: Api, cv_id: str) -> None:
    import docx

    letter = generate(api, cv_id)
    before = render(api, letter["id"])
    edited_text = letter["text"].replace("Thank you for your time.", "Thank you for reading my edited letter.")
    update(api, letter["id"], 1, text=edited_text)
    pdf = render(api, letter["id"])
    assert pdf["__typename"] == "RenderedFile" and not pdf["cached"] and pdf["sha256"] != before["sha256"]
    assert folded("Thank you for reading my edited letter.") in pdf_text(download(api, pdf["url"]))
    word = render(api, letter["id"], "DOCX")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(download(api, word["url"]))).paragraphs]
    assert any("Thank you for reading my edited letter." in p for p in paragraphs)


def test_a_deleted_letter_is_gone_with_its_revisions(api: Api, cv_id: str) -> None:
    letter = generate(api, cv_id)
    update(api, letter["id"], 1, text="Edited once.")
    assert api.data(DELETE, {"id": letter["id"]})["deleteCoverLetter"] == {
        "__typename": "DeletedCoverLetter",
        "id": letter["id"],
    }
    assert api.data(LETTER, {"id": letter["id"]})["coverLetter"] is None
    assert api.data(REVISIONS, {"id": letter["id"]})["coverLetterRevisions"] == []
    assert render(api, letter["id"])["__typename"] == "NotFoundError"
    assert api.data(DELETE, {"id": letter["id"]})["deleteCoverLetter"]["__typename"] == "NotFoundError"


def test_a_skill_the_cv_shows_may_be_named_as_the_posting_names_it_and_one_it_does_not_is_warned_about(
    api: Api,
) -> None:
    experience = {**SAMPLE_INPUT["sections"][0]}
    first = {**experience["items"][0], "bullets": ["Ran the Kafka consumers of the billing pipeline"]}
    experience["items"] = [first, *experience["items"][1:]]
    cv = api.data(CREATE, {"input": {**SAMPLE_INPUT, "sections": [experience]}})["createCv"]
    posting = "We need a backend engineer. Requirements: Apache Kafka and Python; good communication."
    job = api.data(CREATE_JOB, {"input": {"title": "Backend Engineer", "company": "Streamly", "description": posting}})
    generated = api.data(GENERATE, {"cv": cv["id"], "job": job["createJob"]["id"]})["generateCoverLetter"]
    letter = api.data(LETTER, {"id": generated["id"]})["coverLetter"]
    assert "Apache Kafka" in letter["text"] and letter["rejected"] == []
    kept = update(api, letter["id"], 1, text=letter["text"] + "\n\nI like Apache Kafka.")
    assert kept["warnings"] == []
    claimed = update(api, letter["id"], 2, text=letter["text"] + "\n\nI like Terraform.")
    assert "the skill Terraform is not in your CV" in claimed["warnings"]
