"""The AWS backend, proven offline: the TypeScript type-checks, the CDK unit tests pass, the whole Amplify
backend synthesizes to CloudFormation without credentials, cfn-lint finds no error in it, and the synthesized
templates have the properties the deployment relies on.

Needs Node 20 and `npm ci` in amplify/ (done here when node_modules is missing)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
AMPLIFY = ROOT / "amplify"
BIN = AMPLIFY / "node_modules" / ".bin"

# A deployment with every option on: integrators, AI keys in Secrets Manager, a custom web origin.
SYNTH_ENV = {
    "CVMAKER_INTEGRATORS": "acme,reader-co:read",
    "CVMAKER_OPENAI_SECRET_NAME": "cvmaker/openai",
    "CVMAKER_PINECONE_SECRET_NAME": "cvmaker/pinecone",
    "CVMAKER_PINECONE_HOST": "https://cv-abc.svc.pinecone.io",
    "CVMAKER_WEB_ORIGINS": "https://cv.example.com",
}


def offline_env(**extra: str) -> dict[str, str]:
    """No credentials, no instance metadata, no telemetry: whatever needs AWS fails instead of reaching out."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "CVMAKER_", "CDK_"))}
    env.update(AWS_EC2_METADATA_DISABLED="true", CDK_DISABLE_CLI_TELEMETRY="true", AWS_REGION="eu-west-1", **extra)
    return env


def run(
    command: list[str], cwd: Path, env: dict[str, str] | None = None, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, env=env or offline_env(), capture_output=True, text=True, timeout=timeout)


def succeeded(result: subprocess.CompletedProcess[str]) -> bool:
    return result.returncode == 0


def explain(result: subprocess.CompletedProcess[str]) -> str:
    return f"{' '.join(result.args)} exited {result.returncode}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


