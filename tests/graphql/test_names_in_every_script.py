"""A CV in anyone's name downloads in every format, named after its owner in their own script.

The file name travels in a Content-Disposition header, which holds Latin-1 at most: the header carries an ASCII
fallback and RFC 6266's UTF-8 `filename*`, and the UTF-8 form must give back the name exactly.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

import pytest

from cvmaker.domain.rendering.download_names import download_name
from tests.graphql.conftest import Api
from tests.support.names import NAMES_IN_EVERY_SCRIPT

CREATE = """mutation($input: CvInput!) { createCv(input: $input) { ... on Cv { id } } }"""
RENDER = """mutation($id: ID!, $format: RenderFormat!) {
  renderCv(cvId: $id, format: $format) { __typename ... on RenderedFile { url } }
}"""
EXTENSIONS = {"PDF": "pdf", "DOCX": "docx", "TEXT": "txt", "JSON_RESUME": "json"}
_FILENAME_STAR = re.compile(r"filename\*=UTF-8''([^;]+)")
_FILENAME = re.compile(r'filename="([^"]*)"')


def _download(api: Api, cv_id: str, render_format: str) -> tuple[bytes, str]:
    rendered = api.data(RENDER, {"id": cv_id, "format": render_format})["renderCv"]
    assert rendered["__typename"] == "RenderedFile", rendered
    parts = urlsplit(rendered["url"])
    response = api.client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 200, response.text
    return response.content, response.headers["content-disposition"]


@pytest.mark.parametrize("render_format", list(EXTENSIONS))
@pytest.mark.parametrize("script", list(NAMES_IN_EVERY_SCRIPT))
def test_every_name_downloads_in_every_format(api: Api, script: str, render_format: str) -> None:
    name = NAMES_IN_EVERY_SCRIPT[script]
    cv_id = api.data(CREATE, {"input": {"title": script, "basics": {"name": name, "headline": "Nurse"}}})["createCv"][
        "id"
    ]
    content, disposition = _download(api, cv_id, render_format)

    assert content
    disposition.encode("ascii")  # any header encoding can carry it
    assert disposition.startswith("attachment;")
    full_name = unquote(_FILENAME_STAR.search(disposition).group(1))  # type: ignore[union-attr]
    assert full_name == download_name(name, "CV", EXTENSIONS[render_format])
    # Every letter of the name survives in the file name, in its own script and order.
    letters = [c for c in unicodedata.normalize("NFC", name) if unicodedata.category(c)[0] in "LMN"]
    assert [c for c in full_name if unicodedata.category(c)[0] in "LMN"][: len(letters)] == letters or len(name) > 80
    fallback = _FILENAME.search(disposition).group(1)  # type: ignore[union-attr]
    assert fallback.endswith(f".{EXTENSIONS[render_format]}")
