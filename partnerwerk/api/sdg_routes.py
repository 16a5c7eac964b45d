"""SDG suggestions for the office: POST a text, get the goals and targets it serves.

Unlike the rest of API v1 this is an office tool: it needs a session signed in with two
factors and an office role (and the CSRF token, as every session-authenticated write).
"""

from ninja import Field, Router, Schema

from partnerwerk.api.auth import OfficeSessionAuth
from partnerwerk.sdg.suggest.engine import suggest

sdg_router = Router(tags=["sdg"])


class SuggestIn(Schema):
    text: str = Field(..., min_length=1, max_length=20_000, description="The text to read.")


class SuggestionOut(Schema):
    goal: int
    target: str | None
    score: float
    passage: str


@sdg_router.post(
    "/suggest",
    response=list[SuggestionOut],
    summary="Suggest SDGs for a text",
    auth=OfficeSessionAuth("sdg.suggest"),
)
def sdg_suggest(request, payload: SuggestIn):
    """The goals (with their closest target) the text most likely serves, best first, each
    with a score from 0 to 1 and the passage that triggered it."""
    return [suggestion.as_dict() for suggestion in suggest(payload.text)]
