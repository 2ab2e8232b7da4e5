"""The poll wing: the cycle that turns new mail into stored, judged records.

It owns fetching, reading attachments in worker processes, judging and storing each
message in one transaction before marking it done, and the daemon that runs cycles and
acknowledgement drains on schedules. It imports rules, acks, mailbox, config and the
root; never hr, reprocess, commands or web.
"""
