"""What happens when the Guide review workflow finishes: its last stage is translation review.

Wagtail imports this while it loads its own models, so it imports the publish service lazily.
"""


def publish_approved_revision(workflow_state, user=None):
    """Make the Chinese of the latest revision live, as the translation reviewer approved it.

    The approver has no publish permission: the workflow has already checked that they may
    approve, so publishing is not checked again. The English is never published here.
    """
    from cms.workflow.publishing import TRANSLATION

    obj = workflow_state.content_object
    obj = getattr(obj, "specific", obj)  # a page comes as a plain Page
    obj.publish(
        obj.get_latest_revision(), user=user, scope=TRANSLATION, skip_permission_checks=True
    )
