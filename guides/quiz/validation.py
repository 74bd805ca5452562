"""What an editor is told when a relationship test cannot be scored as written."""

from django.utils.translation import gettext as _

from guides.quiz.playbook import pathway_steps
from guides.quiz.scoring import scoring_key

MAX_REPORTED = 5


def _number(value):
    return f"{float(value):g}"


def _point(scores):
    return ", ".join(f"{dimension} {_number(value)}" for dimension, value in scores.items())


def scoring_problems(page):
    """Every problem with the English scoring of `page`, one message each."""
    key = scoring_key(page)
    problems = []
    known = set(key.dimensions)
    if not key.dimensions:
        problems.append(_("Add at least one dimension."))
    if len(known) != len(key.dimensions):
        problems.append(_("Two dimensions share a key; each needs its own."))
    for number, question in enumerate(key.questions.values(), start=1):
        if len(question.options) < 2:
            problems.append(
                _("Question %(number)d needs at least two answer options.") % {"number": number}
            )
        unknown = question.dimensions - known
        if unknown:
            problems.append(
                _("Question %(number)d scores an unknown dimension: %(keys)s.")
                % {"number": number, "keys": ", ".join(sorted(unknown))}
            )
        if any(set(scores) != question.dimensions for scores in question.options.values()):
            problems.append(
                _("Every option of question %(number)d must score the same dimensions.")
                % {"number": number}
            )
        elif len({tuple(sorted(s.items())) for s in question.options.values()}) < 2:
            problems.append(
                _("The options of question %(number)d all score the same points.")
                % {"number": number}
            )
    for dimension in key.dimensions:
        if dimension not in key.bounds:
            problems.append(_("No question scores the dimension %(key)s.") % {"key": dimension})
    keys = [profile.key for profile in key.profiles]
    if not keys:
        problems.append(_("Add at least one profile."))
    if len(set(keys)) != len(keys):
        problems.append(_("Two profiles share a key; each needs its own."))
    for profile in key.profiles:
        for dimension, (minimum, maximum) in profile.ranges.items():
            if dimension not in known:
                problems.append(
                    _("Profile %(profile)s has a range for an unknown dimension: %(key)s.")
                    % {"profile": profile.key, "key": dimension}
                )
            elif minimum >= maximum:
                problems.append(
                    _("Profile %(profile)s: the %(key)s range must start below where it ends.")
                    % {"profile": profile.key, "key": dimension}
                )
    if problems or not key.bounds:
        return problems
    coverage = key.coverage_problems()
    for kind, scores, profiles in coverage[:MAX_REPORTED]:
        if kind == "gap":
            problems.append(
                _("No profile covers the scores %(point)s.") % {"point": _point(scores)}
            )
        else:
            problems.append(
                _("Profiles %(profiles)s overlap at the scores %(point)s.")
                % {"profiles": ", ".join(profiles), "point": _point(scores)}
            )
    if len(coverage) > MAX_REPORTED:
        problems.append(
            _("… and %(count)d more points with a gap or an overlap.")
            % {"count": len(coverage) - MAX_REPORTED}
        )
    return problems


def playbook_problems(page):
    """Playbook steps that do not exist in the guide they point to."""
    problems = []
    for item in page.profiles_en or []:
        profile = item.value
        for entry in profile["playbook"]:
            guide, step = entry["guide"], entry["step"]
            if guide is None or not step:
                continue
            count = len(pathway_steps(guide.specific, "en"))
            if step > count:
                problems.append(
                    _("Profile %(profile)s: %(guide)s has %(count)d pathway steps, not %(step)d.")
                    % {
                        "profile": profile["key"],
                        "guide": guide.title,
                        "count": count,
                        "step": step,
                    }
                )
    return problems
