"""Tests of the hr wing."""
