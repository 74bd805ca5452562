"""The glossary's permissions and first terms.

zh-hans translation reviewers keep the glossary (add, change, delete, view); translators,
editors and reviewers read it. The first terms pair the domain words of the search dictionary
(cms/search/dictionary.txt) with their English. The data lives here, and only historical models
are used, so this keeps working as the live models change.
"""

from django.db import migrations

from cms.workflow.roles import EDITORS, REVIEWERS, TRANSLATION_REVIEWERS, TRANSLATORS

MODEL = "glossaryterm"
GRANTS = {
    TRANSLATION_REVIEWERS: ["add", "change", "delete", "view"],
    TRANSLATORS: ["view"],
    EDITORS: ["view"],
    REVIEWERS: ["view"],
}

# (English, agreed Chinese, note). Where matches overlap the longer English wins, so
# "anxious attachment" is checked for 焦虑型依恋, not also for 依恋 (cms.i18n.glossary).
TERMS = [
    ("attachment", "依恋", "Use 依恋 throughout, not 依附."),
    ("attachment pattern", "依恋模式", ""),
    ("attachment style", "依恋风格", ""),
    ("attachment theory", "依恋理论", ""),
    ("secure attachment", "安全型依恋", ""),
    ("anxious attachment", "焦虑型依恋", ""),
    ("avoidant attachment", "回避型依恋", ""),
    ("disorganized attachment", "混乱型依恋", ""),
    ("disorganised attachment", "混乱型依恋", "British spelling of disorganized attachment."),
    ("fearful-avoidant attachment", "恐惧型依恋", "Also called disorganized attachment."),
    ("fearful-avoidant", "恐惧型", "As in a fearful-avoidant partner."),
    ("neuroplasticity", "神经可塑性", ""),
    ("silent treatment", "冷暴力", ""),
    ("felt security", "安全感", "The attachment-theory term."),
    ("sense of security", "安全感", ""),
    ("pursue-withdraw cycle", "追逃循环", ""),
    ("withdraw-pursue cycle", "追逃循环", "The same cycle as pursue-withdraw."),
    ("reassurance loop", "安慰循环", ""),
    ("emotion regulation", "情绪调节", ""),
    ("emotional regulation", "情绪调节", ""),
    ("emotionally focused therapy", "情绪聚焦疗法", "EFT, the couples therapy."),
    ("self-soothing", "自我安抚", ""),
    ("self-soothe", "自我安抚", ""),
    ("repair attempt", "修复尝试", "Gottman's term."),
    ("intimate relationship", "亲密关系", ""),
    ("communication pattern", "沟通模式", ""),
    ("co-regulation", "共同调节", ""),
    ("nervous system", "神经系统", ""),
    ("implicit memory", "内隐记忆", ""),
    ("trauma", "创伤", ""),
]


def _permissions(apps, actions):
    return apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="cms", codename__in=[f"{action}_{MODEL}" for action in actions]
    )


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this needs them now.
    from django.apps import apps as global_apps
    from django.contrib.auth.management import create_permissions

    create_permissions(global_apps.get_app_config("cms"), verbosity=0)
    group_model = apps.get_model("auth", "Group")
    for name, actions in GRANTS.items():
        group, _created = group_model.objects.get_or_create(name=name)
        group.permissions.add(*_permissions(apps, actions))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        group.permissions.remove(*_permissions(apps, GRANTS[group.name]))


def seed(apps, schema_editor):
    """Add the first terms; a term already there (same English) is left as it is."""
    term_model = apps.get_model("cms", "GlossaryTerm")
    for english, chinese, note in TERMS:
        term_model.objects.get_or_create(
            english=english, defaults={"chinese": chinese, "note": note}
        )


def unseed(apps, schema_editor):
    apps.get_model("cms", "GlossaryTerm").objects.filter(
        english__in=[english for english, _chinese, _note in TERMS]
    ).delete()


def install(apps, schema_editor):
    """Everything this migration adds (re-run by the tests after a flush)."""
    grant(apps, schema_editor)
    seed(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0011_workspace_memory_glossary"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(grant, revoke),
        migrations.RunPython(seed, unseed),
    ]
