"""Tests of the web console (``intake web``)."""
