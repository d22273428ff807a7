"""Lambda cold start: boto3 loads only when settings choose an AWS adapter, and its clients are made once per
process. Each case runs in a fresh interpreter, as a Lambda container does."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import json, sys
import api.lambda_handler as entry
from api.settings import Settings
from cvmaker.adapters.storage.dynamodb_cvs import DynamoDbCvRepository
from cvmaker.adapters.storage.s3_blobs import S3BlobStore
runtime = entry.handler.app.state.runtime
loaded = "boto3" in sys.modules
shared = None
s3_at_start = runtime.blobs is not None and "client" in vars(runtime.blobs)
if loaded:
    settings = Settings.from_env()
    same_dynamodb = runtime.services.cvs.repository.client is DynamoDbCvRepository.from_settings(settings).client
    shared = same_dynamodb and runtime.blobs.client is S3BlobStore.from_settings(settings).client
print(json.dumps({"boto3": loaded, "shared": shared, "s3_client_at_start": s3_at_start}))
"""


def run_handler_import(tmp_path: Path, **env: str) -> dict[str, object]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CVMAKER_", "AWS_"))}
    clean.update(CVMAKER_DATA_DIR=str(tmp_path / "data"), CVMAKER_WEB_DIST=str(tmp_path / "none"), **env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_embedded_shape_never_imports_boto3(tmp_path: Path) -> None:
    assert run_handler_import(tmp_path) == {"boto3": False, "shared": None, "s3_client_at_start": False}


def test_the_cloud_shape_makes_each_aws_client_once_and_s3s_only_when_needed(tmp_path: Path) -> None:
    # No AWS call happens at import: clients are built, tables and keys are reached on the first request.
    result = run_handler_import(
        tmp_path,
        CVMAKER_STORAGE="dynamodb",
        CVMAKER_BLOBS="s3",
        CVMAKER_AUTH="cognito",
        CVMAKER_COGNITO_ISSUER="https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_x",
        CVMAKER_COGNITO_CLIENT_IDS="web",
        AWS_REGION="eu-west-1",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
    )
    # S3's client waits for the first request that touches a file; DynamoDB's is made during init.
    assert result == {"boto3": True, "shared": True, "s3_client_at_start": False}
