"""The fixed values HR's commands offer as choices and defaults.

Kept free of database code: the command line's argument declarations import it, and
``intake --help`` must not pay for SQLAlchemy.
"""

#: Web console roles (``intake users add --role``).
ROLES = ("admin", "hr", "panel")
#: HR's decisions on a candidate (``intake decide``); the latest is the candidate's status.
DECISIONS = ("shortlisted", "rejected", "withdrawn", "hired")
#: How many lines of an enquiry's body a listing shows by default.
FIRST_LINES = 3
