"""The one language fallback of translated fields (core/models.py: localized_text)."""

from types import SimpleNamespace

from django.utils import translation

from partnerwerk.core.models import localized, localized_text


def _record(**texts):
    return SimpleNamespace(**{"title_de": "", "title_en": "", "title_fr": "", **texts})


def test_a_text_in_the_readers_language_is_shown_as_it_is():
    text = localized_text(_record(title_de="Brunnen", title_en="Wells"), "title", "en")
    assert (text.text, text.language, text.fallback) == ("Wells", "en", False)


def test_a_missing_translation_falls_back_to_german_and_says_so():
    text = localized_text(_record(title_de="Brunnen"), "title", "fr")
    assert (text.text, text.language, text.fallback) == ("Brunnen", "de", True)


def test_without_german_the_english_text_is_the_last_resort():
    text = localized_text(_record(title_en="Wells"), "title", "fr")
    assert (text.text, text.language, text.fallback) == ("Wells", "en", True)


def test_the_active_language_is_used_when_none_is_asked_for():
    record = _record(title_de="Brunnen", title_en="Wells")
    with translation.override("en"):
        assert localized(record, "title") == "Wells"
    with translation.override("de"):
        assert localized(record, "title") == "Brunnen"


def test_a_record_without_any_text_gives_an_empty_text_and_no_fallback_note():
    text = localized_text(_record(), "title", "en")
    assert (str(text), text.fallback) == ("", False)
