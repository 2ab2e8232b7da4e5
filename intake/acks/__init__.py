"""Acknowledgements: confirming receipt to candidates, through an outbox."""
