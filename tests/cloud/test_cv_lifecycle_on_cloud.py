"""The core's CV lifecycle suite, imported and run on the cloud shape (see conftest.py). Every test of
`tests/graphql/test_cv_lifecycle.py` runs here except `test_me`, whose expected identity is the fake verifier's;
its cloud counterpart is below."""

from __future__ import annotations

from tests.cloud.conftest import CloudApi
from tests.graphql.test_cv_lifecycle import (  # noqa: F401  (collected by pytest from this module)
    test_create_then_read_returns_the_same_document,
    test_cvs_connection_pages_newest_first_with_capped_page_size,
    test_duplicate_and_delete,
    test_invalid_input_is_a_validation_error_with_field_paths,
    test_oversized_inputs_are_validation_errors_and_nothing_is_written,
    test_revisions_list_and_restore_without_losing_history,
    test_section_and_item_mutations,
    test_stale_version_is_a_conflict_and_changes_nothing,
    test_update_keeps_item_ids_and_merges_partial_items,
    test_update_keeps_omitted_fields_and_increments_the_version,
)


def test_me_is_the_signed_in_cognito_user(api: CloudApi) -> None:
    me = api.data("{ me { id } }")["me"]
    assert me["id"] == api.users.subs["token-alice"]
    assert api.data("{ me { id } }", token="token-bob")["me"]["id"] == api.users.subs["token-bob"]
