from partnerwerk.sdg.tests.texts import KUMASI


def test_the_endpoint_returns_the_ranked_suggestions(client):
    response = client.post("/api/v1/sdg/suggest", {"text": KUMASI}, content_type="application/json")
    assert response.status_code == 200, response.content
    suggestions = response.json()
    assert suggestions[0]["goal"] == 13
    assert set(suggestions[0]) == {"goal", "target", "score", "passage"}


def test_the_endpoint_refuses_an_empty_text(client):
    response = client.post("/api/v1/sdg/suggest", {"text": ""}, content_type="application/json")
    assert response.status_code == 422
