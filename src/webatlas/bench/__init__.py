"""Benchmarks that measure things and write figures; never run by `make test` except as smoke tests."""
