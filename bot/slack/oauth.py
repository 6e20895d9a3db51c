"""Installing in many workspaces: Slack's OAuth flow, with installations and OAuth states kept
by slack-sdk's SQLAlchemy stores in the same database as the maps."""

from __future__ import annotations

from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.services import Services

# Exactly the bot scopes in manifest.yml (a test keeps them equal).
BOT_SCOPES = (
    "app_mentions:read",
    "canvases:write",
    "channels:history",
    "channels:read",
    "chat:write",
    "commands",
    "files:read",
    "files:write",
    "groups:history",
    "groups:read",
    "reactions:write",
    "users:read",
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600


def oauth_settings(services: Services) -> OAuthSettings:
    settings = services.settings
    client_id = settings.slack_client_id or ""
    secret = settings.slack_client_secret
    engine = services.store.engine
    installations = SQLAlchemyInstallationStore(client_id=client_id, engine=engine)
    states = SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)
    installations.create_tables()  # idempotent: create_all only adds missing tables
    states.create_tables()
    return OAuthSettings(
        client_id=client_id,
        client_secret=secret.get_secret_value() if secret else "",
        scopes=list(BOT_SCOPES),
        installation_store=installations,
        state_store=states,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
    )
