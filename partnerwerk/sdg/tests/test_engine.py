import numpy as np

from partnerwerk.sdg.suggest.engine import (
    embedding_signal,
    keyword_signal,
    reference_similarities,
    split_passages,
    suggest,
)
from partnerwerk.sdg.tests.texts import DABOLA, DURA, KUMASI


def goals(text: str, top: int = 4) -> list[int]:
    return [suggestion.goal for suggestion in suggest(text, limit=top)]


def test_the_dabola_waste_and_education_passage_suggests_waste_and_education():
    top = goals(DABOLA)
    assert {11, 12} & set(top)
    assert 4 in top


def test_the_kumasi_climate_adaptation_passage_suggests_climate_action_first():
    assert goals(KUMASI)[0] == 13


def test_the_dura_hospital_exchange_suggests_health():
    assert 3 in goals(DURA, top=2)


def test_an_english_text_gets_suggestions_too():
    text = "The utility installs solar panels and improves the energy efficiency of schools."
    assert goals(text, top=2)[0] == 7


def test_each_suggestion_names_a_target_of_its_goal_and_a_passage_of_the_text():
    for suggestion in suggest(DABOLA):
        assert suggestion.target.split(".")[0] == str(suggestion.goal)
        assert suggestion.passage in " ".join(DABOLA.split())
        assert 0.5 <= suggestion.score <= 1


def test_suggestions_come_best_first():
    scores = [suggestion.score for suggestion in suggest(DABOLA, everything=True)]
    assert scores == sorted(scores, reverse=True)
    assert len(scores) == 17


def test_an_empty_text_gets_no_suggestion():
    assert suggest("  ") == []


def test_a_text_splits_into_its_sentences():
    assert split_passages(KUMASI)[0] == (
        "Der Klimawandel stellt Kommunen weltweit vor große Herausforderungen."
    )


def test_each_further_keyword_of_a_goal_adds_less():
    one = keyword_signal("The project improves sanitation.")[6 - 1]
    four = keyword_signal("Sanitation, wastewater, latrines and groundwater.")[6 - 1]
    assert one == 1
    assert four == 2


def test_the_embedding_signal_reads_more_or_fewer_reference_texts():
    similarities = reference_similarities(KUMASI)[0]
    closest = embedding_signal(similarities, nearest=1)
    broader = embedding_signal(similarities, nearest=12)
    assert np.all(broader <= closest)
    assert int(np.argmax(broader)) + 1 in {11, 13}


def test_a_server_worker_loads_the_model_when_it_starts():
    import threading

    from partnerwerk import gunicorn_conf
    from partnerwerk.sdg.suggest import engine

    engine._reference.cache_clear()
    gunicorn_conf.post_worker_init(worker=None)
    warming = next(t for t in threading.enumerate() if t.name == "sdg-warm-up")
    warming.join(timeout=300)  # minutes only on a machine busy with other work
    assert engine._reference.cache_info().currsize == 1
