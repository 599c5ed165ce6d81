"""Process-wide settings a run changes for a while, and puts back."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """CPython's cyclic collector off for the block, as it was afterwards.

    Diffs, fingerprints and start-up allocate millions of small acyclic
    objects (n-grams, ops, dataclasses); the collector would rescan them again
    and again, a cost that grows faster than the input. Nothing they make is
    cyclic, so there is nothing for it to find."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
