"""What a publish may put live (see cms.workflow.publishing)."""

SOURCE = "source"  # the English and the data both languages share
TRANSLATION = "translation"  # the Chinese, on top of the live English
ALL = "all"  # both


def has_been_published(obj):
    """Whether `obj`'s row holds published content (else it holds its first draft)."""
    return obj.first_published_at is not None
