"""Tests of the rules wing."""
