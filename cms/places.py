"""Where a text is, in words people read: "Block 5 (Pathway) · Step 2 · Action 1".

The one labeler for every place the admin names inside content: translators' segments and
editors' content warnings. Blocks and list items count from 1 and are named by the block
definitions' own labels.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

SEPARATOR = " · "


def block_name(block):
    return capfirst(str(block.label or block.name))


def trail_places(trail):
    """The names of the places along a walker's trail (cms.streams.Leaf.trail), outermost first.

    A list's items name themselves ("Step 2"), so the list's own name is left out before them.
    """
    places = []
    for position, (kind, block, index) in enumerate(trail):
        following = trail[position + 1][0] if position + 1 < len(trail) else None
        if kind == "stream":
            places.append(
                _("Block %(number)s (%(type)s)") % {"number": index + 1, "type": block_name(block)}
            )
        elif kind == "list":
            places.append(f"{block_name(block)} {index + 1}")
        elif following != "list":
            places.append(block_name(block))
    return places


def field_place(model, name):
    """A model field's name for people ("Summary")."""
    return capfirst(str(model._meta.get_field(name).verbose_name))


def join_places(places):
    return SEPARATOR.join(str(place) for place in places)
