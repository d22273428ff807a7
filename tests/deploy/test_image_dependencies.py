"""The container image's Python side without Docker: the same build context (.dockerignore), the same install
commands and pins as the Dockerfile, into a clean virtual environment; then the Lambda handler is imported from
that environment alone (not from the source tree) and answers a request, with the settings the stack gives it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"

# What the stack's environment looks like to the app (amplify/api/cv-api.ts), minus real resources.
CLOUD_ENV = {
    "CVMAKER_ENV": "production",
    "CVMAKER_STORAGE": "dynamodb",
    "CVMAKER_BLOBS": "s3",
    "CVMAKER_AUTH": "cognito",
    "CVMAKER_COGNITO_ISSUER": "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_check",
    "CVMAKER_COGNITO_CLIENT_IDS": "web-client",
    "CVMAKER_DYNAMODB_TABLE": "cvmaker-check",
    "CVMAKER_S3_BUCKET": "cvmaker-check",
    "CVMAKER_DATA_DIR": "/tmp/cvmaker-check",
    "AWS_REGION": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}

HANDLER_CHECK = r"""
import json, sys
import api.lambda_handler as entry
import awslambdaric
heavy = sorted(name for name in ("weasyprint", "pdfplumber", "openai", "pinecone", "numpy", "docx")
               if name in sys.modules)
event = {"version": "2.0", "routeKey": "$default", "rawPath": "/healthz", "rawQueryString": "",
         "isBase64Encoded": False,
         "headers": {"host": "abc.execute-api.eu-west-1.amazonaws.com"},
         "requestContext": {"http": {"method": "GET", "path": "/healthz", "protocol": "HTTP/1.1", "sourceIp": "1.2.3.4",
                                     "userAgent": "check"}, "stage": "$default", "requestId": "r1", "accountId": "123",
                            "apiId": "abc", "domainName": "abc", "timeEpoch": 0}}
response = entry.handler(event, None)
print(json.dumps({"api": entry.__file__, "heavy": heavy, "status": response["statusCode"], "body": response["body"]}))
"""


def dockerfile_arg(name: str) -> str:
    match = re.search(rf"^ARG {name}=(\S+)$", DOCKERFILE.read_text(), re.MULTILINE)
    assert match, f"Dockerfile declares no ARG {name}"
    return match.group(1)


def build_context(target: Path) -> Path:
    """The files .dockerignore lets through: it ignores everything (`*`) and names what it keeps with `!`."""
    lines = [line.strip() for line in (ROOT / ".dockerignore").read_text().splitlines()]
    assert "*" in lines, ".dockerignore is expected to be an allow-list"
    kept = [line[1:].rstrip("/") for line in lines if line.startswith("!")]
    target.mkdir()
    for name in kept:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target / name)
    return target


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)}\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def image_environment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("image")
    context = build_context(work / "src")
    venv = work / "venv"
    uv = shutil.which("uv") or f"{sys.executable} -m uv"
    env = {key: value for key, value in os.environ.items() if not key.startswith(("VIRTUAL_ENV", "UV_"))}
    env.update(
        UV_PROJECT_ENVIRONMENT=str(venv), UV_PYTHON=sys.executable, UV_PYTHON_DOWNLOADS="never", UV_LINK_MODE="hardlink"
    )
    # The Dockerfile's two steps: the locked dependencies without the project or the dev group, then the project
    # as a wheel, then the runtime interface client at the Dockerfile's pin.
    run([*uv.split(), "sync", "--locked", "--no-dev", "--no-install-project", "--quiet"], context, env)
    run([*uv.split(), "sync", "--locked", "--no-dev", "--no-editable", "--quiet"], context, env)
    run(
        [
            *uv.split(),
            "pip",
            "install",
            "--python",
            str(venv / "bin" / "python"),
            "--quiet",
            f"awslambdaric=={dockerfile_arg('AWSLAMBDARIC_VERSION')}",
        ],
        context,
        env,
    )
    return venv


def test_the_dockerfile_pins_what_this_check_installs() -> None:
    text = DOCKERFILE.read_text()
    assert dockerfile_arg("UV_VERSION") == "0.13.9"
    assert "uv sync --locked --no-dev --no-install-project" in text
    assert "uv sync --locked --no-dev --no-editable" in text
    assert 'CMD ["api.lambda_handler.handler"]' in text
    assert "fc-cache" in text  # the font cache is built into the image, not on a cold start


def test_the_image_has_no_test_or_dev_packages(image_environment: Path) -> None:
    site = next((image_environment / "lib").glob("python3*/site-packages"))
    installed = {path.name.split("-")[0].lower() for path in site.glob("*.dist-info")}
    assert {"weasyprint", "mangum", "strawberry_graphql", "boto3", "awslambdaric", "cvmaker"} <= installed
    assert not installed & {"pytest", "moto", "playwright", "import_linter"}


def test_the_handler_imports_from_the_image_environment_and_answers(image_environment: Path, tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), **CLOUD_ENV}
    # Run from an empty folder, so that nothing can be imported from the source tree.
    output = run([str(image_environment / "bin" / "python"), "-c", HANDLER_CHECK], tmp_path, env)
    result = json.loads(output.strip().splitlines()[-1])
    assert result["api"].startswith(str(image_environment)), result["api"]
    assert result["status"] == 200, result
    assert json.loads(result["body"]) == {"ok": True}
    assert result["heavy"] == [], "a cold start would pay for these libraries before the first request needs them"


def test_the_image_environment_renders_a_pdf_with_its_packaged_templates(
    image_environment: Path, tmp_path: Path
) -> None:
    """Templates, partials and styles are data files: they must travel in the wheel the image installs."""
    cv = ROOT / "tests" / "fixtures" / "json_resume" / "official_sample.json"
    out = tmp_path / "cv.pdf"
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "CVMAKER_DATA_DIR": str(tmp_path / "data")}
    run(
        [str(image_environment / "bin" / "cvmaker"), "render", str(cv), "--out", str(out), "--template", "modern"],
        tmp_path,
        env,
    )
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 5_000
