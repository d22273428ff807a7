"""The bucket of the synthesized stack expires what the app expects it to: uploads a day after, rendered files a
week after, each by the tag the app puts on them (cvmaker/services/expiry.py, cvmaker/adapters/storage/s3_blobs.py),
and the function may set those tags on exactly those objects."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from cvmaker.adapters.storage.s3_blobs import UPLOAD_TAGGING
from cvmaker.services.expiry import RENDER_LIFETIME, UPLOAD_LIFETIME, tagging_for
from cvmaker.services.rendering import rendered_files_prefix
from tests.deploy.test_backend import amplify_packages, one, resources, synthesized

__all__ = ["amplify_packages", "synthesized"]


def bucket_rules(out: Path) -> dict[str, dict[str, Any]]:
    [bucket] = resources(one(out, "CvApi"), "AWS::S3::Bucket")
    return {rule["Id"]: rule for rule in bucket["Properties"]["LifecycleConfiguration"]["Rules"]}


def upload_tag() -> tuple[str, str]:
    tag = ElementTree.fromstring(UPLOAD_TAGGING).find("TagSet/Tag")
    assert tag is not None
    return tag.findtext("Key") or "", tag.findtext("Value") or ""


def render_tag() -> tuple[str, str]:
    tagging = tagging_for(rendered_files_prefix("alice", "01JCV") + "0123abcd.pdf")
    assert tagging is not None
    key, value = tagging.split("=")
    return key, value


def test_uploads_expire_after_a_day_by_the_tag_their_presigned_post_sets(synthesized: Path) -> None:
    rule = bucket_rules(synthesized)["expire-uploads"]
    key, value = upload_tag()
    assert rule["Status"] == "Enabled"
    assert rule["TagFilters"] == [{"Key": key, "Value": value}]
    assert rule["ExpirationInDays"] == UPLOAD_LIFETIME.days == 1


def test_rendered_files_expire_after_a_week_by_the_tag_they_are_put_with(synthesized: Path) -> None:
    rule = bucket_rules(synthesized)["expire-renders"]
    key, value = render_tag()
    assert rule["Status"] == "Enabled"
    assert rule["TagFilters"] == [{"Key": key, "Value": value}]
    assert rule["ExpirationInDays"] == RENDER_LIFETIME.days == 7
    assert "Prefix" not in rule  # keys start with each user's folder: no prefix names every user's renders


def test_the_function_may_tag_uploads_renders_and_exports_and_nothing_else(synthesized: Path) -> None:
    template = one(synthesized, "CvApi")
    [tagging] = [
        statement
        for policy in resources(template, "AWS::IAM::Policy")
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]
        if statement.get("Sid") == "TagUploads"
    ]
    assert tagging["Action"] == "s3:PutObjectTagging"
    objects = [str(resource) for resource in tagging["Resource"]]
    assert len(objects) == 3
    assert any("/users/*/uploads/*" in text for text in objects), objects
    assert any("/users/*/renders/*" in text for text in objects), objects
    assert any("/users/*/exports/*" in text for text in objects), objects  # data exports, tagged like uploads
