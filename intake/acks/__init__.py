"""The acks wing: confirming receipt to candidates, through an outbox.

It owns the outbox drain, the policy of who gets an acknowledgement, templates, the SMTP and
file transports, and the limits against loops and header injection. It imports only config,
the root, parsers/ and storage/; never rules, mailbox or a wing above them.
"""
