"""Tests of the mailbox wing."""
