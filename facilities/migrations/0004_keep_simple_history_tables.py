"""django-simple-history is replaced by django-reversion (shinjuku_mynumber/versioning.py).

The historical tables stay in the database with their rows (the release-1.0
history, readable with SQL), but Django no longer knows them: their link to
the user no longer has a database constraint (so a user can still be
deleted), then the models leave the migration state only.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('facilities', '0003_no_mynapoint_help'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalitemtobring',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicallocation',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicallocationexception',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicallocationhours',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalservice',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalyearlyclosure',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicallocation',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicallocationexception',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicallocationexception',
                    name='location',
                ),
                migrations.RemoveField(
                    model_name='historicallocationhours',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicallocationhours',
                    name='location',
                ),
                migrations.RemoveField(
                    model_name='historicalservice',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalyearlyclosure',
                    name='history_user',
                ),
                migrations.DeleteModel(
                    name='HistoricalItemToBring',
                ),
                migrations.DeleteModel(
                    name='HistoricalLocation',
                ),
                migrations.DeleteModel(
                    name='HistoricalLocationException',
                ),
                migrations.DeleteModel(
                    name='HistoricalLocationHours',
                ),
                migrations.DeleteModel(
                    name='HistoricalService',
                ),
                migrations.DeleteModel(
                    name='HistoricalYearlyClosure',
                ),
            ],
            database_operations=[],
        ),
    ]
