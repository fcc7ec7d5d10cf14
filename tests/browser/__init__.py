"""Browser tests. A package, so its conftest does not clash with tests/conftest.py under --doctest-modules."""
