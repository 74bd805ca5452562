"""The scoring key of a relationship test, read from its English version, and scoring with it.

Scores are exact fractions: a dimension's score is the mean of the points of the questions that
score it, reverse-scored questions counting from the other end of their own scale.
"""

from dataclasses import dataclass, field
from fractions import Fraction
from itertools import product

from cms.streams import item_id, item_value, raw_items


@dataclass
class Question:
    id: str
    reverse: bool
    options: dict  # option id -> {dimension: points}
    dimensions: frozenset = frozenset()


@dataclass
class Profile:
    key: str
    ranges: dict  # dimension -> (minimum, maximum) as Fractions


@dataclass
class ScoringKey:
    dimensions: list
    questions: dict  # question id -> Question
    profiles: list
    bounds: dict = field(default_factory=dict)  # dimension -> (lowest, highest) score

    def points(self, question, option_id):
        """{dimension: points} for one answer, reverse-scored where the question says so."""
        scores = question.options[option_id]
        if not question.reverse:
            return dict(scores)
        return {
            dimension: self._low(question, dimension) + self._high(question, dimension) - points
            for dimension, points in scores.items()
        }

    @staticmethod
    def _low(question, dimension):
        return min(option.get(dimension, 0) for option in question.options.values())

    @staticmethod
    def _high(question, dimension):
        return max(option.get(dimension, 0) for option in question.options.values())

    def score(self, answers):
        """{dimension: Fraction} for {question id: option id} covering every question."""
        totals = {dimension: [] for dimension in self.dimensions}
        for question_id, option_id in answers.items():
            for dimension, points in self.points(self.questions[question_id], option_id).items():
                totals.setdefault(dimension, []).append(points)
        return {
            dimension: Fraction(sum(values), len(values))
            for dimension, values in totals.items()
            if values
        }

    def profile_for(self, scores):
        matches = [profile for profile in self.profiles if self.contains(profile, scores)]
        return matches[0] if matches else None

    def contains(self, profile, scores):
        """Ranges are [minimum, maximum), except that the top of the scale belongs to the range
        that ends there; a dimension a profile does not mention is unconstrained."""
        for dimension, (minimum, maximum) in profile.ranges.items():
            value = scores.get(dimension)
            if value is None:
                return False
            top = self.bounds.get(dimension, (None, None))[1]
            if not (minimum <= value < maximum or value == maximum == top):
                return False
        return True

    def coverage_problems(self):
        """(kind, point, profile keys) wherever the profiles leave a gap or overlap."""
        dimensions = [d for d in self.dimensions if d in self.bounds]
        axes = []
        for dimension in dimensions:
            low, high = self.bounds[dimension]
            cuts = {low, high}
            for profile in self.profiles:
                for value in profile.ranges.get(dimension, ()):
                    if low < value < high:
                        cuts.add(value)
            cuts = sorted(cuts)
            middles = [(a + b) / 2 for a, b in zip(cuts, cuts[1:], strict=False)]
            axes.append(sorted(set(cuts) | set(middles)))
        problems = []
        for point in product(*axes):
            scores = dict(zip(dimensions, point, strict=True))
            keys = [p.key for p in self.profiles if self.contains(p, scores)]
            if len(keys) != 1:
                problems.append(("gap" if not keys else "overlap", scores, keys))
        return problems


def scoring_key(page):
    """The key from the page's English streams (a translation cannot change the scoring)."""
    dimensions = [item_value(i)["key"] for i in raw_items(page.dimensions_en) if item_value(i)]
    questions = {}
    for item in raw_items(page.questions_en):
        value = item["value"]
        options = {}
        for index, option in enumerate(value.get("options") or []):
            option_value = item_value(option) or {}
            options[item_id(option, index)] = {
                item_value(score)["dimension"]: int(item_value(score)["points"] or 0)
                for score in option_value.get("scores") or []
                if item_value(score) and item_value(score).get("dimension")
            }
        scored = frozenset(d for scores in options.values() for d in scores)
        questions[item["id"]] = Question(
            item["id"], bool(value.get("reverse_scored")), options, scored
        )
    profiles = []
    for item in raw_items(page.profiles_en):
        value = item["value"]
        ranges = {}
        for entry in value.get("ranges") or []:
            entry = item_value(entry)
            if entry and entry.get("minimum") is not None and entry.get("maximum") is not None:
                ranges[entry["dimension"]] = (
                    Fraction(str(entry["minimum"])),
                    Fraction(str(entry["maximum"])),
                )
        profiles.append(Profile(value.get("key"), ranges))
    key = ScoringKey(dimensions, questions, profiles)
    key.bounds = _bounds(key)
    return key


def _bounds(key):
    """Lowest and highest possible score of each dimension: the mean of its questions' ends."""
    lows, highs = {}, {}
    for question in key.questions.values():
        for dimension in question.dimensions:
            lows.setdefault(dimension, []).append(key._low(question, dimension))
            highs.setdefault(dimension, []).append(key._high(question, dimension))
    return {
        dimension: (
            Fraction(sum(lows[dimension]), len(lows[dimension])),
            Fraction(sum(highs[dimension]), len(highs[dimension])),
        )
        for dimension in lows
    }
