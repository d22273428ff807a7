"""moto's server mode on 127.0.0.1, for the suites that need DynamoDB, S3 or Cognito: the adapters reach it
through boto3 and HTTP exactly as they reach AWS, with the endpoint override as the only difference."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from cvmaker.adapters.aws.clients import aws_client

REGION = "eu-west-1"
# moto accepts any credentials; these make sure boto3 never looks further (instance metadata, ~/.aws).
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing"}
CLEARED = ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE")


@dataclass(frozen=True)
class Emulator:
    endpoint_url: str
    region: str = REGION

    def client(self, service: str) -> Any:
        return aws_client(service, self.region, self.endpoint_url)


@contextmanager
def running_emulator() -> Iterator[Emulator]:
    """Start moto on a free loopback port with fake credentials in the environment; stop it afterwards."""
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    saved = {name: os.environ.get(name) for name in (*FAKE_CREDENTIALS, *CLEARED)}
    os.environ.update(FAKE_CREDENTIALS)
    for name in CLEARED:
        os.environ.pop(name, None)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield Emulator(f"http://{host}:{port}")
    finally:
        server.stop()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
