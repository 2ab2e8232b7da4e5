"""Exception tree of the storage package.

StorageError              every error the storage package raises on purpose
├── DatabaseUnavailable   the database cannot be reached or opened
├── MigrationError        the schema could not be brought to the current revision
└── SchemaOutOfDate       the database is not at the revision this code needs

SQLAlchemy and driver errors are wrapped where they enter with ``raise … from exc``;
an IntegrityError from a concurrent writer is handled inside the repository.
"""


class StorageError(Exception):
    """Base of every error raised by the storage package."""


class DatabaseUnavailable(StorageError):
    """The database cannot be reached, opened or written."""


class MigrationError(StorageError):
    """Upgrading the schema failed."""


class SchemaOutOfDate(StorageError):
    """The database schema is missing or older than the code: ``intake db upgrade`` fixes it."""
