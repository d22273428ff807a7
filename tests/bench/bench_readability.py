"""What a parser reads, per template and format: the readability score (cvmaker.domain.readability) of sample CVs
exported through every template's PDF and through the DOCX, each read back by the importer, as a table; with the
fields that were not read as written, counted per template, to say why a template scores what it does.

The CVs: the two built-in samples (a one-page and a three-page CV) and a few real JSON Resume files of the corpus
(tests/corpora/json_resume, English and not, short and long). Rendering and reading run in this process (the
same renderer and reader the workers run), timed per report: render, extract, parse, compare.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from typing import Any

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.adapters.rendering.docx_writer import PythonDocxWriter
from cvmaker.adapters.rendering.templates import REGISTRY
from cvmaker.adapters.rendering.weasyprint import InProcessRenderer
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.cv.samples import long_cv, short_cv
from cvmaker.domain.json_resume import parse_json_text, read_json_resume
from cvmaker.domain.readability import FieldStatus, ReadabilityReport, assess
from cvmaker.services.imports import CvFileReader
from tests.bench.report import ROOT, percentile, table, write

CORPUS = ROOT / "tests" / "corpora" / "json_resume" / "files"
CORPUS_CVS = (
    "05-alkurdi-mech-engineer.json",
    "10-jajodia-statistics-student.json",
    "21-shapira-fullstack-tabs.json",
    "01-pwltr-de.json",
)


def samples() -> dict[str, CvDocument]:
    cvs = {"sample-short": short_cv(), "sample-long": long_cv()}
    for name in CORPUS_CVS:
        path = CORPUS / name
        if path.is_file():
            data, _ = parse_json_text(path.read_bytes())
            cvs[name.removesuffix(".json")] = read_json_resume(data).document
    return cvs


def with_template(document: CvDocument, template: str) -> CvDocument:
    changed = CvDocument.from_dict(document.to_dict())
    changed.design.template = template
    return changed


def main() -> None:
    renderer, reader, docx = InProcessRenderer(), CvFileReader(InProcessExtractor()), PythonDocxWriter()
    columns = [*REGISTRY.names(), "docx"]
    rows: list[dict[str, Any]] = []
    misses: dict[str, Counter[str]] = {column: Counter() for column in columns}
    times: list[float] = []
    for name, document in samples().items():
        row: dict[str, Any] = {"cv": name}
        for column in columns:
            started = time.perf_counter()
            written = with_template(document, "classic" if column == "docx" else column)
            if column == "docx":
                data = docx.write(written, written.design)
            else:
                data = renderer.render(REGISTRY.html(written), str(REGISTRY.get(column).asset_dir)).data
            read = reader.parse(data, f"{name}.{'docx' if column == 'docx' else 'pdf'}").document
            report: ReadabilityReport = assess(
                written, read, format="DOCX" if column == "docx" else "PDF", template=written.design.template
            )
            times.append((time.perf_counter() - started) * 1000)
            row[column] = report.score
            for reading in report.fields:
                if reading.status is not FieldStatus.READ:
                    misses[column][f"{reading.group.value} {reading.status.value.lower()}"] += 1
        rows.append(row)
    mean = {"cv": "mean", **{c: round(statistics.fmean(r[c] for r in rows), 1) for c in columns}}
    print(table([*rows, mean], ["cv", *columns]))
    print()
    why = [{"export": c, "not read as written (group status: count)": _top(misses[c])} for c in columns]
    print(table(why, ["export", "not read as written (group status: count)"]))
    print(
        f"\nper report (render + read + compare, in process): p50 {percentile(times, 50):.0f} ms, "
        f"p99 {percentile(times, 99):.0f} ms over {len(times)} reports"
    )
    path = write(
        "readability",
        [*rows, mean],
        {"misses": {c: dict(misses[c]) for c in columns}, "p50_ms": percentile(times, 50)},
    )
    print(f"(written to {path.relative_to(ROOT)})")


def _top(counter: Counter[str]) -> str:
    return ", ".join(f"{key}: {count}" for key, count in counter.most_common(5)) or "none"


if __name__ == "__main__":
    main()
