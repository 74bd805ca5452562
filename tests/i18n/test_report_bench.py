from io import StringIO

import pytest
from django.core.management import call_command

from cms.models import TranslationStatus


@pytest.mark.django_db
def test_report_benchmark_runs_and_leaves_nothing_behind(demo_site):
    before = TranslationStatus.objects.count()
    out = StringIO()
    call_command("bench_translation_report", "--guides", "120", stdout=out)
    assert "with 125 pages" in out.getvalue()
    assert TranslationStatus.objects.count() == before
