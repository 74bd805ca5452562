"""StreamField blocks for a guide's body: one named class per part of the article.

Block paths are imported by migrations: keep class names and this module's path stable.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "blockquote"]

PERSONA_MIN_AGE = 12
PERSONA_MAX_AGE = 100


def _non_empty(items):
    return [item for item in items if str(item or "").strip()]


class PersonaBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=80)
    age = blocks.IntegerBlock(
        label=_("Age"),
        required=False,
        min_value=PERSONA_MIN_AGE,
        max_value=PERSONA_MAX_AGE,
        help_text=_("Between 12 and 100."),
    )
    role = blocks.CharBlock(
        label=_("Role"),
        required=False,
        max_length=120,
        help_text=_("What the person does, e.g. “counsellor” or “product designer”."),
    )

    class Meta:
        icon = "user"
        label = _("Persona")
        help_text = _("The person the scenario follows.")


class ScenarioBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    narrative = blocks.RichTextBlock(label=_("Narrative"), features=RICH_TEXT_FEATURES)
    persona = PersonaBlock(label=_("Persona"), required=False)
    quote = blocks.TextBlock(
        label=_("Quote"),
        required=False,
        help_text=_("What the persona says, without quotation marks."),
    )

    class Meta:
        icon = "openquote"
        label = _("Problem scenario")
        help_text = _("The everyday situation the guide starts from, told through one person.")


class SectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    body = blocks.RichTextBlock(label=_("Body"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        help_text = _("A titled section of explanation, such as a core concept.")


class MechanismBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=160)
    description = blocks.TextBlock(label=_("Description"))

    class Meta:
        icon = "cog"
        label = _("Mechanism")
        help_text = _("One named mechanism and how it works.")


class MechanismListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    items = blocks.ListBlock(MechanismBlock(), label=_("Mechanisms"), min_num=1)

    class Meta:
        icon = "list-ol"
        label = _("Mechanism list")
        help_text = _("Named, numbered mechanisms, e.g. “Mechanism one: …”.")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    focus = blocks.TextBlock(label=_("Focus"), help_text=_("What this step works on."))
    day_from = blocks.IntegerBlock(label=_("From day"), min_value=1)
    day_to = blocks.IntegerBlock(label=_("To day"), min_value=1)
    prerequisites = blocks.TextBlock(label=_("Prerequisites"), required=False)
    actions = blocks.ListBlock(
        blocks.TextBlock(label=_("Action")),
        label=_("Actions"),
        min_num=1,
        help_text=_("Concrete things to do in this step; at least one."),
    )
    safety_note = blocks.TextBlock(label=_("Safety note"), required=False)

    class Meta:
        icon = "date"
        label = _("Step")
        help_text = _("One step of the pathway, with its recommended day range.")

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        day_from, day_to = value.get("day_from"), value.get("day_to")
        if day_from is not None and day_to is not None and day_from > day_to:
            errors["day_to"] = ValidationError(
                _("“To day” (%(to)s) must not be before “From day” (%(from)s).")
                % {"to": day_to, "from": day_from}
            )
        if not _non_empty(value.get("actions") or []):
            errors["actions"] = ValidationError(_("Add at least one action to this step."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class PathwayBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Pathway")
        help_text = _("A step-by-step practice pathway; day ranges run upwards without overlap.")

    def clean(self, value):
        value = super().clean(value)
        step_errors = {}
        previous = None
        for index, step in enumerate(value.get("steps") or []):
            day_from, day_to = step.get("day_from"), step.get("day_to")
            if previous is not None and day_from is not None and day_from <= previous[1]:
                step_errors[index] = StructBlockValidationError(
                    block_errors={
                        "day_from": ValidationError(
                            _(
                                "Step %(step)s starts on day %(from)s, which overlaps step "
                                "%(previous)s (days %(prev_from)s–%(prev_to)s). Day ranges must "
                                "run upwards without overlapping."
                            )
                            % {
                                "step": index + 1,
                                "from": day_from,
                                "previous": index,
                                "prev_from": previous[0],
                                "prev_to": previous[1],
                            }
                        )
                    }
                )
            if day_from is not None and day_to is not None:
                previous = (day_from, day_to)
        if step_errors:
            raise StructBlockValidationError(
                block_errors={"steps": ListBlockValidationError(block_errors=step_errors)}
            )
        return value


class CaseExampleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    person = blocks.CharBlock(
        label=_("Person"),
        required=False,
        max_length=160,
        help_text=_("Who the example is about, e.g. “Mei, 31, and her partner Jonah”."),
    )
    presenting_pattern = blocks.TextBlock(
        label=_("Presenting pattern"), help_text=_("What was happening before any change.")
    )
    approach = blocks.TextBlock(label=_("Approach"), required=False)
    process = blocks.TextBlock(label=_("Process"), required=False)
    outcome = blocks.TextBlock(label=_("Outcome"), required=False)

    class Meta:
        icon = "group"
        label = _("Case example")
        help_text = _("A worked example: pattern, approach, process and outcome.")


class SpotlightBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[
            ("theory", _("Theory")),
            ("researcher", _("Researcher")),
            ("study", _("Study")),
        ],
        default="theory",
    )
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    subject = blocks.CharBlock(
        label=_("Subject"),
        required=False,
        max_length=160,
        help_text=_("The researcher or theory in the spotlight."),
    )
    body = blocks.RichTextBlock(label=_("Body"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "pick"
        label = _("Spotlight")
        help_text = _("A highlight on a theory, a researcher or a study.")


class KeyInsightsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    insights = blocks.ListBlock(
        blocks.TextBlock(label=_("Insight")), label=_("Insights"), min_num=1
    )
    closing = blocks.TextBlock(label=_("Closing text"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Key insights")
        help_text = _("The numbered take-aways, with an optional closing line.")


class CopyPhraseBlock(blocks.StructBlock):
    phrase = blocks.TextBlock(label=_("Phrase"), help_text=_("Words a reader can copy and use."))
    situation = blocks.CharBlock(
        label=_("Situation"),
        required=False,
        max_length=200,
        help_text=_("When the phrase fits."),
    )

    class Meta:
        icon = "clipboard-list"
        label = _("Copy-ready phrase")
        help_text = _("A phrase readers can copy, and the situation it fits.")


class FAQBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(label=_("Answer"), features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "help"
        label = _("FAQ")
        help_text = _("A question and its answer, written for this guide.")


class FAQSnippetBlock(blocks.StructBlock):
    faq = SnippetChooserBlock("guides.FAQ", label=_("FAQ"))

    class Meta:
        icon = "help"
        label = _("Reusable FAQ")
        help_text = _("A question and answer shared between guides.")

    def get_api_representation(self, value, context=None):
        faq = value.get("faq")
        if faq is None:
            return None
        return {"id": faq.pk, "question": faq.question, "answer": faq.api_answer()}


class ReferenceBlock(blocks.StructBlock):
    author = blocks.CharBlock(label=_("Author"), max_length=200)
    year = blocks.IntegerBlock(label=_("Year"), required=False, min_value=1800, max_value=2100)
    work = blocks.CharBlock(label=_("Work"), required=False, max_length=300)
    url = blocks.URLBlock(label=_("Link"), required=False)

    class Meta:
        icon = "link"
        label = _("Reference")
        help_text = _("One source: author, year and work.")


class ReferencesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=200)
    items = blocks.ListBlock(ReferenceBlock(), label=_("References"), min_num=1)

    class Meta:
        icon = "doc-full-inverse"
        label = _("References")
        help_text = _("The sources the guide draws on.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alt text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for people who cannot see it; needed before publishing."
        ),
    )
    caption = blocks.TextBlock(label=_("Caption"), required=False)

    class Meta:
        icon = "image"
        label = _("Image")
        help_text = _("An image with alt text and an optional caption.")


class GuideBodyBlock(blocks.StreamBlock):
    scenario = ScenarioBlock()
    section = SectionBlock()
    mechanisms = MechanismListBlock()
    pathway = PathwayBlock()
    case_example = CaseExampleBlock()
    spotlight = SpotlightBlock()
    key_insights = KeyInsightsBlock()
    copy_phrase = CopyPhraseBlock()
    faq = FAQBlock()
    faq_snippet = FAQSnippetBlock()
    references = ReferencesBlock()
    image = ImageBlock()

    class Meta:
        label = _("Body")
        help_text = _("The guide, block by block.")
