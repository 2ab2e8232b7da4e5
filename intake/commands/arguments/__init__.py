"""What each command accepts, one module per command: ``SUMMARY`` and ``add_arguments``.

``intake.cli`` imports every module here to build the parser, so each stays light: argparse
and constants only (choices from ``intake.hr.choices``), never SQLAlchemy, a wing's
machinery or a third-party library. tests/commands/test_light_parser.py holds them to it.
"""
