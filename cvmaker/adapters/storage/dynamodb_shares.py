"""`ShareLinkRepository` on DynamoDB, in the CVs' table:

    PK = USER#<sub>     SK = SHARE#<id>                       the link, in its owner's partition
                        SK = SHARE#<id>#<counter>#<UTC day>   a day's views or downloads, `n` added to with ADD
    PK = SHARE#<slug>   SK = SHARE                            the lookup item: the owner and id of the link

The public page finds a link by its slug with two GetItems (the lookup, then the link), and the owner's list is
one query over the `SHARE#` range of their partition (links and their counts together): no scans. The target is
kept as `shareOfCv` / `shareOfLetter`, never `cvId`, which would put the item in the CV list index.
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from datetime import datetime
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.adapters.storage.dynamodb_cvs import Item, delete_owner_keys, user_key
from cvmaker.domain.shares.model import Counter, ShareLink

_MAX_BATCH_WRITE = 25


def link_key(link_id: str) -> str:
    return f"SHARE#{link_id}"


def lookup_key(slug: str) -> Item:
    return {"PK": {"S": f"SHARE#{slug}"}, "SK": {"S": "SHARE"}}


def count_key(link_id: str, counter: Counter, day: str) -> str:
    return f"SHARE#{link_id}#{counter.value.upper()}#{day}"


class ShareLinkExists(Exception):
    """`add` was given an id or a slug that is taken: a bug (ULIDs, 192 random bits), never a user's mistake."""


class DynamoDbShareLinkRepository:
    def __init__(self, client: Any, table: str) -> None:
        self.client = client
        self.table = table

    @classmethod
    def from_settings(cls, settings: AwsSettings) -> DynamoDbShareLinkRepository:
        return cls(aws_client("dynamodb", settings.aws_region, settings.aws_endpoint_url), settings.dynamodb_table)

    def add(self, link: ShareLink) -> None:
        item: Item = {
            "PK": {"S": user_key(link.owner)},
            "SK": {"S": link_key(link.id)},
            "slug": {"S": link.slug},
            "createdAt": {"S": link.created_at.isoformat()},
            **_settings(link),
        }
        if link.cv_id is not None:
            item["shareOfCv"] = {"S": link.cv_id}
        if link.letter_id is not None:
            item["shareOfLetter"] = {"S": link.letter_id}
        lookup: Item = {**lookup_key(link.slug), "owner": {"S": link.owner}, "linkId": {"S": link.id}}
        try:
            self.client.transact_write_items(
                TransactItems=[
                    {"Put": {"TableName": self.table, "Item": item, "ConditionExpression": "attribute_not_exists(SK)"}},
                    {
                        "Put": {
                            "TableName": self.table,
                            "Item": lookup,
                            "ConditionExpression": "attribute_not_exists(SK)",
                        }
                    },
                ]
            )
        except self.client.exceptions.TransactionCanceledException as error:
            raise ShareLinkExists(link.id) from error

    def get(self, owner: str, link_id: str) -> ShareLink | None:
        items = self._query(owner, link_key(link_id))
        return _links(items).get(link_id)

    def by_slug(self, slug: str) -> ShareLink | None:
        pointer = self.client.get_item(TableName=self.table, Key=lookup_key(slug), ConsistentRead=True).get("Item")
        if pointer is None:
            return None
        link = self.get(pointer["owner"]["S"], pointer["linkId"]["S"])
        return link if link is not None and link.slug == slug else None

    def list_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> builtins.list[ShareLink]:
        links = _links(self._query(owner, "SHARE#")).values()
        chosen = [link for link in links if (link.cv_id, link.letter_id) == (cv_id, letter_id)]
        return sorted(chosen, key=lambda link: link.id, reverse=True)

    def save(self, link: ShareLink) -> None:
        values = _settings(link)
        names = {f"#{name}": name for name in values}
        removed = [name for name in ("passwordHash", "expiresAt") if name not in values]
        update = "SET " + ", ".join(f"#{name} = :{name}" for name in values)
        if removed:
            update += " REMOVE " + ", ".join(f"#{name}" for name in removed)
            names.update({f"#{name}": name for name in removed})
        self.client.update_item(
            TableName=self.table,
            Key={"PK": {"S": user_key(link.owner)}, "SK": {"S": link_key(link.id)}},
            UpdateExpression=update,
            ExpressionAttributeNames=names,
            ExpressionAttributeValues={f":{name}": value for name, value in values.items()},
            ConditionExpression="attribute_exists(SK)",
        )

    def count(self, link: ShareLink, counter: Counter, day: str) -> None:
        self.client.update_item(
            TableName=self.table,
            Key={"PK": {"S": user_key(link.owner)}, "SK": {"S": count_key(link.id, counter, day)}},
            UpdateExpression="ADD n :one",
            ExpressionAttributeValues={":one": {"N": "1"}},
        )

    def delete_for(self, owner: str, cv_id: str | None, letter_id: str | None) -> int:
        links = self.list_for(owner, cv_id, letter_id)
        return self._delete(owner, links)

    def delete_owner(self, owner: str) -> int:
        return self._delete(owner, builtins.list(_links(self._query(owner, "SHARE#")).values()))

    def _delete(self, owner: str, links: builtins.list[ShareLink]) -> int:
        keys = [item["SK"]["S"] for link in links for item in self._query(owner, link_key(link.id), keys_only=True)]
        delete_owner_keys(self.client, self.table, owner, keys)
        lookups = [{"DeleteRequest": {"Key": lookup_key(link.slug)}} for link in links]
        for start in range(0, len(lookups), _MAX_BATCH_WRITE):
            pending: dict[str, Any] = {self.table: lookups[start : start + _MAX_BATCH_WRITE]}
            while pending:
                pending = self.client.batch_write_item(RequestItems=pending).get("UnprocessedItems") or {}
        return len(links)

    def _query(self, owner: str, prefix: str, keys_only: bool = False) -> builtins.list[Item]:
        items: builtins.list[Item] = []
        query: dict[str, Any] = {
            "TableName": self.table,
            "KeyConditionExpression": "PK = :pk AND begins_with(SK, :prefix)",
            "ExpressionAttributeValues": {":pk": {"S": user_key(owner)}, ":prefix": {"S": prefix}},
            "ConsistentRead": True,
            **({"ProjectionExpression": "SK"} if keys_only else {}),
        }
        while True:
            page = self.client.query(**query)
            items += page["Items"]
            if not page.get("LastEvaluatedKey"):
                return items
            query["ExclusiveStartKey"] = page["LastEvaluatedKey"]


