"""Attachments: their text, pages and status, what each one is, and its language (pure)."""
