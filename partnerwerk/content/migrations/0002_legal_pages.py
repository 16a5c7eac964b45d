"""The imprint, privacy statement and accessibility statement become editable pages whose
first version is the text their templates held (issue 19)."""

from django.db import migrations
from django.utils import timezone

# content.legal keeps these texts unchanged as the first version, so the migration reads them.
from partnerwerk.content.legal import LEGAL_PAGES


def create_legal_pages(apps, schema_editor):
    Page = apps.get_model("content", "Page")
    HistoricalPage = apps.get_model("content", "HistoricalPage")
    now = timezone.now()
    for key, texts in LEGAL_PAGES.items():
        if Page.objects.filter(key=key).exists():
            continue
        page = Page.objects.create(key=key, status="published", publish_at=now, **texts)
        HistoricalPage.objects.create(
            id=page.pk,
            key=key,
            status="published",
            publish_at=now,
            created_at=page.created_at,
            updated_at=page.updated_at,
            history_date=now,
            history_type="+",
            history_change_reason="first version: the text of the former template",
            **texts,
        )


class Migration(migrations.Migration):
    dependencies = [("content", "0001_initial")]

    operations = [migrations.RunPython(create_legal_pages, migrations.RunPython.noop)]
