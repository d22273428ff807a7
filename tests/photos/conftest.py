from tests.graphql.conftest import api, app  # noqa: F401 - the GraphQL suite's app and client, on the folder store
