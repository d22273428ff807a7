"""The cost limit: an operation whose expensive fields add up to more than `MAX_COST` is refused before anything
runs, with an error whose `extensions` say `COST_LIMIT_EXCEEDED`, the cost and the maximum.

Every expensive field's cost is in `FIELD_COSTS` (GraphQL names, "Type.field"); every other field costs nothing
here (the depth, alias and token limits bound those). An operation's cost counts each field the way graphql-core
would execute it: fields reached through fragments count like any other; fields with the same response key in
one selection are merged by GraphQL and run once, so they count once, while aliases of one field run once each
and count once each; what sits below a list counts once per item the list may hold (its literal `first`
argument, else `ASSUMED_LIST_SIZE`). Alternatives on a union (`... on A`, `... on B`) count as the dearest one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLCompositeType,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    is_composite_type,
)

# One render of a one-page CV takes about a third of a second in a warm worker, a long CV several seconds; a
# model call a second or more. Costs are in those units, roughly: 10 a render, preview, import or generation.
FIELD_COSTS: Mapping[str, int] = {
    "Mutation.renderCv": 10,
    "Mutation.renderCoverLetter": 10,
    "Query.previewCv": 10,
    "Mutation.importCv": 10,
    "Mutation.generateCoverLetter": 10,
    "Mutation.tailorCv": 10,
    "Mutation.createJob": 5,  # reads the posting's requirements, with the model when one is configured
    "Mutation.matchCv": 5,
    "Query.jobMatch": 5,
    "Query.rankJobs": 5,
    "Query.rankCvs": 5,
    "Mutation.importJsonResume": 2,
    "Mutation.createApplication": 5,  # scores the match, as matchCv
    "Mutation.updateApplication": 5,  # scores again when the job or the CV changes
    "Mutation.moveApplication": 5,  # scores when the CV goes out
    "Application.sentCv": 1,  # reads a whole CV document (up to 350 KB) per application
    "Query.readabilityReport": 20,  # a render and an import (the stored file is reused when there is one)
    "Mutation.exportMyData": 10,  # reads every CV, revision, job, letter and file of the person into a zip
    # A password on a share link is hashed with Argon2 (a quarter of a second of a core): ten at most per request.
    "Mutation.createShareLink": 3,
    "Mutation.updateShareLink": 3,
}
# Three renders (or a match, a letter and its render) in one request; the web app sends one at a time.
MAX_COST = 30
ASSUMED_LIST_SIZE = 20
# A walk deeper than any the depth limit lets through, or longer than any honest document needs, stops there:
# the document is refused as too costly rather than walked without end.
_MAX_WALK_DEPTH = 64
_MAX_WALK_STEPS = 20_000

COST_LIMIT_EXCEEDED = "COST_LIMIT_EXCEEDED"


class _TooLong(Exception):
    pass


@dataclass
class _Walk:
    fragments: Mapping[str, FragmentDefinitionNode]
    context: ValidationContext
    steps: int = 0
    costs: Mapping[str, int] = field(default_factory=lambda: FIELD_COSTS)

    def selection_cost(self, selections: Iterable[SelectionNode], parent: GraphQLCompositeType, depth: int) -> int:
        if depth > _MAX_WALK_DEPTH:
            raise _TooLong
        # Response key -> parent type name -> (parent type, the field nodes merged under that key).
        groups: dict[str, dict[str, tuple[GraphQLCompositeType, list[FieldNode]]]] = {}
        self._collect(selections, parent, groups, frozenset())
        total = 0
        for by_type in groups.values():
            total += max(self._field_cost(type_, nodes, depth) for type_, nodes in by_type.values())
        return total

    def _collect(
        self,
        selections: Iterable[SelectionNode],
        parent: GraphQLCompositeType,
        groups: dict[str, dict[str, tuple[GraphQLCompositeType, list[FieldNode]]]],
        visiting: frozenset[str],
    ) -> None:
        for selection in selections:
            self.steps += 1
            if self.steps > _MAX_WALK_STEPS:
                raise _TooLong
            if isinstance(selection, FieldNode):
                key = selection.alias.value if selection.alias else selection.name.value
                entry = groups.setdefault(key, {}).setdefault(parent.name, (parent, []))
                entry[1].append(selection)
            elif isinstance(selection, InlineFragmentNode):
                condition = self._type(selection.type_condition.name.value) if selection.type_condition else parent
                if condition is not None:
                    self._collect(selection.selection_set.selections, condition, groups, visiting)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in visiting:  # unknown or cyclic: other rules report those
                    continue
                condition = self._type(fragment.type_condition.name.value)
                if condition is not None:
                    self._collect(fragment.selection_set.selections, condition, groups, visiting | {name})

    def _field_cost(self, parent: GraphQLCompositeType, nodes: list[FieldNode], depth: int) -> int:
        name = nodes[0].name.value
        definition = _field(parent, name)
        if definition is None:  # __typename, introspection, or an unknown field (reported by other rules)
            return 0
        own = self.costs.get(f"{parent.name}.{name}", 0)
        child = get_named_type(definition.type)
        children = [s for node in nodes if node.selection_set for s in node.selection_set.selections]
        if not children or not is_composite_type(child):
            return own
        inner = self.selection_cost(children, child, depth + 1)
        return own + _list_multiplier(definition.type, nodes[0]) * inner

    def _type(self, name: str) -> GraphQLCompositeType | None:
        found = self.context.schema.get_type(name)
        return found if is_composite_type(found) else None


def _field(parent: GraphQLCompositeType, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None


def _list_multiplier(output: GraphQLOutputType, node: FieldNode) -> int:
    """How many times what is below a field runs: the size of each list it returns, multiplied."""
    size = ASSUMED_LIST_SIZE
    for argument in node.arguments or ():
        if argument.name.value == "first" and isinstance(argument.value, IntValueNode):
            size = max(0, min(int(argument.value.value), ASSUMED_LIST_SIZE * 5))
    multiplier = 1
    wrapped: object = output
    while isinstance(wrapped, GraphQLNonNull | GraphQLList):
        if isinstance(wrapped, GraphQLList):
            multiplier *= size
        wrapped = wrapped.of_type
    return multiplier


def operation_cost(context: ValidationContext, operation: OperationDefinitionNode) -> int | None:
    """The operation's cost, or None when it is too long or deep to walk (refused as too costly)."""
    root = context.schema.get_root_type(operation.operation)
    if root is None:
        return 0
    fragments = {
        definition.name.value: definition
        for definition in context.document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    try:
        return _Walk(fragments, context).selection_cost(operation.selection_set.selections, root, 0)
    except _TooLong:
        return None


class CostLimit(ValidationRule):
    """Refuses each operation of the document whose cost is over `MAX_COST`."""

    def enter_operation_definition(self, node: OperationDefinitionNode, *_: object) -> None:
        cost = operation_cost(self.context, node)
        if cost is not None and cost <= MAX_COST:
            return
        shown = cost if cost is not None else MAX_COST + 1
        self.report_error(
            GraphQLError(
                f"This operation costs {shown} (renders, previews, imports, matches and generations), "
                f"more than the {MAX_COST} one request may. Send the expensive fields in separate requests.",
                nodes=[node],
                extensions={"code": COST_LIMIT_EXCEEDED, "cost": shown, "maximum": MAX_COST},
            )
        )
