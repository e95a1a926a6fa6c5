"""The demo's sandbox process never outlives the application."""

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = [
    pytest.mark.integration,
    pytest.mark.skipif(sys.platform != "linux", reason="reads /proc"),
]

STOP_WITHIN_S = 20.0


def test_the_sandbox_stops_when_its_parent_is_killed(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import time
        from pathlib import Path
        from orderdesk.demo import SandboxServer
        server = SandboxServer(Path({str(tmp_path / "shop.sqlite3")!r}))
        server.start()
        print(server._process.pid, flush=True)
        time.sleep(120)
        """
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    )
    assert parent.stdout is not None
    sandbox = int(parent.stdout.readline())
    assert _alive(sandbox)

    # SIGKILL: no handler, no atexit, nothing of the parent runs.
    parent.kill()
    parent.wait()
    parent.stdout.close()

    deadline = time.monotonic() + STOP_WITHIN_S
    while _alive(sandbox) and time.monotonic() < deadline:
        # Another process's end cannot be waited on; poll it gently.
        time.sleep(0.1)
    assert not _alive(sandbox)


def _alive(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    try:
        state = stat.read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    # A zombie has ended; it only waits for a parent to collect it.
    return state != "Z"
