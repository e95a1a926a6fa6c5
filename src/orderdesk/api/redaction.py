"""Keeping the API token out of log output.

The API layer never logs a token, a header or a body. This filter is the
second line of defence for everything else that logs (a library, a stray
debug line): it rewrites any record that carries an Authorization value, a
`Token <key>` pair, or a secret registered with `register_secret`.

Attach the filter to handlers, not loggers: a logger's filters do not see
records that propagate from its children.
"""

import logging
import re
import threading

REDACTED = "[redacted]"

MIN_SECRET_LENGTH = 8
"""Shorter strings are not registered: masking them would garble ordinary text."""

_HEADER = re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?)[^'\"\r\n,}]+")
_SCHEME = re.compile(r"(?i)\b(token|bearer)(\s+)[A-Za-z0-9._~+/=-]{8,}")

_secrets: set[str] = set()
_secrets_lock = threading.Lock()


def register_secret(secret: str) -> None:
    """Mask this exact string in every record that passes a `RedactingFilter`."""
    if len(secret) >= MIN_SECRET_LENGTH:
        with _secrets_lock:
            _secrets.add(secret)


def forget_secret(secret: str) -> None:
    """Stop masking a string (after signing out)."""
    with _secrets_lock:
        _secrets.discard(secret)


def redact(text: str) -> str:
    """The text with Authorization values, token pairs and secrets masked."""
    text = _HEADER.sub(lambda m: f"{m.group(1)}{REDACTED}", text)
    text = _SCHEME.sub(lambda m: f"{m.group(1)}{m.group(2)}{REDACTED}", text)

    with _secrets_lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


class RedactingFilter(logging.Filter):
    """A logging filter that masks tokens in messages and tracebacks.

    It never drops a record; it rewrites the record in place, so every
    handler after it sees the masked text.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the record's message, traceback and stack (overrides Filter)."""
        message = record.getMessage()
        masked = redact(message)
        if masked != message:
            record.msg, record.args = masked, None

        if record.exc_info and not record.exc_text:
            # Formatting the traceback now lets the masked text be cached where
            # formatters look for it first.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def quiet_http_loggers(level: int = logging.WARNING) -> None:
    """Raise the level of httpx's and httpcore's loggers.

    httpx logs every request's full URL, query included (search terms are
    personal data), at INFO; httpcore traces connections at DEBUG.
    """
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(level)
