"""The fingerprints of :mod:`erqi_diff.reuse.fingerprint` at array speed (numpy).

The same k-gram hashes (the polynomial rolling hash modulo 2**61 - 1 with
:data:`~erqi_diff.reuse.fingerprint.BASE`) and the same robust winnowing,
value for value and position for position: :func:`kgram_hash_array` equals
:func:`~erqi_diff.reuse.fingerprint.kgram_hashes` and :func:`winnow_array`
equals :func:`~erqi_diff.reuse.fingerprint.winnow` (the pure-Python
functions stay as the reference; tests/test_fingerprint.py compares them).
``HASH_VERSION`` is unchanged.

Exact arithmetic in unsigned 64-bit integers: a product ``h * BASE`` (61 by
30 bits) does not fit, so ``h`` is split into its high and low 31 bits and
the high product is folded with ``2**61 = 1 (mod 2**61 - 1)``; values stay
below ``2**63`` between steps and are reduced once at the end.

Winnowing takes the minimum of every window of ``w`` hashes by a sparse
table (``log2(w)`` passes), keeping both the rightmost and the leftmost
position of the minimum: where they differ (a hash repeated inside a
window, e.g. a run of dashes) the tie rule of robust winnowing (keep the
previous choice while it is in the window) is applied in order, in Python,
on those windows only.

numpy is imported by this module: import it only where fingerprints are
made (the reuse and corpus commands), never on the diff view's path.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from erqi_diff.reuse.fingerprint import BASE, MOD, Prepared, dropped

_U = np.uint64
_M = _U(MOD)
_B = _U(BASE)
_LOW31 = _U((1 << 31) - 1)
_LOW30 = _U((1 << 30) - 1)
_S3, _S30, _S31, _S61 = _U(3), _U(30), _U(31), _U(61)
_CHUNK = 1 << 15  # elements per pass: the working arrays stay in the cache
BATCH_CHARS = 1 << 21  # characters of text hashed in one go by fingerprint_table


def code_points(text: str) -> np.ndarray:
    """The code points of ``text`` as uint32."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _hash_chunk(codes: np.ndarray, k: int, out: np.ndarray) -> None:
    n = len(out)
    h = codes[:n].astype(_U)
    x = np.empty(n, _U)
    y = np.empty(n, _U)
    for j in range(1, k):
        # h * BASE + c, with h = hi * 2**31 + lo: lo * BASE + c, plus hi * BASE
        # (x < 2**62) times 2**31 folded as (x >> 30) + (x mod 2**30) << 31
        np.right_shift(h, _S31, out=x)
        x *= _B
        np.bitwise_and(h, _LOW31, out=y)
        y *= _B
        y += codes[j:j + n]
        np.right_shift(x, _S30, out=h)
        y += h
        np.bitwise_and(x, _LOW30, out=x)
        np.left_shift(x, _S31, out=x)
        np.add(x, y, out=h)
    # h < 2**63: fold twice, then one subtraction
    np.bitwise_and(h, _M, out=x)
    np.right_shift(h, _S61, out=h)
    h += x
    h[h >= _M] -= _M
    out[:] = h


def fold_array(codes: np.ndarray) -> np.ndarray:
    """The folding of :func:`erqi_diff.reuse.fingerprint.prepare` on code
    points: full-width ASCII to half-width, then A-Z to lower case."""
    out = codes.copy()
    wide = (out >= 0xFF01) & (out <= 0xFF5E)
    out[wide] -= 0xFEE0
    upper = (out >= 0x41) & (out <= 0x5A)
    out[upper] += 32
    return out


@lru_cache(maxsize=1)
def _dropped_table() -> np.ndarray:
    """Code point -> dropped by :func:`erqi_diff.reuse.fingerprint.prepare`
    in a text without "#": whitespace (Python's ``\\s``: ``str.isspace``,
    nothing above U+3000) and the zero-width characters."""
    table = np.array([chr(c).isspace() for c in range(0xFF00)], dtype=bool)
    table[[0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]] = True
    return table


