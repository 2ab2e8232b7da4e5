"""Purges and erasures of personal data, with their audit entry and the counts they print."""
