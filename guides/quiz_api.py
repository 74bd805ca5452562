"""API v1 for the relationship test: the test without its key, scoring, shareable results."""

from datetime import timedelta
from fractions import Fraction

import orjson
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Path, Router

from cms.api.errors import LOOKUP_ERRORS, ApiError, ErrorSchema, not_found
from cms.api.locale import LocaleParam, locale_from
from cms.caching.http import cached_json, json_response
from cms.pages import public_live
from guides.models import QuizPage, QuizResult
from guides.models.quiz import hash_token
from guides.quiz.answers import MAX_BYTES, invalid, parse_answers
from guides.quiz.ratelimit import check_rate
from guides.quiz.scoring import scoring_key
from guides.quiz_representation import (
    day_by_day,
    profile_representation,
    quiz_representation,
    scores_representation,
)

router = Router(tags=["relationship test"])
TOKEN_PATH = Path(..., max_length=100, description="The share token returned on submission")
SUBMISSION_SCHEMA = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["answers"],
                "properties": {
                    "answers": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "required": ["question", "option"],
                            "properties": {
                                "question": {"type": "string"},
                                "option": {"type": "string"},
                            },
                        },
                    }
                },
            }
        }
    },
    "required": True,
}

DELETE_SCHEMA = {
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["delete_secret"],
                "properties": {"delete_secret": {"type": "string"}},
            }
        }
    },
    "required": True,
}


def delete_secret(request):
    """The "delete_secret" of a JSON body; "" when there is none."""
    try:
        body = orjson.loads(request.body or b"null")
    except orjson.JSONDecodeError:
        return ""
    secret = body.get("delete_secret") if isinstance(body, dict) else None
    return secret if isinstance(secret, str) else ""


def live_quiz(slug):
    quiz = public_live(QuizPage.objects.filter(Q(slug_en=slug) | Q(slug_zh_hans=slug))).first()
    if quiz is None:
        raise not_found(_("A published relationship test with this slug"))
    return quiz


def live_result(token):
    result = (
        QuizResult.objects.filter(token_hash=hash_token(token), expires_at__gt=timezone.now())
        .select_related("quiz")
        .first()
    )
    quiz = result and public_live(QuizPage.objects.filter(pk=result.quiz_id)).first()
    if result is None or quiz is None:
        raise not_found(_("A result with this token (it may have expired or been deleted)"))
    return result, quiz


def result_body(result, quiz, locale, expanded=False):
    key = scoring_key(quiz)
    scores = {dimension: Fraction(value) for dimension, value in result.scores.items()}
    profile = profile_representation(quiz, result.profile_key, locale, expanded=expanded)
    body = {
        "test": {"slug": quiz.slug_en, "title": quiz_representation(quiz, locale)["title"]},
        "scores": scores_representation(quiz, scores, key, locale),
        "profile": {k: v for k, v in (profile or {}).items() if k != "playbook"},
        "playbook": (profile or {}).get("playbook", []),
        "created_at": result.created_at.isoformat(),
        "expires_at": result.expires_at.isoformat(),
        "locale": locale,
    }
    if expanded:
        body["days"] = day_by_day(body["playbook"])
    return body


@router.get("/tests/{slug}/", response={200: dict, **LOOKUP_ERRORS}, summary="A relationship test")
def get_quiz(request, slug: str = Path(..., max_length=255), locale: str | None = LocaleParam):
    """The published test in one language: questions and options, never the scoring key."""
    locale = locale_from(locale)
    quiz = live_quiz(slug)
    return cached_json(
        request,
        locale,
        lambda: quiz_representation(quiz, locale),
        "quiz",
        quiz.pk,
        quiz.live_revision_id,
    )


@router.post(
    "/tests/{slug}/results/",
    response={201: dict, 400: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema},
    summary="Score answers",
    openapi_extra={"requestBody": SUBMISSION_SCHEMA},
)
def submit(request, slug: str = Path(..., max_length=255), locale: str | None = LocaleParam):
    """Scores the answers on the server; returns the profile, the playbook, a share token and a
    delete secret for the person who took the test only (keep it out of the share link)."""
    locale = locale_from(locale)
    check_rate(request)
    quiz = public_live(QuizPage.objects.filter(Q(slug_en=slug) | Q(slug_zh_hans=slug))).first()
    if quiz is None:
        raise invalid({"test": _("No published test has the slug “%(slug)s”.") % {"slug": slug}})
    if len(request.body) > MAX_BYTES:
        raise invalid({"body": _("The request body is larger than 64 KB.")})
    try:
        body = orjson.loads(request.body or b"null")
    except orjson.JSONDecodeError:
        raise invalid({"body": _("The request body is not valid JSON.")}) from None
    key = scoring_key(quiz)
    answers = parse_answers(body, key)
    scores = key.score(answers)
    profile = key.profile_for(scores)
    if profile is None:  # validation on save prevents this; never score into nothing
        raise ApiError(409, "no_profile", _("This test's profiles do not cover these scores."))
    token, secret = QuizResult.new_token(), QuizResult.new_token()
    result = QuizResult.objects.create(
        quiz=quiz,
        token_hash=hash_token(token),
        delete_secret_hash=hash_token(secret),
        answers=answers,
        scores={dimension: str(value) for dimension, value in scores.items()},
        profile_key=profile.key,
        expires_at=timezone.now() + timedelta(days=settings.QUIZ_RESULT_DAYS),
    )
    data = {"token": token, "delete_secret": secret, **result_body(result, quiz, locale)}
    data["share_url"] = f"/api/v1/results/{token}/"
    data["report_url"] = f"/api/v1/results/{token}/report/"
    response = json_response(data, locale=locale, private=True)
    response.status_code = 201
    return response


@router.get("/results/{token}/", response={200: dict, **LOOKUP_ERRORS}, summary="A shared result")
def get_result(request, token: str = TOKEN_PATH, locale: str | None = LocaleParam):
    """The profile and the playbook of a result, in either language."""
    locale = locale_from(locale)
    result, quiz = live_result(token)
    return json_response(result_body(result, quiz, locale), locale=locale, private=True)


@router.get(
    "/results/{token}/report/",
    response={200: dict, **LOOKUP_ERRORS},
    summary="The deeper action report",
)
def get_report(request, token: str = TOKEN_PATH, locale: str | None = LocaleParam):
    """The full playbook, every linked pathway step expanded, laid out day by day."""
    locale = locale_from(locale)
    result, quiz = live_result(token)
    return json_response(
        result_body(result, quiz, locale, expanded=True), locale=locale, private=True
    )


@router.delete(
    "/results/{token}/",
    response={204: None, 403: ErrorSchema, **LOOKUP_ERRORS},
    summary="Delete a result",
    openapi_extra={"requestBody": DELETE_SCHEMA},
)
def delete_result(request, token: str = TOKEN_PATH):
    """Only the person who took the test may delete the result: send the delete secret that
    came with it. The share token alone is not enough."""
    result = QuizResult.objects.filter(token_hash=hash_token(token)).first()
    if result is None:
        raise not_found(_("A result with this token"))
    if not result.may_delete(delete_secret(request)):
        raise ApiError(
            403,
            "forbidden",
            _("Only the person who took the test can delete this result."),
        )
    result.delete()
    return HttpResponse(status=204)
