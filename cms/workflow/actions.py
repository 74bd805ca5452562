"""What happens when the Guide review workflow finishes: its last stage is translation review."""


def publish_approved_revision(workflow_state, user=None):
    """Make the Chinese of the latest revision live, as the translation reviewer approved it.
    The English is never published here (cms.workflow.publishing)."""
    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)  # a page comes as a plain Page
    obj.publish_translation(obj.get_latest_revision(), user=user)
