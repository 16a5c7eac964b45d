"""The official SDG texts (goals, targets, indicators) in German, English and French."""

from pathlib import Path

import yaml

DATA_DIR = Path(__file__).resolve().parent / "data"
LANGUAGES = ("de", "en", "fr")


def read_texts(name: str) -> dict[str, dict[str, str]]:
    """Map each key (e.g. "11-6-title") to its text per language."""
    texts: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        path = DATA_DIR / language / f"global_{name}.yml"
        with path.open(encoding="utf-8") as handle:
            for key, value in (yaml.safe_load(handle) or {}).items():
                texts.setdefault(str(key), {})[language] = " ".join(str(value).split())
    return texts


def _code(key: str, suffix: str) -> str:
    return key.removesuffix(suffix).replace("-", ".")


def load_sdg_texts(Goal, Target, Indicator) -> None:
    """Create or update goals, targets and indicators; takes models so migrations can use it."""
    goals = read_texts("goals")
    for number in range(1, 18):
        short, title = goals[f"{number}-short"], goals[f"{number}-title"]
        Goal.objects.update_or_create(
            number=number,
            defaults={f"short_{lang}": short.get(lang, short["en"]) for lang in LANGUAGES}
            | {f"title_{lang}": title.get(lang, title["en"]) for lang in LANGUAGES},
        )
    for key, text in read_texts("targets").items():
        if not key.endswith("-title"):
            continue
        code = _code(key, "-title")
        Target.objects.update_or_create(
            code=code,
            defaults={"goal_id": int(code.split(".")[0])}
            | {f"title_{lang}": text.get(lang, text["en"]) for lang in LANGUAGES},
        )
    target_codes = set(Target.objects.values_list("code", flat=True))
    for key, text in read_texts("indicators").items():
        if not key.endswith("-title"):
            continue
        code = _code(key, "-title")
        target_code = ".".join(code.split(".")[:2])
        if target_code not in target_codes:
            continue
        Indicator.objects.update_or_create(
            code=code,
            defaults={"target_id": target_code}
            | {f"title_{lang}": text.get(lang, text["en"]) for lang in LANGUAGES},
        )
