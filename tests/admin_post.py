"""POST data for Wagtail's page editor, built from a page: what a browser would submit."""

from wagtail import blocks
from wagtail.blocks.base import BlockField

from cms.streams import item_value


def stream_data(block, raw, prefix):
    data = {}
    if isinstance(block, blocks.StreamBlock):
        items = list(raw or [])
        data[f"{prefix}-count"] = str(len(items))
        for index, item in enumerate(items):
            key = f"{prefix}-{index}"
            data.update(
                {f"{key}-type": item["type"], f"{key}-deleted": "", f"{key}-order": str(index)}
            )
            data[f"{key}-id"] = item.get("id", "")
            data.update(
                stream_data(block.child_blocks[item["type"]], item["value"], f"{key}-value")
            )
    elif isinstance(block, blocks.ListBlock):
        items = list(raw or [])
        data[f"{prefix}-count"] = str(len(items))
        for index, item in enumerate(items):
            key = f"{prefix}-{index}"
            data.update({f"{key}-deleted": "", f"{key}-order": str(index)})
            data[f"{key}-id"] = item.get("id", "") if isinstance(item, dict) else ""
            data.update(stream_data(block.child_block, item_value(item), f"{key}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            data.update(stream_data(child, (raw or {}).get(name), f"{prefix}-{name}"))
    elif isinstance(block, blocks.RichTextBlock):
        data[prefix] = block.field.widget.format_value(raw or "")
    else:
        data[prefix] = "" if raw is None else str(raw)
    return data


def edit_form_data(page, user, **changes):
    """The edit form as it stands for `page`, with `changes` (field name -> value) applied."""
    form_class = page.get_edit_handler().get_form_class()
    form = form_class(instance=page, parent_page=page.get_parent(), for_user=user)
    data = {}
    for name, field in form.fields.items():
        if isinstance(field, BlockField):
            stream = getattr(page, name)
            data.update(stream_data(field.block, list(stream.raw_data) if stream else [], name))
            continue
        value = form[name].value()
        if isinstance(value, bool):
            if value:
                data[name] = "on"
            continue
        formatted = field.widget.format_value(value)
        if isinstance(formatted, list):
            formatted = formatted[0] if formatted else ""
        data[name] = "" if formatted is None else formatted
    for prefix in form.formsets:
        data[f"{prefix}-TOTAL_FORMS"] = "0"
        data[f"{prefix}-INITIAL_FORMS"] = "0"
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
    data.update(changes)
    return data


class AdminSession:
    """A browser's admin session: a real login and a CSRF token on every POST (the test
    client skips CSRF checks unless asked to enforce them)."""

    def __init__(self, user):
        from django.test import Client

        self.client = Client(enforce_csrf_checks=True)
        self.client.raise_request_exception = False
        self.client.force_login(user)
        self.user = user

    def get(self, url, *args, **kwargs):
        return self.client.get(url, *args, **kwargs)

    def post(self, url, data=None, **kwargs):
        self.client.get("/admin/")  # the admin sets the CSRF cookie, as a browser gets it
        token = self.client.cookies["csrftoken"].value
        return self.client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **kwargs)
