import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from partnerwerk.sdg.tests.texts import DURA


def test_suggest_prints_a_json_list_best_first():
    out = StringIO()
    call_command("sdg", "suggest", DURA, "--format", "json", stdout=out)
    suggestions = json.loads(out.getvalue())
    assert suggestions[0]["goal"] == 3
    assert set(suggestions[0]) == {"goal", "target", "score", "passage"}
    scores = [suggestion["score"] for suggestion in suggestions]
    assert scores == sorted(scores, reverse=True)


def test_suggest_prints_one_line_per_suggestion_as_text():
    out = StringIO()
    call_command("sdg", "suggest", DURA, "--limit", "1", stdout=out)
    assert out.getvalue().count("\n") == 1


def test_suggest_refuses_an_empty_text():
    with pytest.raises(CommandError):
        call_command("sdg", "suggest", " ")
