"""The privacy area: a person's export of their data, and the deletion of their account."""
