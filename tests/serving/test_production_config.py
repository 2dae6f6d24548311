"""Production refuses to start unsafe, and says why in one line, to a person at a shell too."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import create_app
from config import ConfigError, ProductionConfig

ROOT = Path(__file__).resolve().parents[2]
FLASK = str(Path(sys.executable).parent / "flask")
STRONG = "k" * 32


def _production(**settings: object) -> type[ProductionConfig]:
    return type(
        "Production", (ProductionConfig,), {"SQLALCHEMY_DATABASE_URI": "sqlite://", **settings}
    )


@pytest.mark.parametrize(
    ("secret", "message"),
    [(None, "Set SECRET_KEY"), ("", "Set SECRET_KEY"), ("a", "too short"), ("k" * 31, "too short")],
)
def test_production_refuses_a_missing_or_short_secret(secret: str | None, message: str) -> None:
    with pytest.raises(ConfigError, match=message) as refused:
        create_app(_production(SECRET_KEY=secret))
    assert "secrets.token_hex(32)" in refused.value.format_message()


def test_a_32_byte_secret_is_enough() -> None:
    assert create_app(_production(SECRET_KEY=STRONG)).config["PRODUCTION"] is True


def test_production_refuses_debug_mode(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(ConfigError, match="Debug mode is on"):
        create_app(_production(SECRET_KEY=STRONG))


def _flask(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`flask --app app ...` as an operator runs it in a plain shell: production by default."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("CSE_FORMS", "SECRET"))}
    clean.pop("FLASK_DEBUG", None)
    return subprocess.run(
        [FLASK, "--app", "app", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "Error: Set SECRET_KEY: production refuses to start without one"),
        ({"SECRET_KEY": "short"}, "Error: SECRET_KEY is too short"),
        ({"SECRET_KEY": STRONG, "TRUSTED_PROXIES": "one"}, "Error: TRUSTED_PROXIES must be a"),
    ],
    ids=["no secret", "short secret", "bad number"],
)
def test_commands_say_what_is_wrong_in_one_line(env: dict[str, str], message: str) -> None:
    result = _flask("create-user", "someone@example.org", "--role", "referrer", **env)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(message), result.stderr


def test_the_debugger_is_never_served_in_production() -> None:
    result = _flask("--debug", "run", "--port", "0", SECRET_KEY=STRONG)
    assert result.returncode == 1
    assert "Error: Debug mode is on" in result.stderr and "Traceback" not in result.stderr
