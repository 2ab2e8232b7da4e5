"""Tests of parsers/."""
