"""`BlobStore` on a folder: the embedded default's S3.

Downloads and uploads go through the app's own URLs (`/files/...`, `/uploads`), signed with an HMAC key kept in
the data directory, with the guarantees of S3's presigned URLs and more: a tampered or expired signature is
refused, and an upload ticket works once (its key must not exist yet).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote, urlencode

from cvmaker.domain.errors import BadSignature, InvalidKey
from cvmaker.ports import UploadTarget

_KEY = re.compile(r"^[A-Za-z0-9_-][A-Za-z0-9_./-]{0,400}$")


def _check_key(key: str) -> str:
    if not _KEY.match(key) or ".." in key.split("/") or "//" in key or key.endswith("/"):
        raise InvalidKey(f"not a blob key: {key!r}")
    return key


_FOLDER_GLOB = re.compile(r"^[A-Za-z0-9_*-][A-Za-z0-9_*./-]{0,400}$")


def _stored_at(path: Path) -> float:
    """When a file was put: its metadata's `storedAt`, else (files from before it was kept) its modification time."""
    try:
        meta = json.loads(path.with_name(path.name + ".meta").read_text())
        return float(meta["storedAt"])
    except (FileNotFoundError, ValueError, KeyError, TypeError):
        try:
            return path.stat().st_mtime
        except FileNotFoundError:
            return float("inf")  # deleted meanwhile: nothing to expire


