"""`CvRepository` on DynamoDB: one table, every item under the owner's partition.

Keys (docs/design.md, "The data"):

    PK = USER#<sub>   SK = CV#<id>                 the CV as it is now ("head"), with `cvId` set
                      SK = CV#<id>#REV#<n>         one item per saved version, n zero-padded so keys sort by version

Every call names the partition from `owner`, so one user's request cannot reach another's items by any id.
Listing reads the local secondary index `CV_LIST_INDEX` (sort key `cvId`, present only on heads): one strongly
consistent query per page, newest first because CV ids are ULIDs, no scan, no revision items read. A save is one
`TransactWriteItems`: the head, conditioned on the version the caller edited, and the new revision, conditioned
on not existing; either both are written or neither.

Documents are stored as their JSON text (the same text as SQLite's): floats stay exact (DynamoDB numbers would
need Decimal), and `MAX_DOCUMENT_BYTES` keeps an item well under DynamoDB's 400 KB.
"""

from __future__ import annotations

import builtins  # `list` is a method of the repository: annotations inside the class need the builtin
import json
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.domain.cv.model import Cv, CvDocument, Page, Revision
from cvmaker.domain.errors import NotFound, VersionConflict
from cvmaker.domain.pagination import decode_cursor, encode_cursor

CV_LIST_INDEX = "cvList"
_REVISION_DIGITS = 10
# TransactWriteItems takes at most 100 actions: the head plus 99 revisions go in the final, atomic delete.
_MAX_TRANSACTION = 100
_MAX_BATCH_WRITE = 25

Item = dict[str, dict[str, Any]]


def user_key(owner: str) -> str:
    return f"USER#{owner}"


def cv_key(cv_id: str) -> str:
    return f"CV#{cv_id}"


def revision_key(cv_id: str, version: int) -> str:
    return f"CV#{cv_id}#REV#{version:0{_REVISION_DIGITS}d}"


def _dump(document: CvDocument) -> str:
    return json.dumps(document.to_dict(), ensure_ascii=False, separators=(",", ":"))


class CvAlreadyExists(Exception):
    """`add` was given an id that is taken. ULIDs make this a bug, never a user's mistake."""


