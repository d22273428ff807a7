"""The checks S3 makes on a presigned request before it touches the bucket, which moto skips.

moto stores whatever a presigned POST sends (any size, any type, any key) and serves a presigned GET whatever its
signature or age (docs/toolchain.md §2). So that the upload and download guarantees can be tested on S3 at
all, this front door applies AWS's documented rules, then forwards to moto:

- POST object (docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html): the signature is the
  SigV4 HMAC of the base64 policy; the policy must not have expired; every condition must hold (exact match,
  `starts-with`, `content-length-range`), and every form field must be named by a condition.
- Presigned GET (sigv4-query-string-auth.html): the signature is recomputed from the canonical request, and the
  URL is refused once `X-Amz-Date + X-Amz-Expires` has passed.

Time is the front door's own clock, so a test can move it forward instead of sleeping.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import parse_qsl, quote, unquote, urlsplit

import httpx

_IGNORED_FIELDS = {"policy", "x-amz-signature", "file"}


def _hmac(key: bytes, message: str) -> bytes:
    return hmac.new(key, message.encode(), hashlib.sha256).digest()


def signing_key(secret: str, date: str, region: str, service: str = "s3") -> bytes:
    key = _hmac(f"AWS4{secret}".encode(), date)
    for part in (region, service, "aws4_request"):
        key = _hmac(key, part)
    return key


def _refused(reason: str) -> httpx.Response:
    return httpx.Response(403, text=f"<Error><Code>AccessDenied</Code><Message>{reason}</Message></Error>")


@dataclass
class S3FrontDoor:
    secret_access_key: str
    offset: float = 0.0  # seconds added to the wall clock
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    def now(self) -> float:
        return time.time() + self.offset

    # ---------------------------------------------------------------- presigned POST

    def post(self, url: str, fields: dict[str, str], filename: str, data: bytes, file_type: str) -> httpx.Response:
        reason = self.post_refusal(url, fields, len(data))
        if reason:
            return _refused(reason)
        return self.http.post(url, data=fields, files={"file": (filename, data, file_type)})

    def post_refusal(self, url: str, fields: dict[str, str], size: int) -> str | None:
        form = {name.lower(): value for name, value in fields.items()}
        try:
            credential = form["x-amz-credential"]
            _, date, region, service, _ = credential.split("/")
            policy_b64 = form["policy"]
            policy = json.loads(base64.b64decode(policy_b64))
        except (KeyError, ValueError):
            return "Malformed POST form."
        expected = hmac.new(
            signing_key(self.secret_access_key, date, region, service), policy_b64.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, form.get("x-amz-signature", "")):
            return "The request signature we calculated does not match the signature you provided."
        expiration = datetime.strptime(policy["expiration"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
        if expiration.timestamp() < self.now():
            return "Invalid according to Policy: Policy expired."
        form["bucket"] = urlsplit(url).path.strip("/").split("/")[0]
        covered = {"bucket"}
        for condition in policy["conditions"]:
            if isinstance(condition, dict):
                [(name, value)] = condition.items()
                name = name.lower()
                covered.add(name)
                if form.get(name) != value:
                    return f"Invalid according to Policy: Policy Condition failed: {name}"
            elif condition[0] == "content-length-range":
                low, high = int(condition[1]), int(condition[2])
                if not low <= size <= high:
                    return (
                        "Your proposed upload exceeds the maximum allowed size"
                        if size > high
                        else "Your proposed upload is smaller than the minimum allowed size"
                    )
            elif condition[0] in ("eq", "starts-with"):
                name = condition[1].lstrip("$").lower()
                covered.add(name)
                value = form.get(name, "")
                holds = value == condition[2] if condition[0] == "eq" else value.startswith(condition[2])
                if not holds:
                    return f"Invalid according to Policy: Policy Condition failed: {name}"
            else:
                return "Unknown policy condition."
        extra = set(form) - covered - _IGNORED_FIELDS
        if extra:
            return f"Invalid according to Policy: Extra input fields: {', '.join(sorted(extra))}"
        return None

    # ---------------------------------------------------------------- presigned GET

    def get(self, url: str) -> httpx.Response:
        reason = self.get_refusal(url)
        if reason:
            return _refused(reason)
        return self.http.get(url)

    def get_refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        params = dict(query)
        try:
            signature = params["X-Amz-Signature"]
            amz_date = params["X-Amz-Date"]
            expires = int(params["X-Amz-Expires"])
            _, date, region, service, _ = params["X-Amz-Credential"].split("/")
        except (KeyError, ValueError):
            return "Query-string authentication requires the signature, date, expiry and credential."
        signed_at = datetime.strptime(amz_date, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC).timestamp()
        if signed_at + expires < self.now():
            return "Request has expired"
        canonical_query = "&".join(
            f"{quote(name, safe='-_.~')}={quote(value, safe='-_.~')}"
            for name, value in sorted(query)
            if name != "X-Amz-Signature"
        )
        canonical_request = "\n".join(
            [
                "GET",
                quote(unquote(parts.path), safe="/-_.~"),
                canonical_query,
                f"host:{parts.netloc}",
                "",
                params.get("X-Amz-SignedHeaders", "host"),
                "UNSIGNED-PAYLOAD",
            ]
        )
        scope = f"{date}/{region}/{service}/aws4_request"
        string_to_sign = "\n".join(
            ["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical_request.encode()).hexdigest()]
        )
        expected = hmac.new(
            signing_key(self.secret_access_key, date, region, service), string_to_sign.encode(), hashlib.sha256
        ).hexdigest()
        if not hmac.compare_digest(expected, signature):
            return "The request signature we calculated does not match the signature you provided."
        return None
