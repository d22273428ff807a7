"""The cost limit: an operation whose expensive fields add up past `MAX_COST` is refused whole, before anything
runs, with a typed error (`COST_LIMIT_EXCEEDED`, the cost and the maximum). Aliases, fragments and lists count."""

from __future__ import annotations

from typing import Any

from graphql import OperationDefinitionNode, ValidationContext, parse, validate
from graphql.utilities import TypeInfo

from api.composition import Runtime
from cvmaker.domain.quotas import QuotaKind, counters
from schema.cost import ASSUMED_LIST_SIZE, FIELD_COSTS, MAX_COST, CostLimit, _Walk
from schema.schema import MAX_ALIASES, build_schema
from tests.graphql.conftest import Api
from tests.graphql.queries import CREATE, SAMPLE_INPUT
from tests.quotas.conftest import FakeClock


def _renders(count: int, cv_id: str) -> str:
    return "mutation { " + " ".join(f'r{n}: renderCv(cvId: "{cv_id}") {{ __typename }}' for n in range(count)) + " }"


def _cost_errors(document: str) -> list[dict[str, Any]]:
    """The cost errors graphql-core's validation gives `document` against the app's schema."""
    schema = build_schema()._schema
    errors = validate(schema, parse(document), [CostLimit])
    return [error.formatted for error in errors]


def test_fifteen_aliased_renders_are_refused_before_any_render(api: Api, runtime: Runtime, clock: FakeClock) -> None:
    cv_id = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]["id"]
    body = api.call(_renders(MAX_ALIASES, cv_id))
    assert body["data"] is None
    [error] = body["errors"]
    assert error["extensions"] == {"code": "COST_LIMIT_EXCEEDED", "cost": 150, "maximum": MAX_COST}
    # Nothing ran: no render worker was started and no quota was charged.
    quotas = runtime.services.quotas
    minute = counters(QuotaKind.RENDER, quotas.policies[QuotaKind.RENDER], clock())[0]
    assert runtime.pools == []
    assert quotas.store.used("alice", minute.key) == 0
    rendered = api.data(_renders(1, cv_id))["r0"]
    assert rendered["__typename"] == "RenderedFile"
    assert quotas.store.used("alice", minute.key) == 1


def test_a_few_expensive_fields_in_one_request_are_allowed(api: Api) -> None:
    cv_id = api.data(CREATE, {"input": SAMPLE_INPUT})["createCv"]["id"]
    body = api.call(_renders(2, cv_id))
    assert "errors" not in body, body
    assert [r["__typename"] for r in body["data"].values()] == ["RenderedFile", "RenderedFile"]


def test_repeating_a_field_under_one_response_key_runs_and_costs_once() -> None:
    field = 'renderCv(cvId: "x") { __typename }'
    assert _cost_errors("mutation { " + " ".join([field] * 10) + " }") == []
    assert _cost_errors(_renders(3, "x")) == []
    [error] = _cost_errors(_renders(4, "x"))
    assert error["extensions"]["cost"] == 40


def test_fragments_count_like_the_fields_they_hold() -> None:
    fragment = (
        "fragment R on Mutation { " + " ".join(f'f{n}: renderCv(cvId: "x") {{ __typename }}' for n in range(2)) + " }"
    )
    inline = '... on Mutation { g: generateCoverLetter(cvId: "x", jobId: "y") { __typename } }'
    [error] = _cost_errors(
        f'mutation {{ ...R {inline} t: tailorCv(cvId: "x", jobId: "y") {{ __typename }} }} {fragment}'
    )
    assert error["extensions"]["cost"] == 40
    # The same fragment spread twice merges into one set of fields, as it runs.
    assert _cost_errors(f"mutation {{ ...R ...R }} {fragment}") == []


def test_what_is_below_a_list_counts_per_item() -> None:
    # `rankJobs` returns a list; nothing under it is expensive, so it costs its own 5 whatever it holds.
    assert _cost_errors('{ rankJobs(cvId: "x", first: 10) { score job { id } } }') == []
    schema = build_schema()._schema
    # With RankedCv.score priced (as a field under the list would be), it counts once per item of `first`.
    costs = {**FIELD_COSTS, "RankedCv.score": 4}

    def cost(query: str) -> int:
        document = parse(query)
        operation = document.definitions[0]
        assert isinstance(operation, OperationDefinitionNode) and schema.query_type is not None
        context = ValidationContext(schema, document, TypeInfo(schema), lambda error: None)
        return _Walk({}, context, costs=costs).selection_cost(operation.selection_set.selections, schema.query_type, 0)

    assert cost('{ rankCvs(jobId: "j", first: 3) { score } }') == 5 + 3 * 4
    assert cost('{ rankCvs(jobId: "j") { score } }') == 5 + ASSUMED_LIST_SIZE * 4


def test_union_alternatives_count_as_the_dearest() -> None:
    assert _cost_errors("{ previewCv { ... on Preview { pages { number } } ... on Error { message } } }") == []


def test_every_priced_field_exists_in_the_schema() -> None:
    """A renamed field would silently cost nothing: every entry must name a field of the schema."""
    schema = build_schema()._schema
    for name in FIELD_COSTS:
        type_name, field_name = name.split(".")
        found = schema.get_type(type_name)
        assert found is not None and field_name in found.fields, name  # type: ignore[attr-defined]


def test_cyclic_and_deep_documents_are_refused_without_walking_forever(api: Api) -> None:
    body = api.call('query { cv(id: "x") { ...A } } fragment A on Cv { ...B } fragment B on Cv { ...A }')
    assert body["data"] is None and body["errors"]
    deep = "{ cvs { edges { node { " + "sections { id " * 900 + "}" * 900 + " } } } }"
    body = api.call(deep)
    assert body["data"] is None and body["errors"]
