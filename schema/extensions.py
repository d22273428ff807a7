"""Schema extensions of our own: unexpected errors masked for the caller and logged with the request id."""

from __future__ import annotations

import logging
import re

from graphql.error import GraphQLError
from strawberry.extensions import MaskErrors

from cvmaker.domain.errors import DomainError

log = logging.getLogger("cvmaker.graphql")
_SUGGESTION = re.compile(r"\s*Did you mean [^?]*\?")


def is_unexpected(error: GraphQLError) -> bool:
    """Errors graphql-core and our permissions raise, and expected domain errors outside a result union (a bad
    cursor), are meant for the caller; any other exception is not."""
    original = error.original_error
    return original is not None and not isinstance(original, (GraphQLError, DomainError))


class MaskAndLogErrors(MaskErrors):
    def __init__(self, hide_suggestions: bool = False) -> None:
        super().__init__(should_mask_error=is_unexpected, error_message="Unexpected error.")
        self.hide_suggestions = hide_suggestions

    def _request_id(self) -> str:
        context = self.execution_context.context
        return getattr(context, "request_id", "-")

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        request_id = self._request_id()
        log.error(
            "unexpected error in %s (request %s)",
            ".".join(map(str, error.path or [])) or "operation",
            request_id,
            exc_info=error.original_error,
        )
        return GraphQLError(
            message=self.error_message,
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            original_error=None,
            extensions={"code": "INTERNAL", "requestId": request_id},
        )

    def _process_errors(self, errors: list[GraphQLError]) -> list[GraphQLError]:
        processed = super()._process_errors(errors)
        if not self.hide_suggestions:
            return processed
        # Production: no "Did you mean" hints that would map the schema for someone with introspection off.
        for error in processed:
            error.message = _SUGGESTION.sub("", error.message)
        return processed
