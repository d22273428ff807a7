"""`cvmaker import FILE` prints the CV as JSON Resume or as our document, and stores nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main


def test_import_prints_json_resume(tmp_path: Path, pdfs: dict[str, bytes], capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cv.bin"  # the name says nothing: the bytes decide
    path.write_bytes(pdfs["single_column"])
    assert main(["import", str(path)]) == 0  # in a worker process, as the server does it
    resume = json.loads(capsys.readouterr().out)
    assert resume["basics"]["name"] == "María González"
    assert resume["work"][0] == {
        "name": "Northwind Analytics Ltd",
        "position": "Senior Data Engineer",
        "location": "London, UK",
        "startDate": "2020-01",
        "highlights": resume["work"][0]["highlights"],
    }
    assert resume["education"][0]["institution"] == "University of Manchester"
    assert {"name": "Languages", "keywords": ["Python", "SQL", "Scala"]} in resume["skills"]
    assert sorted(tmp_path.iterdir()) == [path]  # nothing written


def test_import_prints_our_document_with_warnings_and_sources(
    tmp_path: Path, docxs: dict[str, bytes], capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cv.docx"
    path.write_bytes(docxs["styled"])
    assert main(["import", str(path), "--format", "cvmaker", "--in-process"]) == 0
    output = json.loads(capsys.readouterr().out)
    assert output["document"]["basics"]["email"] == "maria.gonzalez@example.org"
    assert output["sources"]["basics.email"].startswith("paragraph ")
    assert output["file"] == {"kind": "docx", "pages": 1}
    assert isinstance(output["warnings"], list)


def test_import_of_a_bad_file_fails_with_the_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"<html><body>not a cv</body></html>")
    assert main(["import", str(path), "--in-process"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "not a PDF or a Word (.docx) document" in captured.err
