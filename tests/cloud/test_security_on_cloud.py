"""The core's security suite at the edge and its IDOR cases, imported and run on the cloud shape (see
conftest.py): real Cognito tokens, DynamoDB partitions per user. Tests that need integrator (client-credentials)
tokens are left out (moto has no OAuth2 token endpoint to issue them), and so are those that put a literal
"Bearer token-alice" header on the wire, which only the fake verifier knows."""

from __future__ import annotations

from tests.graphql.test_security import (  # noqa: F401  (collected by pytest from this module)
    test_alias_floods_are_refused,
    test_another_users_cv_looks_exactly_like_a_missing_one,
    test_malformed_or_unknown_tokens_get_401_before_graphql,
    test_without_a_token_no_resolver_runs_and_no_data_is_returned,
)
