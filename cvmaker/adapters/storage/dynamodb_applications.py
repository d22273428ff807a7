"""`ApplicationRepository` on DynamoDB, in the CVs' table and the owner's partition.

    PK = USER#<sub>   SK = APP#<id>      an application: its fields as JSON, with `version` for the conditional save
                      SK = APPCV#<id>    the CV document frozen for it, zlib-compressed (a CV may be 350 KB)

Every access is a GetItem or a Query of the owner's partition, never a scan. Lists query the `APP#` range newest
first (ids are ULIDs) and filter in the adapter, page after page, until a page is full: a person has at most a
few thousand applications, and DynamoDB's own filter would read the same items. The frozen CV is a separate
item so a list reads small items only; `APPCV#` does not start with `APP#`, so no list query reaches it.
"""

from __future__ import annotations

import builtins  # `list` is a method of the repository: annotations inside the class need the builtin
import json
import zlib
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.adapters.storage.dynamodb_cvs import Item, delete_owner_keys, owner_sort_keys, user_key
from cvmaker.domain.applications.model import (
    Application,
    ApplicationFilter,
    ApplicationPage,
    ApplicationVersionConflict,
)
from cvmaker.domain.cv.model import CvDocument
from cvmaker.domain.errors import NotFound
from cvmaker.domain.pagination import decode_cursor, encode_cursor

PREFIX = "APP#"
SENT_CV_PREFIX = "APPCV#"
_QUERY_PAGE = 100  # items read per query while filling a filtered page


def application_key(application_id: str) -> str:
    return f"{PREFIX}{application_id}"


def sent_cv_key(application_id: str) -> str:
    return f"{SENT_CV_PREFIX}{application_id}"


class ApplicationAlreadyExists(Exception):
    """`add` was given an id that is taken. ULIDs make this a bug, never a user's mistake."""


class DynamoDbApplicationRepository:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbApplicationRepository:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def add(self, application: Application, sent_cv: CvDocument) -> None:
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": _item(application),
                            "ConditionExpression": "attribute_not_exists(SK)",
                        }
                    },
                    {"Put": {"TableName": self.table, "Item": _sent_cv_item(application, sent_cv)}},
                ]
            )
        except self.client.exceptions.TransactionCanceledException as error:
            reasons = error.response.get("CancellationReasons") or []
            if any(reason.get("Code") == "ConditionalCheckFailed" for reason in reasons):
                raise ApplicationAlreadyExists(application.id) from error
            raise  # throttled or in conflict with another transaction: nothing was written, the caller may retry

    def get(self, owner: str, application_id: str) -> Application | None:
        response = self.client.get_item(
            TableName=self.table, ConsistentRead=True, Key=_key(owner, application_key(application_id))
        )
        item = response.get("Item")
        return _to_application(item) if item else None

    def list(self, owner: str, where: ApplicationFilter, limit: int, cursor: str | None = None) -> ApplicationPage:
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": PREFIX}},
            "ScanIndexForward": False,
            "ConsistentRead": True,
            "Limit": _QUERY_PAGE,
        }
        if cursor:
            query["ExclusiveStartKey"] = _key(owner, application_key(decode_cursor(cursor)))
        found: builtins.list[Application] = []
        # One more than asked says whether there is a next page.
        while len(found) <= limit:
            page = self.client.query(**query)
            found += [app for item in page["Items"] if where.matches(app := _to_application(item))]
            if not page.get("LastEvaluatedKey"):
                break
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]
        items = found[:limit]
        return ApplicationPage(items, encode_cursor(items[-1].id) if len(found) > limit else None)

    def save(self, application: Application, expected_version: int, sent_cv: CvDocument | None = None) -> None:
        actions: builtins.list[dict[str, Any]] = [
            {
                # A Put of the whole item: `application` comes from the stored one.
                "Put": {
                    "TableName": self.table,
                    "Item": _item(application),
                    "ConditionExpression": "version = :expected",
                    "ExpressionAttributeValues": {":expected": {"N": str(expected_version)}},
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                }
            }
        ]
        if sent_cv is not None:
            actions.append({"Put": {"TableName": self.table, "Item": _sent_cv_item(application, sent_cv)}})
        try:
            self.client.transact_write_items(TransactItems=actions)
        except self.client.exceptions.TransactionCanceledException as error:
            reasons = error.response.get("CancellationReasons") or []
            stored = (reasons[0] if reasons else {}).get("Item")
            if stored is None:
                stored = self.client.get_item(
                    TableName=self.table,
                    ConsistentRead=True,
                    Key=_key(application.owner, application_key(application.id)),
                ).get("Item")
            if stored is None:
                raise NotFound("Application") from None
            raise ApplicationVersionConflict(int(stored["version"]["N"])) from None

    def sent_cv(self, owner: str, application_id: str) -> CvDocument | None:
        response = self.client.get_item(
            TableName=self.table, ConsistentRead=True, Key=_key(owner, sent_cv_key(application_id))
        )
        item = response.get("Item")
        if not item:
            return None
        return CvDocument.from_dict(json.loads(zlib.decompress(item["document"]["B"])))

    def delete(self, owner: str, application_id: str) -> bool:
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {
                        "Delete": {
                            "TableName": self.table,
                            "Key": _key(owner, application_key(application_id)),
                            "ConditionExpression": "attribute_exists(SK)",
                        }
                    },
                    {"Delete": {"TableName": self.table, "Key": _key(owner, sent_cv_key(application_id))}},
                ]
            )
        except self.client.exceptions.TransactionCanceledException:
            return False  # there was none, or a concurrent delete won
        return True

    def delete_owner(self, owner: str) -> int:
        keys = owner_sort_keys(self.client, self.table, owner, PREFIX)
        keys += owner_sort_keys(self.client, self.table, owner, SENT_CV_PREFIX)
        return delete_owner_keys(self.client, self.table, owner, keys)


def _key(owner: str, sort_key: str) -> Item:
    return {"PK": {"S": user_key(owner)}, "SK": {"S": sort_key}}


def _item(application: Application) -> Item:
    # Not `cvId`: that attribute puts an item in the CVs' list index.
    return {
        **_key(application.owner, application_key(application.id)),
        "version": {"N": str(application.version)},
        "data": {"S": json.dumps(application.to_dict(), ensure_ascii=False)},
    }


def _sent_cv_item(application: Application, document: CvDocument) -> Item:
    data = zlib.compress(json.dumps(document.to_dict(), ensure_ascii=False).encode(), 6)
    return {**_key(application.owner, sent_cv_key(application.id)), "document": {"B": data}}


def _to_application(item: Item) -> Application:
    return Application.from_dict(
        item["PK"]["S"].removeprefix("USER#"), item["SK"]["S"].removeprefix(PREFIX), json.loads(item["data"]["S"])
    )
