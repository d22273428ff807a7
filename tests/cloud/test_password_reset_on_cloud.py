"""Cognito's forgotten-password flow on the pool the cloud shape is provisioned with (`create_user_pool`, as
`make run-cloud-local` makes it, recovery and client settings as amplify/auth/resource.ts deploys them), against
moto's server over HTTP: ForgotPassword mails a code to the verified address, ConfirmForgotPassword with that code
sets the new password, and only the new one signs in.

moto's stand-in for the mail: it returns the code in an `x-moto-forgot-password-confirmation-code` response
header, read here from the raw HTTP answer. Its limits (moto 5.2): a code is checked only when it has moto's
prefix (any other string is accepted), and the new password is not checked against the pool's policy; so what
this proves is the API flow and the pool's settings, not Cognito's code checks."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from botocore.exceptions import ClientError

from cvmaker.adapters.aws.provisioning import create_user, create_user_pool, sign_in
from tests.contract.emulator import Emulator

OLD, NEW = "correct horse battery staple", "a new and unusual passphrase"
CODE_HEADER = "x-moto-forgot-password-confirmation-code"


def test_a_forgotten_password_is_reset_with_the_mailed_code(emulator: Emulator) -> None:
    cognito = emulator.client("cognito-idp")
    pool = create_user_pool(cognito, f"reset-{uuid.uuid4().hex[:8]}", emulator.region, emulator.endpoint_url)
    settings = cognito.describe_user_pool(UserPoolId=pool.pool_id)["UserPool"]
    assert settings["AccountRecoverySetting"] == {"RecoveryMechanisms": [{"Name": "verified_email", "Priority": 1}]}
    web = cognito.describe_user_pool_client(UserPoolId=pool.pool_id, ClientId=pool.web_client_id)["UserPoolClient"]
    assert web["PreventUserExistenceErrors"] == "ENABLED" and "ClientSecret" not in web
    email = "ada@example.org"
    create_user(cognito, pool, email, OLD)
    before = sign_in(cognito, pool, email, OLD)

    codes: list[str] = []

    def keep_code(http_response: Any, **_: Any) -> None:
        codes.append(http_response.headers.get(CODE_HEADER, ""))

    cognito.meta.events.register("after-call.cognito-idp.ForgotPassword", keep_code)
    sent = cognito.forgot_password(ClientId=pool.web_client_id, Username=email)["CodeDeliveryDetails"]
    assert (sent["DeliveryMedium"], sent["AttributeName"]) == ("EMAIL", "email")
    assert sent["Destination"] != email and "***" in sent["Destination"]  # masked, as Cognito shows it
    [code] = codes
    assert code

    with pytest.raises(ClientError) as wrong:
        cognito.confirm_forgot_password(
            ClientId=pool.web_client_id, Username=email, ConfirmationCode=code[:-1] + "x", Password=NEW
        )
    assert wrong.value.response["Error"]["Code"] == "ExpiredCodeException"

    cognito.confirm_forgot_password(ClientId=pool.web_client_id, Username=email, ConfirmationCode=code, Password=NEW)

    with pytest.raises(ClientError) as old:
        sign_in(cognito, pool, email, OLD)
    assert old.value.response["Error"]["Code"] == "NotAuthorizedException"
    after = sign_in(cognito, pool, email, NEW)
    assert after["AccessToken"] and after["AccessToken"] != before["AccessToken"]
    with pytest.raises(ClientError) as reused:  # the code was cleared when it was used
        cognito.confirm_forgot_password(
            ClientId=pool.web_client_id, Username=email, ConfirmationCode=code, Password=OLD
        )
    assert reused.value.response["Error"]["Code"] == "ExpiredCodeException"


def test_asking_for_an_unknown_account_answers_like_a_known_one(emulator: Emulator) -> None:
    cognito = emulator.client("cognito-idp")
    pool = create_user_pool(cognito, f"reset-{uuid.uuid4().hex[:8]}", emulator.region, emulator.endpoint_url)
    create_user(cognito, pool, "ada@example.org", OLD)
    known = cognito.forgot_password(ClientId=pool.web_client_id, Username="ada@example.org")["CodeDeliveryDetails"]
    unknown = cognito.forgot_password(ClientId=pool.web_client_id, Username="nobody@example.org")
    assert set(unknown["CodeDeliveryDetails"]) == set(known)
    assert unknown["CodeDeliveryDetails"]["DeliveryMedium"] == known["DeliveryMedium"] == "EMAIL"
