"""`JobRepository` and `CoverLetterRepository` on DynamoDB, in the CVs' table and the owner's partition.

    PK = USER#<sub>   SK = JOB#<id>                      a saved job posting and the requirements read from it
                      SK = CV#<cv id>#LETTER#<id>        a cover letter, kept beside the CV it was written from
                      SK = LETTER#<id>                   a pointer from the letter's id to its CV (`letterOfCv`)
                      SK = LETTER_REV#<id>#<n>           one item per saved version of the letter, n zero-padded

Revisions live outside the `CV#<cv id>#LETTER#` range, so listing a CV's letters reads no revision, and outside
`LETTER#`, so listing every letter of a user reads pointers only. A save is one `TransactWriteItems`: the letter,
conditioned on the version the caller edited, and its revision, conditioned on not existing.

Job ids are ULIDs, so a user's jobs list newest first by key order: one query over the `JOB#` range, resumed
after the cursor's key with `ExclusiveStartKey` (the cursor is the same base64url of the last id as everywhere).
"""

from __future__ import annotations

import builtins  # `list` is a method of the repository: annotations inside the class need the builtin
import json
from datetime import datetime
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.adapters.storage.dynamodb_cvs import Item, delete_owner_keys, owner_sort_keys, user_key
from cvmaker.domain.errors import NotFound
from cvmaker.domain.letters.documents import LetterRevision, LetterVersionConflict, revision_of
from cvmaker.domain.matching.jobs import Job, JobPage, Requirement
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.pagination import decode_cursor, encode_cursor


def job_key(job_id: str) -> str:
    return f"JOB#{job_id}"


def letters_prefix(cv_id: str) -> str:
    return f"CV#{cv_id}#LETTER#"


def letter_pointer(letter_id: str) -> str:
    return f"LETTER#{letter_id}"


_REVISION_DIGITS = 10
_MAX_BATCH_GET = 100


def letter_revisions_prefix(letter_id: str) -> str:
    return f"LETTER_REV#{letter_id}#"


def letter_revision_key(letter_id: str, revision: int) -> str:
    return f"{letter_revisions_prefix(letter_id)}{revision:0{_REVISION_DIGITS}d}"


class JobAlreadyExists(Exception):
    """`add` was given an id that is taken. ULIDs make this a bug, never a user's mistake."""


class DynamoDbJobRepository:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbJobRepository:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def add(self, job: Job) -> None:
        item: Item = {
            "PK": {"S": user_key(job.owner)},
            "SK": {"S": job_key(job.id)},
            "title": {"S": job.title},
            "description": {"S": job.description},
            "requirements": {"S": json.dumps([r.to_dict() for r in job.requirements], ensure_ascii=False)},
            "createdAt": {"S": job.created_at.isoformat()},
            "extractedBy": {"S": job.extracted_by},
        }
        if job.company is not None:
            item["company"] = {"S": job.company}
        try:
            self.client.put_item(TableName=self.table, Item=item, ConditionExpression="attribute_not_exists(SK)")
        except self.client.exceptions.ConditionalCheckFailedException as error:
            raise JobAlreadyExists(job.id) from error

    def get(self, owner: str, job_id: str) -> Job | None:
        response = self.client.get_item(
            TableName=self.table, ConsistentRead=True, Key={"PK": {"S": user_key(owner)}, "SK": {"S": job_key(job_id)}}
        )
        item = response.get("Item")
        return _to_job(item) if item else None

    def list(self, owner: str, limit: int, cursor: str | None = None) -> JobPage:
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": "JOB#"}},
            "ScanIndexForward": False,
            "ConsistentRead": True,
            "Limit": limit + 1,  # one more than asked says whether there is a next page
        }
        if cursor:
            query["ExclusiveStartKey"] = {"PK": {"S": user_key(owner)}, "SK": {"S": job_key(decode_cursor(cursor))}}
        items = self.client.query(**query)["Items"]
        jobs = [_to_job(item) for item in items[:limit]]
        return JobPage(items=jobs, next_cursor=encode_cursor(jobs[-1].id) if len(items) > limit else None)

    def delete(self, owner: str, job_id: str) -> bool:
        response = self.client.delete_item(
            TableName=self.table,
            ReturnValues="ALL_OLD",
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": job_key(job_id)}},
        )
        return bool(response.get("Attributes"))

    def delete_owner(self, owner: str) -> int:
        keys = owner_sort_keys(self.client, self.table, owner, "JOB#")
        return delete_owner_keys(self.client, self.table, owner, keys)


