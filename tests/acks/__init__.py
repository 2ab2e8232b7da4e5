"""Tests of the acks wing."""
