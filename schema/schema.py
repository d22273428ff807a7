"""The `Schema`: the areas' queries and mutations merged, with the limits every request runs under."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import cache

import strawberry
from graphql.error import GraphQLError
from graphql.validation import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.types import ExecutionContext

from schema.applications.operations import ApplicationMutations, ApplicationQueries
from schema.cost import CostLimit
from schema.cvs.mutations import CvMutations
from schema.cvs.queries import CvQueries
from schema.extensions import MaskAndLogErrors, is_unexpected
from schema.imports.operations import ImportMutations
from schema.letters.operations import LetterMutations, LetterQueries
from schema.matching.operations import JobMutations, JobQueries
from schema.photos.operations import PhotoMutations, PhotoQueries
from schema.privacy.operations import PrivacyMutations
from schema.readability.operations import ReadabilityQueries
from schema.rendering.operations import RenderingMutations, RenderingQueries
from schema.shares.operations import ShareMutations, ShareQueries
from schema.users.queries import UserQueries

log = logging.getLogger("cvmaker.graphql")

MAX_DEPTH = 12
MAX_ALIASES = 15
MAX_TOKENS = 5_000


@strawberry.type
class Query(
    CvQueries,
    RenderingQueries,
    JobQueries,
    LetterQueries,
    UserQueries,
    ShareQueries,
    ApplicationQueries,
    ReadabilityQueries,
    PhotoQueries,
):
    pass


@strawberry.type
class Mutation(
    CvMutations,
    RenderingMutations,
    ImportMutations,
    JobMutations,
    LetterMutations,
    PrivacyMutations,
    ShareMutations,
    ApplicationMutations,
    PhotoMutations,
):
    pass


class Limits(AddValidationRules):
    """Depth, alias and cost limits as validation rules. The rule classes are made once: the validation cache is keyed
    by them, and per-request limiter instances would make new classes and miss the cache on every request."""

    def __init__(self) -> None:
        super().__init__(list(_limit_rules()))


@cache
def _limit_rules() -> tuple[type[ASTValidationRule], ...]:
    return (
        *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
        *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
        CostLimit,  # schema/cost.py: expensive fields (renders, previews, generations) per operation
    )


class CvMakerSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Client mistakes (bad queries, failed permissions) are answers, not incidents: debug level only.
        # Unexpected errors are logged once, with the request id, by MaskAndLogErrors.
        for error in errors:
            if not is_unexpected(error):
                log.debug("client error: %s", error.message)


@cache
def build_schema(introspection: bool = True) -> strawberry.Schema:
    # Factories, not instances: each request gets fresh extension state (the caches behind ParserCache and
    # ValidationCache are module-level, so they still span requests).
    extensions: list[Callable[[], SchemaExtension]] = [
        # Limits first, so a hostile document is refused before it costs anything.
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        Limits,
        # graphql-core's parse and validation dominate a small query: cache both.
        lambda: ParserCache(maxsize=256),
        lambda: ValidationCache(maxsize=256),
        lambda: MaskAndLogErrors(hide_suggestions=not introspection),
    ]
    if not introspection:
        extensions.append(DisableIntrospection)
    return CvMakerSchema(query=Query, mutation=Mutation, extensions=extensions)