class FolderBlobStore:
    def __init__(
        self, root: Path, public_url: str, secret: bytes | None = None, clock: Callable[[], float] = time.time
    ) -> None:
        self.root = Path(root)
        self.root.mkdir(parents=True, exist_ok=True)
        self.public_url = public_url.rstrip("/")
        self.secret = secret or self._load_or_make_secret()
        self.clock = clock

    def _load_or_make_secret(self) -> bytes:
        path = self.root.parent / "blob-signing.key"
        if not path.exists():
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(secrets.token_bytes(32))
        return path.read_bytes()

    # ---------------------------------------------------------------- storage

    def _path(self, key: str) -> Path:
        return self.root / _check_key(key)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        meta = {"contentType": content_type, "storedAt": self.clock()}  # what the sweep's age is measured from
        self._write_atomically(path.with_name(path.name + ".meta"), json.dumps(meta).encode())
        self._write_atomically(path, data)

    @staticmethod
    def _write_atomically(path: Path, data: bytes) -> None:
        # A reader sees the old file or the new one, never half of one.
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

    def get(self, key: str) -> bytes | None:
        try:
            return self._path(key).read_bytes()
        except FileNotFoundError:
            return None

    def content_type(self, key: str) -> str:
        try:
            meta = json.loads(self._path(key).with_name(Path(key).name + ".meta").read_text())
            return str(meta.get("contentType") or "application/octet-stream")
        except (FileNotFoundError, ValueError):
            return "application/octet-stream"

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        path = self._path(key)
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".meta").unlink(missing_ok=True)

    def delete_prefix(self, prefix: str) -> int:
        if not prefix.endswith("/"):
            raise InvalidKey(f"not a folder prefix: {prefix!r}")
        folder = self._path(prefix.rstrip("/"))
        if not folder.is_dir():
            return 0
        files = [p for p in folder.rglob("*") if p.is_file() and not p.name.endswith(".meta")]
        shutil.rmtree(folder, ignore_errors=True)
        return len(files)

    def keys(self, prefix: str) -> list[str]:
        """The files' keys under `prefix`, without the store's own metadata, claims and half-written files."""
        if not prefix.endswith("/"):
            raise InvalidKey(f"not a folder prefix: {prefix!r}")
        folder = self._path(prefix.rstrip("/"))
        if not folder.is_dir():
            return []
        return sorted(
            path.relative_to(self.root).as_posix()
            for path in folder.rglob("*")
            if path.is_file() and path.suffix not in (".meta", ".claim") and not path.name.startswith(".tmp-")
        )

    def expire(self, folders: str, stored_before: float) -> int:
        """Delete the files below the folders matching `folders` stored before `stored_before`, with their
        metadata and upload claims; a claim whose file was read and deleted goes once it is as old."""
        if not _FOLDER_GLOB.match(folders) or ".." in folders.split("/"):
            raise InvalidKey(f"not a folder pattern: {folders!r}")
        expired = 0
        for folder in self.root.glob(folders):
            for path in sorted(folder.rglob("*")):
                if not path.is_file() or path.name.startswith(".tmp-"):
                    continue
                if path.suffix in (".meta", ".claim"):
                    base = path.with_name(path.stem)
                    if not base.exists() and _stored_at(path) < stored_before:
                        path.unlink(missing_ok=True)  # left behind by a deleted file
                    continue
                if _stored_at(path) < stored_before:
                    path.unlink(missing_ok=True)
                    for sibling in (".meta", ".claim"):
                        path.with_name(path.name + sibling).unlink(missing_ok=True)
                    expired += 1
        return expired

    # ---------------------------------------------------------------- signed downloads

    def _sign(self, *parts: str) -> str:
        # surrogatepass: a query string may decode to any code point; it must fail the check, not the encoding.
        return hmac.new(self.secret, "\n".join(parts).encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()

    @staticmethod
    def _matches(expected: str, given: str) -> bool:
        # Bytes, not str: compare_digest refuses non-ASCII strings, and a forged signature may be any text.
        return hmac.compare_digest(expected.encode(), given.encode("utf-8", "surrogatepass"))

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        _check_key(key)
        expires = str(int(self.clock()) + expires_in)
        signature = self._sign("GET", key, expires, filename)
        query = urlencode({"expires": expires, "name": filename, "signature": signature})
        return f"{self.public_url}/files/{quote(key)}?{query}"

    def verify_download(self, key: str, expires: str, filename: str, signature: str) -> None:
        _check_key(key)
        expected = self._sign("GET", key, expires, filename)
        if not self._matches(expected, signature):
            raise BadSignature("The link is not valid.")
        if not expires.isdigit() or int(expires) < self.clock():
            raise BadSignature("The link has expired.")

    # ---------------------------------------------------------------- signed uploads

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> UploadTarget:
        _check_key(key)
        expires = int(self.clock()) + expires_in
        fields = {"key": key, "Content-Type": content_type, "max-bytes": str(max_bytes), "expires": str(expires)}
        fields["signature"] = self._sign("POST", key, content_type, str(max_bytes), str(expires))
        return UploadTarget(
            url=f"{self.public_url}/uploads", method="POST", fields=fields, expires_at=expires, max_bytes=max_bytes
        )

    def accept_upload(self, fields: dict[str, str], data: bytes, content_type: str) -> str:
        """Store an upload if its form fields carry a valid, unexpired, unused signature; returns the key."""
        try:
            key, declared_type = fields["key"], fields["Content-Type"]
            max_bytes, expires, signature = fields["max-bytes"], fields["expires"], fields["signature"]
        except KeyError as missing:
            raise BadSignature(f"The upload form lacks {missing.args[0]}.") from None
        expected = self._sign("POST", _check_key(key), declared_type, max_bytes, expires)
        if not self._matches(expected, signature):
            raise BadSignature("The upload signature is not valid.")
        if not expires.isdigit() or int(expires) < self.clock():
            raise BadSignature("The upload link has expired.")
        if content_type != declared_type:
            raise BadSignature("The file's content type is not the one the upload was signed for.")
        if len(data) > int(max_bytes):
            raise BadSignature(f"The file is larger than {max_bytes} bytes.")
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # O_EXCL: a second use of the same ticket finds the key taken and is refused.
            fd = os.open(path.with_name(path.name + ".claim"), os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            os.close(fd)
        except FileExistsError:
            raise BadSignature("This upload link was already used.") from None
        self.put(key, data, content_type)
        return key
