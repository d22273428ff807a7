"""The readability area: what a parser reads from an export of a CV, field by field, with a score and advice."""
