"""AWS Lambda entry point: the same ASGI app through Mangum (API Gateway HTTP API, payload v2), observed with
Powertools for AWS Lambda (`api.observability_aws`: JSON logs, EMF metrics, X-Ray traces).

Only what every request needs is imported here; rendering, parsing and AI libraries load on first use.
"""

from __future__ import annotations

import os

from api.app import create_app
from api.observability_aws import LambdaEntry, Observability

# Before the app is built, so that its own start-up lines are already Powertools lines.
observability = Observability()
# Set where CloudFront and its WAF front the API (amplify/api/edge.ts): requests that went around them are refused.
handler = LambdaEntry(create_app(), observability, origin_proof=os.environ.get("CVMAKER_ORIGIN_VERIFY") or None)
