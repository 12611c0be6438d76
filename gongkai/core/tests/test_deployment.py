"""Production settings pass Django's deployment checklist."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in (
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "DATABASE_URL",
            "FIELD_ENCRYPTION_KEYS",
            "FIELD_INDEX_KEY",
        )
    }
    environment.update({key: value for key, value in env.items() if value is not None})
    return subprocess.run(  # noqa: S603  # fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def field_keys() -> dict[str, str]:
    from gongkai.core.crypto import new_key_setting

    return {
        "FIELD_ENCRYPTION_KEYS": new_key_setting(),
        "FIELD_INDEX_KEY": new_key_setting().split(":")[1],
    }


def test_check_deploy_is_clean_for_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="gk.example.gov.cn",
        GONGKAI_DATA_DIR=str(tmp_path),
        **field_keys(),
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=None,
        ALLOWED_HOSTS="gk.example.gov.cn",
        GONGKAI_DATA_DIR=str(tmp_path),
        **field_keys(),
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_the_keys_of_personal_data(tmp_path):
    result = run_manage(
        "check",
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="gk.example.gov.cn",
        GONGKAI_DATA_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "FIELD_ENCRYPTION_KEYS" in result.stderr
