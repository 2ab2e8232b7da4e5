"""Tests of the config wing."""
