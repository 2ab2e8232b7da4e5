"""Tests of the commands wing, through the ``intake`` command line."""
