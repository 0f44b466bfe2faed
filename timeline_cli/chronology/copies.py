"""Near-duplicate articles: the same story republished by several sites, with light edits.

Each article's text is cut into shingles of ``SHINGLE_WORDS`` consecutive words (lower case,
punctuation left out). Two articles are copies when the Jaccard similarity of their shingle
sets is at least ``COPY_JACCARD`` (half their shingles in common: a changed headline, a
sentence added or cut, a few words edited leave far more; two outlets writing their own
stories on one event share a few quotes, far less), or when the shorter one, of at least
``MIN_CONTAINED_SHINGLES`` shingles, is for ``COPY_CONTAINMENT`` of it inside the longer one
(a wire story cut short). Copies of copies are one group.

Comparing every pair of articles would grow with their square. Candidates are found instead
by locality-sensitive hashing on MinHash signatures (``BANDS`` bands of ``ROWS`` values): two
articles land in a common bucket with probability 1 - (1 - J^ROWS)^BANDS, which is 0.995 at a
similarity J of 0.5 and 0.04 at 0.1, so the work grows with the number of articles plus the
pairs that are nearly copies. Every candidate is then checked exactly on its shingle sets.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence

import numpy as np

SHINGLE_WORDS = 5
COPY_JACCARD = 0.5
COPY_CONTAINMENT = 0.8
MIN_CONTAINED_SHINGLES = 50
BANDS, ROWS = 40, 3
_CHUNK = 4096  # shingles hashed at once: bounds the memory of a very long article
_WORD = re.compile(r"\w+")
# One seed per hash function, fixed: the same text gets the same signature in every run.
_SEEDS = np.random.default_rng(20120309).integers(0, 1 << 63, size=BANDS * ROWS, dtype=np.uint64)


def _mix(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finalizer: a well-spread 64-bit hash of each value (arithmetic wraps)."""
    values = values ^ (values >> np.uint64(30))
    values = values * np.uint64(0xBF58476D1CE4E5B9)
    values = values ^ (values >> np.uint64(27))
    values = values * np.uint64(0x94D049BB133111EB)
    return values ^ (values >> np.uint64(31))


def shingles(text: str) -> frozenset[int]:
    """The text's word shingles, each as a 32-bit hash (crc32: the same in every process)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return frozenset()
    width = min(SHINGLE_WORDS, len(words))
    return frozenset(
        zlib.crc32(" ".join(words[i : i + width]).encode()) for i in range(len(words) - width + 1)
    )


def signature(hashes: frozenset[int]) -> np.ndarray:
    """The MinHash signature: for each of BANDS * ROWS hash functions (the shingle's hash
    mixed with the function's seed), the least value over the shingles."""
    values = _mix(np.fromiter(hashes, dtype=np.uint64, count=len(hashes)))
    least = np.full(BANDS * ROWS, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(values), _CHUNK):
        chunk = values[start : start + _CHUNK, None]
        least = np.minimum(least, _mix(chunk ^ _SEEDS).min(axis=0))
    return least


def are_copies(first: frozenset[int], second: frozenset[int]) -> bool:
    if not first or not second:
        return False
    common = len(first & second)
    if common >= COPY_JACCARD * (len(first) + len(second) - common):
        return True
    shorter = min(len(first), len(second))
    return shorter >= MIN_CONTAINED_SHINGLES and common >= COPY_CONTAINMENT * shorter


def copy_groups(texts: Sequence[str]) -> list[list[int]]:
    """The texts that are copies of each other, as groups of indexes (each in order, groups
    by their first index); a text without copies is a group of its own."""
    sets = [shingles(text) for text in texts]
    parent = list(range(len(texts)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(first: int, second: int) -> None:
        a, b = root(first), root(second)
        if a != b:
            parent[max(a, b)] = min(a, b)

    distinct: dict[frozenset[int], int] = {}  # identical texts need no signature
    for index, shingle_set in enumerate(sets):
        if shingle_set in distinct:
            join(distinct[shingle_set], index)
        elif shingle_set:
            distinct[shingle_set] = index
    buckets: dict[tuple[int, bytes], list[int]] = {}
    for index in distinct.values():
        rows = signature(sets[index]).reshape(BANDS, ROWS)
        for band in range(BANDS):
            buckets.setdefault((band, rows[band].tobytes()), []).append(index)
    for members in buckets.values():
        for position, first in enumerate(members):
            for second in members[position + 1 :]:
                if root(first) != root(second) and are_copies(sets[first], sets[second]):
                    join(first, second)
    groups: dict[int, list[int]] = {}
    for index in range(len(texts)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values())
