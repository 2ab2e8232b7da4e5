"""The database: typed SQLAlchemy models, engine setup and the repository the service uses."""
