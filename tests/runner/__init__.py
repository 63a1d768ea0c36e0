# The host test runner behind tests/run.py, one concept per module (docs/testing.md).
