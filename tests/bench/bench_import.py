"""The importer's figures: field accuracy on the real CVs in ../shared/eval and on the project's corpus of real
CVs (tests/corpora/cvs: labels and manifests here, the files themselves outside the repository, found through
CVMAKER_CV_CORPUS_FILES), per format and with the held-back part reported on its own, all scored by
../shared/eval/score_import.py; and parse time per page (extraction and understanding, in process, warm), p50
and p99, on those CVs and on the documents the tests generate.

Targets: overall field F1 >= 0.90; p50 <= 150 ms for a 2-page PDF.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from cvmaker.adapters.extraction.sniffing import InProcessExtractor
from cvmaker.domain.errors import DomainError
from cvmaker.domain.json_resume import to_json_resume
from cvmaker.services.imports import CvFileReader
from tests.bench.report import OUT, ROOT, percentile, table, write

EVAL = ROOT.parent / "shared" / "eval"
CORPUS = ROOT / "tests" / "corpora" / "cvs"
# The corpus files come from other people's repositories and are not committed (tests/corpora/cvs/README.md).
CORPUS_FILES = [
    Path(p)
    for p in (
        os.environ.get("CVMAKER_CV_CORPUS_FILES", ""),
        "/work/corpora/cvs/files",
        str(ROOT.parent / "shared" / "eval" / "corpus" / "files"),
    )
    if p
]
RUNS = 30


def _timed_parse(service: CvFileReader, data: bytes, name: str, runs: int) -> tuple[list[float], Any]:
    result = service.parse(data, name)  # warm: imports, caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = service.parse(data, name)
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def _timing_row(name: str, pages: int, times: list[float]) -> dict[str, Any]:
    per_page = [t / max(pages, 1) for t in times]
    return {
        "document": name,
        "pages": pages,
        "p50_ms": percentile(times, 50),
        "p99_ms": percentile(times, 99),
        "p50_ms_per_page": percentile(per_page, 50),
        "p99_ms_per_page": percentile(per_page, 99),
    }


def accuracy(service: CvFileReader) -> tuple[list[dict[str, Any]], dict[str, Any] | None, list[dict[str, Any]]]:
    cvs = EVAL / "cvs"
    if not cvs.is_dir() or not (EVAL / "score_import.py").is_file():
        print(f"(accuracy skipped: {cvs} is absent)")
        return [], None, []
    timings = []
    predictions = OUT / "import_predictions"  # kept, to look at what the importer said for each CV
    predictions.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for path in sorted(cvs.iterdir()):
            if path.suffix.lower() not in (".pdf", ".docx"):
                continue
            times, result = _timed_parse(service, path.read_bytes(), path.name, RUNS)
            (predictions / f"{path.stem}.json").write_text(
                json.dumps(to_json_resume(result.document, keep_extras=False), ensure_ascii=False)
            )
            timings.append(_timing_row(path.name, result.pages, times))
        scores = Path(scratch) / "scores.json"
        printed = subprocess.run(
            [sys.executable, str(EVAL / "score_import.py"), str(cvs), str(predictions), "--json", str(scores)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        print(printed)
        scored = json.loads(scores.read_text())
    rows = [
        {"field": field, **{k: values[k] for k in ("tp", "fp", "fn", "precision", "recall", "f1")}}
        for field, values in scored["fields"].items()
    ]
    return rows, scored["overall"], timings


def _score(labels: Path, predictions: Path) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        scores = Path(scratch) / "scores.json"
        subprocess.run(
            [sys.executable, str(EVAL / "score_import.py"), str(labels), str(predictions), "--json", str(scores)],
            capture_output=True,
            text=True,
            check=True,
        )
        result: dict[str, Any] = json.loads(scores.read_text())
        return result


def corpus_accuracy(service: CvFileReader, kept_as: str = "corpus_predictions") -> list[dict[str, Any]]:
    """Field F1 on the project's corpus, per format and split. The scorer reads labels named cvNN.json: each
    label is copied under such a name, and its prediction beside it (kept in OUT/`kept_as`)."""
    folder = next((p for p in CORPUS_FILES if p.is_dir() and any(p.iterdir())), None)
    if folder is None or not (EVAL / "score_import.py").is_file():
        print(f"(corpus accuracy skipped: no corpus files in {', '.join(map(str, CORPUS_FILES))} or no scorer)")
        return []
    entries = [
        e
        for name in ("manifest-pdf.json", "manifest-docx.json")
        if (CORPUS / name).is_file()
        for e in json.loads((CORPUS / name).read_text())
    ]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for entry in entries:
        groups.setdefault((entry["format"], entry["split"]), []).append(entry)
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for (file_format, split), members in sorted(groups.items()):
            labels, predictions = (
                Path(scratch) / f"{file_format}-{split}-labels",
                Path(scratch) / f"{file_format}-{split}",
            )
            labels.mkdir()
            predictions.mkdir()
            missing = 0
            refused: list[str] = []
            for number, entry in enumerate(members, 1):
                path = folder / entry["file"]
                if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != entry["sha256"]:
                    missing += 1
                    continue
                label = json.loads((CORPUS / "labels" / f"{Path(entry['file']).stem}.json").read_text())
                stem = f"cv{number:03d}"
                (labels / f"{stem}.json").write_text(json.dumps(label, ensure_ascii=False))
                try:
                    result = service.parse(path.read_bytes(), path.name)
                except DomainError as error:  # refused: scored as an empty prediction (every field lost)
                    refused.append(f"{entry['file']}: {error.message}")
                    continue
                (predictions / f"{stem}.json").write_text(
                    json.dumps(to_json_resume(result.document, keep_extras=False), ensure_ascii=False)
                )
            kept = OUT / kept_as / f"{file_format}-{split}"
            shutil.rmtree(kept, ignore_errors=True)
            shutil.copytree(predictions, kept)
            scored = _score(labels, predictions)
            overall = scored["overall"]
            rows.append(
                {
                    "format": file_format,
                    "split": split,
                    "cvs": len(members) - missing,
                    "missing": missing,
                    "refused": refused,
                    "precision": overall["precision"],
                    "recall": overall["recall"],
                    "f1": overall["f1"],
                    "fields": {
                        f: {k: v[k] for k in ("precision", "recall", "f1")} for f, v in scored["fields"].items()
                    },
                }
            )
    print(
        table(
            [{**r, "refused": len(r["refused"])} for r in rows],
            ["format", "split", "cvs", "missing", "refused", "precision", "recall", "f1"],
        )
    )
    for row in rows:
        fields = ", ".join(f"{f} {v['precision']:.2f}/{v['recall']:.2f}" for f, v in row["fields"].items())
        print(f"  {row['format']} {row['split']} per field (P/R): {fields}")
    return rows


def generated(service: CvFileReader) -> list[dict[str, Any]]:
    from tests.imports import documents

    files = {
        "single_column.pdf": documents.render_pdf(documents.single_column_html()),
        "sidebar.pdf": documents.render_pdf(documents.sidebar_html()),
        "date_margin.pdf": documents.render_pdf(documents.date_margin_html()),
        "running_header.pdf": documents.render_pdf(documents.running_header_html()),
        "styled.docx": documents.styled_docx(),
        "table.docx": documents.table_docx(),
    }
    rows = []
    for name, data in files.items():
        times, result = _timed_parse(service, data, name, RUNS)
        rows.append(_timing_row(name, result.pages, times))
    return rows


def isolated(files: dict[str, bytes]) -> list[dict[str, Any]]:
    """The same parse as the server does it: in a warm worker process under time and memory limits."""
    from cvmaker.adapters.extraction.sniffing import IsolatedExtractor, warm_up
    from cvmaker.adapters.worker_pool import WorkerPool

    rows = []
    with WorkerPool(size=1, memory_limit=512 * 1024 * 1024, initializer=warm_up, name="import-bench") as pool:
        service = CvFileReader(IsolatedExtractor(pool, timeout=10.0))
        for name, data in files.items():
            times, result = _timed_parse(service, data, name, RUNS)
            rows.append(_timing_row(f"{name} (worker)", result.pages, times))
    return rows


def command_line(files: dict[str, bytes], runs: int = 7) -> list[dict[str, Any]]:
    """`cvmaker import FILE` as a person runs it: a new process each time (imports, a worker process that boots
    while the file is read, the parse, the JSON printed), wall time per run."""
    rows = []
    with tempfile.TemporaryDirectory() as scratch:
        for name, data in files.items():
            path = Path(scratch) / name
            path.write_bytes(data)
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                subprocess.run(
                    [sys.executable, "-m", "api.cli", "import", str(path)], cwd=ROOT, capture_output=True, check=True
                )
                times.append((time.perf_counter() - started) * 1000)
            rows.append({"command": f"cvmaker import {name}", "runs": runs, "p50_ms": round(percentile(times, 50), 1)})
    return rows


class ModelPassReader(CvFileReader):
    """The reader followed by the import's model pass, as the import service runs it; counts what the pass did."""

    def __init__(self, structurer: Any) -> None:
        super().__init__(InProcessExtractor())
        self.structurer = structurer
        self.outcomes: dict[str, int] = {}
        self.call_ms: list[float] = []

    def parse(self, data: bytes, filename: str) -> Any:
        from cvmaker.services.imports import with_model_pass

        result = super().parse(data, filename)
        started = time.perf_counter()
        result = with_model_pass(result, self.structurer)
        self.call_ms.append((time.perf_counter() - started) * 1000)
        for message, _ in result.warnings:
            if message.startswith("The model pass"):
                outcome = message.split(":")[0] if "not used" in message else " ".join(message.split()[:4])
                self.outcomes[outcome] = self.outcomes.get(outcome, 0) + 1
        return result


