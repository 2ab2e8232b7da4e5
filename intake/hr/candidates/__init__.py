"""Candidates as HR reads them: one entry per person per vacancy, listed, shown, exported."""
