from partnerwerk.feedback.models import Feedback
from partnerwerk.testing import sign_in_with_two_factors


def send(client, message="The map has no text alternative.", address="203.0.113.5"):
    return client.post(
        "/accessibility/",
        {"message": message, "email": "", "page": "/"},
        REMOTE_ADDR=address,
    )


def test_it_stores_feedback_and_thanks_the_sender(client, db):
    response = client.post(
        "/en/accessibility/", {"message": "The map has no text alternative.", "page": "/"}
    )
    assert response.status_code == 302
    feedback = Feedback.objects.get()
    assert feedback.message == "The map has no text alternative."
    assert feedback.page == "/"
    assert feedback.language == "en"
    assert "Thank you" in client.get(response["Location"]).text


def test_it_refuses_an_empty_message_and_says_why(client, db):
    response = client.post("/en/accessibility/", {"message": ""})
    assert response.status_code == 400
    assert 'aria-invalid="true"' in response.text
    assert not Feedback.objects.exists()


def test_it_allows_five_messages_per_hour_from_one_address(client, db):
    for number in range(5):
        assert send(client, f"Message {number}").status_code == 302
    response = send(client, "One too many")
    assert response.status_code == 429
    assert (
        "Please try again later"
        in client.post("/en/accessibility/", {"message": "again"}, REMOTE_ADDR="203.0.113.5").text
    )
    assert Feedback.objects.count() == 5
    # Another address is not affected.
    assert send(client, "From elsewhere", address="198.51.100.7").status_code == 302


def test_feedback_is_listed_in_the_admin(client, admin_user):
    send(client)
    sign_in_with_two_factors(client, admin_user)
    response = client.get("/admin/feedback/feedback/")
    assert response.status_code == 200
    assert "The map has no text alternative." in response.text
