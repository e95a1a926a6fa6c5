"""The build spec, the build script and the icons agree with the project.

Fast checks that need neither PyInstaller nor a build: the spec is run with
stand-ins for PyInstaller's classes, which record what it asked for. The
real build runs in `.ci/run`'s smoke build step.
"""

import importlib.util
import runpy
import struct
import sys
import tomllib
import types
from glob import glob
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
ICONS = ROOT / "src" / "orderdesk" / "resources" / "icons"
FORBIDDEN = ("django", "rest_framework", "orderdesk_sandbox", "PIL")


def load(name: str) -> types.ModuleType:
    """A script of packaging/ as a module (the folder is not a package)."""
    spec = importlib.util.spec_from_file_location(
        f"orderdesk_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Recorder:
    """Stands in for one of PyInstaller's build classes."""

    def __init__(self, kind: str, calls: dict[str, dict[str, Any]]) -> None:
        self._kind = kind
        self._calls = calls

    def __call__(self, *args: Any, **kwargs: Any) -> types.SimpleNamespace:
        self._calls[self._kind] = {"args": args, **kwargs}
        # What later steps read from an Analysis; the spec passes them on.
        return types.SimpleNamespace(pure=[], scripts=[], binaries=[], datas=[])


def run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the spec as PyInstaller would on `platform`; returns its calls."""
    hooks = types.ModuleType("PyInstaller.utils.hooks")

    def copy_metadata(name: str, recursive: bool = False) -> list[tuple[str, str]]:
        return [("meta", name)]

    hooks.copy_metadata = copy_metadata  # type: ignore[attr-defined]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)

    calls: dict[str, Any] = {}
    names = ("Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE")
    build_globals: dict[str, Any] = {n: Recorder(n, calls) for n in names}
    build_globals["SPECPATH"] = str(PACKAGING)
    namespace = runpy.run_path(str(PACKAGING / "orderdesk.spec"), build_globals)
    calls["namespace"] = namespace
    return calls


@pytest.fixture(params=["linux", "win32", "darwin"])
def spec(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """What the spec asks of PyInstaller on each platform."""
    calls = run_spec(request.param, monkeypatch)
    calls["platform"] = request.param
    return calls


@pytest.fixture(scope="module")
def build() -> types.ModuleType:
    """packaging/build.py as a module."""
    return load("build")


def project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def test_the_entry_point_exists(spec: Any) -> None:
    scripts = spec["Analysis"]["args"][0]

    assert [Path(s) for s in scripts] == [PACKAGING / "orderdesk_main.py"]
    assert "from orderdesk.__main__ import main" in Path(scripts[0]).read_text()


def test_every_data_file_exists(spec: Any) -> None:
    datas = [d for d in spec["Analysis"]["datas"] if d[0] != "meta"]

    for source, target in datas:
        assert glob(source), f"{source} matches nothing"
        assert target.startswith("orderdesk/resources/")
    shipped = {Path(p).name for source, _ in datas for p in glob(source)}
    assert {"Vazirmatn-Regular.ttf", "OFL.txt", "orderdesk_fa.qm"} <= shipped
    assert "orderdesk-256.png" in shipped
    # The editable catalogue stays home; the compiled one ships.
    assert "orderdesk_fa.ts" not in shipped


def test_the_metadata_of_what_ships_is_copied(spec: Any) -> None:
    assert ("meta", "orderdesk") in spec["Analysis"]["datas"]


def test_development_packages_are_excluded(spec: Any) -> None:
    excludes = set(spec["Analysis"]["excludes"])

    assert set(FORBIDDEN) <= excludes
    assert "tkinter" in excludes
    assert "PySide6.QtQml" in excludes


def test_the_program_is_windowed_and_unstripped(spec: Any) -> None:
    exe = spec["EXE"]

    assert exe["name"] == "OrderDesk"
    assert exe["console"] is False
    assert exe["exclude_binaries"] is True
    assert spec["COLLECT"]["name"] == "OrderDesk"


def test_each_platform_gets_its_icon_and_metadata(spec: Any) -> None:
    exe = spec["EXE"]
    platform = spec["platform"]

    if platform == "win32":
        assert exe["icon"].endswith("orderdesk.ico")
        assert Path(exe["version"]) == PACKAGING / "version_info.txt"
    elif platform == "darwin":
        assert exe["icon"].endswith("orderdesk.icns")
        bundle = spec["BUNDLE"]
        assert bundle["name"] == "OrderDesk.app"
        assert bundle["bundle_identifier"] == "org.orderdesk.OrderDesk"
        plist = bundle["info_plist"]
        assert plist["CFBundleShortVersionString"] == project_version()
        assert plist["NSHighResolutionCapable"] is True
        assert plist["LSMinimumSystemVersion"]
    else:
        assert exe["icon"] is None
        assert "BUNDLE" not in spec
    if exe["icon"] is not None:
        assert Path(exe["icon"]).is_file()


def test_the_version_resource_matches_the_project(build: types.ModuleType) -> None:
    committed = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")

    assert committed == build.version_info_text(project_version()), (
        "run `uv run --group packaging python packaging/build.py` and commit "
        "packaging/version_info.txt"
    )


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("3.4.5+local.7", (3, 4, 5, 0)),
    ],
)
def test_windows_version_numbers(
    build: types.ModuleType, version: str, numbers: tuple[int, ...]
) -> None:
    assert build.version_numbers(version) == numbers


def fake_build(dist: Path, *, extra: str | None = None) -> None:
    """A one-folder output as PyInstaller lays it out on Linux."""
    folder = dist / "OrderDesk"
    resources = folder / "_internal" / "orderdesk" / "resources"
    for name in (
        "fonts/Vazirmatn-Regular.ttf",
        "fonts/Vazirmatn-Bold.ttf",
        "fonts/OFL.txt",
        "translations/orderdesk_fa.qm",
        "icons/orderdesk-256.png",
    ):
        (resources / name).parent.mkdir(parents=True, exist_ok=True)
        (resources / name).write_bytes(b"x")
    (folder / "OrderDesk").write_bytes(b"x")
    if extra is not None:
        (folder / "_internal" / extra).mkdir(parents=True)


@pytest.mark.skipif(sys.platform != "linux", reason="lays out a Linux build")
def test_a_clean_build_passes_the_check(
    build: types.ModuleType, tmp_path: Path
) -> None:
    fake_build(tmp_path)

    assert build.check_output(tmp_path) == []


@pytest.mark.skipif(sys.platform != "linux", reason="lays out a Linux build")
@pytest.mark.parametrize("package", FORBIDDEN)
def test_a_development_package_fails_the_check(
    build: types.ModuleType, tmp_path: Path, package: str
) -> None:
    fake_build(tmp_path, extra=package)

    problems = build.check_output(tmp_path)

    assert any("development package" in p for p in problems), problems


def test_a_missing_resource_fails_the_check(
    build: types.ModuleType, tmp_path: Path
) -> None:
    fake_build(tmp_path)
    qm = "_internal/orderdesk/resources/translations/orderdesk_fa.qm"
    (tmp_path / "OrderDesk" / qm).unlink()

    problems = build.check_output(tmp_path)

    assert "missing resource translations/orderdesk_fa.qm" in problems


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """The (edge, image) entries of an ICO file."""
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        edge, _h, _c, _r, _p, _bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index
        )
        entries.append((edge or 256, data[offset : offset + size]))
    return entries


def read_icns(data: bytes) -> dict[bytes, bytes]:
    """The elements of an ICNS file by type."""
    assert data[:4] == b"icns"
    assert struct.unpack_from(">I", data, 4)[0] == len(data)
    elements, offset = {}, 8
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4],
            struct.unpack_from(">I", data, offset + 4)[0],
        )
        elements[kind] = data[offset + 8 : offset + length]
        offset += length
    return elements


PNG = b"\x89PNG\r\n\x1a\n"


def test_the_committed_ico_holds_every_windows_size() -> None:
    entries = read_ico((ICONS / "orderdesk.ico").read_bytes())

    assert {edge for edge, _ in entries} >= {16, 24, 32, 48, 256}
    assert all(image.startswith(PNG) for _, image in entries)


def test_the_committed_icns_holds_every_macos_size() -> None:
    elements = read_icns((ICONS / "orderdesk.icns").read_bytes())

    assert {b"icp4", b"icp5", b"ic07", b"ic08", b"ic09", b"ic10"} <= set(elements)
    assert all(image.startswith(PNG) for image in elements.values())


def difference(first: QImage, second: QImage) -> float:
    """The mean difference of two images' channels, 0 to 255."""
    assert first.size() == second.size()
    total = 0
    for y in range(first.height()):
        for x in range(first.width()):
            a, b = first.pixel(x, y), second.pixel(x, y)
            total += sum(abs((a >> s & 0xFF) - (b >> s & 0xFF)) for s in (0, 8, 16, 24))
    return total / (4 * first.width() * first.height())


def test_the_icons_are_rendered_from_the_svg(qapp: Any, tmp_path: Path) -> None:
    make_icons = load("make_icons")

    make_icons.make_icons(ICONS / "orderdesk.svg", tmp_path)

    # The committed PNGs are what the script makes from the committed SVG,
    # give or take the anti-aliasing of another Qt version.
    for size in (16, 32, 128):
        name = f"orderdesk-{size}.png"
        fresh, committed = QImage(str(tmp_path / name)), QImage(str(ICONS / name))
        assert difference(fresh, committed) < 2, (
            f"{name} is stale: run `uv run python packaging/make_icons.py`"
        )


def test_the_workflow_runs_the_smoke_build_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    workflow = (ROOT / ".github" / "workflows" / "build.yml").read_text("utf-8")
    commands = [
        line.strip()
        for line in ci.splitlines()
        if line.strip().startswith("uv run") and "packaging/" in line
    ]

    assert len(commands) == 2
    for command in commands:
        assert f"run: {command}" in workflow
    assert "windows-latest" in workflow
    assert "macos-latest" in workflow
