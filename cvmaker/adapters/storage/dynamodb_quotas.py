"""`QuotaStore` on DynamoDB, in the CVs' table and the owner's partition:

    PK = USER#<sub>   SK = QUOTA#<kind>:<window seconds>:<window number>   used (N), expiresAt (N, the table's TTL)

A take is one `UpdateItem` per window, `ADD used :amount` on the condition that the counter is new or still has
room (`used <= limit - amount`): DynamoDB applies each atomically, so concurrent takes never carry a counter past
its limit. Not one `TransactWriteItems` for all windows: transactions on the same item at the same time are
cancelled (`TransactionConflict`) rather than queued, so a burst on one user's counters, exactly what quotas are
for, would fail in retries. When a later window refuses, the windows already taken are given back (`ADD -amount`):
until then they count one unit too many, which can only refuse, never allow, a concurrent take near the limit.

DynamoDB's TTL (`expiresAt`, set on the table by the CDK stack) removes a window's item after it ends; keys name
their window, so an ended window that TTL has not yet removed is never read again.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.adapters.storage.dynamodb_cvs import Item, delete_owner_keys, owner_sort_keys, user_key
from cvmaker.domain.quotas import QuotaCounter

QUOTA_PREFIX = "QUOTA#"
TTL_ATTRIBUTE = "expiresAt"  # the table's TTL attribute (amplify/api/cv-api.ts)


def quota_key(key: str) -> str:
    return f"{QUOTA_PREFIX}{key}"


class DynamoDbQuotaStore:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbQuotaStore:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def take(self, owner: str, counters: Sequence[QuotaCounter], amount: int, now: float) -> QuotaCounter | None:
        for counter in counters:
            if amount > counter.limit:
                return counter
        # Longest window first: the day's counter fills last, so it is seldom taken only to be given back.
        ordered = sorted(counters, key=lambda c: -c.seconds)
        taken: list[QuotaCounter] = []
        for counter in ordered:
            try:
                self.client.update_item(**self._update(owner, counter, amount))
            except self.client.exceptions.ConditionalCheckFailedException:
                for earlier in taken:
                    self.client.update_item(**self._give_back(owner, earlier, amount))
                return counter
            taken.append(counter)
        return None

    def used(self, owner: str, key: str) -> int:
        item = self.client.get_item(
            TableName=self.table, ConsistentRead=True, Key=_key(owner, quota_key(key)), ProjectionExpression="used"
        ).get("Item")
        return int(item["used"]["N"]) if item and "used" in item else 0

    def delete_owner(self, owner: str) -> int:
        return delete_owner_keys(
            self.client, self.table, owner, owner_sort_keys(self.client, self.table, owner, QUOTA_PREFIX)
        )

    def _update(self, owner: str, counter: QuotaCounter, amount: int) -> dict[str, Any]:
        return {
            "TableName": self.table,
            "Key": _key(owner, quota_key(counter.key)),
            "UpdateExpression": "ADD used :amount SET #ttl = :expires",
            "ConditionExpression": "attribute_not_exists(used) OR used <= :room",
            "ExpressionAttributeNames": {"#ttl": TTL_ATTRIBUTE},
            "ExpressionAttributeValues": {
                ":amount": {"N": str(amount)},
                ":room": {"N": str(counter.limit - amount)},
                ":expires": {"N": str(counter.resets_at)},
            },
        }

    def _give_back(self, owner: str, counter: QuotaCounter, amount: int) -> dict[str, Any]:
        return {
            "TableName": self.table,
            "Key": _key(owner, quota_key(counter.key)),
            "UpdateExpression": "ADD used :back",
            "ExpressionAttributeValues": {":back": {"N": str(-amount)}},
        }


def _key(owner: str, sort_key: str) -> Item:
    return {"PK": {"S": user_key(owner)}, "SK": {"S": sort_key}}
