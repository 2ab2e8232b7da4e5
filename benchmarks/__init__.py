"""Benchmarks: speed and memory figures the issues ask for, run by hand, never in the test suite."""
