"""The rules wing: judging one application, pure.

It owns the facts of an application (subject, documents, time, relatives, who the
candidate is) and the named rules that turn them into flags, with no I/O beyond the
staff register the config names. It imports only config, the root and parsers/.
"""