class DynamoDbCoverLetterRepository:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbCoverLetterRepository:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def add(self, letter: CoverLetter) -> None:
        # The letter lives under its CV; a small pointer item finds it by id alone, without a scan.
        self.client.transact_write_items(
            TransactItems=[
                {
                    "Put": {
                        "TableName": self.table,
                        "ConditionExpression": "attribute_not_exists(SK)",
                        "Item": _letter_item(letter),
                    }
                },
                {
                    "Put": {
                        "TableName": self.table,
                        "ConditionExpression": "attribute_not_exists(SK)",
                        "Item": {
                            "PK": {"S": user_key(letter.owner)},
                            "SK": {"S": letter_pointer(letter.id)},
                            "letterOfCv": {"S": letter.cv_id},  # not `cvId`: that puts an item in the CV list index
                        },
                    }
                },
                self._put_revision(letter),
            ]
        )

    def save(self, letter: CoverLetter, expected_version: int) -> None:
        # Letters stored before versions existed have no `version`: they are at version 1.
        condition = "attribute_exists(SK) AND version = :expected"
        if expected_version == 1:
            condition = "attribute_exists(SK) AND (attribute_not_exists(version) OR version = :expected)"
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _letter_item(letter),
                            "ConditionExpression": condition,
                            "ExpressionAttributeValues": {":expected": {"N": str(expected_version)}},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                        }
                    },
                    self._put_revision(letter),
                ]
            )
        except self.client.exceptions.TransactionCanceledException:
            # Whatever stopped it (a stale version, a concurrent save of the same version winning the race on
            # the revision), the answer is the version stored now.
            current = self.get(letter.owner, letter.id)
            if current is None:
                raise NotFound("Cover letter") from None
            raise LetterVersionConflict(current.version) from None

    def _put_revision(self, letter: CoverLetter) -> dict[str, Any]:
        kept = revision_of(letter)
        return {
            "Put": {
                "TableName": self.table,
                "ConditionExpression": "attribute_not_exists(SK)",
                "Item": {
                    "PK": {"S": user_key(letter.owner)},
                    "SK": {"S": letter_revision_key(letter.id, kept.revision)},
                    "savedAt": {"S": kept.saved_at.isoformat()},
                    "title": {"S": kept.title},
                    "text": {"S": kept.text},
                },
            }
        }

    def get(self, owner: str, letter_id: str) -> CoverLetter | None:
        cv_id = self._cv_of(owner, letter_id)
        if cv_id is None:
            return None
        item = self.client.get_item(
            TableName=self.table,
            ConsistentRead=True,
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": letters_prefix(cv_id) + letter_id}},
        ).get("Item")
        return _to_letter(owner, cv_id, item) if item else None

    def _cv_of(self, owner: str, letter_id: str) -> str | None:
        key = {"PK": {"S": user_key(owner)}, "SK": {"S": letter_pointer(letter_id)}}
        pointer = self.client.get_item(TableName=self.table, Key=key, ConsistentRead=True).get("Item")
        return str(pointer["letterOfCv"]["S"]) if pointer else None

    def list_for_cv(self, owner: str, cv_id: str) -> builtins.list[CoverLetter]:
        return [_to_letter(owner, cv_id, item) for item in self._items(owner, letters_prefix(cv_id))]

    def list_for_owner(self, owner: str) -> builtins.list[CoverLetter]:
        """The pointers, newest first by their ULIDs, then the letters they point to in batches of 100."""
        pointers = self._items(owner, "LETTER#")
        keys = [(p["SK"]["S"].removeprefix("LETTER#"), p["letterOfCv"]["S"]) for p in pointers]
        found: dict[str, CoverLetter] = {}
        for start in range(0, len(keys), _MAX_BATCH_GET):
            batch = {
                letters_prefix(cv_id) + letter_id: cv_id for letter_id, cv_id in keys[start : start + _MAX_BATCH_GET]
            }
            request: dict[str, Any] = {
                self.table: {
                    "Keys": [{"PK": {"S": user_key(owner)}, "SK": {"S": sk}} for sk in batch],
                    "ConsistentRead": True,
                }
            }
            while request:
                response = self.client.batch_get_item(RequestItems=request)
                for item in response["Responses"].get(self.table, []):
                    letter = _to_letter(owner, batch[item["SK"]["S"]], item)
                    found[letter.id] = letter
                request = response.get("UnprocessedKeys") or {}
        return [found[letter_id] for letter_id, _ in keys if letter_id in found]

    def revisions(self, owner: str, letter_id: str) -> builtins.list[LetterRevision]:
        return [_to_revision(letter_id, item) for item in self._items(owner, letter_revisions_prefix(letter_id))]

    def revision(self, owner: str, letter_id: str, revision: int) -> LetterRevision | None:
        item = self.client.get_item(
            TableName=self.table,
            ConsistentRead=True,
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": letter_revision_key(letter_id, revision)}},
        ).get("Item")
        return _to_revision(letter_id, item) if item else None

    def delete(self, owner: str, letter_id: str) -> bool:
        cv_id = self._cv_of(owner, letter_id)
        if cv_id is None:
            return False
        self._delete_letters(owner, [(cv_id, letter_id)])
        return True

    def delete_for_cv(self, owner: str, cv_id: str) -> None:
        keys = [item["SK"]["S"] for item in self._items(owner, letters_prefix(cv_id), keys_only=True)]
        self._delete_letters(owner, [(cv_id, key.removeprefix(letters_prefix(cv_id))) for key in keys])

    def _delete_letters(self, owner: str, letters: builtins.list[tuple[str, str]]) -> None:
        # Revisions first and the pointer last: an interrupted delete leaves a letter that can still be found
        # (and deleted again), never revisions nothing points to.
        revisions = [
            key
            for _, letter_id in letters
            for key in owner_sort_keys(self.client, self.table, owner, letter_revisions_prefix(letter_id))
        ]
        delete_owner_keys(self.client, self.table, owner, revisions)
        delete_owner_keys(self.client, self.table, owner, [letters_prefix(cv) + lid for cv, lid in letters])
        delete_owner_keys(self.client, self.table, owner, [letter_pointer(lid) for _, lid in letters])

    def delete_owner(self, owner: str) -> int:
        """Every letter of `owner`, its pointer item and its revisions (account deletion); counts the letters, as
        SQLite does."""
        letters = [key for key in owner_sort_keys(self.client, self.table, owner, "CV#") if "#LETTER#" in key]
        revisions = owner_sort_keys(self.client, self.table, owner, "LETTER_REV#")
        pointers = owner_sort_keys(self.client, self.table, owner, "LETTER#")
        delete_owner_keys(self.client, self.table, owner, revisions + letters + pointers)
        return len(letters)

    def _items(self, owner: str, prefix: str, keys_only: bool = False) -> builtins.list[Item]:
        items: builtins.list[Item] = []
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": prefix}},
            "ScanIndexForward": False,
            "ConsistentRead": True,
            **({"ProjectionExpression": "SK"} if keys_only else {}),
        }
        while True:
            page = self.client.query(**query)
            items += page["Items"]
            if not page.get("LastEvaluatedKey"):
                return items
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _letter_item(letter: CoverLetter) -> Item:
    item: Item = {
        "PK": {"S": user_key(letter.owner)},
        "SK": {"S": letters_prefix(letter.cv_id) + letter.id},
        "jobId": {"S": letter.job_id},
        "text": {"S": letter.text},
        "createdAt": {"S": letter.created_at.isoformat()},
        "rejected": {"S": json.dumps(list(letter.rejected), ensure_ascii=False)},
        "version": {"N": str(letter.version)},
        "title": {"S": letter.title},
        "warnings": {"S": json.dumps(list(letter.warnings), ensure_ascii=False)},
    }
    if letter.updated_at is not None:
        item["updatedAt"] = {"S": letter.updated_at.isoformat()}
    return item


