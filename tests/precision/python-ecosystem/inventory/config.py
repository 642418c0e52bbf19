"""Settings read from the environment (pydantic-settings)."""

from functools import lru_cache

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="INVENTORY_", env_file=".env", extra="ignore")

    database_url: str = "sqlite:///inventory.db"
    supplier_api_url: str = "https://suppliers.example.com/api/v2"
    supplier_api_token: SecretStr = SecretStr("")
    request_timeout_seconds: float = Field(default=10.0, gt=0)
    openai_model: str = "gpt-4o-mini"
    low_stock_threshold: int = 5


@lru_cache
def get_settings() -> Settings:
    return Settings()
