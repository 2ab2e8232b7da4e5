"""The commands wing: HR's and the operator's commands, one module each, thin.

A command is two modules. ``intake.commands.arguments.<name>`` says what it accepts
(``SUMMARY``, one line for ``intake --help``, and ``add_arguments(parser)``) and imports
nothing but argparse and a few constants, so that building the parser stays cheap.
``intake.commands.<name>`` carries it out (``run(args, config) -> exit code``: parse what the
arguments mean, call a wing, print); ``intake.cli`` imports it only when that command runs.
It may import every wing (hr, reprocess, poll and those below them) and the root; no wing
imports it back. Heavy libraries a command needs only sometimes (the document readers,
openpyxl, matplotlib) are imported inside the functions that use them.
"""
