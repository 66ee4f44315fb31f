"""Phone numbers stored in E.164 become the form their issuer writes.

The seeded numbers get the issuer's grouping (0120-95-0178, 0120-0178-26);
any other gets libphonenumber's national form. tel: links are built from the
number at display time.
"""

from django.db import migrations

AS_ISSUED = {
    "+81120950178": "0120-95-0178",
    "+81120017826": "0120-0178-26",
    "+81120017827": "0120-0178-27",
    "+81352734348": "03-5273-4348",
}


def forwards(apps, schema_editor):
    from shinjuku_mynumber.phone import national

    for name in ("PhoneLine", "InquiryDesk"):
        model = apps.get_model("contacts", name)
        for row in model.objects.filter(phone__startswith="+"):
            row.phone = AS_ISSUED.get(row.phone) or national(row.phone)
            row.save(update_fields=["phone"])


class Migration(migrations.Migration):
    dependencies = [("contacts", "0003_callcentre_is_always_open")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
