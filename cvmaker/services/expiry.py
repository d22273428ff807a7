"""How long files outlive their use, and the sweep that enforces it where nothing else does.

Uploads (`users/<sub>/uploads/<id>`) are read once by the import and deleted then; one never read must not
outlive a day. Rendered files (`users/<sub>/renders/<cv id>/...`, CV exports and cover letters) are a cache: they
go after `RENDER_LIFETIME`, and asking for one again renders it again (`StoredFiles.fetch_or_make` renders what
the store no longer has), so expiry never loses anything a CV does not still hold.

In the cloud, the bucket's lifecycle rules (amplify/api/cv-api.ts) expire both by object tag, since a lifecycle
filter takes a key prefix or tags but no wildcard: uploads are tagged by their presigned POST, renders when they are
put (`tagging_for`). On the embedded default, `ExpiryService.sweep` deletes them by age, and also forgets expired
idempotency keys; the server runs it periodically and `cvmaker sweep` on demand.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from cvmaker.domain.clock import utc_now
from cvmaker.ports import ExpiringFiles

if TYPE_CHECKING:  # annotations only: the S3 adapter reads `tagging_for` at cold start, and needs nothing more
    from cvmaker.services.idempotency import IdempotencyService

UPLOAD_LIFETIME = timedelta(days=1)
RENDER_LIFETIME = timedelta(days=7)
# The object tag the bucket's lifecycle rules filter on (cv-api.ts: UPLOAD_TAG, RENDER_TAG).
EXPIRY_TAG = "cvmaker-kind"
RENDER_TAG_VALUE = "render"
UPLOAD_TAG_VALUE = "upload"  # also a data export's: both go after a day (the lifecycle rule for uploads)
SWEEP_INTERVAL = timedelta(hours=1)

# Where uploads and renders live, as globs over keys: the layout of `imports.upload_key` and
# `rendering.rendered_files_prefix` with any owner and id (tests/expiry/test_sweep.py checks they agree).
UPLOAD_FOLDERS = "users/*/uploads"
RENDER_FOLDERS = "users/*/renders/*"
# A person's data export (`privacy.exports_prefix`): a copy of everything they have, gone after a day like an upload.
EXPORT_FOLDERS = "users/*/exports"
_RENDER_KEY = re.compile(r"^users/[^/]+/renders/[^/]+/.+$")
_EXPORT_KEY = re.compile(r"^users/[^/]+/exports/[^/]+$")


def tagging_for(key: str) -> str | None:
    """The S3 tagging (URL-encoded) a file is put with, so a lifecycle rule expires it; None for files kept."""
    if _RENDER_KEY.match(key):
        return f"{EXPIRY_TAG}={RENDER_TAG_VALUE}"
    if _EXPORT_KEY.match(key):
        return f"{EXPIRY_TAG}={UPLOAD_TAG_VALUE}"
    return None


@dataclass(frozen=True, slots=True)
class Swept:
    uploads: int
    renders: int
    idempotency_keys: int


@dataclass
class ExpiryService:
    """Expires files where the store does not (`files`, None on S3) and idempotency keys where the store does not
    (`idempotency`, whose store answers 0 on DynamoDB, whose TTL removes them)."""

    files: ExpiringFiles | None
    idempotency: Callable[[], IdempotencyService] | None = None
    clock: Callable[[], datetime] = field(default=utc_now)

    def sweep(self) -> Swept:
        now = self.clock()
        uploads = renders = keys = 0
        if self.files is not None:
            uploads = self.files.expire(UPLOAD_FOLDERS, (now - UPLOAD_LIFETIME).timestamp())
            uploads += self.files.expire(EXPORT_FOLDERS, (now - UPLOAD_LIFETIME).timestamp())
            renders = self.files.expire(RENDER_FOLDERS, (now - RENDER_LIFETIME).timestamp())
        if self.idempotency is not None:
            keys = self.idempotency().store.purge_expired(now.timestamp())
        return Swept(uploads, renders, keys)
