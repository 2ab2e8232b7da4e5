"""The recruitment intake service, one sub-package ("wing") per stage of a message's way.

config, mailbox, poll, rules, acks, hr, web, reprocess and commands are described in
docs/architecture.md; the modules at this root (errors and exit codes, flag codes, logging,
terminal output, the command line) are what every wing shares.
"""

__version__ = "0.1.0"
