# The cloud shape's fixtures (moto's server, Cognito users, a table and bucket per test) in place of the folder store.
from tests.cloud.conftest import api, app, cloud_users, emulator, settings  # noqa: F401
