"""Staff roles, in one place: group name -> the permissions the group holds.

A permission is "app_label.codename"; "app_label.*" stands for the add, change,
delete and view permissions of every model of that app, "app_label.edit" for
add, change and view only (so models an app adds later are covered).
Permissions that do not exist (yet) are skipped.

Content editors never publish or delete anything residents can see: deleting
and publishing are the Publishers' (tests/test_roles.py walks every admin
model as an editor).

The groups are created by a data migration (shinjuku_mynumber/migrations) and
re-synced after every `migrate` (pages/signals.py), so what is written here is
always what the groups hold. A staff account in no group sees nothing.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Content editors"
PUBLISHERS = "Publishers"

_EDITING = [
    # Sections, notices and their parts (publishing itself is a separate permission).
    "pages.edit",
    # Inquiry desks and call centres; support-desk locations and their hours.
    "contacts.edit",
    "facilities.edit",
    # Readings of proper nouns for the furigana pages (publishers may delete them).
    "furigana.add_reading",
    "furigana.change_reading",
    "furigana.view_reading",
    # The sources recorded for any of these rows (shinjuku_mynumber/models.py).
    "shinjuku_mynumber.add_source",
    "shinjuku_mynumber.change_source",
    "shinjuku_mynumber.delete_source",
    "shinjuku_mynumber.view_source",
    # Page survey: counts of "was this page helpful?" answers.
    "survey.view_results",
]

ROLES: dict[str, list[str]] = {
    EDITORS: _EDITING,
    PUBLISHERS: [
        *_EDITING,
        "pages.*",
        "contacts.*",
        "facilities.*",
        "pages.publish_section",
        "pages.publish_notice",
        "facilities.publish_location",
        # The emergency banner on every page.
        "shinjuku_mynumber.*",
        "survey.view_comments",
        "survey.export_feedback",
    ],
}

MODEL_ACTIONS = {"*": ("add", "change", "delete", "view"), "edit": ("add", "change", "view")}


def _wanted(spec: str, permission) -> bool:
    app_label, codename = spec.split(".", 1)
    if permission.content_type.app_label != app_label:
        return False
    if codename in MODEL_ACTIONS:
        model = permission.content_type.model
        return permission.codename in {f"{action}_{model}" for action in MODEL_ACTIONS[codename]}
    return permission.codename == codename


def sync_groups(apps=global_apps, using=DEFAULT_DB_ALIAS) -> None:
    """Make each role's group hold exactly the role's permissions that exist."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, specs in ROLES.items():
        labels = {spec.split(".", 1)[0] for spec in specs}
        candidates = (
            Permission.objects.using(using)
            .filter(content_type__app_label__in=labels)
            .select_related("content_type")
        )
        granted = [p for p in candidates if any(_wanted(spec, p) for spec in specs)]
        group, _created = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(granted)


def create_all_permissions(apps, using=DEFAULT_DB_ALIAS) -> None:
    """Create every app's permissions now (Django creates them only after `migrate`)."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # Migration state apps have no models module; create_permissions wants one.
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, apps=apps, using=using, verbosity=0)
        finally:
            app_config.models_module = models_module


def sync_after_migrate(sender, apps=global_apps, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    """post_migrate receiver: sync once, after the last app's permissions exist."""
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if with_models and sender.label == with_models[-1].label:
        sync_groups(apps, using)


def requires_second_factor(user) -> bool:
    """Superusers and Publishers (who put content in front of residents) must
    sign in with a second factor; Content editors may add one."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=PUBLISHERS).exists()
