from django.db import migrations


def load(apps, schema_editor):
    from partnerwerk.sdg.texts import load_sdg_texts

    load_sdg_texts(apps.get_model("sdg", "Goal"), apps.get_model("sdg", "Target"),
                   apps.get_model("sdg", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("sdg", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
