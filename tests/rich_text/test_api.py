"""Rich text through the API: stored exactly as typed, read back the same, and each export honours it."""

from __future__ import annotations

import copy
import io

import docx

from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, GET, SAMPLE_INPUT
from tests.rich_text.documents import BULLET, DESCRIPTION, SUMMARY

RENDER = """mutation($id: ID!, $format: RenderFormat!) {
  renderCv(cvId: $id, format: $format) { __typename ... on RenderedFile { url } }
}"""
EXPORT = "mutation($id: ID!) { exportJsonResume(id: $id) { __typename ... on JsonResumeDocument { document } } }"


def _create(api: Api) -> str:
    cv = copy.deepcopy(SAMPLE_INPUT)
    cv["summary"] = SUMMARY
    cv["sections"][0]["items"][0]["description"] = DESCRIPTION
    cv["sections"][0]["items"][0]["bullets"] = [BULLET]
    created = api.data(CREATE, {"input": cv})["createCv"]
    assert created["__typename"] == "Cv", created
    return str(created["id"])


def _rendered(api: Api, cv_id: str, format: str) -> bytes:
    result = api.data(RENDER, {"id": cv_id, "format": format})["renderCv"]
    assert result["__typename"] == "RenderedFile", result
    return api.client.get(result["url"]).content


def test_markdown_is_stored_and_read_back_as_typed(api: Api) -> None:
    cv = api.data(GET, {"id": _create(api)})["cv"]
    assert cv["summary"] == SUMMARY
    item = cv["sections"][0]["items"][0]
    assert (item["description"], item["bullets"]) == (DESCRIPTION, [BULLET])


def test_the_text_export_has_no_markers(api: Api) -> None:
    text = _rendered(api, _create(api), "TEXT").decode()
    assert "Ran the night shift for St Mary's (https://stmarys.nhs.uk).\n- Led daily audits" in text
    assert "**" not in text and "javascript" not in text


def test_the_word_export_has_bold_runs_and_hyperlinks(api: Api) -> None:
    word = docx.Document(io.BytesIO(_rendered(api, _create(api), "DOCX")))
    description = next(p for p in word.paragraphs if p.text.startswith("Ran the"))
    assert [r.text for r in description.runs if r.bold] == ["night shift"]
    assert [h.url for h in description.hyperlinks] == ["https://stmarys.nhs.uk"]


def test_the_json_resume_export_keeps_markdown(api: Api) -> None:
    exported = api.data(EXPORT, {"id": _create(api)})["exportJsonResume"]["document"]
    assert exported["basics"]["summary"] == SUMMARY
    assert exported["work"][0]["summary"] == DESCRIPTION and exported["work"][0]["highlights"] == [BULLET]
