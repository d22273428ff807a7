"""`make bench`'s load run: `tests/load` with its defaults (24 users, 30 s with two abusers, 30 s without)."""

from __future__ import annotations

from tests.load.__main__ import main

if __name__ == "__main__":
    raise SystemExit(main([]))
