"""The config wing: config.toml read, validated and opened.

It owns the frozen settings and their validation, secrets read from environment
variables and the OAuth2 access tokens fetched with them (credentials/), and opening what
the settings name: the database, TLS contexts, the staff register, vacancy deadlines.
It imports only the root of intake/, parsers/ and storage/.
"""
