"""The reprocess wing: stored mail read and judged again.

It owns re-judging stored applications after a rule or config change and retrying
quarantined messages. It imports poll (the analysis of one message) and the wings
below it: rules, acks, mailbox, config and the root; never hr, commands or web.
"""
