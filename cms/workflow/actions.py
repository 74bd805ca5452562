"""What happens when the Guide review workflow finishes."""


def publish_approved_revision(workflow_state, user=None):
    """Publish the latest revision as the final approver.

    The approver may be a translation reviewer, who approves Chinese but has no publish button:
    the workflow has already checked that they may approve, so publishing is not checked again.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
