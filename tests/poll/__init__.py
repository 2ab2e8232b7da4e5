"""Tests of the poll wing."""
