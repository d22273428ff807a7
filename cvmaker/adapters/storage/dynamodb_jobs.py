"""`JobRepository` and `CoverLetterRepository` on DynamoDB, in the CVs' table and the owner's partition.

    PK = USER#<sub>   SK = JOB#<id>                      a saved job posting and the requirements read from it
                      SK = CV#<cv id>#LETTER#<id>        a cover letter, kept beside the CV it was written from

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
from cvmaker.domain.matching.jobs import Job, JobPage, Requirement
from cvmaker.domain.matching.results import CoverLetter
from cvmaker.domain.pagination import decode_cursor, encode_cursor


def job_key(job_id: str) -> str:
    return f"JOB#{job_id}"


def letters_prefix(cv_id: str) -> str:
    return f"CV#{cv_id}#LETTER#"


def letter_pointer(letter_id: str) -> str:
    return f"LETTER#{letter_id}"


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
                        "Item": {
                            "PK": {"S": user_key(letter.owner)},
                            "SK": {"S": letters_prefix(letter.cv_id) + letter.id},
                            "jobId": {"S": letter.job_id},
                            "text": {"S": letter.text},
                            "createdAt": {"S": letter.created_at.isoformat()},
                            "rejected": {"S": json.dumps(list(letter.rejected), ensure_ascii=False)},
                        },
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
            ]
        )

    def get(self, owner: str, letter_id: str) -> CoverLetter | None:
        key = {"PK": {"S": user_key(owner)}, "SK": {"S": letter_pointer(letter_id)}}
        pointer = self.client.get_item(TableName=self.table, Key=key, ConsistentRead=True).get("Item")
        if pointer is None:
            return None
        cv_id = pointer["letterOfCv"]["S"]
        item = self.client.get_item(
            TableName=self.table,
            ConsistentRead=True,
            Key={"PK": {"S": user_key(owner)}, "SK": {"S": letters_prefix(cv_id) + letter_id}},
        ).get("Item")
        return _to_letter(owner, cv_id, item) if item else None

    def list_for_cv(self, owner: str, cv_id: str) -> builtins.list[CoverLetter]:
        return [_to_letter(owner, cv_id, item) for item in self._items(owner, cv_id)]

    def delete_for_cv(self, owner: str, cv_id: str) -> None:
        keys = [item["SK"]["S"] for item in self._items(owner, cv_id, keys_only=True)]
        keys += [letter_pointer(key.removeprefix(letters_prefix(cv_id))) for key in keys]
        delete_owner_keys(self.client, self.table, owner, keys)

    def delete_owner(self, owner: str) -> int:
        """Every letter of `owner` and its pointer item (account deletion)."""
        letters = [key for key in owner_sort_keys(self.client, self.table, owner, "CV#") if "#LETTER#" in key]
        pointers = owner_sort_keys(self.client, self.table, owner, "LETTER#")
        delete_owner_keys(self.client, self.table, owner, letters + pointers)
        return len(letters)

    def _items(self, owner: str, cv_id: str, keys_only: bool = False) -> builtins.list[Item]:
        items: builtins.list[Item] = []
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": letters_prefix(cv_id)}},
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
    )
