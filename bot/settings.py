"""One settings object, read from the environment and `.env` (prefix-free names, as Slack's own
samples use). Every variable is listed in the README's configuration table."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

from knowledge.types import StoreLocation


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    # storage
    journeybot_data_dir: Path = Field(
        Path(".journeybot"), description="Where the SQLite file, the vector store and exports live."
    )
    database_url: str = Field(
        "", description="SQLAlchemy URL; empty means a SQLite file in the data directory."
    )

    # slack
    slack_bot_token: SecretStr | None = Field(
        None, description="Bot token (xoxb-...), one workspace."
    )
    slack_signing_secret: SecretStr | None = Field(None, description="Verifies Slack's requests.")
    slack_app_token: SecretStr | None = Field(
        None, description="App token (xapp-...): Socket Mode."
    )
    slack_client_id: str | None = Field(
        None, description="OAuth client id: multi-workspace install."
    )
    slack_client_secret: SecretStr | None = Field(None, description="OAuth client secret.")
    slack_api_url: str = Field(
        "https://slack.com/api/",
        description="Web API base URL of every Slack client the app makes.",
    )
    port: int = Field(3000, description="HTTP port of the Bolt app in HTTP mode.")
    web_concurrency: int = Field(
        1, ge=1, description="HTTP server processes in HTTP mode (each runs the whole app)."
    )

    # knowledge
    chroma_url: str | None = Field(
        None, description="Chroma server URL (http://host:8000); empty means a local directory."
    )
    knowledge_collection: str = Field("journey-guidance", description="Chroma collection name.")

    # llm
    journeybot_llm: str | None = Field(
        None, description="provider:model for langchain's init_chat_model; empty means no LLM."
    )
    llm_daily_token_budget: int = Field(
        200_000, description="Tokens a workspace may spend on the LLM per day."
    )
    llm_turn_timeout_seconds: float = Field(20.0, description="Time budget of one LLM turn.")

    log_level: str = Field("INFO", description="Python logging level.")

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.journeybot_data_dir / 'journeybot.db'}"

    @property
    def chroma_dir(self) -> Path:
        return self.journeybot_data_dir / "chroma"

    @property
    def knowledge_location(self) -> StoreLocation:
        """Where the guidance vectors live, as the knowledge package takes it."""
        return StoreLocation(
            chroma_dir=self.chroma_dir,
            chroma_url=self.chroma_url,
            collection=self.knowledge_collection,
        )

    @property
    def slack_configured(self) -> bool:
        return self.slack_bot_token is not None or self.slack_client_id is not None


@lru_cache
def get_settings() -> Settings:
    return Settings()
