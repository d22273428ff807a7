"""The export's zip, read in memory and only as far as it is safe: which CSV files it holds, and their text.

Nothing is written to disk. The archive's own word on sizes is checked first (entry count, declared sizes) and
then not trusted: each file is read in chunks and refused the moment it passes its cap, so a forged header cannot
make a small upload expand without bound. Only the files the CV is made from are decompressed; the rest (messages,
connections, ...) are never read.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from cvmaker.domain.errors import FileLimitExceeded, UnsupportedFile

MAX_ENTRIES = 2_000
MAX_DECLARED_TOTAL = 512 * 1024 * 1024
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_READ_TOTAL = 16 * 1024 * 1024
MAX_DEPTH = 2
_CHUNK = 64 * 1024
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# The parts that make a zip an Office document (a DOCX is a zip too): such a file is not an export.
_OFFICE_PARTS = ("[content_types].xml", "word/document.xml")


@dataclass(frozen=True)
class CsvFile:
    name: str  # the file's name as the zip writes it, without its folder: "Positions.csv"
    text: str
    not_utf8: bool = False


def is_zip(data: bytes) -> bool:
    return data[:4] in ZIP_MAGIC


def looks_like_linkedin_export(data: bytes) -> bool:
    """A zip archive that opens and is not an Office document. Whether it holds an export's files is for
    `read_csv_files` to say, with a message naming what is missing."""
    if not is_zip(data):
        return False
    try:
        names = {info.filename.casefold() for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return False
    return not any(part in names for part in _OFFICE_PARTS)


def _open(data: bytes) -> tuple[zipfile.ZipFile, list[zipfile.ZipInfo]]:
    if not data:
        raise UnsupportedFile("The file is empty.", "empty")
    if not is_zip(data):
        raise UnsupportedFile("This file is not a zip archive, so it is not a LinkedIn data export.", "not_a_zip")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise UnsupportedFile("This zip archive is damaged and cannot be read.", "damaged") from None
    if len(entries) > MAX_ENTRIES:
        raise FileLimitExceeded(
            f"This zip archive holds more than {MAX_ENTRIES} files; a LinkedIn data export holds far fewer.", "zip"
        )
    if sum(entry.file_size for entry in entries) > MAX_DECLARED_TOTAL:
        raise FileLimitExceeded("This zip archive expands to far more than its size (a zip bomb).", "zip")
    return archive, entries


def _wanted(entries: list[zipfile.ZipInfo], names: frozenset[str]) -> dict[str, zipfile.ZipInfo]:
    """The entry of each wanted file name (case-insensitive), the shallowest where a name occurs twice: the export
    may sit at the root or inside one folder."""
    found: dict[str, zipfile.ZipInfo] = {}
    for entry in entries:
        path = PurePosixPath(entry.filename.replace("\\", "/"))
        key = path.name.casefold()
        depth = len(path.parts)
        if entry.is_dir() or key not in names or depth > MAX_DEPTH or path.name.startswith("._"):
            continue
        if key not in found or depth < len(PurePosixPath(found[key].filename).parts):
            found[key] = entry
    return found


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int) -> bytes:
    name = PurePosixPath(entry.filename).name
    if entry.flag_bits & 0x1:
        raise UnsupportedFile(f"{name} in this zip archive is encrypted; export your data again.", "encrypted")
    if entry.file_size > MAX_FILE_BYTES:
        raise FileLimitExceeded(
            f"{name} expands to more than {MAX_FILE_BYTES // (1024 * 1024)} MB; a profile's file is far smaller.",
            "zip",
        )
    if entry.file_size > budget:
        raise FileLimitExceeded(
            f"The export's CV files expand to more than {MAX_READ_TOTAL // (1024 * 1024)} MB together.", "zip"
        )
    cap = min(MAX_FILE_BYTES, budget)
    chunks: list[bytes] = []
    size = 0
    try:
        with archive.open(entry) as stream:
            while chunk := stream.read(_CHUNK):
                size += len(chunk)
                if size > cap:
                    raise FileLimitExceeded(f"{name} expands to more than its stated size (a zip bomb).", "zip")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise UnsupportedFile(f"{name} in this zip archive is damaged and cannot be read.", "damaged") from None
    return b"".join(chunks)


def _decoded(raw: bytes) -> tuple[str, bool]:
    try:
        return raw.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return raw.decode("utf-8-sig", errors="replace"), True


def read_csv_files(data: bytes, names: frozenset[str]) -> list[CsvFile]:
    """The text of each file of `names` (folded file names) the archive holds, in the order of `names`' sorting.
    Raises `UnsupportedFile` for what is not a readable zip and `FileLimitExceeded` past a cap."""
    archive, entries = _open(data)
    budget = MAX_READ_TOTAL
    files: list[CsvFile] = []
    for _, entry in sorted(_wanted(entries, names).items()):
        raw = _read(archive, entry, budget)
        budget -= len(raw)
        text, not_utf8 = _decoded(raw)
        files.append(CsvFile(PurePosixPath(entry.filename.replace("\\", "/")).name, text, not_utf8))
    return files