def _settings(link: ShareLink) -> Item:
    item: Item = {"showContacts": {"BOOL": link.show_contacts}, "revoked": {"BOOL": link.revoked}}
    if link.password_hash is not None:
        item["passwordHash"] = {"S": link.password_hash}
    if link.expires_at is not None:
        item["expiresAt"] = {"S": link.expires_at.isoformat()}
    return item


def _links(items: builtins.list[Item]) -> dict[str, ShareLink]:
    """The links among `items` (a query over `SHARE#...`), each with the counts found beside it. A link id's
    prefix query also finds nothing of another link: ids are all the same length."""
    counts: dict[str, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    heads: builtins.list[Item] = []
    for item in items:
        parts = item["SK"]["S"].split("#")
        if len(parts) == 2:
            heads.append(item)
        elif len(parts) == 4:
            counts[parts[1]][parts[2].lower()][parts[3]] = int(item["n"]["N"])
    links: dict[str, ShareLink] = {}
    for item in heads:
        link_id = item["SK"]["S"].removeprefix("SHARE#")
        owner = item["PK"]["S"].removeprefix("USER#")
        links[link_id] = ShareLink(
            id=link_id,
            owner=owner,
            slug=item["slug"]["S"],
            created_at=datetime.fromisoformat(item["createdAt"]["S"]),
            cv_id=item.get("shareOfCv", {}).get("S"),
            letter_id=item.get("shareOfLetter", {}).get("S"),
            password_hash=item.get("passwordHash", {}).get("S"),
            expires_at=datetime.fromisoformat(item["expiresAt"]["S"]) if "expiresAt" in item else None,
            show_contacts=item["showContacts"]["BOOL"],
            revoked=item["revoked"]["BOOL"],
            views=dict(counts[link_id][Counter.VIEWS.value]),
            downloads=dict(counts[link_id][Counter.DOWNLOADS.value]),
        )
    return links