def prepare_many(texts: Sequence[str]) -> list[Prepared]:
    """:func:`erqi_diff.reuse.fingerprint.prepare` of each of ``texts``
    (the same :class:`Prepared`), many at once: a text with no "#" (no
    heading marker to drop) has its whitespace found by a table of code
    points, the others by prepare's own pattern."""
    out: list[Prepared] = []
    i = 0
    while i < len(texts):  # in batches of BATCH_CHARS: the code points take four bytes a character
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= BATCH_CHARS):
            size += len(texts[j])
            j += 1
        out.extend(_prepare_batch(texts[i:j]))
        i = j
    return out


def _prepare_batch(texts: Sequence[str]) -> list[Prepared]:
    table = _dropped_table()
    codes = code_points("".join(texts))
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    keep = (codes >= len(table)) | ~table[np.minimum(codes, len(table) - 1)]
    for n, text in enumerate(texts):
        if "#" in text:  # headings: prepare's own pattern says what goes
            kept_text, runs = dropped(text)
            mask = np.zeros(len(text), bool)
            bounds = [p for p, _ in runs[1:]] + [len(kept_text)]
            for (p0, o0), p1 in zip(runs, bounds):
                mask[o0:o0 + p1 - p0] = True
            keep[starts[n]:starts[n] + len(text)] = mask
    # a run starts at a kept character that opens its text or follows a dropped one
    opens = keep.copy()
    opens[1:] &= ~keep[:-1]
    nonempty = starts[lengths > 0]
    opens[nonempty] = keep[nonempty]
    run_at = np.flatnonzero(opens)
    gone = np.flatnonzero(~keep)  # few: kept characters before a position are the position less those before it

    def kept_before(at: np.ndarray) -> np.ndarray:
        return at - np.searchsorted(gone, at)

    doc_of = np.searchsorted(starts, run_at, side="right") - 1
    kept_from, kept_to = kept_before(starts), kept_before(starts + lengths)
    run_prepared = (kept_before(run_at) - kept_from[doc_of]).tolist()
    run_original = (run_at - starts[doc_of]).tolist()
    run_bounds = np.searchsorted(doc_of, np.arange(len(texts) + 1)).tolist()
    folded = fold_array(codes[keep]).tobytes().decode("utf-32-le", "surrogatepass")
    out = []
    for n, text in enumerate(texts):
        lo, hi = run_bounds[n], run_bounds[n + 1]
        out.append(Prepared(text, folded[int(kept_from[n]):int(kept_to[n])],
                            tuple(zip(run_prepared[lo:hi], run_original[lo:hi]))))
    return out


def kgram_hash_array(codes: np.ndarray, k: int) -> np.ndarray:
    """:func:`erqi_diff.reuse.fingerprint.kgram_hashes` of the code points
    ``codes`` (:func:`code_points`): ``len(codes) - k + 1`` hashes as uint64."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    n = len(codes) - k + 1
    out = np.empty(max(n, 0), _U)
    for lo in range(0, max(n, 0), _CHUNK):
        hi = min(n, lo + _CHUNK)
        _hash_chunk(codes[lo:hi + k - 1], k, out[lo:hi])
    return out


def _window_minima(h: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For every window of ``w`` consecutive hashes (``len(h) - w + 1``,
    ``len(h) >= w``): its minimum, and the rightmost and leftmost positions
    holding it."""
    n = len(h)
    idx_r = np.arange(n, dtype=np.int64)
    idx_l = idx_r
    val = h
    span = 1
    while 2 * span <= w:
        a, b = val[:-span], val[span:]
        idx_r = np.where(b <= a, idx_r[span:], idx_r[:-span])
        idx_l = np.where(b < a, idx_l[span:], idx_l[:-span])
        val = np.minimum(a, b)
        span *= 2
    nw = n - w + 1
    off = w - span
    a, b = val[:nw], val[off:off + nw]
    right = np.where(b <= a, idx_r[off:off + nw], idx_r[:nw])
    left = np.where(b < a, idx_l[off:off + nw], idx_l[:nw])
    return np.minimum(a, b), right, left


