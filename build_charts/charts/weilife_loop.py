"""Chart `weilife_loop`: schematic (not data) of the O2O loop WeChat's WeiLife service offered shops and restaurants."""

from build_charts import schematic

# One step a line: what happens | where | tooltip detail (words from the article and chapter 6)
STEPS = """
A restaurant, café or shop | venue | O2O, online-to-offline: a physical venue, where the article says no closed loop had yet formed online.
Customer takes the venue's WeChat membership card (WeiLife) | wechat | Tencent's WeiLife team released the card in mid-2012: a loyalty card the venue manages through WeChat.
The venue pushes offers to its followers | wechat | Offers and news reach the card's holders inside WeChat.
Customer pays with WeChat Pay at the till | wechat | A version of the card released in September 2013 added WeChat Pay.
"""  # noqa: E501


def build():
    return schematic.loop(
        STEPS,
        back="the customer comes back",
        places={"wechat": "inside WeChat", "venue": "offline, at the venue"},
        basis="Our schematic of the article's account of WeiLife (micro-life) and O2O (not data)",
        finding="WeiLife tried the closed loop on local shops first, where no rival had built one online",
        subtitle="Schematic of the article's account, not data: the O2O loop of WeChat's membership card (WeiLife)",
        summary="The venue is offline; the card, the offers and the payment happen inside WeChat. The article says "
        "the pattern was easy to copy but had not been tested at scale.",
    )
