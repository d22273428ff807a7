"""The CV model and its rules. Pure: no I/O, no AWS, no GraphQL."""
