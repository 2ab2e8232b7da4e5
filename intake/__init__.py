"""The recruitment intake service: config, mailboxes, pipeline, rules, acknowledgements, CLI."""

__version__ = "0.1.0"
