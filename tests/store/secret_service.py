"""A private Secret Service: gnome-keyring unlocked on a D-Bus of its own.

The bus has no service directories, so nothing is started by D-Bus
activation behind the test's back: the only Secret Service on it is the
gnome-keyring-daemon started here, with its keyrings in a temporary home.
"""

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import keyring
from keyring.backends import SecretService

from orderdesk.keyring_check import is_secure_backend

PACKAGES = "gnome-keyring dbus-daemon"
PROGRAMS = ("dbus-daemon", "gnome-keyring-daemon")
PASSWORD = b"orderdesk-test-login"
READY_WITHIN = 20.0

_BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC
 "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class SecretServiceUnavailable(Exception):
    """The daemons are missing or did not start; the message says why."""


@dataclass(frozen=True)
class SecretServiceSession:
    """A running private Secret Service.

    Attributes:
        home: The daemon's home; its keyring files are under it.
        backend: keyring's Secret Service backend, set as the keyring.
    """

    home: Path
    backend: SecretService.Keyring


def missing_programs() -> list[str]:
    """The programs this needs that are not on PATH."""
    return [p for p in PROGRAMS if shutil.which(p) is None]


@contextmanager
def secret_service(root: Path) -> Iterator[SecretServiceSession]:
    """Start the bus and the keyring daemon; make them the process's keyring.

    Raises:
        SecretServiceUnavailable: A program is missing or did not start.
    """
    missing = missing_programs()
    if missing:
        raise SecretServiceUnavailable(
            f"{', '.join(missing)} not found; install {PACKAGES} (see .ci/run)"
        )
    home = root / "home"
    runtime = root / "run"
    home.mkdir()
    runtime.mkdir(mode=0o700)

    with ExitStack() as stack:
        address = stack.enter_context(_bus(root))
        env = _daemon_environment(home, runtime, address)
        daemon = stack.enter_context(_keyring_daemon(root, env))
        stack.enter_context(_environment("DBUS_SESSION_BUS_ADDRESS", address))
        backend = _wait_for_service(root, daemon)
        saved = keyring.get_keyring()
        keyring.set_keyring(backend)
        stack.callback(keyring.set_keyring, saved)
        yield SecretServiceSession(home=home, backend=backend)


@contextmanager
def _bus(root: Path) -> Iterator[str]:
    config = root / "bus.conf"
    config.write_text(_BUS_CONFIG.format(socket=root / "bus"), "utf-8")
    process = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        address = process.stdout.readline().strip()
        if not address:
            _, errors = process.communicate(timeout=10)
            raise SecretServiceUnavailable(f"dbus-daemon did not start: {errors}")
        yield address
    finally:
        _stop(process)


@contextmanager
def _keyring_daemon(
    root: Path, env: dict[str, str]
) -> Iterator[subprocess.Popen[bytes]]:
    log = (root / "gnome-keyring.log").open("wb")
    process = subprocess.Popen(
        ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
        stdin=subprocess.PIPE,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        assert process.stdin is not None
        # --unlock reads the login keyring's password until end of input.
        process.stdin.write(PASSWORD)
        process.stdin.close()
        yield process
    finally:
        _stop(process)
        log.close()


def _daemon_environment(home: Path, runtime: Path, address: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "DBUS_"))}
    env.update(
        HOME=str(home),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        DBUS_SESSION_BUS_ADDRESS=address,
    )
    return env


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    saved = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved


def _wait_for_service(
    root: Path, daemon: subprocess.Popen[bytes]
) -> SecretService.Keyring:
    """Poll until the daemon owns the Secret Service name on the bus."""
    backend = SecretService.Keyring()  # type: ignore[no-untyped-call]
    deadline = time.monotonic() + READY_WITHIN
    while not is_secure_backend(backend):
        log = root / "gnome-keyring.log"
        if daemon.poll() is not None:
            raise SecretServiceUnavailable(
                f"gnome-keyring-daemon exited ({daemon.returncode}):"
                f" {log.read_text('utf-8', 'replace')}"
            )
        if time.monotonic() > deadline:
            raise SecretServiceUnavailable(
                f"no Secret Service within {READY_WITHIN:.0f} s:"
                f" {log.read_text('utf-8', 'replace')}"
            )
        time.sleep(0.05)
    return backend


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