def model_pass(heuristic: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Field F1 on the corpus with the import's model pass, beside the heuristic's, when an OpenAI-compatible
    model is configured by environment: CVMAKER_IMPORT_MODEL=openai, OPENAI_BASE_URL, OPENAI_API_KEY,
    CVMAKER_OPENAI_MODEL (and CVMAKER_OPENAI_TIME_BUDGET)."""
    from api.settings import Settings

    settings = Settings.from_env()
    if settings.import_model != "openai" or not (settings.openai_api_key or settings.openai_base_url):
        print(
            "\nmodel pass: not measured: no model configured (set CVMAKER_IMPORT_MODEL=openai, OPENAI_BASE_URL, "
            "OPENAI_API_KEY and CVMAKER_OPENAI_MODEL)"
        )
        return None
    from cvmaker.adapters.extraction.openai_structurer import OpenAiStructurer

    structurer = OpenAiStructurer(
        settings.openai_api_key or "none",  # a local server (Ollama, vLLM) may need no key; the SDK wants one
        settings.openai_model,
        settings.openai_base_url or None,
        settings.openai_time_budget,
    )
    print(f"\nmodel pass with {settings.openai_model} at {settings.openai_base_url or 'api.openai.com'}:")
    reader = ModelPassReader(structurer)
    rows = corpus_accuracy(reader, kept_as="corpus_predictions_model")
    before = {(r["format"], r["split"]): r["f1"] for r in heuristic}
    for row in rows:
        was = before.get((row["format"], row["split"]))
        gain = f"{row['f1'] - was:+.3f}" if was is not None else "n/a"
        print(f"  {row['format']} {row['split']}: field F1 {was:.3f} -> {row['f1']:.3f} ({gain})")
    print(f"  outcomes: {reader.outcomes}")
    p50, p99 = percentile(reader.call_ms, 50), percentile(reader.call_ms, 99)
    print(f"  model pass per CV: p50 {p50:.0f} ms, p99 {p99:.0f} ms")
    return {"model": settings.openai_model, "corpus": rows, "outcomes": reader.outcomes, "call_ms": reader.call_ms}


def main() -> int:
    service = CvFileReader(InProcessExtractor())
    fields, overall, eval_timings = accuracy(service)
    corpus = corpus_accuracy(service)
    with_model = model_pass(corpus)
    timing_rows = eval_timings + generated(service)
    two_page_files = (
        {p.name: p.read_bytes() for p in sorted((EVAL / "cvs").glob("*.pdf"))[:3]} if (EVAL / "cvs").is_dir() else {}
    )
    from tests.imports import documents

    two_page_files["running_header.pdf"] = documents.render_pdf(documents.running_header_html())
    timing_rows += isolated(two_page_files)
    columns = ["document", "pages", "p50_ms", "p99_ms", "p50_ms_per_page", "p99_ms_per_page"]
    print(table(timing_rows, columns))
    commands = command_line(two_page_files)
    print(table(commands, ["command", "runs", "p50_ms"]))
    print(
        f"slowest `cvmaker import` of a 2-page PDF, p50 {max(r['p50_ms'] for r in commands):.0f} ms (target <= 500 ms)"
    )
    two_page = [r["p50_ms"] for r in timing_rows if r["pages"] == 2 and ".pdf" in r["document"]]
    per_page = [r["p50_ms_per_page"] for r in timing_rows]
    verdicts = {
        "two_page_pdf_p50_ms": max(two_page) if two_page else None,
        "per_page_p50_ms_median": percentile(per_page, 50),
        "command_line_two_page_p50_ms": max(r["p50_ms"] for r in commands),
    }
    if overall is not None:
        verdicts["overall_f1"] = overall["f1"]
        print(f"\noverall field F1 {overall['f1']:.3f} (target >= 0.90)")
    if two_page:
        print(f"slowest 2-page PDF, p50 {max(two_page):.1f} ms (target <= 150 ms)")
    path = write(
        "import",
        timing_rows,
        {"fields": fields, "overall": overall, "verdicts": verdicts, "corpus": corpus, "model_pass": with_model},
    )
    print(f"written to {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
