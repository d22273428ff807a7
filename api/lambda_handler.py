"""AWS Lambda entry point: the same ASGI app through Mangum (API Gateway HTTP API, payload v2).

Only what every request needs is imported here; rendering, parsing and AI libraries load on first use.
"""

from __future__ import annotations

from mangum import Mangum

from api.app import create_app

handler = Mangum(create_app(), lifespan="off")
