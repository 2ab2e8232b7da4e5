"""Exit codes every ``intake`` command uses."""

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran and something failed (or, for status, is unhealthy)
EXIT_USAGE = 2  # the config or a command-line value is wrong
