"""Helpers and sample data for tests (fixtures stay in the conftest.py files; factories that
build model instances are in tests/factories/)."""
