"""The embedded default: SQLite, a folder, a local token issuer. No network, no account, no key."""
