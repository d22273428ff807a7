"""The CV area of the schema: types, inputs, queries and mutations."""
