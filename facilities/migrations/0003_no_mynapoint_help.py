"""Existing installations stop offering Mynapoint help (applications closed on
30 September 2023) and keep phone numbers as written.

- the services "help with Mynapoint procedures" and "MyKey ID set-up
  (Mynapoint reservation)" are deleted, so no location offers them;
- the main office's staffed desk, which cannot be confirmed to exist today,
  becomes a draft (kept for staff, not shown) and loses the Mynapoint item to bring;
- phone numbers stored in E.164 are written the Japanese way.
"""

from django.db import migrations

MYNAPOINT_SERVICES = ["mynapoint-help", "mykey-id"]


def forwards(apps, schema_editor):
    from shinjuku_mynumber.phone import national

    Service = apps.get_model("facilities", "Service")
    Location = apps.get_model("facilities", "Location")
    ItemToBring = apps.get_model("facilities", "ItemToBring")
    Service.objects.filter(key__in=MYNAPOINT_SERVICES).delete()
    Location.objects.filter(slug="honcho-desk").update(status="draft")
    ItemToBring.objects.filter(location__slug="honcho-desk", key="payment-service").delete()
    # Written the issuer's way when known; libphonenumber's grouping otherwise.
    for location in Location.objects.filter(phone__startswith="+"):
        location.phone = national(location.phone)
        location.save(update_fields=["phone"])


class Migration(migrations.Migration):
    dependencies = [("facilities", "0002_location_access_accessibility")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
