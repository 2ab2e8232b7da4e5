"""The hr wing: what HR reads and keeps.

It owns listings, one application in full, summaries and charts, document and Excel
exports, and the purge and erasure of personal data, all from the database. It imports
acks, rules, mailbox, config and the root; never poll, reprocess, commands or web.
"""
