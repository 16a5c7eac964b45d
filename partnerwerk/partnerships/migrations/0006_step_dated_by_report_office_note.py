from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0005_partnership_not_own_successor"),
    ]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name="dated_by_report",
            field=models.BooleanField(
                default=False,
                help_text=(
                    "The date is when a source reported the step, not when it happened "
                    "(which no source states)."
                ),
                verbose_name="dated by its report",
            ),
        )
        for model_name in ("step", "historicalstep")
    ] + [
        migrations.AddField(
            model_name=model_name,
            name="office_note",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Internal: the office's remarks on the sources. Never shown on the portal, "
                    "in the API or in exports."
                ),
                verbose_name="office note",
            ),
        )
        for model_name in ("step", "historicalstep")
    ]
