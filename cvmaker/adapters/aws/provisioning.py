"""Creating the cloud shape's resources on an emulator (moto) for tests, benchmarks and `run_cloud_local`.

In AWS the CDK stack under `amplify/` creates them; `table_definition` is the shape that stack must match (the
repository relies on the `cvList` local secondary index, which can only be made with the table).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cvmaker.adapters.storage.dynamodb_cvs import CV_LIST_INDEX


def table_definition(name: str) -> dict[str, Any]:
    """`create_table` arguments for the single table."""
    return {
        "TableName": name,
        "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [
            {"AttributeName": "PK", "AttributeType": "S"},
            {"AttributeName": "SK", "AttributeType": "S"},
            {"AttributeName": "cvId", "AttributeType": "S"},
        ],
        "KeySchema": [{"AttributeName": "PK", "KeyType": "HASH"}, {"AttributeName": "SK", "KeyType": "RANGE"}],
        # Local, not global: it shares the owner's partition and allows strongly consistent reads, so a CV
        # appears in its owner's list the moment it is created. Sparse: only CV heads carry `cvId`.
        "LocalSecondaryIndexes": [
            {
                "IndexName": CV_LIST_INDEX,
                "KeySchema": [
                    {"AttributeName": "PK", "KeyType": "HASH"},
                    {"AttributeName": "cvId", "KeyType": "RANGE"},
                ],
                "Projection": {"ProjectionType": "ALL"},
            }
        ],
    }


def create_table(dynamodb: Any, name: str) -> None:
    dynamodb.create_table(**table_definition(name))
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 50})


def create_bucket(s3: Any, name: str, region: str, allowed_origins: tuple[str, ...] = ()) -> None:
    """A private bucket; with `allowed_origins`, CORS lets the web app on those origins POST uploads to it."""
    arguments: dict[str, Any] = {"Bucket": name}
    if region != "us-east-1":  # S3 refuses an explicit us-east-1 constraint
        arguments["CreateBucketConfiguration"] = {"LocationConstraint": region}
    s3.create_bucket(**arguments)
    s3.put_public_access_block(
        Bucket=name,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    if allowed_origins:
        s3.put_bucket_cors(
            Bucket=name,
            CORSConfiguration={
                "CORSRules": [
                    {
                        "AllowedOrigins": list(allowed_origins),
                        "AllowedMethods": ["GET", "POST"],
                        "AllowedHeaders": ["*"],
                        "MaxAgeSeconds": 600,
                    }
                ]
            },
        )


@dataclass(frozen=True)
class UserPool:
    """A Cognito user pool with the web app's client, as `CVMAKER_COGNITO_*` settings name it."""

    pool_id: str
    web_client_id: str
    region: str
    endpoint_url: str

    @property
    def issuer(self) -> str:
        # Cognito's (and moto's) `iss`: always the public AWS host, wherever the pool is served from.
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.pool_id}"

    @property
    def jwks_url(self) -> str:
        if self.endpoint_url:  # moto serves each pool's keys under its own host, not the issuer's
            return f"{self.endpoint_url}/{self.pool_id}/.well-known/jwks.json"
        return f"{self.issuer}/.well-known/jwks.json"


def create_user_pool(cognito: Any, name: str, region: str, endpoint_url: str) -> UserPool:
    """A pool that signs users in by email with a password, and a public web client (no secret) allowed the
    USER_PASSWORD_AUTH flow, as the web app's sign-in uses."""
    pool_id = cognito.create_user_pool(
        PoolName=name,
        UsernameAttributes=["email"],
        AutoVerifiedAttributes=["email"],
        # As amplify/auth/resource.ts (`accountRecovery: "EMAIL_ONLY"`): a forgotten password is reset by a code
        # mailed to the verified address.
        AccountRecoverySetting={"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]},
        Policies={
            "PasswordPolicy": {
                "MinimumLength": 12,
                "RequireUppercase": False,
                "RequireLowercase": False,
                "RequireNumbers": False,
                "RequireSymbols": False,
            }
        },
    )["UserPool"]["Id"]
    client_id = cognito.create_user_pool_client(
        UserPoolId=pool_id,
        ClientName=f"{name}-web",
        GenerateSecret=False,
        ExplicitAuthFlows=["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        PreventUserExistenceErrors="ENABLED",  # as Amplify's web client: answers never tell who has an account
    )["UserPoolClient"]["ClientId"]
    return UserPool(pool_id, client_id, region, endpoint_url)


def create_user(cognito: Any, pool: UserPool, email: str, password: str) -> str:
    """A confirmed user with a permanent password; returns the user's `sub`."""
    attributes = cognito.admin_create_user(
        UserPoolId=pool.pool_id,
        Username=email,
        UserAttributes=[{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}],
        MessageAction="SUPPRESS",
    )["User"]["Attributes"]
    cognito.admin_set_user_password(UserPoolId=pool.pool_id, Username=email, Password=password, Permanent=True)
    return str(next(a["Value"] for a in attributes if a["Name"] == "sub"))


def sign_in(cognito: Any, pool: UserPool, email: str, password: str) -> dict[str, str]:
    """The tokens a user gets by signing in to the web client: `IdToken`, `AccessToken`, `RefreshToken`."""
    result = cognito.initiate_auth(
        ClientId=pool.web_client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": email, "PASSWORD": password},
    )["AuthenticationResult"]
    return {name: result[name] for name in ("IdToken", "AccessToken", "RefreshToken")}
