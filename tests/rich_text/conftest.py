"""The rich-text suites reuse other suites' wiring: the matching services (real SQLite, the local word embedder)
and the GraphQL app over HTTP (folder store, real renderers)."""

from tests.graphql.conftest import api, app  # noqa: F401 (fixtures)
from tests.matching.conftest import feature  # noqa: F401 (a fixture)
