"""What the package declares and ships: its dependencies, and an sdist the tests run from."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from importlib.metadata import requires
from pathlib import Path

import pytest
from conftest import REPO


def test_the_html_cleaner_is_a_direct_dependency() -> None:
    # justext asks for it through lxml's html_clean extra, which pip 23.2 (Python 3.11's) ignores.
    names = {re.split(r"[\s<>=!~;\[]", line)[0] for line in requires("timeline-cli") or []}
    assert "lxml_html_clean" in names


def tracked_files() -> list[str]:
    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout (an unpacked sdist, say): nothing to compare with")
    listed = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True)
    return [name for name in listed.stdout.splitlines() if name != ".gitignore"]


def build(kind: str, files: list[str], tmp_path: Path) -> Path:
    """An sdist or a wheel built from a copy of the files, so that the build writes nothing
    into the checkout."""
    source = tmp_path / "source"
    for name in files:
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, source / name)
    script = f"from setuptools import build_meta; print(build_meta.build_{kind}('../dist'))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=source, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return tmp_path / "dist" / done.stdout.splitlines()[-1]


def test_the_sdist_carries_every_tracked_file(tmp_path: Path) -> None:
    """Tests, their fixtures, the seeds, examples and .ci: the tests pass from an unpacked sdist."""
    files = tracked_files()
    archive = build("sdist", files, tmp_path)
    with tarfile.open(archive) as sdist:
        shipped = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    assert sorted(set(files) - shipped) == []
    assert {"LICENSE", "PKG-INFO"} <= shipped


def test_the_wheel_carries_every_data_file(tmp_path: Path) -> None:
    """The lexicon and the word lists (temporal/data/*.toml) are read at import, the HTML
    page's template at render: an installed package without one of them cannot run."""
    files = tracked_files()
    with zipfile.ZipFile(build("wheel", files, tmp_path)) as wheel:
        shipped = set(wheel.namelist())
    data = [
        name
        for name in files
        if name.startswith("timeline_cli/") and ("/data/" in name or "/templates/" in name)
    ]
    assert {name.split("/")[1] for name in data} == {"ingest", "temporal", "events", "output"}
    assert sorted(set(data) - shipped) == []
