"""`make run` on a new machine: one demo account per role, in development only."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import func, select

from accounts import ROLES
from accounts.passwords import password_problem, verify_password
from app import create_app
from config import ConfigError, DevelopmentConfig, ProductionConfig
from models import User, db


def _app(config: type, tmp_path: Path):  # type: ignore[no-untyped-def]
    class Config(config):  # type: ignore[misc, valid-type]
        SECRET_KEY = "x" * 64
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp_path / 'demo.sqlite3'}"

    app = create_app(Config)
    with app.app_context():
        db.create_all()
    return app


def test_development_makes_one_account_per_role_once(tmp_path: Path) -> None:
    app = _app(DevelopmentConfig, tmp_path)
    output = app.test_cli_runner().invoke(args=["demo-accounts"]).output
    lines = re.findall(r"^\s+(\w+)\s+(\S+@\S+)\s+(\S+)$", output, re.MULTILINE)
    assert [role for role, _, _ in lines] == list(ROLES)
    with app.app_context():
        for role, email, password in lines:
            user = db.session.scalar(select(User).where(User.email == email))
            assert user.role == role and user.name
            assert verify_password(user.password_hash, password)
            assert password_problem(password, email) is None
        # Run again (every `make run`): nothing new, nothing printed.
        again = app.test_cli_runner().invoke(args=["demo-accounts"]).output
        assert again == ""
        assert db.session.scalar(select(func.count()).select_from(User)) == len(ROLES)


def test_production_never_makes_demo_accounts(tmp_path: Path) -> None:
    app = _app(ProductionConfig, tmp_path)
    result = app.test_cli_runner().invoke(args=["demo-accounts"])
    assert result.exit_code != 0 and "development only" in result.output
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(User)) == 0


def test_production_refuses_to_start_without_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        create_app(ProductionConfig)
