"""cProfile of a render that misses its target: where its time goes."""

from __future__ import annotations

import cProfile
import io
import pstats
import sysconfig
from collections.abc import Mapping
from typing import Any

from bench.formats import FORMATS
from forms.model import Artefact

_SITE = sysconfig.get_paths()["purelib"] + "/"


def top(artefact: Artefact, data: Mapping[str, Any], fmt: str, renders: int = 20) -> str:
    """The 15 functions with the most own time over `renders` renders (after one warm-up)."""
    render = FORMATS[fmt]
    render(artefact, data)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(renders):
        render(artefact, data)
    profile.disable()
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.sort_stats("tottime").print_stats(15)
    lines = [line for line in out.getvalue().splitlines() if line.strip()]
    return "\n".join(line.replace(_SITE, "") for line in lines)