class DynamoDbCvRepository:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbCvRepository:
        client = aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url)
        return cls(client, settings.dynamodb_table)

    # ---------------------------------------------------------------- reads

    def get(self, owner: str, cv_id: str) -> Cv | None:
        response = self.client.get_item(
            TableName=self.table,
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": cv_key(cv_id)}},
            ConsistentRead=True,
        )
        item = response.get("Item")
        return _to_cv(item) if item else None

    def list(self, owner: str, limit: int, cursor: str | None = None) -> Page:
        condition = "PK = :pk"
        values: Item = {":pk": {"S": user_key(owner)}}
        if cursor:
            condition += " AND cvId < :after"
            values[":after"] = {"S": decode_cursor(cursor)}
        response = self.client.query(
            TableName=self.table,
            IndexName=CV_LIST_INDEX,
            KeyConditionExpression=condition,
            ExpressionAttributeValues=values,
            ScanIndexForward=False,
            ConsistentRead=True,
            Limit=limit + 1,  # one more than asked says whether there is a next page
        )
        items = response["Items"]
        cvs = [_to_cv(item) for item in items[:limit]]
        next_cursor = encode_cursor(cvs[-1].id) if len(items) > limit else None
        return Page(items=cvs, next_cursor=next_cursor)

    def revisions(self, owner: str, cv_id: str) -> builtins.list[Revision]:
        items = self._query_all(
            KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
            ExpressionAttributeValues={":pk": {"S": user_key(owner)}, ":prefix": {"S": f"{cv_key(cv_id)}#REV#"}},
            ScanIndexForward=False,
            ConsistentRead=True,
        )
        return [_to_revision(item) for item in items]

    def revision(self, owner: str, cv_id: str, version: int) -> Revision | None:
        response = self.client.get_item(
            TableName=self.table,
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": revision_key(cv_id, version)}},
            ConsistentRead=True,
        )
        item = response.get("Item")
        return _to_revision(item) if item else None

    # ---------------------------------------------------------------- writes

    def add(self, cv: Cv) -> None:
        document = _dump(cv.document)
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _head_item(cv, document),
                            "ConditionExpression": "attribute_not_exists(SK)",
                        }
                    },
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _revision_item(cv, document),
                            "ConditionExpression": "attribute_not_exists(SK)",
                        }
                    },
                ]
            )
        except self.client.exceptions.TransactionCanceledException as error:
            reasons = error.response.get("CancellationReasons") or []
            if any(reason.get("Code") == "ConditionalCheckFailed" for reason in reasons):
                raise CvAlreadyExists(cv.id) from error
            raise  # throttled or in conflict with another transaction: nothing was written, the caller may retry

    def save(self, cv: Cv, expected_version: int) -> None:
        document = _dump(cv.document)
        try:
            self.client.transact_write_items(
                TransactItems=[
                    # The whole head is replaced (a Put, not an Update): `cv` comes from the stored one, so it
                    # carries the same creation facts, and moto counts an Update's old and new document together
                    # against the 400 KB item limit, which would refuse the largest valid CVs.
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _head_item(cv, document),
                            "ConditionExpression": "version = :expected",
                            "ExpressionAttributeValues": {":expected": {"N": str(expected_version)}},
                            "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                        }
                    },
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _revision_item(cv, document),
                            "ConditionExpression": "attribute_not_exists(SK)",
                        }
                    },
                ]
            )
        except self.client.exceptions.TransactionCanceledException as error:
            raise self._why_save_failed(error, cv) from None

    def _why_save_failed(self, error: Exception, cv: Cv) -> Exception:
        reasons = getattr(error, "response", {}).get("CancellationReasons") or []
        head_reason = reasons[0] if reasons else {}
        stored = head_reason.get("Item")
        if head_reason.get("Code") == "ConditionalCheckFailed":
            if stored is None:
                return NotFound()
            return VersionConflict(int(stored["version"]["N"]))
        # The head's condition held but the transaction still failed (e.g. a concurrent save of the same
        # version won the race on the revision): report the version that is there now.
        current = self.get(cv.owner, cv.id)
        if current is None:
            return NotFound()
        return VersionConflict(current.version)

    def delete(self, owner: str, cv_id: str) -> bool:
        head = cv_key(cv_id)
        keys = [
            item["SK"]["S"]
            for item in self._query_all(
                KeyConditionExpression="PK = :pk AND begins_with(SK, :prefix)",
                ExpressionAttributeValues={":pk": {"S": user_key(owner)}, ":prefix": {"S": head}},
                ProjectionExpression="SK",
                ConsistentRead=True,
            )
        ]
        # Other items under the CV's prefix (its cover letters) belong to their own repository, as in SQLite.
        revisions = sorted(key for key in keys if key.startswith(f"{head}#REV#"))  # oldest first
        # Beyond one transaction's reach, the oldest revisions go first: an interrupted delete leaves the CV
        # with its recent history, never recent history without its CV.
        overflow = max(0, len(revisions) - (_MAX_TRANSACTION - 1))
        delete_owner_keys(self.client, self.table, owner, revisions[:overflow])
        remaining = revisions[overflow:]
        actions: list[dict[str, Any]] = [
            {"Delete": {"TableName": self.table, "Key": _key(owner, sk)}} for sk in remaining
        ]
        if head in keys:
            actions.append(
                {
                    "Delete": {
                        "TableName": self.table,
                        "Key": _key(owner, head),
                        "ConditionExpression": "attribute_exists(SK)",
                    }
                }
            )
        if not actions:
            return False
        try:
            self.client.transact_write_items(TransactItems=actions)
        except self.client.exceptions.TransactionCanceledException:
            return False  # a concurrent delete won
        return head in keys

    def delete_owner(self, owner: str) -> int:
        """Every CV head and revision of `owner` (account deletion); the letters kept beside them are the letter
        repository's to delete."""
        keys = [key for key in owner_sort_keys(self.client, self.table, owner, "CV#") if "#LETTER#" not in key]
        return delete_owner_keys(self.client, self.table, owner, keys)

    # ---------------------------------------------------------------- helpers

    def _query_all(self, **query: Any) -> Iterator[Item]:
        start: dict[str, Any] | None = None
        while True:
            page = self.client.query(TableName=self.table, **query, **({"ExclusiveStartKey": start} if start else {}))
            yield from page["Items"]
            start = page.get("LastEvaluatedKey")
            if not start:
                return


