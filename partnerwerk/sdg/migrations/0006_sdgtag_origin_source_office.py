from django.db import migrations, models


def origin():
    return models.CharField(
        choices=[
            ("person", "set by a person"),
            ("suggestion", "suggested and confirmed"),
            ("source", "stated by a source"),
            ("office", "classified by the office"),
        ],
        default="person",
        max_length=12,
        verbose_name="origin",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("sdg", "0005_sdgtag_partnership_goal_index"),
    ]

    operations = [
        migrations.AlterField(model_name="sdgtag", name="origin", field=origin()),
        migrations.AlterField(model_name="historicalsdgtag", name="origin", field=origin()),
    ]
