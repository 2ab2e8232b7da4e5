"""Exception tree of the storage package.

StorageError              every error the storage package raises on purpose
├── DatabaseUnavailable   the database cannot be reached or opened
└── MigrationError        the schema could not be brought to the current revision

SQLAlchemy and driver errors are wrapped where they enter with ``raise … from exc``;
an IntegrityError from a concurrent writer is handled inside the repository.
"""


class StorageError(Exception):
    """Base of every error raised by the storage package."""


class DatabaseUnavailable(StorageError):
    """The database cannot be reached, opened or written."""


class MigrationError(StorageError):
    """Upgrading the schema failed."""
