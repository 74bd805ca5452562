"""Liveness and readiness probe for load balancers."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return JsonResponse(
            {"status": "unavailable", "reason": f"database unreachable: {reason}"}, status=503
        )
    return JsonResponse({"status": "ok"})
