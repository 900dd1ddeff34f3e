"""Test doubles that ship with the project (used by its tests and benchmarks)."""
