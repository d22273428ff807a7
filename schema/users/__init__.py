"""The user area: who is calling."""
