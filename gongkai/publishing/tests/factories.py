"""Building published items for tests through the real service."""

from datetime import date

from gongkai.publishing import services


def publish(
    column,
    *,
    title="关于做好征地补偿工作的通知",
    written_on=date(2024, 3, 1),
    published_on=date(2024, 3, 5),
    body_html="<p>正文。</p>",
    actor=None,
    **fields,
):
    data = services.ItemData(
        title=title, written_on=written_on, body_html=body_html, **fields
    )
    return services.publish_item(
        column=column, data=data, published_on=published_on, actor=actor
    )
