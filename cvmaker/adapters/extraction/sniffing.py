"""What kind of file is this, judged from its bytes (never its name), and is it safe to open?

`extract_document` is the one entry point the import service runs, in a worker process: sniff, pre-scan, then
hand the bytes to the PDF or DOCX extractor. It is a top-level function of plain arguments, so it pickles.
"""

from __future__ import annotations

import io
import logging
import zipfile
from typing import Any

from cvmaker.domain.errors import FileLimitExceeded, UnsupportedFile
from cvmaker.domain.limits import MAX_UPLOAD_BYTES
from cvmaker.domain.parsing.extracted import ExtractedDocument

_log = logging.getLogger(__name__)
MAX_ZIP_ENTRIES = 1_000
MAX_ZIP_UNCOMPRESSED = 50 * 1024 * 1024
MAX_ZIP_RATIO = 100
DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
MACRO_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"
TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"

_NOT_A_CV_FILE = "This file is not a PDF or a Word (.docx) document."


def sniff(data: bytes) -> str:
    """ "pdf" or "docx"; anything else raises `UnsupportedFile` with a message that says what it looks like."""
    if not data:
        raise UnsupportedFile("The file is empty.", "empty")
    if len(data) > MAX_UPLOAD_BYTES:
        raise FileLimitExceeded(
            f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB; a CV is much smaller.", "bytes"
        )
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        prescan_docx(data)
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise UnsupportedFile(
            "This is an old Word (.doc) file or a password-protected Word file. Save it as .docx or PDF and "
            "upload that.",
            "legacy_or_encrypted_word",
        )
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFile("This is an RTF file. Save it as .docx or PDF and upload that.", "rtf")
    raise UnsupportedFile(_NOT_A_CV_FILE, "not_a_cv_file")


def prescan_docx(data: bytes) -> None:
    """Refuse zip bombs and non-Word packages before any XML is read: entry count, declared sizes and ratios,
    the parts a Word document must have, and the main part's content type (macro-enabled files are refused)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnsupportedFile("This Word file is damaged (its zip container cannot be read).", "damaged") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise FileLimitExceeded(f"This file holds more than {MAX_ZIP_ENTRIES} parts; a CV holds far fewer.", "zip")
    total = 0
    for entry in entries:
        total += entry.file_size
        compressed = max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and entry.file_size / compressed > MAX_ZIP_RATIO:
            raise FileLimitExceeded("This file expands to far more than its size (a zip bomb).", "zip")
    if total > MAX_ZIP_UNCOMPRESSED:
        raise FileLimitExceeded("This file expands to more than 50 MB; a CV is much smaller.", "zip")
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names:
        raise UnsupportedFile(_NOT_A_CV_FILE + " (It is a zip archive.)", "not_a_cv_file")
    try:
        types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnsupportedFile("This Word file is damaged.", "damaged") from None
    if MACRO_MAIN.encode() in types:
        raise UnsupportedFile(
            "This is a Word file with macros (.docm). Save it as a plain .docx and upload that.", "macro_document"
        )
    if DOCX_MAIN.encode() not in types and TEMPLATE_MAIN.encode() not in types:
        raise UnsupportedFile(_NOT_A_CV_FILE + " (It is an Office file of another kind.)", "not_a_cv_file")


def extract_document(data: bytes) -> ExtractedDocument:
    """Sniff, pre-scan and extract. Every failure is `UnsupportedFile` or `FileLimitExceeded`."""
    kind = sniff(data)
    try:
        if kind == "pdf":
            from cvmaker.adapters.extraction.pdf import extract_pdf

            return extract_pdf(data)
        from cvmaker.adapters.extraction.docx import extract_docx

        return extract_docx(data)
    except (UnsupportedFile, FileLimitExceeded):
        raise
    except RecursionError:
        raise UnsupportedFile("This file is nested too deeply to read (it may be damaged).", "damaged") from None
    except MemoryError:
        raise FileLimitExceeded("This file needs too much memory to read.", "memory") from None
    except (zipfile.BadZipFile, ValueError, KeyError, OSError, EOFError, SyntaxError) as error:
        # SyntaxError: lxml's XMLSyntaxError, e.g. for entity amplification (billion laughs)
        raise UnsupportedFile(f"This {kind.upper()} file is damaged and cannot be read.", "damaged") from error
    except Exception as error:
        # The readers are third-party code on hostile input: whatever else they raise, the file is the cause.
        _log.warning("reading a %s failed with %s", kind, type(error).__name__, exc_info=True)
        raise UnsupportedFile(f"This {kind.upper()} file is damaged and cannot be read.", "damaged") from None


def warm_up() -> None:
    """A worker's initializer: import the readers once per worker, not on the first upload."""
    import docx  # noqa: F401

    import cvmaker.adapters.extraction.docx  # noqa: F401

    warm_up_pdf()


def warm_up_pdf() -> None:
    """A worker's initializer where the file is known to be a PDF (`cvmaker import cv.pdf`): python-docx, a
    tenth of a second to import, is left to the first Word file."""
    import pypdfium2  # noqa: F401

    import cvmaker.adapters.extraction.pdf  # noqa: F401


class IsolatedExtractor:
    """Runs `extract_document` in a worker of `cvmaker.adapters.worker_pool.WorkerPool` (a warm child process
    with a memory limit) under `timeout` seconds, and turns the pool's failures into the import's typed errors."""

    def __init__(self, pool: Any, timeout: float = 10.0) -> None:
        self.pool = pool
        self.timeout = timeout

    def extract(self, data: bytes) -> ExtractedDocument:
        from cvmaker.adapters.worker_pool import (
            RemoteError,
            WorkerCrashed,
            WorkerOutOfMemory,
            WorkerTimeout,
        )

        sniff(data)  # cheap refusals (wrong type, too big, zip bomb) never cost a worker
        try:
            result = self.pool.run(extract_document, data, timeout=self.timeout)
        except WorkerTimeout:
            raise FileLimitExceeded(f"Reading this file took longer than {self.timeout:g} seconds.", "time") from None
        except WorkerOutOfMemory:
            raise FileLimitExceeded("Reading this file needs too much memory.", "memory") from None
        except (WorkerCrashed, RemoteError):
            # A native reader that runs out of its memory limit aborts rather than raising: say both.
            raise UnsupportedFile(
                "This file could not be read: it is damaged or needs more memory than a CV ever does.", "unreadable"
            ) from None
        if not isinstance(result, ExtractedDocument):
            raise UnsupportedFile("This file could not be read.", "damaged")
        return result


class InProcessExtractor:
    """`extract_document` in this process: for the command line and tests on trusted files."""

    def extract(self, data: bytes) -> ExtractedDocument:
        return extract_document(data)
