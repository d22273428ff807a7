"""Idempotency keys on the mutations that create something: the client sends a key, a retry gets the first result.

As with Stripe's: a key belongs to one owner and one operation; the same key with the same arguments within
`KEY_LIFETIME` returns the first request's result (the same ids) without doing the work again; the same key with
other arguments is `IdempotencyConflict("key_reused")`. A request claims its key before working, so of two
concurrent requests exactly one works; the other waits up to `wait` seconds for its result, then gets
`IdempotencyConflict("in_progress")` to retry. A request that fails releases its key: a failure is never replayed.

What is kept of a result is a small JSON reference (`Replay.keep`: the ids, and what the result carries that is
not stored elsewhere, like import warnings); a replay rebuilds the result from it (`Replay.restore`), reading the
created things as they are now.
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from cvmaker.domain.clock import utc_now
from cvmaker.domain.cv.model import Cv
from cvmaker.domain.errors import FieldProblem, IdempotencyConflict, InvalidInput, NotFound
from cvmaker.ports import IdempotencyRecord, IdempotencyStore, UploadTarget

if TYPE_CHECKING:  # annotations only: each feature's service loads on first use, not at cold start
    from cvmaker.domain.matching.jobs import Job
    from cvmaker.domain.matching.results import CoverLetter, Tailored
    from cvmaker.ports import CoverLetterRepository
    from cvmaker.services.cvs import CvService, ImportedJsonResume
    from cvmaker.services.imports import Imported, UploadTicket
    from cvmaker.services.jobs import JobService

T = TypeVar("T")
Kept = dict[str, Any]

KEY_LIFETIME = timedelta(hours=24)
# How long a claim holds its key while its request runs: past any request's own limits (API Gateway gives up
# after 30 s), so only a request that died without releasing its key leaves it held, and not for long.
CLAIM_LEASE = timedelta(minutes=2)
KEY_PATTERN = re.compile(r"^[A-Za-z0-9_.:-]{1,255}$")
KEY_RULE = "must be 1 to 255 characters: letters, digits, '-', '_', '.' or ':' (a UUID is a good key)"
_POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Replay(Generic[T]):
    """How an operation's result is kept under its key (`keep`, JSON-ready) and rebuilt for a retry (`restore`,
    given the owner and what was kept)."""

    keep: Callable[[T], Kept]
    restore: Callable[[str, Kept], T]


@dataclass
class IdempotencyService:
    store: IdempotencyStore
    clock: Callable[[], datetime] = field(default=utc_now)
    wait: float = 5.0  # seconds a retry waits for a concurrent first request before answering "in progress"
    sleep: Callable[[float], None] = field(default=time.sleep)

    def run(
        self,
        owner: str,
        operation: str,
        key: str | None,
        arguments: Mapping[str, Any],
        work: Callable[[], T],
        replay: Replay[T],
    ) -> T:
        """`work()`, once per `key`: a retry with the same key and `arguments` gets the first result back.
        Blocks while a concurrent request with the key runs (call it off the event loop)."""
        if key is None:
            return work()
        check_key(key)
        fingerprint = fingerprint_of(arguments)
        token = secrets.token_hex(16)
        deadline = time.monotonic() + self.wait
        while True:
            now = self.clock().timestamp()
            claim = IdempotencyRecord(
                owner, operation, key, fingerprint, token, float(int(now + CLAIM_LEASE.total_seconds()))
            )
            held = self.store.claim(claim, now)
            if held is None:
                break
            if held.fingerprint != fingerprint:
                raise IdempotencyConflict(
                    "This idempotency key was already used with other arguments: use a new key for a new request.",
                    "key_reused",
                )
            if held.result is not None:
                return replay.restore(owner, json.loads(held.result))
            if time.monotonic() >= deadline:
                raise IdempotencyConflict(
                    "A request with this idempotency key is still running: retry in a moment.", "in_progress", 1.0
                )
            self.sleep(_POLL_SECONDS)
        try:
            result = work()
        except BaseException:
            self.store.release(owner, operation, key, token)
            raise
        done = dataclasses.replace(
            claim,
            expires_at=float(int(now + KEY_LIFETIME.total_seconds())),
            result=json.dumps(replay.keep(result), ensure_ascii=False, separators=(",", ":")),
        )
        self.store.complete(done)  # False only if the lease ran out and another request took the key over
        return result

    def forget_owner(self, owner: str) -> int:
        """Forget every key of `owner` (account deletion); returns how many there were."""
        return self.store.delete_owner(owner)

    def purge_expired(self) -> int:
        """Forget keys past their lifetime (where the store does not do it by itself)."""
        return self.store.purge_expired(self.clock().timestamp())


def check_key(key: str) -> None:
    if not KEY_PATTERN.match(key):
        raise InvalidInput([FieldProblem("idempotencyKey", KEY_RULE)])


def fingerprint_of(arguments: Mapping[str, Any]) -> str:
    """A hash of the arguments, equal for equal values whatever the order of their keys."""
    text = json.dumps(arguments, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=_plain)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (set, frozenset, tuple)):
        return sorted(value, key=str) if isinstance(value, (set, frozenset)) else list(value)
    return str(value)


# ---------------------------------------------------------------- what each creating operation keeps


def cv_replay(cvs: CvService) -> Replay[Cv]:
    """createCv, duplicateCv: the CV (as it is now)."""
    return Replay(lambda cv: {"cvId": cv.id}, lambda owner, kept: cvs.get(owner, kept["cvId"]))


def json_resume_replay(cvs: CvService) -> Replay[ImportedJsonResume]:
    """importJsonResume: the CV and the warnings of reading the document."""

    def restore(owner: str, kept: Kept) -> ImportedJsonResume:
        from cvmaker.services.cvs import ImportedJsonResume

        warnings = [FieldProblem(path, message) for path, message in kept["warnings"]]
        return ImportedJsonResume(cvs.get(owner, kept["cvId"]), warnings)

    return Replay(lambda r: {"cvId": r.cv.id, "warnings": [[w.path, w.message] for w in r.warnings]}, restore)


def import_replay(cvs: CvService) -> Replay[Imported]:
    """importCv: the CV, the warnings and where each field came from."""

    def restore(owner: str, kept: Kept) -> Imported:
        from cvmaker.services.imports import Imported

        warnings = [(message, text) for message, text in kept["warnings"]]
        return Imported(cvs.get(owner, kept["cvId"]), warnings, dict(kept["sources"]))

    return Replay(lambda r: {"cvId": r.cv.id, "warnings": [list(w) for w in r.warnings], "sources": r.sources}, restore)


def upload_replay() -> Replay[UploadTicket]:
    """createUpload: the same upload id and target (single use, and only until it expires)."""

    def restore(owner: str, kept: Kept) -> UploadTicket:
        from cvmaker.services.imports import UploadTicket

        target = kept["target"]
        return UploadTicket(
            kept["uploadId"],
            UploadTarget(target["url"], target["method"], target["fields"], target["expiresAt"], target["maxBytes"]),
        )

    def keep(ticket: UploadTicket) -> Kept:
        target = ticket.target
        return {
            "uploadId": ticket.upload_id,
            "target": {
                "url": target.url,
                "method": target.method,
                "fields": target.fields,
                "expiresAt": target.expires_at,
                "maxBytes": target.max_bytes,
            },
        }

    return Replay(keep, restore)


def job_replay(jobs: JobService) -> Replay[Job]:
    """createJob: the saved posting."""
    return Replay(lambda job: {"jobId": job.id}, lambda owner, kept: jobs.get(owner, kept["jobId"]))


def tailored_replay(cvs: CvService) -> Replay[Tailored]:
    """tailorCv: the new CV and the changes made (and refused) in making it."""

    def restore(owner: str, kept: Kept) -> Tailored:
        from cvmaker.domain.matching.results import Change, Tailored

        def changes(name: str) -> tuple[Change, ...]:
            return tuple(
                Change(c["path"], c["before"], c["after"], c["reason"], tuple(c["source_item_ids"])) for c in kept[name]
            )

        return Tailored(cvs.get(owner, kept["cvId"]), changes("changes"), changes("rejected"))

    return Replay(
        lambda t: {
            "cvId": t.cv.id,
            "changes": [dataclasses.asdict(c) for c in t.changes],
            "rejected": [dataclasses.asdict(c) for c in t.rejected],
        },
        restore,
    )


def letter_replay(letters: CoverLetterRepository) -> Replay[CoverLetter]:
    """generateCoverLetter: the letter written."""

    def restore(owner: str, kept: Kept) -> CoverLetter:
        letter = letters.get(owner, kept["letterId"])
        if letter is None:
            raise NotFound("Cover letter")
        return letter

    return Replay(lambda letter: {"letterId": letter.id}, restore)
