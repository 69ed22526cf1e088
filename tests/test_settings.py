"""The build's settings: each bad value is one SettingsError naming the setting; good ones pass."""

from __future__ import annotations

import subprocess

import pytest

from build_pages import settings


@pytest.mark.parametrize("value", ["abc", "0", "-5", "１７６７２２５６００", "1767225600.5", " 1767225600"])
def test_a_bad_source_date_epoch_is_an_error_naming_it(monkeypatch, tmp_path, value):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.raises(settings.SettingsError, match="SOURCE_DATE_EPOCH"):
        settings.site_date(tmp_path)


def test_without_the_setting_or_git_history_the_date_is_an_error_not_1970(monkeypatch, tmp_path):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    with pytest.raises(settings.SettingsError, match="no git history"):
        settings.site_date(tmp_path)  # an empty folder: not a clone


def test_the_date_comes_from_the_setting_else_the_last_commit(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert settings.site_date(tmp_path).isoformat() == "2026-01-01"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    env = {"GIT_AUTHOR_DATE": "2025-03-04T12:00:00Z", "GIT_COMMITTER_DATE": "2025-03-04T12:00:00Z"}
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "commit", "-q", "--allow-empty", "-m", "x"], check=True, env=env | {"PATH": "/usr/bin:/bin"})
    assert settings.site_date(tmp_path).isoformat() == "2025-03-04"


@pytest.mark.parametrize(
    "value",
    [
        'https://example.org/"/',
        "https://example.org",
        "ftp://example.org/",
        "https://exa mple.org/",
        "https://e.org/<x>/",
    ],
)
def test_a_bad_site_address_is_an_error_naming_the_setting(value):
    with pytest.raises(settings.SettingsError, match="SITE_URL_ZH"):
        settings.site_url("SITE_URL_ZH", value)


def test_a_good_address_passes_and_an_unset_one_is_said_in_the_log():
    assert settings.site_url("SITE_URL", "https://models.example.org/wars/") is None
    assert "preview server" in settings.site_url("SITE_URL", None)


def test_a_release_without_its_address_is_an_error(monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("SITE_URL_ZH", raising=False)
    assert len(settings.check(tmp_path)) == 2  # a local build: said in the log
    monkeypatch.setenv("MW_RELEASE", "1")
    with pytest.raises(settings.SettingsError, match="SITE_URL: must be set for a release"):
        settings.check(tmp_path)
    monkeypatch.setenv("SITE_URL", "https://example.org/")
    monkeypatch.setenv("SITE_URL_ZH", "https://example.org/zh/")
    assert settings.check(tmp_path) == []
