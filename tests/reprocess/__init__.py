"""Tests of the reprocess wing."""
