"""``{% page_numbers page_obj as numbers %}``: the page numbers a list's pagination links to."""

from django import template

register = template.Library()


@register.simple_tag
def page_numbers(page_obj):
    """The first and last pages and those next to the current one, with None where pages are left out
    ([1, None, 4, 5, 6, None, 31]): a visitor reaches any page in a few steps, keyboard users too."""
    paginator = getattr(page_obj, "paginator", None)
    if paginator is None:
        return []  # a search's pages, which count no total
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(page_obj.number, on_each_side=1, on_ends=1)
    ]
