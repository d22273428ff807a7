"""Load on the real server: `python -m tests.load` (see `tests/load/run.py`); part of `make bench`."""
