"""SDG suggestions for the office: POST a text, get the goals and targets it serves.

Unlike the rest of API v1 this is an office tool: it needs a session signed in with two
factors and an office role (and the CSRF token, as every session-authenticated write). Without
them it answers 403 (no or wrong CSRF token) or 401 (no such session); decision record 0018.
"""

from ninja import Field, Router, Schema

from partnerwerk.api.auth import OfficeSessionAuth
from partnerwerk.api.schemas import ErrorOut
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
    response={
        200: list[SuggestionOut],
        401: ErrorOut,
        403: ErrorOut,
        # A body over the anonymous limit (PARTNERWERK_ANON_MAX_BODY) before sign-in is known.
        413: ErrorOut,
        422: ErrorOut,
    },
    summary="Suggest SDGs for a text",
    auth=OfficeSessionAuth("sdg.suggest"),
)
def sdg_suggest(request, payload: SuggestIn):
    """The goals (with their closest target) the text most likely serves, best first, each
    with a score from 0 to 1 and the passage that triggered it."""
    return [suggestion.as_dict() for suggestion in suggest(payload.text)]
