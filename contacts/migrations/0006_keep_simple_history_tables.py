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
        ('contacts', '0005_free_dial_closes_over_the_year_end'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalcallcentre',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalcallcentrehours',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalcallcentrelanguage',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalinquirydesk',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalphoneline',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalcallcentrehours',
                    name='call_centre',
                ),
                migrations.RemoveField(
                    model_name='historicalcallcentrehours',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalcallcentrelanguage',
                    name='call_centre',
                ),
                migrations.RemoveField(
                    model_name='historicalcallcentrelanguage',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalinquirydesk',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalphoneline',
                    name='call_centre',
                ),
                migrations.RemoveField(
                    model_name='historicalphoneline',
                    name='history_user',
                ),
                migrations.DeleteModel(
                    name='HistoricalCallCentre',
                ),
                migrations.DeleteModel(
                    name='HistoricalCallCentreHours',
                ),
                migrations.DeleteModel(
                    name='HistoricalCallCentreLanguage',
                ),
                migrations.DeleteModel(
                    name='HistoricalInquiryDesk',
                ),
                migrations.DeleteModel(
                    name='HistoricalPhoneLine',
                ),
            ],
            database_operations=[],
        ),
    ]
