"""Content-Security-Policy on every response that has none of its own (django-csp).

The policy is CONTENT_SECURITY_POLICY in the settings: same-origin scripts and styles only. The
reader site (/site/) sets a stricter one itself, which is kept. Wagtail's admin needs more, and
gets it under its own path only (tests/browser/test_csp.py finds no violation with it, and
several without it):

- script-src 'unsafe-inline': Wagtail renders inline <script> blocks that set up date and time
  pickers and inline panels (wagtailadmin/widgets/date_input.html, panels/inline_panel.html),
  each with its own data, so no hash or nonce can allow them. Event-handler attributes
  (onclick=, onerror=), the usual form of injected script, stay blocked: script-src-attr 'none'.
- style-src 'unsafe-inline': admin templates and Draftail use style attributes and <style>.
- frame-ancestors 'self': the editor's preview panel frames the admin's preview view.

No 'unsafe-eval' anywhere.
"""

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

ADMIN_PREFIX = "/admin/"
ADMIN_UPDATE = {"script-src": [UNSAFE_INLINE], "style-src": [UNSAFE_INLINE]}
ADMIN_REPLACE = {"frame-ancestors": [SELF], "script-src-attr": [NONE]}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if request.path_info.startswith(ADMIN_PREFIX):
            parts.update = {**ADMIN_UPDATE, **(parts.update or {})}
            parts.replace = {**ADMIN_REPLACE, **(parts.replace or {})}
        return parts
