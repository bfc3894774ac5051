"""Run wrk and read its report: requests/s, latency percentiles, errors."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass

_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


@dataclass(frozen=True)
class Result:
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int  # non-2xx/3xx responses plus socket errors


def run(
    url: str, *, connections: int = 64, seconds: int = 10, threads: int = 2
) -> Result:
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency",
         "--timeout", "5s", url],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    return parse(out)


def parse(out: str) -> Result:
    def latency(pct: str) -> float:
        value, unit = re.search(
            rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M
        ).groups()
        return float(value) * _UNITS[unit]

    socket = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return Result(
        rps=float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        p50_ms=latency("50"),
        p99_ms=latency("99"),
        requests=int(re.search(r"(\d+) requests in", out).group(1)),
        errors=(sum(map(int, socket.groups())) if socket else 0)
        + (int(non_2xx.group(1)) if non_2xx else 0),
    )
