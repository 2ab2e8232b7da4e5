# Recruitment intake daemon: polls the HR mailbox, stores applications, acknowledges them.
# docs/deploy.md is the guide; deploy/build-image builds this file and tests the result.
#
#   docker build --network host -t recruitment-intake .
#   docker run -d --name intake \
#       -v /etc/intake/config.toml:/etc/intake/config.toml:ro \
#       -v intake-db:/var/lib/intake -v intake-outbox:/var/spool/intake/outbox \
#       -e INTAKE_IMAP_PASSWORD -e INTAKE_SMTP_PASSWORD \
#       recruitment-intake
#
# The HR web console from the same image, on the same database (docs/web.md):
#   docker run -d --name intake-web -p 8080:8080 \
#       -v /etc/intake/config.toml:/etc/intake/config.toml:ro -v intake-db:/var/lib/intake \
#       -e INTAKE_WEB_SECRET_KEY recruitment-intake intake web --listen 0.0.0.0:8080
#
# As shipped, /etc/intake/config.toml is the repository's embedded default with its paths made
# absolute: the sample Maildir under /usr/share/intake/examples, SQLite in /var/lib/intake,
# acknowledgements written as .eml files to /var/spool/intake/outbox.

# ---- build: a virtual environment in /opt/venv, from PyPI or from a local wheelhouse ----
FROM debian:bookworm-slim AS build

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends \
        python3 python3-venv ca-certificates \
    && apt-get clean && rm -rf /var/lib/apt/lists/*

ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 PIP_ROOT_USER_ACTION=ignore
# deploy/build-image fills deploy/wheelhouse with the dependencies' wheels and passes
# --build-arg WHEELS_ONLY=1, so pip never reaches an index; left empty, pip uses PyPI.
ARG WHEELS_ONLY=
COPY deploy/wheelhouse/ /wheels/
COPY pyproject.toml /src/

# The dependencies first, in a layer of their own that a change of the code does not redo.
RUN python3 -m venv /opt/venv \
    && python3 -c 'import tomllib; print(*tomllib.load(open("/src/pyproject.toml", "rb"))["project"]["dependencies"], sep="\n")' \
        >/tmp/requirements.txt \
    && /opt/venv/bin/pip install ${WHEELS_ONLY:+--no-index} --find-links /wheels \
        --requirement /tmp/requirements.txt

COPY README.md /src/
COPY intake/ /src/intake/
COPY parsers/ /src/parsers/
COPY storage/ /src/storage/
COPY migrations/ /src/migrations/
# pip and setuptools leave the venv: the image runs the program, it installs nothing.
RUN /opt/venv/bin/pip install ${WHEELS_ONLY:+--no-index} --find-links /wheels --no-deps /src \
    && /opt/venv/bin/pip uninstall --yes --quiet pip setuptools \
    && /opt/venv/bin/intake --version

# ---- runtime: Debian's Python, Tesseract for scanned documents, the venv, no compilers ----
FROM debian:bookworm-slim

# OCR for scanned CVs and letters (English and French); CA certificates for IMAP/SMTP TLS.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install --yes --no-install-recommends \
        python3 ca-certificates tesseract-ocr tesseract-ocr-eng tesseract-ocr-fra \
    && apt-get clean && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 intake \
    && useradd --system --uid 10001 --gid intake --home-dir /var/lib/intake --no-create-home \
        --shell /usr/sbin/nologin intake \
    && install -d -o intake -g intake -m 0750 /var/lib/intake /var/spool/intake/outbox

COPY --from=build /opt/venv /opt/venv
COPY examples/mailbox/ /usr/share/intake/examples/mailbox/
COPY examples/staff.csv /usr/share/intake/examples/staff.csv

# The embedded default, its relative paths made absolute (relative ones would be read from
# /etc/intake); the build fails if one is left.
COPY config.toml /etc/intake/config.toml
RUN sed -i -e 's#"examples/#"/usr/share/intake/examples/#' \
        -e 's#"sqlite:///var/#"sqlite:////var/lib/intake/#' \
        -e 's#"var/outbox"#"/var/spool/intake/outbox"#' /etc/intake/config.toml \
    && ! grep -nE '"(examples|var)/|sqlite:///[^/]' /etc/intake/config.toml

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    INTAKE_CONFIG=/etc/intake/config.toml

USER intake
WORKDIR /var/lib/intake

# The web console, when the container runs `intake web --listen 0.0.0.0:8080` (docs/web.md).
EXPOSE 8080

# The database (SQLite) and the acknowledgement outbox folder (the "file" transport).
VOLUME ["/var/lib/intake", "/var/spool/intake/outbox"]

HEALTHCHECK --interval=60s --timeout=30s --start-period=120s --retries=3 \
    CMD ["intake", "status"]

CMD ["intake", "run"]