def _window_minima_packed(h: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_window_minima` for ``w <= 8`` and hashes below 2**61, when no
    hash repeats inside a window (its minimum is in one place): each hash
    carries its position modulo 8 in three low bits, so the minima are
    taken by ``np.minimum`` alone and the position read back from them."""
    n = len(h)
    key = np.left_shift(h, _S3)
    key |= np.arange(n, dtype=_U) & _U(7)
    span = 1
    while 2 * span <= w:
        key = np.minimum(key[:-span], key[span:])
        span *= 2
    nw = n - w + 1
    key = np.minimum(key[:nw], key[w - span:w - span + nw])
    start = np.arange(nw, dtype=np.int64)
    return key >> _S3, start + (((key & _U(7)).astype(np.int64) - start) & 7)


def _repeats(h: np.ndarray, w: int) -> bool:
    """Whether a hash of ``h`` stands twice inside a window of ``w``."""
    return any(bool((h[d:] == h[:-d]).any()) for d in range(1, min(w, len(h))))


def _window_minima_chunked(h: np.ndarray, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_window_minima` a chunk at a time; ``left`` is ``right`` (the
    same array) while no hash repeats inside a window."""
    nw = len(h) - w + 1
    low, right = np.empty(nw, _U), np.empty(nw, np.int64)
    left = right
    packed = w <= 8 and h.dtype == _U and bool(h.max() < _M)
    for lo in range(0, nw, _CHUNK):
        hi = min(nw, lo + _CHUNK)
        part = h[lo:hi + w - 1]
        if packed and not _repeats(part, w):
            low[lo:hi], right[lo:hi] = _window_minima_packed(part, w)
            right[lo:hi] += lo
            if left is not right:
                left[lo:hi] = right[lo:hi]
            continue
        if left is right:
            left = right.copy()
        m, r, le = _window_minima(part, w)
        low[lo:hi], right[lo:hi], left[lo:hi] = m, r + lo, le + lo
    return low, right, left


def _select(h: np.ndarray, w: int, starts: np.ndarray) -> np.ndarray:
    """The position robust winnowing selects for each window start of
    ``starts`` (positions in order, or a mask of them; a start that does
    not follow the one before it by one opens a new text: no previous choice)."""
    low, right, left = _window_minima_chunked(h, w)
    if starts.dtype == bool:  # a mask of the window starts: compressed, not gathered
        chosen = right[starts]
        if left is right:
            return chosen  # no ties
        starts = np.flatnonzero(starts)
    else:
        chosen = right[starts]
        if left is right:
            return chosen
    ties = np.flatnonzero(left[starts] != chosen)
    if len(ties):
        chosen_list = chosen  # fixed in place, in order: a fix may feed the next window's
        for i in ties.tolist():
            s = int(starts[i])
            if i == 0 or int(starts[i - 1]) != s - 1:
                continue  # the first window of a text: its rightmost minimum
            prev = int(chosen_list[i - 1])
            if prev >= s and h[prev] == low[s]:
                chosen_list[i] = prev
    return chosen


def winnow_array(hashes: np.ndarray, w: int) -> np.ndarray:
    """The positions :func:`erqi_diff.reuse.fingerprint.winnow` selects
    from ``hashes`` (int64, in order)."""
    if w < 1:
        raise ValueError(f"w must be at least 1, got {w}")
    n = len(hashes)
    if n == 0:
        return np.empty(0, np.int64)
    if w == 1:
        return np.arange(n, dtype=np.int64)
    if n < w:
        return np.array([n - 1 - int(np.argmin(hashes[::-1]))], dtype=np.int64)
    chosen = _select(hashes, w, np.arange(n - w + 1, dtype=np.int64))
    return _distinct(chosen)


def _distinct(chosen: np.ndarray) -> np.ndarray:
    """Each position once (a selection never goes back, so runs are adjacent)."""
    if len(chosen) == 0:
        return chosen
    keep = np.empty(len(chosen), dtype=bool)
    keep[0] = True
    np.not_equal(chosen[1:], chosen[:-1], out=keep[1:])
    return chosen[keep]


@dataclass(frozen=True)
class FingerprintTable:
    """Winnowed fingerprints of many texts, one row per fingerprint, in
    order of text then position: ``doc`` (int32, the text's number),
    ``pos`` (int32, position in the text as given: a prepared text) and
    ``hash`` (int64, below 2**61)."""

    doc: np.ndarray
    pos: np.ndarray
    hash: np.ndarray

    def __len__(self) -> int:
        return len(self.doc)

    def of(self, doc: int) -> tuple[np.ndarray, np.ndarray]:
        """``(positions, hashes)`` of one text (rows are in doc order)."""
        lo, hi = np.searchsorted(self.doc, [doc, doc + 1])
        return self.pos[lo:hi], self.hash[lo:hi]


def fingerprint_table(texts: Sequence[str], k: int, w: int, first_doc: int = 0) -> FingerprintTable:
    """The fingerprints :func:`erqi_diff.reuse.fingerprint.fingerprints_prepared`
    gives for each of ``texts`` (already prepared), numbered from
    ``first_doc``: texts are hashed and winnowed many at once."""
    if k < 1:
        raise ValueError(f"k must be at least 1, got {k}")
    if w < 1:
        raise ValueError(f"w must be at least 1, got {w}")
    # the columns are written in place, batch after batch, into arrays of room for every k-gram (memory is only
    # taken where written), then cut to the fingerprints: the batches and the table are not held twice, and no
    # copy of the whole table is made (on 10,000 reports, 480 MB of memory the process would touch afresh)
    room = sum(max(len(t) - k + 1, 0) for t in texts)
    doc, pos, hash_ = np.empty(room, np.int32), np.empty(room, np.int32), np.empty(room, np.int64)
    written = 0
    i = 0
    while i < len(texts):
        j, size = i, 0
        while j < len(texts) and (j == i or size + len(texts[j]) <= BATCH_CHARS):
            size += len(texts[j])
            j += 1
        d, p, h = _fingerprint_batch(texts[i:j], k, w)
        end = written + len(h)
        np.add(d, first_doc + i, out=doc[written:end], casting="unsafe")
        pos[written:end] = p
        hash_[written:end] = h
        written = end
        i = j
    for column in (doc, pos, hash_):
        column.resize((written,), refcheck=False)  # no view of them was kept: the rest is given back
    return FingerprintTable(doc, pos, hash_)


def ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``concatenate([arange(s, s + c) for s, c in zip(starts, counts)])``."""
    counts = counts.astype(np.int64)
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, np.int64)
    ends = np.cumsum(counts)
    out = np.ones(total, np.int64)
    nonzero = counts > 0
    firsts = (ends - counts)[nonzero]
    begin = starts.astype(np.int64)[nonzero]
    out[firsts[0]] = begin[0]
    # each run starts at its own start: the step from the previous run's last value
    prev_last = begin[:-1] + counts[nonzero][:-1] - 1
    out[firsts[1:]] = begin[1:] - prev_last
    return np.cumsum(out)


def _all_but_last(ends: np.ndarray, tails: np.ndarray, n: int) -> np.ndarray:
    """A mask of ``n`` positions, False on the ``tails[i]`` positions from
    ``ends[i]`` on (those at ``n`` or past left out)."""
    keep = np.ones(n, bool)
    gone = ranges(ends, tails)
    keep[gone[gone < n]] = False
    return keep


def _fingerprint_batch(texts: Sequence[str], k: int, w: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    char_starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
    codes = code_points("".join(texts))
    counts = np.maximum(lengths - k + 1, 0)  # hashes per text
    hashes = kgram_hash_array(codes, k)
    hashes = hashes[_all_but_last(char_starts + counts, lengths - counts, len(hashes))]  # none across two texts
    hash_starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    if w == 1:
        chosen = np.arange(len(hashes), dtype=np.int64)
    else:
        tails = np.minimum(counts, w - 1)  # a window starts anywhere but at the last w - 1 hashes of a text
        windows = _all_but_last(hash_starts + counts - tails, tails, max(len(hashes) - w + 1, 0))
        chosen = _select(hashes, w, windows) if windows.any() else np.empty(0, np.int64)
        short = np.flatnonzero((counts > 0) & (counts < w))
        if len(short):  # a text with fewer than w hashes is one window
            extra = [int(hash_starts[t] + counts[t] - 1 - np.argmin(hashes[hash_starts[t]:hash_starts[t] + counts[t]][::-1]))
                     for t in short.tolist()]
            chosen = np.sort(np.concatenate((chosen, np.array(extra, np.int64))))
        chosen = _distinct(chosen)
    doc = np.searchsorted(hash_starts, chosen, side="right") - 1
    return doc, chosen - hash_starts[doc], hashes[chosen].astype(np.int64)
