"""The Secrets Manager reader against moto's server: one call per secret per process, clear errors, no leaks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from cvmaker.adapters.aws.secrets import (
    SecretsManagerReader,
    SecretUnavailable,
    key_from_value_or_secret,
    process_secrets,
)
from tests.contract.emulator import Emulator, running_emulator

OPENAI_KEY = "sk-test-0123456789abcdef"


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with running_emulator() as started:
        yield started


class CountingClient:
    """The real boto3 client, with a count of the GetSecretValue calls that reach the emulator."""

    def __init__(self, client: Any) -> None:
        self.client = client
        self.exceptions = client.exceptions
        self.calls: list[str] = []

    def get_secret_value(self, SecretId: str) -> dict[str, Any]:
        self.calls.append(SecretId)
        response: dict[str, Any] = self.client.get_secret_value(SecretId=SecretId)
        return response


@pytest.fixture
def counting(emulator: Emulator) -> CountingClient:
    return CountingClient(emulator.client("secretsmanager"))


def create_secret(emulator: Emulator, name: str, **value: Any) -> str:
    arn: str = emulator.client("secretsmanager").create_secret(Name=name, **value)["ARN"]
    return arn


def test_a_secret_is_fetched_once_however_often_it_is_asked_for(emulator: Emulator, counting: CountingClient) -> None:
    arn = create_secret(emulator, "cvmaker/openai-once", SecretString=OPENAI_KEY)
    reader = SecretsManagerReader(lambda: counting)

    assert [reader.value(arn) for _ in range(3)] == [OPENAI_KEY] * 3
    assert counting.calls == [arn]


def test_each_secret_is_fetched_on_its_own_first_use(emulator: Emulator, counting: CountingClient) -> None:
    openai = create_secret(emulator, "cvmaker/openai-each", SecretString=OPENAI_KEY)
    pinecone = create_secret(emulator, "cvmaker/pinecone-each", SecretString="pc-key\n")
    reader = SecretsManagerReader(lambda: counting)

    assert counting.calls == []  # nothing is fetched until a service asks
    assert reader.value(pinecone) == "pc-key"  # surrounding whitespace from a pasted value is dropped
    assert reader.value(openai) == OPENAI_KEY
    assert reader.value(pinecone) == "pc-key"
    assert counting.calls == [pinecone, openai]


def test_the_client_is_made_only_when_a_secret_is_first_needed(emulator: Emulator) -> None:
    made: list[int] = []
    arn = create_secret(emulator, "cvmaker/lazy", SecretString=OPENAI_KEY)

    def make_client() -> Any:
        made.append(1)
        return emulator.client("secretsmanager")

    reader = SecretsManagerReader(make_client)
    assert made == []
    reader.value(arn)
    reader.value(arn)
    assert made == [1]


def test_a_missing_secret_is_a_clear_error_naming_it(emulator: Emulator, counting: CountingClient) -> None:
    reader = SecretsManagerReader(lambda: counting)
    missing = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:cvmaker/absent-AbCdEf"

    with pytest.raises(SecretUnavailable) as raised:
        reader.value(missing)
    assert raised.value.secret_id == missing
    assert raised.value.reason == "ResourceNotFoundException"
    assert missing in str(raised.value)


def test_a_binary_or_empty_secret_is_refused(emulator: Emulator, counting: CountingClient) -> None:
    binary = create_secret(emulator, "cvmaker/binary", SecretBinary=b"\x00\x01")
    blank = create_secret(emulator, "cvmaker/blank", SecretString="   ")
    reader = SecretsManagerReader(lambda: counting)

    with pytest.raises(SecretUnavailable, match="binary"):
        reader.value(binary)
    with pytest.raises(SecretUnavailable, match="empty"):
        reader.value(blank)


def test_a_failed_read_is_tried_again_on_the_next_request(emulator: Emulator, counting: CountingClient) -> None:
    """A secret created after a failure (or a transient denial) is picked up without a new cold start."""
    reader = SecretsManagerReader(lambda: counting)
    with pytest.raises(SecretUnavailable):
        reader.value("cvmaker/late")
    create_secret(emulator, "cvmaker/late", SecretString=OPENAI_KEY)
    assert reader.value("cvmaker/late") == OPENAI_KEY


def test_values_never_show_in_the_readers_repr(emulator: Emulator, counting: CountingClient) -> None:
    arn = create_secret(emulator, "cvmaker/repr", SecretString=OPENAI_KEY)
    reader = SecretsManagerReader(lambda: counting)
    reader.value(arn)
    assert OPENAI_KEY not in repr(reader)


def test_the_process_shares_one_reader_per_region_and_endpoint(emulator: Emulator) -> None:
    first = process_secrets(emulator.region, emulator.endpoint_url)
    assert process_secrets(emulator.region, emulator.endpoint_url) is first
    assert process_secrets("us-east-1", emulator.endpoint_url) is not first
    arn = create_secret(emulator, "cvmaker/shared", SecretString=OPENAI_KEY)
    assert first.value(arn) == OPENAI_KEY


def test_a_key_given_directly_wins_over_its_secret(emulator: Emulator, counting: CountingClient) -> None:
    arn = create_secret(emulator, "cvmaker/precedence", SecretString=OPENAI_KEY)
    reader = SecretsManagerReader(lambda: counting)

    assert key_from_value_or_secret("sk-direct", arn, lambda: reader) == "sk-direct"
    assert counting.calls == []
    assert key_from_value_or_secret("", arn, lambda: reader) == OPENAI_KEY
    assert key_from_value_or_secret("", "", lambda: reader) == ""
    assert counting.calls == [arn]
