# Recruitment intake daemon: polls the HR mailbox, stores applications, acknowledges them.
#
#   docker build -t recruitment-intake .
#   docker run -d --name intake \
#       -v /etc/intake/config.toml:/srv/intake/config.toml:ro \
#       -v intake-var:/srv/intake/var \
#       -e INTAKE_IMAP_PASSWORD -e INTAKE_SMTP_PASSWORD \
#       recruitment-intake
#
# Relative paths in config.toml are relative to /srv/intake, so the default
# database URL "sqlite:///var/intake.db" lands in the volume.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# OCR for scanned CVs and letters (English and French).
RUN apt-get update \
    && apt-get install --yes --no-install-recommends \
        tesseract-ocr \
        tesseract-ocr-eng \
        tesseract-ocr-fra \
    && rm -rf /var/lib/apt/lists/*

# Install the project from a build folder that does not stay in the image's working tree.
COPY pyproject.toml README.md /usr/src/intake/
COPY intake/ /usr/src/intake/intake/
COPY parsers/ /usr/src/intake/parsers/
COPY storage/ /usr/src/intake/storage/
COPY migrations/ /usr/src/intake/migrations/
RUN pip install /usr/src/intake \
    && rm -rf /usr/src/intake

RUN groupadd --system --gid 10001 intake \
    && useradd --system --uid 10001 --gid intake --home-dir /srv/intake --no-create-home \
        --shell /usr/sbin/nologin intake \
    && mkdir -p /srv/intake/var \
    && chown -R intake:intake /srv/intake

# The embedded default (sample Maildir, SQLite, file acknowledgements) runs when no config
# is mounted; mounting one over /srv/intake/config.toml replaces it.
COPY --chown=intake:intake config.toml /srv/intake/config.toml
COPY --chown=intake:intake examples/mailbox/ /srv/intake/examples/mailbox/
COPY --chown=intake:intake examples/staff.csv /srv/intake/examples/staff.csv

WORKDIR /srv/intake
USER intake

# The SQLite database, the acknowledgement outbox folder and other state live here.
VOLUME /srv/intake/var

ENV INTAKE_CONFIG=/srv/intake/config.toml

HEALTHCHECK --interval=60s --timeout=30s --start-period=60s --retries=3 \
    CMD ["intake", "status"]

CMD ["intake", "run"]
