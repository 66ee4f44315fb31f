"""The マイナンバー総合フリーダイヤル (Japanese and foreign-language lines) is
closed from 29 December to 3 January. Release 1.0 seeded both call centres as
never closing (the ward's 2021 page named no closure), so existing
installations would show them open on 31 December; this corrects those rows.
Their names and texts are updated by the loader like any untouched seed row.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    CallCentre = apps.get_model("contacts", "CallCentre")
    CallCentre.objects.filter(key__in=["japanese", "foreign-languages"]).update(
        observes_yearly_closures=True
    )


class Migration(migrations.Migration):
    dependencies = [("contacts", "0004_phone_numbers_as_written")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
