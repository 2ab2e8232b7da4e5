"""Pure parsing: bytes and strings in, frozen dataclasses out; no database, no network."""
