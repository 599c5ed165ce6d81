"""Sorting and searching in linear time for the reuse index (numpy).

A comparison sort of ``n`` values costs ``n log n``, and on arrays far
larger than the processor's cache each step of it, and of a binary search,
waits for memory: from 1,000 to 10,000 reports the index's sorts grew 12 to
16 times. numpy's stable ``argsort`` of 8- and 16-bit keys is a radix sort
(linear, reading and writing in a few streams), so:

- :func:`stable_order` is ``np.argsort(keys, kind="stable")`` for
  non-negative integers, a least-significant-digit radix sort of 16 bits a
  pass;
- :func:`find` is ``np.searchsorted`` of many values in a large sorted
  array, the values looked up grouped by their top bits (a radix sort):
  the searches of a group end in one small region of the array, in the
  cache.

Each gives exactly what the numpy function it stands for gives.
"""

from __future__ import annotations

import numpy as np

_DIGIT = 16


def _digit_order(keys: np.ndarray, bits: int) -> np.ndarray:
    """The stable order of ``keys`` (non-negative, below ``2**bits``, ``bits <= 16``): a radix sort."""
    return np.argsort(keys.astype(np.uint8 if bits <= 8 else np.uint16), kind="stable")


def stable_order(keys: np.ndarray, bound: int | None = None) -> np.ndarray:
    """``np.argsort(keys, kind="stable")`` for non-negative integer
    ``keys`` below ``bound`` (default: their maximum plus one), by a radix
    sort of 16 bits a pass from the lowest (linear in the keys)."""
    keys = np.asarray(keys)
    if bound is None:
        bound = int(keys.max()) + 1 if len(keys) else 1
    bits = max(int(bound - 1).bit_length(), 1)
    if len(keys) and int(keys.min()) < 0:
        raise ValueError("stable_order takes non-negative keys")
    if bits <= _DIGIT:
        return _digit_order(keys, bits)
    order = _digit_order(keys & ((1 << _DIGIT) - 1), _DIGIT)
    for shift in range(_DIGIT, bits, _DIGIT):
        digit = (keys[order] >> shift) & ((1 << _DIGIT) - 1)
        order = order[_digit_order(digit, min(_DIGIT, bits - shift))]
    return order


def _top_key(values: np.ndarray, bits: int) -> tuple[np.ndarray, int]:
    """The top ``bits`` bits (at most 16) of non-negative ``values`` (of
    their maximum's width), and that width."""
    width = int(values.max()).bit_length()
    shift = max(width - bits, 0)
    return (values >> shift).astype(np.uint8 if bits <= 8 else np.uint16), width


def find(ordered: np.ndarray, values: np.ndarray) -> np.ndarray:
    """``np.searchsorted(ordered, values)`` (int64), the values looked up
    grouped by their top bits: each group's searches end in the same small
    region of ``ordered``, which stays in the cache (at random, every
    search of a large array waits for memory)."""
    n = len(values)
    if n < 1024 or not len(ordered) or int(values.min()) < 0:
        return np.searchsorted(ordered, values).astype(np.int64, copy=False)
    bits = min(max((n // 64).bit_length(), 1), _DIGIT)
    key, _ = _top_key(values, bits)
    order = _digit_order(key, bits)
    at = np.empty(n, np.int64)
    at[order] = np.searchsorted(ordered, values[order])
    return at
