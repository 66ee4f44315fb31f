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
        ('pages', '0002_publish_permissions'),
    ]

    operations = [
        migrations.AlterField(
            model_name='historicalbenefit',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalblock',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicaldocument',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalkeydate',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicallink',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicallistitem',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalnotice',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AlterField(
            model_name='historicalsection',
            name='history_user',
            field=models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='historicalblock',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalblock',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicaldocument',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicaldocument',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicalkeydate',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalkeydate',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicallink',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicallink',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicallistitem',
                    name='block',
                ),
                migrations.RemoveField(
                    model_name='historicallistitem',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalnotice',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalnotice',
                    name='section',
                ),
                migrations.RemoveField(
                    model_name='historicalsection',
                    name='history_user',
                ),
                migrations.RemoveField(
                    model_name='historicalsection',
                    name='inquiry_desk',
                ),
                migrations.DeleteModel(
                    name='HistoricalBenefit',
                ),
                migrations.DeleteModel(
                    name='HistoricalBlock',
                ),
                migrations.DeleteModel(
                    name='HistoricalDocument',
                ),
                migrations.DeleteModel(
                    name='HistoricalKeyDate',
                ),
                migrations.DeleteModel(
                    name='HistoricalLink',
                ),
                migrations.DeleteModel(
                    name='HistoricalListItem',
                ),
                migrations.DeleteModel(
                    name='HistoricalNotice',
                ),
                migrations.DeleteModel(
                    name='HistoricalSection',
                ),
            ],
            database_operations=[],
        ),
    ]
