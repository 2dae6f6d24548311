"""Word files as LibreOffice prints them: many .docx converted to PDF at once, for the tests.

LibreOffice takes a few seconds to start, so every file of a set goes through one
`soffice --headless --convert-to pdf` call. The largest sets (every field at its limit: 3,000
pages of Word in all) take a minute and a half on one core, so they are shared out between a
few such calls running side by side, one per core (two on the test machine). Each call has its
own throwaway user profile: two conversions sharing one profile silently produce nothing
(/work/shared/PITFALLS.md, LibreOffice).

Issue 12, "Visual regression tests": the Word file converted by LibreOffice (Debian's
`libreoffice-writer-nogui`, installed by `make test`).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

INSTALL = "libreoffice-writer-nogui"  # the Debian package (Makefile, TEST_DEBS)
TIMEOUT = 900  # seconds a conversion call may take before it counts as hung


class LibreOfficeMissingError(RuntimeError):
    """soffice is not installed: the Word files cannot be printed to check them."""


def soffice() -> str:
    """The path of soffice, or a clear error saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        raise LibreOfficeMissingError(
            f"soffice not found: the Word documents are checked as LibreOffice prints them. "
            f"Install Debian's {INSTALL} (`make debs-test` does)"
        )
    return found


def batches(sizes: Mapping[str, int], count: int) -> list[list[str]]:
    """Names shared out between `count` calls so that each converts about as many bytes of
    Word: the largest first, each to the call with least so far."""
    shares: list[list[str]] = [[] for _ in range(max(1, count))]
    loads = [0] * len(shares)
    for name in sorted(sizes, key=lambda n: (-sizes[n], n)):
        least = loads.index(min(loads))
        shares[least].append(name)
        loads[least] += sizes[name]
    return [share for share in shares if share]


# soffice's exit status when it aborts (SIGABRT: "Fatal exception: Signal 6"). LibreOffice 7.4
# does so now and then on a loaded machine, on files it converts at the next call: such a call
# is made once more, with a fresh profile, before the test is told (PITFALLS.md, LibreOffice).
CRASHED = 134


def _convert(program: str, files: list[Path], out: Path, profile: Path) -> None:
    def call(profile: Path) -> subprocess.CompletedProcess[str]:
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ]
        return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False)

    done = call(profile)
    if done.returncode == CRASHED:
        done = call(profile.with_name(f"{profile.name}-again"))
    missing = [f.name for f in files if not (out / f"{f.stem}.pdf").exists()]
    if done.returncode or missing:
        raise RuntimeError(
            f"soffice exited {done.returncode}, no PDF of {missing}:\n"
            f"{done.stdout[-2000:]}{done.stderr[-2000:]}"
        )


def to_pdf(documents: Mapping[str, bytes], workers: int | None = None) -> dict[str, bytes]:
    """Each Word document ({name: .docx bytes}; names are plain file stems) as the PDF
    LibreOffice prints of it, converted by at most `workers` soffice calls at once (default:
    one per core, at most two)."""
    program = soffice()
    workers = workers or min(2, os.cpu_count() or 1)
    with tempfile.TemporaryDirectory(prefix="libreoffice-") as temporary:
        root = Path(temporary)
        out = root / "out"
        for name, blob in documents.items():
            (root / f"{name}.docx").write_bytes(blob)
        shares = batches({name: len(blob) for name, blob in documents.items()}, workers)
        with ThreadPoolExecutor(len(shares)) as pool:
            calls = [
                pool.submit(
                    _convert,
                    program,
                    [root / f"{name}.docx" for name in share],
                    out,
                    root / f"profile-{index}",
                )
                for index, share in enumerate(shares)
            ]
            for call in calls:
                call.result()
        return {name: (out / f"{name}.pdf").read_bytes() for name in documents}
