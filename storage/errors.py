"""Exception tree of the storage package.

StorageError              every error the storage package raises on purpose
├── DatabaseUnavailable   the database cannot be reached or opened
├── MigrationError        the schema could not be brought to the current revision
├── SchemaOutOfDate       the database is not at the revision this code needs
└── CopyVanished          a message read as a copy of a stored one found no such copy to store
                          against (it was deleted meanwhile): the poll fails, the message is
                          fetched again and read in full

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


class CopyVanished(StorageError):
    """The stored copy a message was matched to is gone; it must be read in full again."""
