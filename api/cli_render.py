"""`cvmaker render CV.json --template NAME --out FILE.pdf` (or .docx, .txt, .json for JSON Resume) and
`cvmaker templates`. CV.json is a JSON Resume document or our own CV document (the JSON of `CvDocument`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

FORMATS_BY_SUFFIX = {".pdf": "PDF", ".docx": "DOCX", ".txt": "TEXT", ".json": "JSON_RESUME"}


class _NoStore:
    """The command line writes files itself; the service's blob store is never used."""

    def put(self, key: str, data: bytes, content_type: str) -> None:
        raise RuntimeError("not used by the command line")

    def get(self, key: str) -> bytes | None:
        return None

    def exists(self, key: str) -> bool:
        return False

    def delete(self, key: str) -> None:
        return None

    def delete_prefix(self, prefix: str) -> int:
        return 0

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        raise RuntimeError("not used by the command line")

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> Any:
        raise RuntimeError("not used by the command line")


def _read_document(path: Path, template_names: list[str]) -> Any:
    """Our CV document if the JSON is one (it has `sections` and passes our rules), else a JSON Resume document read
    tolerantly: what cannot be read is printed as a warning, a file that is not a CV is `InvalidInput`."""
    from cvmaker.domain.cv.model import CvDocument
    from cvmaker.domain.cv.validation import validate_document
    from cvmaker.domain.errors import InvalidInput
    from cvmaker.domain.json_resume import parse_json_text, read_json_resume
    from cvmaker.services.imports import upload_kind

    raw = path.read_bytes()
    if upload_kind(raw) == "linkedin_export":
        return _read_linkedin_export(path, raw, template_names)
    data, warnings = parse_json_text(raw)
    if isinstance(data, dict) and isinstance(data.get("sections"), list):
        ours = {"title": path.stem, "design": {}, **data}
        try:
            document = CvDocument.from_dict(ours)
            validate_document(document.to_dict(), template_names)
            return document
        except (InvalidInput, KeyError, TypeError, ValueError, AttributeError):
            pass  # another builder's `sections`: read as JSON Resume, where it is a custom section
    imported = read_json_resume(data, template_names)
    for problem in [*warnings, *imported.warnings]:
        print(f"warning: {problem.path or path.name}: {problem.message}", file=sys.stderr)
    return imported.document


def _read_linkedin_export(path: Path, data: bytes, template_names: list[str]) -> Any:
    """A LinkedIn data export (zip) read as JSON Resume; what was left out is printed as a warning."""
    from cvmaker.domain.json_resume import read_json_resume
    from cvmaker.domain.linkedin import read_linkedin_export

    export = read_linkedin_export(data)
    imported = read_json_resume(export.resume, template_names)
    for warning in [*export.warnings, *export.translated(imported.warnings)]:
        detail = f": {warning.text}" if warning.text else ""
        print(f"warning: {warning.path or path.name}: {warning.message}{detail}", file=sys.stderr)
    return imported.document


def _design_override(args: argparse.Namespace) -> dict[str, Any]:
    values = {
        "template": args.template,
        "pageSize": args.page_size,
        "accentColor": args.accent,
        "fontFamily": args.font,
        "fontSize": args.font_size,
        "margins": args.margins,
    }
    return {key: value for key, value in values.items() if value is not None}


def run_render(args: argparse.Namespace) -> int:
    from api.composition import build_rendering
    from api.settings import Settings
    from cvmaker.domain.errors import DomainError, InvalidInput
    from cvmaker.services.rendering import RenderFormat

    out = Path(args.out)
    format_name = FORMATS_BY_SUFFIX.get(out.suffix.lower())
    if format_name is None:
        print(f"cvmaker render: --out must end in one of {', '.join(FORMATS_BY_SUFFIX)}", file=sys.stderr)
        return 2
    service = build_rendering(Settings.from_env(), _NoStore(), in_process=True)
    try:
        document = _read_document(Path(args.cv), service.templates.names())
        prepared = service.prepare(document, _design_override(args))
        data, pages = service.render_bytes(prepared, RenderFormat(format_name))
    except (OSError, ValueError) as error:
        print(f"cvmaker render: cannot read {args.cv}: {error}", file=sys.stderr)
        return 2
    except InvalidInput as error:
        for problem in error.problems:
            print(f"cvmaker render: {problem.path or args.cv}: {problem.message}", file=sys.stderr)
        return 1
    except DomainError as error:
        print(f"cvmaker render: {error.message}", file=sys.stderr)
        return 1
    out.write_bytes(data)
    detail = f"{pages} page{'s' if pages != 1 else ''}, " if pages is not None else ""
    print(f"{out} ({detail}{len(data):,} bytes, template {prepared.design.template})", file=sys.stderr)
    return 0


def run_templates(args: argparse.Namespace) -> int:
    from api.composition import template_catalog

    catalog = template_catalog()

    if args.json:
        rows = [
            {"name": t.name, "title": t.title, "description": t.description, "version": t.version}
            for t in catalog.all()
        ]
        json.dump(rows, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return 0
    width = max(len(name) for name in catalog.names())
    for template in catalog.all():
        print(f"{template.name.ljust(width)}  {template.title}: {template.description}")
    return 0


def add_render_commands(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    render = subparsers.add_parser("render", help="render a CV (JSON Resume or CV Maker JSON) to PDF, DOCX or text")
    render.add_argument(
        "cv", help="the CV: a JSON Resume document, a CV Maker document, or a LinkedIn data export (.zip)"
    )
    render.add_argument("--out", required=True, help="output file: .pdf, .docx, .txt or .json (JSON Resume)")
    render.add_argument("--template", help="template name (see `cvmaker templates`); default: the CV's own")
    render.add_argument("--page-size", choices=["A4", "LETTER"])
    render.add_argument("--accent", help="accent colour, e.g. #1f4e79")
    render.add_argument("--font", help="font family, e.g. 'Noto Serif'")
    render.add_argument("--font-size", type=float, help="base font size in points (8 to 14)")
    render.add_argument("--margins", help="page margins, e.g. 18mm")
    render.set_defaults(run=run_render)

    templates = subparsers.add_parser("templates", help="list the CV templates")
    templates.add_argument("--json", action="store_true", help="as JSON, with versions")
    templates.set_defaults(run=run_templates)
