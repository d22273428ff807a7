"""The checked-in SDL is what integrators and the web app's codegen read: it must match the code."""

from pathlib import Path

from schema.schema import build_schema

SDL = Path(__file__).resolve().parents[2] / "schema" / "schema.graphql"


def test_checked_in_schema_matches_the_code() -> None:
    assert SDL.read_text(encoding="utf-8") == build_schema().as_str() + "\n", (
        "schema/schema.graphql is stale: run `make schema`"
    )


def test_contract_operations_exist() -> None:
    sdl = SDL.read_text(encoding="utf-8")
    for operation in (
        "me: User!",
        "cv(id: ID!): Cv",
        "cvs(first: Int! = 20, after: String = null): CvConnection!",
        "cvRevisions(id: ID!): [CvRevision!]!",
        "createCv(\n    input: CvInput!\n",  # then the optional idempotencyKey, with its description
        "idempotencyKey: String = null\n  ): CvResult!",
        "updateCv(id: ID!, version: Int!, input: CvInput!): CvResult!",
        "union CvResult = Cv | NotFoundError | ValidationError | VersionConflictError | IdempotencyConflictError",
    ):
        assert operation in sdl, operation
