"""Build OrderDesk as a one-folder application for the platform it runs on.

The one build command, on Windows, macOS and Linux alike::

    uv run --group packaging python packaging/build.py

It writes `packaging/version_info.txt` from the project version (Windows
reads it into the .exe), runs PyInstaller with `packaging/orderdesk.spec`,
then checks what came out: the application and its resources are there, and
nothing of the sandbox, Django or Pillow is. The result is `dist/OrderDesk/`
(`OrderDesk.exe` inside on Windows) and, on macOS, `dist/OrderDesk.app`.
"""

import argparse
import logging
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

logger = logging.getLogger("orderdesk.packaging.build")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "orderdesk.spec"
VERSION_INFO = HERE / "version_info.txt"
NAME = "OrderDesk"

# Path parts that must never appear in a build: development-only packages.
FORBIDDEN = ("django", "rest_framework", "orderdesk_sandbox", "PIL")
# Files the application needs at run time, relative to its resources folder.
REQUIRED_RESOURCES = (
    "fonts/Vazirmatn-Regular.ttf",
    "fonts/Vazirmatn-Bold.ttf",
    "fonts/OFL.txt",
    "translations/orderdesk_fa.qm",
    "icons/orderdesk-256.png",
)

VERSION_INFO_TEMPLATE = """\
# Windows version resource of OrderDesk.exe, written by packaging/build.py
# from the version in pyproject.toml. Do not edit: run the build instead.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
        StringStruct('CompanyName', 'OrderDesk'),
        StringStruct('FileDescription', 'OrderDesk'),
        StringStruct('FileVersion', '{version}'),
        StringStruct('InternalName', 'OrderDesk'),
        StringStruct('LegalCopyright', 'MIT License'),
        StringStruct('OriginalFilename', 'OrderDesk.exe'),
        StringStruct('ProductName', 'OrderDesk'),
        StringStruct('ProductVersion', '{version}'),
      ]),
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""


class BuildError(RuntimeError):
    """The build failed or produced something it must not ship."""


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The version in pyproject.toml, such as "0.1.0"."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows from a version: "1.2.3rc1" gives (1, 2, 3, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_info_text(version: str) -> str:
    """The Windows version resource, in PyInstaller's format."""
    return VERSION_INFO_TEMPLATE.format(
        numbers=version_numbers(version), version=version
    )


def write_version_info(version: str, path: Path = VERSION_INFO) -> bool:
    """Write the version resource; returns whether the file changed."""
    text = version_info_text(version)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def run_pyinstaller(dist: Path, work: Path) -> None:
    """Run PyInstaller on the spec, from this interpreter's environment."""
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
        str(SPEC),
    ]
    logger.info("Running %s", " ".join(command))
    result = subprocess.run(command, cwd=ROOT, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {result.returncode}")


def executable(dist: Path) -> Path:
    """The built program in the one-folder output."""
    suffix = ".exe" if sys.platform == "win32" else ""
    return dist / NAME / f"{NAME}{suffix}"


def check_output(dist: Path) -> list[str]:
    """What is wrong with a build; an empty list when nothing is."""
    folder = dist / NAME
    problems = []
    if not executable(dist).is_file():
        problems.append(f"no program at {executable(dist)}")
    resources = [p for p in folder.rglob("resources") if p.parent.name == "orderdesk"]
    for name in REQUIRED_RESOURCES:
        if not any((base / name).is_file() for base in resources):
            problems.append(f"missing resource {name}")
    for path in folder.rglob("*"):
        parts = path.relative_to(folder).parts
        forbidden = [part for part in parts if part.split(".")[0] in FORBIDDEN]
        if forbidden:
            problems.append(f"development package in the build: {path}")
            break
    if sys.platform == "darwin" and not (dist / f"{NAME}.app").is_dir():
        problems.append(f"no {NAME}.app bundle")
    return problems


def folder_size(folder: Path) -> int:
    """The bytes of all files under a folder, each link counted once."""
    return sum(
        p.stat().st_size
        for p in folder.rglob("*")
        if p.is_file() and not p.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    """Build and check; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, default=ROOT / "dist", help="where the app goes"
    )
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build", help="PyInstaller's work folder"
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="build: %(message)s")

    version = project_version()
    if write_version_info(version):
        logger.info("Wrote %s for version %s", VERSION_INFO.name, version)
    started = time.monotonic()
    try:
        run_pyinstaller(args.dist.resolve(), args.work.resolve())
    except BuildError as error:
        logger.error("%s", error)
        return 1

    problems = check_output(args.dist)
    for problem in problems:
        logger.error("%s", problem)
    if problems:
        return 1
    size = folder_size(args.dist / NAME) / 2**20
    logger.info(
        "Built OrderDesk %s in %.0f s: %s (%.0f MiB)",
        version,
        time.monotonic() - started,
        executable(args.dist),
        size,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
