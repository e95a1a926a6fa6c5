"""Programmatic Django settings for one sandbox server process."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import django
from django.conf import settings

logger = logging.getLogger(__name__)

LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
MEDIA_URL = "/media/"


def media_root_for(db_path: Path) -> Path:
    """Return the folder that holds the generated images of a database.

    Args:
        db_path: The SQLite database file.

    Returns:
        A folder beside the database, named after it, so that one database
        and its images travel together and two databases never share files.
    """
    return db_path.with_name(db_path.name + ".media")


def configure(
    db_path: Path,
    *,
    extra_host: str | None = None,
    throttle_rate: str | None = None,
    log_level: str = "ERROR",
) -> None:
    """Configure Django for this process and set up the app registry.

    Args:
        db_path: The SQLite database file (created by migrate if missing).
        extra_host: A host name the server is bound to besides the loopback
            names, added to ALLOWED_HOSTS.
        throttle_rate: A DRF rate such as "5/min"; when given, every
            authenticated user is throttled with UserRateThrottle.
        log_level: The level of the stderr log handler.
    """
    hosts = list(LOOPBACK_HOSTS)
    if extra_host and extra_host not in hosts:
        hosts.append(extra_host)

    settings.configure(
        # Production-like error pages: Django answers HTML 404/500 itself.
        DEBUG=False,
        SECRET_KEY="orderdesk-sandbox-not-a-secret",
        ALLOWED_HOSTS=hosts,
        INSTALLED_APPS=[
            "django.contrib.contenttypes",
            "django.contrib.auth",
            "rest_framework",
            "rest_framework.authtoken",
            "orderdesk_sandbox.apps.ShopConfig",
        ],
        MIDDLEWARE=[
            # LocaleMiddleware lets a client ask for Persian messages with
            # Accept-Language: fa, as a translated production server would.
            "django.middleware.locale.LocaleMiddleware",
            "django.middleware.common.CommonMiddleware",
        ],
        ROOT_URLCONF="orderdesk_sandbox.urls",
        DATABASES={"default": _database(db_path)},
        TEMPLATES=[
            {
                "BACKEND": "django.template.backends.django.DjangoTemplates",
                "APP_DIRS": True,
            }
        ],
        CACHES={
            "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
        },
        USE_TZ=True,
        TIME_ZONE="UTC",
        USE_I18N=True,
        LANGUAGE_CODE="en-us",
        LANGUAGES=[("en", "English"), ("fa", "Persian")],
        MEDIA_ROOT=str(media_root_for(db_path)),
        MEDIA_URL=MEDIA_URL,
        REST_FRAMEWORK=_rest_framework(throttle_rate),
        LOGGING=_logging(log_level),
    )
    django.setup()


def _database(db_path: Path) -> dict[str, Any]:
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(db_path),
        "OPTIONS": {
            # Requests run in threads: wait for the write lock instead of
            # failing with "database is locked", and take it when a write
            # transaction starts so two PATCHes never deadlock on upgrade.
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


def _rest_framework(throttle_rate: str | None) -> dict[str, Any]:
    config: dict[str, Any] = {
        # Token only: an unauthenticated request then gets 401 with
        # WWW-Authenticate: Token, never the 403 session auth would give.
        "DEFAULT_AUTHENTICATION_CLASSES": [
            "rest_framework.authentication.TokenAuthentication"
        ],
        "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
        # JSON only, so that 406 and 415 can be produced by a real server.
        "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
        "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    }
    if throttle_rate:
        config["DEFAULT_THROTTLE_CLASSES"] = [
            "rest_framework.throttling.UserRateThrottle"
        ]
        config["DEFAULT_THROTTLE_RATES"] = {"user": throttle_rate}
    return config


def _logging(level: str) -> dict[str, Any]:
    # stdout carries only the start-up JSON line; everything else goes to
    # stderr. The default level is ERROR because callers often pipe stderr
    # without reading it, and per-request lines would eventually fill it.
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}
        },
        "handlers": {
            "stderr": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stderr",
                "formatter": "plain",
            }
        },
        "root": {"handlers": ["stderr"], "level": level},
        "loggers": {
            "django": {"handlers": ["stderr"], "level": level, "propagate": False},
        },
    }