def owner_sort_keys(client: Any, table: str, owner: str, prefix: str) -> builtins.list[str]:
    """The sort keys of every item in `owner`'s partition that start with `prefix` (a query, never a scan)."""
    keys: builtins.list[str] = []
    query: dict[str, Any] = {
        "TableName": table,
        "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
        "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": prefix}},
        "ProjectionExpression": "SK",
        "ConsistentRead": True,
    }
    while True:
        page = client.query(**query)
        keys += [item["SK"]["S"] for item in page["Items"]]
        if not page.get("LastEvaluatedKey"):
            return keys
        query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def delete_owner_keys(client: Any, table: str, owner: str, sort_keys: builtins.list[str]) -> int:
    """Delete these items of `owner`'s partition in batches of 25 (BatchWriteItem's limit), retrying what DynamoDB
    leaves unprocessed; how many were asked for."""
    for start in range(0, len(sort_keys), _MAX_BATCH_WRITE):
        requests = [{"DeleteRequest": {"Key": _key(owner, sk)}} for sk in sort_keys[start : start + _MAX_BATCH_WRITE]]
        pending: dict[str, Any] = {table: requests}
        while pending:
            pending = client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}
    return len(sort_keys)


def _key(owner: str, sort_key: str) -> Item:
    return {"PK": {"S": user_key(owner)}, "SK": {"S": sort_key}}


def _head_item(cv: Cv, document: str) -> Item:
    item: Item = {
        "PK": {"S": user_key(cv.owner)},
        "SK": {"S": cv_key(cv.id)},
        "cvId": {"S": cv.id},
        "version": {"N": str(cv.version)},
        "createdAt": {"S": cv.created_at.isoformat()},
        "updatedAt": {"S": cv.updated_at.isoformat()},
        "document": {"S": document},
    }
    if cv.source_cv_id:
        item["sourceCvId"] = {"S": cv.source_cv_id}
    return item


def _revision_item(cv: Cv, document: str) -> Item:
    return {
        "PK": {"S": user_key(cv.owner)},
        "SK": {"S": revision_key(cv.id, cv.version)},
        "version": {"N": str(cv.version)},
        "savedAt": {"S": cv.updated_at.isoformat()},
        "document": {"S": document},
    }


def _to_cv(item: Item) -> Cv:
    return Cv(
        id=item["cvId"]["S"],
        owner=item["PK"]["S"].removeprefix("USER#"),
        version=int(item["version"]["N"]),
        created_at=datetime.fromisoformat(item["createdAt"]["S"]),
        updated_at=datetime.fromisoformat(item["updatedAt"]["S"]),
        document=CvDocument.from_dict(json.loads(item["document"]["S"])),
        source_cv_id=item.get("sourceCvId", {}).get("S"),
    )


def _to_revision(item: Item) -> Revision:
    sort_key = item["SK"]["S"]
    return Revision(
        cv_id=sort_key.split("#")[1],
        version=int(item["version"]["N"]),
        saved_at=datetime.fromisoformat(item["savedAt"]["S"]),
        document=CvDocument.from_dict(json.loads(item["document"]["S"])),
    )
