"""Tests of the benchmarks' shared helpers (no timing asserts)."""