@pytest.fixture(scope="session")
def amplify_packages() -> Path:
    if not (BIN / "cdk").exists():
        installed = run(
            ["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], AMPLIFY, offline_env(), timeout=600
        )
        assert succeeded(installed), explain(installed)
    return BIN


def synth(amplify_packages: Path, out: Path, backend_name: str, env: dict[str, str]) -> Path:
    """`cdk synth` of amplify/backend.ts into `out`, offline, with the context `ampx` passes (Amplify's App
    synthesizes when the process exits)."""
    result = run(
        [
            str(amplify_packages / "cdk"),
            "synth",
            "--no-notices",
            "--quiet",
            "--app",
            f"{amplify_packages / 'tsx'} amplify/backend.ts",
            "-c",
            "amplify-backend-namespace=cvmaker",
            "-c",
            f"amplify-backend-name={backend_name}",
            "-c",
            "amplify-backend-type=sandbox",
            "-o",
            str(out),
        ],
        ROOT,
        offline_env(**env),
    )
    assert succeeded(result), explain(result)
    return out


@pytest.fixture(scope="session")
def synthesized(amplify_packages: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synth(amplify_packages, tmp_path_factory.mktemp("cdk.out"), "check", SYNTH_ENV)


def templates(out: Path) -> dict[str, dict[str, Any]]:
    found = {path.name: json.loads(path.read_text()) for path in out.glob("*.template.json")}
    assert len(found) == 3, sorted(found)  # the root stack, auth, and the API
    return found


def one(out: Path, marker: str) -> dict[str, Any]:
    [template] = [template for name, template in templates(out).items() if marker in name]
    return template


def resources(template: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [resource for resource in template["Resources"].values() if resource["Type"] == kind]


def test_the_lock_file_installs_with_npm_ci(amplify_packages: Path) -> None:
    """`npm install` can write a lock `npm ci` refuses (npm/cli#9821); amplify/scripts/repair-lock.mjs mends it."""
    result = run(["npm", "ci", "--dry-run", "--no-audit", "--no-fund"], AMPLIFY)
    assert succeeded(result), explain(result)


def test_the_backend_type_checks(amplify_packages: Path) -> None:
    result = run([str(amplify_packages / "tsc"), "--noEmit", "-p", "."], AMPLIFY)
    assert succeeded(result), explain(result)


def test_the_cdk_unit_tests_pass(amplify_packages: Path) -> None:
    tests = sorted(str(path.relative_to(AMPLIFY)) for path in (AMPLIFY / "test").glob("*.test.ts"))
    assert len(tests) >= 3
    result = run(["node", "--import", "tsx", "--test", *tests], AMPLIFY)
    assert succeeded(result), explain(result)
    assert "# fail 0" in result.stdout and "# pass 0" not in result.stdout


def test_cfn_lint_finds_no_error_in_the_templates(synthesized: Path) -> None:
    cfn_lint = shutil.which("cfn-lint")
    assert cfn_lint, "cfn-lint comes with moto[server], a dev dependency"
    paths = sorted(str(path) for path in synthesized.glob("*.template.json"))
    result = run([cfn_lint, "--non-zero-exit-code", "error", *paths], ROOT)
    assert succeeded(result), explain(result)


def test_cfn_lint_does_fail_on_a_broken_template(tmp_path: Path) -> None:
    """The gate above can fail: a table with a misspelt billing mode is an error, not a warning."""
    broken = tmp_path / "broken.template.json"
    broken.write_text(
        json.dumps(
            {
                "Resources": {
                    "Table": {
                        "Type": "AWS::DynamoDB::Table",
                        "Properties": {
                            "BillingMode": "PAY_PER_REQUES",
                            "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}],
                            "AttributeDefinitions": [{"AttributeName": "PK", "AttributeType": "S"}],
                        },
                    }
                }
            }
        )
    )
    result = run([str(shutil.which("cfn-lint")), "--non-zero-exit-code", "error", str(broken)], ROOT)
    assert result.returncode != 0 and "E3030" in result.stdout, explain(result)


def test_the_user_pool_signs_in_by_email_and_serves_integrators(synthesized: Path) -> None:
    auth = one(synthesized, "auth")
    [pool] = resources(auth, "AWS::Cognito::UserPool")
    assert pool["Properties"]["UsernameAttributes"] == ["email"]
    assert pool["Properties"]["AutoVerifiedAttributes"] == ["email"]
    [server] = resources(auth, "AWS::Cognito::UserPoolResourceServer")
    assert server["Properties"]["Identifier"] == "cvmaker"
    assert [scope["ScopeName"] for scope in server["Properties"]["Scopes"]] == ["read", "write"]
    machines = [
        c["Properties"]
        for c in resources(auth, "AWS::Cognito::UserPoolClient")
        if c["Properties"].get("AllowedOAuthFlows") == ["client_credentials"]
    ]
    assert sorted(c["ClientName"] for c in machines) == ["integrator-acme", "integrator-reader-co"]
    assert all(c["GenerateSecret"] for c in machines)
    assert len(resources(auth, "AWS::Cognito::UserPoolDomain")) == 1
    [identity_pool] = resources(auth, "AWS::Cognito::IdentityPool")
    assert identity_pool["Properties"]["AllowUnauthenticatedIdentities"] is False


def test_the_user_pool_lets_people_reset_a_forgotten_password_by_email_alone(synthesized: Path) -> None:
    """Cognito's ForgotPassword, which the web app's sign-in offers, mails a code to the verified address only
    (never a text message), and its answers do not tell whether an account exists."""
    auth = one(synthesized, "auth")
    [pool] = resources(auth, "AWS::Cognito::UserPool")
    recovery = pool["Properties"]["AccountRecoverySetting"]["RecoveryMechanisms"]
    assert recovery == [{"Name": "verified_email", "Priority": 1}]
    [web] = [
        c["Properties"]
        for c in resources(auth, "AWS::Cognito::UserPoolClient")
        if c["Properties"].get("AllowedOAuthFlows") != ["client_credentials"]
    ]
    assert web["PreventUserExistenceErrors"] == "ENABLED"
    assert web.get("GenerateSecret") is not True  # a browser's client: ForgotPassword needs no secret hash


def test_the_api_accepts_the_web_client_and_each_integrator(synthesized: Path) -> None:
    [function] = [
        f
        for f in resources(one(synthesized, "CvApi"), "AWS::Lambda::Function")
        if f["Properties"].get("PackageType") == "Image"
    ]
    env = function["Properties"]["Environment"]["Variables"]
    client_ids = json.dumps(env["CVMAKER_COGNITO_CLIENT_IDS"])
    for client in ("AppClient", "Integratoracme", "Integratorreaderco"):
        assert client in client_ids, client_ids
    assert not [name for name in env if name.endswith("API_KEY")], "keys belong in Secrets Manager"
    assert "CVMAKER_OPENAI_SECRET_ARN" in env and "CVMAKER_PINECONE_SECRET_ARN" in env


def test_the_web_app_finds_the_api_and_the_pool_in_the_outputs(synthesized: Path) -> None:
    root = one(synthesized, "amplify-cvmaker-check")
    outputs = root["Outputs"]
    assert {"userPoolId", "webClientId", "customOutputs"} <= set(outputs)
    custom = json.dumps(outputs["customOutputs"]["Value"])
    for field in ("apiUrl", "tokenUrl", "execute-api", "/oauth2/token"):
        assert field in custom, field
    assert "Integrator" not in custom, "the outputs ship with the web app: integrators are not listed there"


def test_the_image_context_is_the_python_project_alone(synthesized: Path) -> None:
    """The CDK stages the Docker build context through .dockerignore: no node_modules, no tests, no data."""
    [context] = [path for path in synthesized.glob("asset.*") if (path / "Dockerfile").exists()]
    names = {path.name for path in context.iterdir()}
    assert names == {
        ".dockerignore",
        "Dockerfile",
        "README.md",
        "pyproject.toml",
        "uv.lock",
        "api",
        "schema",
        "resolvers",
        "cvmaker",
        "templates",
    }
    assert not list(context.rglob("__pycache__"))


def test_amplify_hosting_deploys_the_backend_then_serves_the_web_app_with_its_settings() -> None:
    import yaml

    build = yaml.safe_load((ROOT / "amplify.yml").read_text())
    phases = build["backend"]["phases"]
    backend = " && ".join(phases["preBuild"]["commands"] + phases["build"]["commands"])
    assert "npm ci --prefix amplify" in backend
    assert 'ampx pipeline-deploy --branch "$AWS_BRANCH" --app-id "$AWS_APP_ID"' in backend
    web = build["frontend"]["phases"]["build"]["commands"]
    # One build for every deployment: the settings are written beside it afterwards, not baked into it.
    assert web[0] == "npm run build --prefix frontend"
    assert web[-1] == "node amplify/scripts/web-env.mjs amplify_outputs.json frontend/dist/config.json"
    assert not any("VITE_" in command or ".env" in command for command in web)
    assert build["frontend"]["artifacts"]["baseDirectory"] == "frontend/dist"
