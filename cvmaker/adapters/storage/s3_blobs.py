"""`BlobStore` on S3: files by key in one private bucket, reached by browsers only through presigned URLs.

Uploads are presigned POSTs whose signed policy pins the bucket, the exact key, the exact Content-Type and a
content-length range, and expires within minutes: S3 refuses anything else before storing a byte. Downloads are
presigned GETs that override the response's Content-Disposition, so a file is always saved, never rendered.

A presigned POST can be replayed until it expires (S3 has no single-use policy condition); a replay can only put
another file of the same type and size cap at the same key of the same owner, before the import reads it.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from typing import Any

from cvmaker.adapters.aws.clients import AwsSettings, aws_client
from cvmaker.domain.rendering.download_names import content_disposition
from cvmaker.ports import UploadTarget

UPLOAD_TAGGING = "<Tagging><TagSet><Tag><Key>cvmaker-kind</Key><Value>upload</Value></Tag></TagSet></Tagging>"


class S3BlobStore:
    def __init__(
        self,
        bucket: str,
        make_client: Callable[[], Any],
        clock: Callable[[], float] = time.time,
        tagging: Callable[[str], str | None] = lambda key: None,
    ) -> None:
        self.bucket = bucket
        self._make_client = make_client
        self.clock = clock
        # The tags a file is put with (URL-encoded), by key: the bucket's lifecycle rules expire files by tag.
        self.tagging = tagging

    @classmethod
    def from_settings(
        cls, settings: AwsSettings, tagging: Callable[[str], str | None] = lambda key: None
    ) -> S3BlobStore:
        return cls(
            settings.s3_bucket,
            lambda: aws_client("s3", settings.aws_region, settings.aws_endpoint_url),
            tagging=tagging,
        )

    @functools.cached_property
    def client(self) -> Any:
        # Made on first use, not at start-up: S3's client takes ~0.2 s to build, and most requests (CV reads
        # and edits) never touch a file, so a Lambda cold start should not pay for it.
        return self._make_client()

    def put(self, key: str, data: bytes, content_type: str) -> None:
        tags = self.tagging(key)
        self.client.put_object(
            Bucket=self.bucket, Key=key, Body=data, ContentType=content_type, **({"Tagging": tags} if tags else {})
        )

    def get(self, key: str) -> bytes | None:
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=key)
        except self.client.exceptions.NoSuchKey:
            return None
        with response["Body"] as body:
            data: bytes = body.read()
        return data

    def exists(self, key: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=key)
        except self.client.exceptions.ClientError as error:
            if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
                return False
            raise
        return True

    def delete(self, key: str) -> None:
        self.client.delete_object(Bucket=self.bucket, Key=key)

    def delete_prefix(self, prefix: str) -> int:
        if not prefix.endswith("/"):
            raise ValueError(f"not a folder prefix: {prefix!r}")
        deleted = 0
        for page in self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix):
            keys = [{"Key": item["Key"]} for item in page.get("Contents", [])]
            if keys:  # at most 1,000 per page, which is delete_objects' own limit
                self.client.delete_objects(Bucket=self.bucket, Delete={"Objects": keys, "Quiet": True})
                deleted += len(keys)
        return deleted

    def keys(self, prefix: str) -> list[str]:
        if not prefix.endswith("/"):
            raise ValueError(f"not a folder prefix: {prefix!r}")
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))

    def download_url(self, key: str, filename: str, expires_in: int = 900) -> str:
        url: str = self.client.generate_presigned_url(
            "get_object",
            Params={"Bucket": self.bucket, "Key": key, "ResponseContentDisposition": content_disposition(filename)},
            ExpiresIn=expires_in,
        )
        return url

    def upload_target(self, key: str, content_type: str, max_bytes: int, expires_in: int = 300) -> UploadTarget:
        expires_at = int(self.clock()) + expires_in
        post = self.client.generate_presigned_post(
            Bucket=self.bucket,
            Key=key,  # boto3 adds the exact-key and bucket conditions to the policy
            # The tag lets the bucket's lifecycle rule expire uploads (lifecycle filters take no wildcards).
            Fields={"Content-Type": content_type, "tagging": UPLOAD_TAGGING},
            Conditions=[
                {"Content-Type": content_type},
                {"tagging": UPLOAD_TAGGING},
                ["content-length-range", 1, max_bytes],
            ],
            ExpiresIn=expires_in,
        )
        return UploadTarget(
            url=post["url"], method="POST", fields=dict(post["fields"]), expires_at=expires_at, max_bytes=max_bytes
        )
