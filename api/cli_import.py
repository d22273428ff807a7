"""`cvmaker import FILE`: print the CV read from a PDF or Word file, as JSON, without storing it."""

from __future__ import annotations

import argparse
import json
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cvmaker.services.imports import CvFileReader


def run_import(args: argparse.Namespace) -> int:
    from api.composition import file_reader

    path = Path(args.file)
    # A PDF or Word file is read in a worker process: started first, it boots while this process reads the file.
    suffix = path.suffix.lower()
    likely_document = suffix not in (".json", ".zip")
    with file_reader(isolated=not args.in_process, warm=likely_document, pdf_only=suffix == ".pdf") as reader:
        if likely_document:
            # The place names the parser knows (ISO 3166, a tenth of a second to load) load while the worker
            # reads the file, not after it.
            threading.Thread(target=_load_place_names, daemon=True).start()
        return _run_import(path, reader, args)


def _load_place_names() -> None:
    from cvmaker.domain.parsing.iso_places import country_names, region_names

    country_names()
    region_names()


def _run_import(path: Path, reader: CvFileReader, args: argparse.Namespace) -> int:
    from cvmaker.domain.errors import DomainError

    try:
        data = path.read_bytes()
    except OSError as error:
        print(f"cvmaker import: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 2
    from cvmaker.services.imports import upload_kind

    kind = upload_kind(data)
    if path.suffix.lower() == ".json" or kind == "json_resume":
        return _import_json_resume(path, data, args)
    if kind == "linkedin_export":
        return _import_linkedin_export(path, data, args)
    if not args.in_process:
        from cvmaker.domain.cv.validation import load_validator

        load_validator()  # while the worker boots: this process would only wait for it
    try:
        result = reader.parse(data, path.name)
    except DomainError as error:
        print(f"cvmaker import: {path.name}: {error.message}", file=sys.stderr)
        return 1
    if args.format == "json-resume":
        from cvmaker.domain.json_resume import to_json_resume

        output: dict[str, Any] = to_json_resume(result.document, keep_extras=False)
    else:
        output = {
            "document": result.document.to_dict(),
            "warnings": [{"message": message, "text": text} for message, text in result.warnings],
            "sources": result.sources,
            "file": {"kind": result.file_kind, "pages": result.pages},
        }
    json.dump(output, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.format == "json-resume" and args.warnings:
        for message, text in result.warnings:
            print(f"warning: {message}: {text}", file=sys.stderr)
    return 0


def _import_json_resume(path: Path, data: bytes, args: argparse.Namespace) -> int:
    """A JSON Resume file, read tolerantly: the warnings go to stderr, a file that is not a CV is refused."""
    from cvmaker.domain.errors import InvalidInput
    from cvmaker.domain.json_resume import parse_json_text, read_json_resume, to_json_resume

    try:
        value, text_warnings = parse_json_text(data)
        imported = read_json_resume(value)
    except InvalidInput as error:
        for problem in error.problems:
            print(f"cvmaker import: {problem.path or path.name}: {problem.message}", file=sys.stderr)
        return 1
    warnings = [*text_warnings, *imported.warnings]
    output: dict[str, Any]
    if args.format == "json-resume":
        output = to_json_resume(imported.document, keep_extras=False, kept=imported.kept)
    else:
        output = {
            "document": imported.document.to_dict(),
            "warnings": [{"path": w.path, "message": w.message} for w in warnings],
            "file": {"kind": "json"},
        }
    json.dump(output, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.format == "json-resume" and args.warnings:
        for problem in warnings:
            print(f"warning: {problem.path or path.name}: {problem.message}", file=sys.stderr)
    return 0


def _import_linkedin_export(path: Path, data: bytes, args: argparse.Namespace) -> int:
    """A LinkedIn data export (zip), read into JSON Resume and on through the same tolerant reader."""
    from cvmaker.domain.errors import DomainError, InvalidInput
    from cvmaker.domain.json_resume import read_json_resume, to_json_resume
    from cvmaker.domain.linkedin import read_linkedin_export

    try:
        export = read_linkedin_export(data)
        imported = read_json_resume(export.resume)
    except InvalidInput as error:
        for problem in error.problems:
            print(f"cvmaker import: {path.name}: cannot be made into a CV: {problem.message}", file=sys.stderr)
        return 1
    except DomainError as error:
        print(f"cvmaker import: {path.name}: {error.message}", file=sys.stderr)
        return 1
    warnings = [*export.warnings, *export.translated(imported.warnings)]
    output: dict[str, Any]
    if args.format == "json-resume":
        output = to_json_resume(imported.document, keep_extras=False, kept=imported.kept)
    else:
        output = {
            "document": imported.document.to_dict(),
            "warnings": [{"path": w.path, "message": w.message, "text": w.text} for w in warnings],
            "file": {"kind": "linkedin_export", "files": list(export.files)},
        }
    json.dump(output, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    if args.format == "json-resume" and args.warnings:
        for warning in warnings:
            detail = f": {warning.text}" if warning.text else ""
            print(f"warning: {warning.path or path.name}: {warning.message}{detail}", file=sys.stderr)
    return 0


def add_import_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    command = subparsers.add_parser(
        "import", help="read a CV from a PDF or Word file and print it as JSON (nothing is stored)"
    )
    command.add_argument(
        "file",
        help="a .pdf or .docx file, a JSON Resume .json file or a LinkedIn data export .zip (judged from its bytes)",
    )
    command.add_argument(
        "--format",
        choices=("json-resume", "cvmaker"),
        default="json-resume",
        help="JSON Resume (default) or our own document with warnings and sources",
    )
    command.add_argument("--warnings", action="store_true", help="with json-resume: print warnings to stderr")
    command.add_argument(
        "--in-process",
        action="store_true",
        help="parse in this process rather than in a worker with time and memory limits",
    )
    command.set_defaults(run=run_import)
