"""Share links in the cloud shape, synthesized offline: CloudFront sends `/s/*` to the API uncached, with the
visitor's cookies and the password form's POST, and the function is told the distribution's address (where the
pages are served) and a cookie key shared by every instance, as dynamic references (never a literal)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.deploy.test_backend import (
    amplify_packages,  # noqa: F401  (a fixture)
    resources,
)
from tests.deploy.test_observability import (
    CACHING_DISABLED,
    api_template,
    edge_synth,  # noqa: F401  (a fixture)
    image_function,
)

ALL_VIEWER_EXCEPT_HOST = "b689b0a8-53d0-40ab-baf2-68738e2966ac"  # CloudFront's managed origin request policy


def test_share_pages_go_to_the_api_uncached_through_the_distribution(edge_synth: Path) -> None:  # noqa: F811
    template = api_template(edge_synth)
    [distribution] = resources(template, "AWS::CloudFront::Distribution")
    config = distribution["Properties"]["DistributionConfig"]
    [behaviour] = [b for b in config["CacheBehaviors"] if b["PathPattern"] == "/s/*"]
    assert behaviour["CachePolicyId"] == CACHING_DISABLED
    assert behaviour["OriginRequestPolicyId"] == ALL_VIEWER_EXCEPT_HOST
    assert behaviour["TargetOriginId"] == config["DefaultCacheBehavior"]["TargetOriginId"]
    assert {"GET", "HEAD", "POST"} <= set(behaviour["AllowedMethods"])
    assert behaviour["ViewerProtocolPolicy"] == "https-only"

    variables = image_function(template)["Environment"]["Variables"]
    assert "{{resolve:secretsmanager:" in json.dumps(variables["CVMAKER_SHARE_SECRET"])
    assert "DomainName" in json.dumps(variables["CVMAKER_SHARE_URL"])
