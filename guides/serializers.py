"""Representations of snippet fields in the stock Wagtail API v2."""

from rest_framework import serializers


class SeriesSerializer(serializers.Serializer):
    def to_representation(self, series):
        return {"code": series.code, "slug": series.slug, "name": series.name}


class QuizCallToActionSerializer(serializers.Serializer):
    def to_representation(self, cta):
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
        return sorted(topic.localized_name() for topic in topics.all())
