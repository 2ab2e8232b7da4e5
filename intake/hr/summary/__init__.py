"""The per-vacancy summary: counts, as text, JSON, a terminal chart, a PNG or an HTML page."""
