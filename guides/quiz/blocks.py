"""The blocks a relationship test is written with. Keys are RegexBlocks: translators never see
them, and scoring reads them from the English version only."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

KEY_PATTERN = r"^[a-z][a-z0-9_-]{0,39}$"
KEY_ERROR = {"invalid": _("Use lower-case letters, digits, - and _, starting with a letter.")}


def key_block(label, help_text=""):
    return blocks.RegexBlock(
        regex=KEY_PATTERN, error_messages=KEY_ERROR, label=label, help_text=help_text
    )


class DimensionBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("e.g. anxiety; options and profiles refer to it."))
    name = blocks.CharBlock(label=_("Name"), max_length=100)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "resubmit"
        label = _("Dimension")


class ScoreBlock(blocks.StructBlock):
    dimension = key_block(_("Dimension key"))
    points = blocks.IntegerBlock(label=_("Points"), min_value=-100, max_value=100)

    class Meta:
        label = _("Score")


class OptionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Answer"), max_length=200)
    scores = blocks.ListBlock(ScoreBlock(), label=_("Scores"), min_num=1)

    class Meta:
        label = _("Answer option")


class QuestionBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Question"))
    reverse_scored = blocks.BooleanBlock(
        label=_("Reverse-scored"),
        required=False,
        help_text=_("Agreeing means less of the dimension: points count from the other end."),
    )
    options = blocks.ListBlock(OptionBlock(), label=_("Answer options"), min_num=2)

    class Meta:
        icon = "help"
        label = _("Question")


class RangeBlock(blocks.StructBlock):
    dimension = key_block(_("Dimension key"))
    minimum = blocks.DecimalBlock(label=_("From (inclusive)"), decimal_places=2)
    maximum = blocks.DecimalBlock(
        label=_("To (exclusive, except at the top of the scale)"), decimal_places=2
    )

    class Meta:
        label = _("Score range")


class PlaybookItemBlock(blocks.StructBlock):
    guide = blocks.PageChooserBlock(label=_("Guide"), page_type="guides.GuidePage")
    step = blocks.IntegerBlock(
        label=_("Pathway step"),
        required=False,
        min_value=1,
        help_text=_("The step's number in the guide's pathway; blank for the whole guide."),
    )
    note = blocks.TextBlock(label=_("Why this helps"), required=False)

    class Meta:
        label = _("Playbook item")


class ProfileBlock(blocks.StructBlock):
    key = key_block(_("Key"), _("e.g. secure"))
    name = blocks.CharBlock(label=_("Name"), max_length=100)
    description = blocks.TextBlock(label=_("Description"))
    strengths = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Strengths"))
    growth_edges = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Growth edges"))
    tips = blocks.ListBlock(blocks.TextBlock(), label=_("Communication tips"))
    ranges = blocks.ListBlock(RangeBlock(), label=_("Score ranges"), min_num=1)
    playbook = blocks.ListBlock(PlaybookItemBlock(), label=_("Playbook"))

    class Meta:
        icon = "user"
        label = _("Profile")


class DimensionsBlock(blocks.StreamBlock):
    dimension = DimensionBlock()


class QuestionsBlock(blocks.StreamBlock):
    question = QuestionBlock()


class ProfilesBlock(blocks.StreamBlock):
    profile = ProfileBlock()
