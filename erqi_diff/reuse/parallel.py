"""Work split over forked processes, the state handed over explicitly.

:func:`fork_map` gives each worker ``(func, state)`` as the arguments of
its pool's initializer: a forked worker inherits them with the parent's
memory (nothing is pickled, however large the state), and no module global
of the parent carries them. Only the tasks and the results cross the pipes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

S = TypeVar("S")
T = TypeVar("T")
R = TypeVar("R")

# Set in a worker process only, by its pool's initializer: (func, state).
_bound: tuple[Callable[[Any, Any], Any], Any] | None = None


def fork_map(func: Callable[[S, T], R], state: S, tasks: Sequence[T], workers: int) -> list[R]:
    """``[func(state, task) for task in tasks]``, in ``workers`` forked
    processes when more than one is asked and there is more than one task
    (never from inside a pool worker, which may not start processes); the
    results in the order of ``tasks``."""
    import multiprocessing

    if workers <= 1 or len(tasks) <= 1 or multiprocessing.current_process().daemon:
        return [func(state, task) for task in tasks]
    with multiprocessing.get_context("fork").Pool(workers, initializer=_bind, initargs=(func, state)) as pool:
        return list(pool.imap(_call, tasks))


def _bind(func: Callable[[Any, Any], Any], state: Any) -> None:
    global _bound
    _bound = (func, state)


def _call(task: Any) -> Any:
    if _bound is None:
        raise RuntimeError("fork_map: a task reached a worker before its initializer ran")
    func, state = _bound
    return func(state, task)
