"""`cvmaker render` and `cvmaker templates`, through the real command line entry point."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from api.cli import main
from cvmaker.domain.cv.samples import short_cv
from cvmaker.domain.json_resume import to_json_resume
from tests.rendering.layout import pdf_text


@pytest.fixture
def cv_files(tmp_path: Path) -> tuple[Path, Path]:
    own = tmp_path / "own.json"
    own.write_text(json.dumps(short_cv().to_dict()))
    resume = tmp_path / "resume.json"
    resume.write_text(json.dumps(to_json_resume(short_cv(), keep_extras=False)))
    return own, resume


def test_render_writes_each_format_from_either_json_shape(cv_files: tuple[Path, Path], tmp_path: Path) -> None:
    import docx

    for source in cv_files:
        pdf, word, text = tmp_path / f"{source.stem}.pdf", tmp_path / f"{source.stem}.docx", tmp_path / "cv.txt"
        assert main(["render", str(source), "--template", "compact", "--out", str(pdf)]) == 0
        assert main(["render", str(source), "--out", str(word), "--page-size", "LETTER"]) == 0
        assert main(["render", str(source), "--out", str(text)]) == 0
        assert "Westcountry Energy" in pdf_text(pdf.read_bytes())
        assert docx.Document(io.BytesIO(word.read_bytes())).paragraphs[0].text == "Amelia Hartley"
        assert text.read_text().startswith("Amelia Hartley\n")


def test_render_reports_invalid_input_and_writes_nothing(
    cv_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "cv.pdf"
    assert main(["render", str(cv_files[0]), "--accent", "red;background:url(x)", "--out", str(out)]) == 1
    assert main(["render", str(cv_files[0]), "--template", "nope", "--out", str(out)]) == 1
    assert main(["render", str(tmp_path / "missing.json"), "--out", str(out)]) == 2
    assert main(["render", str(cv_files[0]), "--out", str(tmp_path / "cv.odt")]) == 2
    assert not out.exists()
    assert "design.accentColor" in capsys.readouterr().err


def test_templates_lists_the_template_names(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates"]) == 0
    names = [line.split()[0] for line in capsys.readouterr().out.splitlines()]
    assert names == [
        "academic",
        "banner",
        "classic",
        "columns",
        "compact",
        "elegant",
        "mirrored",
        "modern",
        "plain",
        "portrait",
        "timeline",
    ]
    assert main(["templates", "--json"]) == 0
    assert [row["name"] for row in json.loads(capsys.readouterr().out)] == names
