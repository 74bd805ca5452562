"""Reading a submission: every problem is reported against the field it concerns."""

from django.utils.translation import gettext as _

from cms.api.errors import ApiError

MAX_BYTES = 64 * 1024


def invalid(fields, message=None):
    return ApiError(
        400,
        "invalid_answers",
        message or _("The answers are not valid; see the fields."),
        fields=fields,
    )


def parse_answers(body, key):
    """{question id: option id} for a JSON body {"answers": [{"question", "option"}, ...]}."""
    if not isinstance(body, dict):
        raise invalid(
            {"body": _('Send a JSON object: {"answers": [{"question": …, "option": …}]}.')}
        )
    answers = body.get("answers")
    if not isinstance(answers, list):
        raise invalid({"answers": _("Send a list of answers, one per question.")})
    fields, chosen, seen = {}, {}, {}
    for index, answer in enumerate(answers):
        where = f"answers[{index}]"
        if not isinstance(answer, dict):
            fields[where] = _("Each answer is an object with “question” and “option”.")
            continue
        question_id, option_id = answer.get("question"), answer.get("option")
        if not isinstance(question_id, str):
            fields[f"{where}.question"] = _("Give the question's id as a string.")
            continue
        if not isinstance(option_id, str):
            fields[f"{where}.option"] = _("Give the option's id as a string.")
            continue
        question = key.questions.get(question_id)
        if question is None:
            fields[f"{where}.question"] = _("This test has no question “%(id)s”.") % {
                "id": question_id[:80]
            }
        elif question_id in seen:
            fields[f"{where}.question"] = _("Answered twice: also at answers[%(index)d].") % {
                "index": seen[question_id]
            }
        elif option_id not in question.options:
            fields[f"{where}.option"] = _("Question “%(question)s” has no option “%(id)s”.") % {
                "question": question_id,
                "id": option_id[:80],
            }
        else:
            chosen[question_id] = option_id
        seen.setdefault(question_id, index)
    missing = [question_id for question_id in key.questions if question_id not in seen]
    if missing:
        fields["answers"] = _("Questions not answered (%(count)d): %(ids)s.") % {
            "count": len(missing),
            "ids": ", ".join(missing[:5]) + ("…" if len(missing) > 5 else ""),
        }
    if fields:
        raise invalid(fields)
    return chosen