def _to_job(item: Item) -> Job:
    return Job(
        id=item["SK"]["S"].removeprefix("JOB#"),
        owner=item["PK"]["S"].removeprefix("USER#"),
        title=item["title"]["S"],
        company=item.get("company", {}).get("S"),
        description=item["description"]["S"],
        requirements=tuple(Requirement.from_dict(r) for r in json.loads(item["requirements"]["S"])),
        created_at=datetime.fromisoformat(item["createdAt"]["S"]),
        extracted_by=item["extractedBy"]["S"],
    )


def _to_letter(owner: str, cv_id: str, item: Item) -> CoverLetter:
    return CoverLetter(
        id=item["SK"]["S"].removeprefix(letters_prefix(cv_id)),
        owner=owner,
        cv_id=cv_id,
        job_id=item["jobId"]["S"],
        text=item["text"]["S"],
        created_at=datetime.fromisoformat(item["createdAt"]["S"]),
        rejected=tuple(json.loads(item["rejected"]["S"])),
        version=int(item["version"]["N"]) if "version" in item else 1,
        updated_at=datetime.fromisoformat(item["updatedAt"]["S"]) if "updatedAt" in item else None,
        title=item["title"]["S"] if "title" in item else "",
        warnings=tuple(json.loads(item["warnings"]["S"])) if "warnings" in item else (),
    )


def _to_revision(letter_id: str, item: Item) -> LetterRevision:
    return LetterRevision(
        letter_id=letter_id,
        revision=int(item["SK"]["S"].removeprefix(letter_revisions_prefix(letter_id))),
        saved_at=datetime.fromisoformat(item["savedAt"]["S"]),
        title=item["title"]["S"],
        text=item["text"]["S"],
    )
