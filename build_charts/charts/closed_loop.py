"""Chart `closed_loop`: schematic (not data) of the WeChat closed loop: parcel card → follow → push → pay → parcel."""

from build_charts import kit, schematic

# The steps, one a line: what happens | where | tooltip detail
W = kit.words(
    en={
        "steps": """
Parcel arrives with the seller's official-account card | offline | The parcel carries a card inviting the buyer to follow the seller's official account (in 2013, 公众账号, a 'public account') on WeChat.
Buyer follows the seller on WeChat | wechat | The customer relationship moves from the marketplace into the buyer's messaging app.
Seller pushes new products and promotions | wechat | The official account messages followers directly, with no marketplace in between.
Buyer pays with WeChat Pay | wechat | Payment inside WeChat (from August 2013) closes the loop without leaving the app.
""",  # noqa: E501
        "back": "next parcel, with the card again",
        "wechat": "inside WeChat",
        "offline": "offline, in the parcel",
        "basis": "Our schematic of the article's account (not data)",
        "finding": "With WeChat Pay, {inside} of the loop's {n} steps could happen inside WeChat",
        "subtitle": "Schematic of the article's argument, not data: how a seller keeps a buyer after the first sale",
        "summary": "{inside} of the steps happen inside WeChat, so once payment was added the seller no longer needed "
        "the marketplace for the repeat sale.",
    },
    zh={
        "steps": """
包裹送到，里面附着卖家公众账号的卡片 | offline | 包裹里放着一张卡片，邀请买家在微信上关注卖家的公众账号。
买家在微信上关注卖家 | wechat | 客户关系从交易平台搬进了买家的聊天应用。
卖家推送新品和促销 | wechat | 公众账号直接给关注者发消息，中间不再隔着交易平台。
买家用微信支付付款 | wechat | 在微信里付款（2013年8月起）让闭环合拢，不必离开应用。
""",
        "back": "下一个包裹，又附着那张卡片",
        "wechat": "在微信里",
        "offline": "在线下，在包裹里",
        "basis": "我们根据文章的叙述所画的示意图（不是数据）",
        "finding": "有了微信支付，闭环{n}步中有{inside}步可在微信里完成",
        "subtitle": "示意图，表现文章的论点，不是数据：卖家如何在第一单之后留住买家",
        "summary": "其中{inside}步在微信里完成，所以一旦加上支付，卖家做回头生意就不再需要交易平台。",
    },
)


def build():
    steps = schematic.table(W("steps"))
    inside = sum(place == "wechat" for _, place, _ in steps)
    return schematic.loop(
        W("steps"),
        back=W("back"),
        places={"wechat": W("wechat"), "offline": W("offline")},
        basis=W("basis"),
        finding=W("finding", inside=inside, n=len(steps)),
        subtitle=W("subtitle"),
        summary=W("summary", inside=inside),
    )
