"""Representations of snippet fields in the stock Wagtail API v2: published snippets only."""

from rest_framework import serializers


class SeriesSerializer(serializers.Serializer):
    def to_representation(self, series):
        if not series.live:
            return None
        return {"code": series.code, "slug": series.slug, "name": series.name}


class QuizCallToActionSerializer(serializers.Serializer):
    def to_representation(self, cta):
        if not cta.live:
            return None
        return {
            "heading": cta.heading,
            "text": cta.text,
            "button_label": cta.button_label,
            "quiz_url": cta.quiz_url,
            "closing_heading": cta.closing_heading,
            "closing_text": cta.closing_text,
        }


class TopicNamesSerializer(serializers.Serializer):
    """Topic names in the active language (English where a topic has no Chinese name), as
    Wagtail's own tag field lists them: sorted names."""

    def to_representation(self, topics):
        return sorted(topic.localized_name() for topic in topics.all() if topic.live)
