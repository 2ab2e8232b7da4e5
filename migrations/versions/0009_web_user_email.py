"""web users: an email address for OpenID Connect sign-in, and accounts without a password

``web_users.email`` (lower case, unique where given) is the identity an OpenID Connect
provider's verified claim is matched against (docs/web.md); ``password_hash`` may now be null
for an account that signs in only through such a provider.

Revision ID: 0009
Revises: 0008
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("web_users") as batch:
        batch.add_column(sa.Column("email", sa.String(length=320), nullable=True))
        batch.alter_column("password_hash", existing_type=sa.Text(), nullable=True)
        batch.create_unique_constraint(batch.f("uq_web_users_email"), ["email"])


def downgrade() -> None:
    # An account without a password could not be kept: it is removed, as `intake users
    # remove` would leave it unable to sign in anyway.
    op.execute("DELETE FROM web_users WHERE password_hash IS NULL")
    with op.batch_alter_table("web_users") as batch:
        batch.drop_constraint(batch.f("uq_web_users_email"), type_="unique")
        batch.alter_column("password_hash", existing_type=sa.Text(), nullable=False)
        batch.drop_column("email")
