"""The same input gives the same figures in every process, whatever the hash seed."""

from __future__ import annotations

import os
import subprocess
import sys

_TEXT = ("This is ridiculous, useless, pathetic service. Third time! Don't tell me to calm "
         "down, you idiots lost my parcel again and nobody cares, I am sick of waiting and "
         "being ignored by your terrible rude staff")
_SCRIPT = f"""
from kettle.analysis import track
from kettle.analysis.forecast_hostility import hostility
turns = [{{"role": "customer", "text": {_TEXT!r}}}, {{"role": "agent", "text": "Calm down."}},
         {{"role": "customer", "text": {_TEXT!r}}}]
print(repr(hostility({_TEXT!r})), repr(track(turns).risk))
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", _SCRIPT], capture_output=True, text=True,
                          env=env, check=True)
    return done.stdout


def test_hostility_and_risk_do_not_depend_on_the_hash_seed() -> None:
    """The hostility head summed its word weights in a set's order, so the hostility and
    the boil-over risk differed in their last bits from one process to the next."""
    outputs = {_run(seed) for seed in ("0", "1", "2", "3", "4", "5")}
    assert len(outputs) == 1, outputs
