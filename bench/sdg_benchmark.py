"""Run the SDG suggestion engine over the SDG Classification Benchmark (1,251 expert texts).

    .venv/bin/python bench/sdg_benchmark.py          # the table, cross-validated and as shipped
    .venv/bin/python bench/sdg_benchmark.py --fit    # thresholds to paste into engine.py

The benchmark (PyPI `sdgclassification-benchmark`, `pip install -e ".[bench]"`) pairs each
text with one SDG and a yes/no label; a classifier is right when it names that SDG exactly for
the yes texts. Accuracy, precision, recall and F1 are computed per SDG and averaged without
weights, as the benchmark's own `ResultSet` does.

The engine's per-goal thresholds are fitted on this benchmark, so the figure that counts is
the 5-fold cross-validated one: thresholds fitted on four folds, predictions made on the
fifth. The "as shipped" figure uses thresholds fitted on all texts and is optimistic.
"""

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sdgclassification.benchmark import Result, ResultSet, load_benchmark_df  # noqa: E402

from partnerwerk.sdg.suggest import engine  # noqa: E402

PUBLISHED = {
    "AFD SDG Prospector": 88,
    "GPT-4o": 87,
    "Llama 3 70B": 86,
    "text2sdg": 83,
    "Aurora": 79,
    "JRC SDG Mapper": 77,
    "OSDG": 70,
}
FOLDS = 5
SEED = 20250709


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The cut that classifies most of these texts right (midway between two scores)."""
    candidates = np.unique(scores)
    cuts = np.concatenate(([candidates[0] - 1], (candidates[:-1] + candidates[1:]) / 2))
    accuracies = [((scores >= cut) == labels).mean() for cut in cuts]
    return float(cuts[int(np.argmax(accuracies))])


def fit_thresholds(scores, sdgs, labels, rows) -> dict[int, float]:
    return {
        goal: best_threshold(scores[rows & (sdgs == goal)], labels[rows & (sdgs == goal)])
        for goal in engine.GOALS
    }


def result_set(frame, predicted: np.ndarray) -> ResultSet:
    results = ResultSet()
    for row, is_predicted in zip(frame.itertuples(), predicted, strict=True):
        results.add(
            Result(
                id=row.id,
                text=row.text,
                sdg=row.sdg,
                expected_label=bool(row.label),
                predictions=[row.sdg] if is_predicted else [],
            )
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fit", action="store_true", help="print thresholds fitted on all texts")
    arguments = parser.parse_args()

    frame = load_benchmark_df()
    sdgs = frame["sdg"].to_numpy()
    labels = frame["label"].astype(bool).to_numpy()

    started = time.perf_counter()
    engine.suggest("Warm-up: load the encoder and the reference texts once.")
    loaded = time.perf_counter() - started

    # Time the full pipeline a user gets (suggestions with passage and target) ...
    shipped = np.zeros(len(frame), dtype=bool)
    started = time.perf_counter()
    for index, (text, sdg) in enumerate(zip(frame["text"], sdgs, strict=True)):
        shipped[index] = any(s.goal == sdg for s in engine.suggest(text))
    elapsed = time.perf_counter() - started
    # ... and read the raw score of the benchmark's SDG for the threshold fitting.
    scores = np.array(
        [
            engine.goal_scores(text)[0][sdg - 1]
            for text, sdg in zip(frame["text"], sdgs, strict=True)
        ]
    )

    if arguments.fit:
        everything = np.ones(len(frame), dtype=bool)
        fitted = fit_thresholds(scores, sdgs, labels, everything)
        print("THRESHOLDS: dict[int, float] = {")
        for goal, value in fitted.items():
            print(f"    {goal}: {value:.3f},")
        print("}")
        return

    folds = np.random.default_rng(SEED).integers(0, FOLDS, len(frame))
    validated = np.zeros(len(frame), dtype=bool)
    for fold in range(FOLDS):
        thresholds = fit_thresholds(scores, sdgs, labels, folds != fold)
        held_out = folds == fold
        cut = np.array([thresholds[sdg] for sdg in sdgs[held_out]])
        validated[held_out] = scores[held_out] >= cut

    cross = result_set(frame, validated).stats
    as_shipped = result_set(frame, shipped).stats
    print(f"SDG Classification Benchmark: {len(frame)} texts, encoder loaded in {loaded:.1f} s")
    print(f"Speed: {len(frame) / elapsed:.0f} texts per second ({elapsed:.1f} s, full suggestions)")
    print()
    print(f"Partnerwerk, {FOLDS}-fold cross-validated thresholds (the result):")
    print(cross.format("github"))
    print()
    print("Partnerwerk, thresholds as shipped (fitted on all texts, optimistic):")
    print(as_shipped.format("github"))
    print()
    print("Average accuracy next to the published figures:")
    rows = [("Partnerwerk (cross-validated)", cross.average.accuracy)]
    rows += [("Partnerwerk (as shipped, fitted on all)", as_shipped.average.accuracy)]
    rows += list(PUBLISHED.items())
    for name, accuracy in sorted(rows, key=lambda row: -row[1]):
        print(f"  {name:<42} {accuracy:5.1f} %")


if __name__ == "__main__":
    main()
