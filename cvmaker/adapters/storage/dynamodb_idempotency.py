"""`IdempotencyStore` on DynamoDB, in the CVs' table and the owner's partition:

    PK = USER#<sub>   SK = IDEMPOTENCY#<operation>#<key>   fingerprint, token, result (S), expiresAt (N, the TTL)

A claim is one conditional `PutItem` (the key is new, or its record has expired): of two concurrent claims,
DynamoDB lets exactly one through. Completing and releasing are conditioned on the claim's token. TTL removes
expired records within a day or two of `expiresAt`, so every read and condition also checks `expiresAt` itself.
"""

from __future__ import annotations

from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.adapters.storage.dynamodb_cvs import Item, delete_owner_keys, owner_sort_keys, user_key
from cvmaker.ports import IdempotencyRecord

IDEMPOTENCY_PREFIX = "IDEMPOTENCY#"
TTL_ATTRIBUTE = "expiresAt"  # the table's TTL attribute (amplify/api/cv-api.ts)
# A claim refused by a record that is gone when read (released meanwhile) is tried again, a few times.
_CLAIM_ATTEMPTS = 3


class IdempotencyStoreBusy(Exception):
    """A key kept being claimed and released under us past every attempt. A bug or an extreme burst."""


def idempotency_key(operation: str, key: str) -> str:
    return f"{IDEMPOTENCY_PREFIX}{operation}#{key}"


class DynamoDbIdempotencyStore:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbIdempotencyStore:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def claim(self, record: IdempotencyRecord, now: float) -> IdempotencyRecord | None:
        item = _item(record)
        for _ in range(_CLAIM_ATTEMPTS):
            try:
                self.client.put_item(
                    TableName=self.table,
                    Item=item,
                    ConditionExpression="attribute_not_exists(SK) OR #ttl <= :now",
                    ExpressionAttributeNames={"#ttl": TTL_ATTRIBUTE},
                    ExpressionAttributeValues={":now": {"N": _number(now)}},
                )
                return None
            except self.client.exceptions.ConditionalCheckFailedException:
                held = self._get(record.owner, record.operation, record.key)
                if held is not None and held.expires_at > now:
                    return held
        raise IdempotencyStoreBusy(f"idempotency key {record.key!r} of {record.owner!r} kept changing")

    def complete(self, record: IdempotencyRecord) -> bool:
        # A whole conditional PutItem rather than UpdateItem: the function's role is granted PutItem already.
        try:
            self.client.put_item(
                TableName=self.table,
                Item=_item(record),
                ConditionExpression="#token = :token",
                ExpressionAttributeNames={"#token": "token"},
                ExpressionAttributeValues={":token": {"S": record.token}},
            )
        except self.client.exceptions.ConditionalCheckFailedException:
            return False
        return True

    def release(self, owner: str, operation: str, key: str, token: str) -> None:
        try:
            self.client.delete_item(
                TableName=self.table,
                Key=_key(owner, operation, key),
                ConditionExpression="#token = :token",
                ExpressionAttributeNames={"#token": "token"},
                ExpressionAttributeValues={":token": {"S": token}},
            )
        except self.client.exceptions.ConditionalCheckFailedException:
            pass  # taken over by another request after our lease ran out: theirs now

    def purge_expired(self, now: float) -> int:
        return 0  # the table's TTL removes expired records

    def delete_owner(self, owner: str) -> int:
        return delete_owner_keys(
            self.client, self.table, owner, owner_sort_keys(self.client, self.table, owner, IDEMPOTENCY_PREFIX)
        )

    def _get(self, owner: str, operation: str, key: str) -> IdempotencyRecord | None:
        item = self.client.get_item(TableName=self.table, ConsistentRead=True, Key=_key(owner, operation, key)).get(
            "Item"
        )
        if item is None:
            return None
        return IdempotencyRecord(
            owner=owner,
            operation=operation,
            key=key,
            fingerprint=item["fingerprint"]["S"],
            token=item["token"]["S"],
            expires_at=float(item[TTL_ATTRIBUTE]["N"]),
            result=item["result"]["S"] if "result" in item else None,
        )


def _key(owner: str, operation: str, key: str) -> Item:
    return {"PK": {"S": user_key(owner)}, "SK": {"S": idempotency_key(operation, key)}}


def _item(record: IdempotencyRecord) -> Item:
    item: Item = {
        **_key(record.owner, record.operation, record.key),
        "fingerprint": {"S": record.fingerprint},
        "token": {"S": record.token},
        TTL_ATTRIBUTE: {"N": _number(record.expires_at)},
    }
    if record.result is not None:
        item["result"] = {"S": record.result}
    return item


def _number(seconds: float) -> str:
    # DynamoDB's TTL reads whole epoch seconds; a fraction would make it ignore the item.
    return str(int(seconds))
