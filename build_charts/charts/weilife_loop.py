"""Chart `weilife_loop`: schematic (not data) of the O2O loop WeChat's WeiLife service offered shops and restaurants."""

from build_charts import kit, schematic

# The steps, one a line: what happens | where | tooltip detail (words from the article and chapter 6)
W = kit.words(
    en={
        "steps": """
A restaurant, café or shop | venue | O2O, online-to-offline: a physical venue, where the article says no closed loop had yet formed online.
Customer takes the venue's WeChat membership card (WeiLife) | wechat | Tencent's WeiLife team released the card in mid-2012: a loyalty card the venue manages through WeChat.
The venue pushes offers to its followers | wechat | Offers and news reach the card's holders inside WeChat.
Customer pays with WeChat Pay at the till | wechat | A version of the card released in September 2013 added WeChat Pay.
""",  # noqa: E501
        "back": "the customer comes back",
        "wechat": "inside WeChat",
        "venue": "offline, at the venue",
        "basis": "Our schematic of the article's account of WeiLife (micro-life) and O2O (not data)",
        "finding": "WeiLife tried the closed loop on local shops first, where no rival had built one online",
        "subtitle": "Schematic of the article's account, not data: the O2O loop of WeChat's membership card (WeiLife)",
        "summary": "The venue is offline; the card, the offers and the payment happen inside WeChat. The article says "
        "the pattern was easy to copy but had not been tested at scale.",
    },
    zh={
        "steps": """
一家餐馆、咖啡馆或商店 | venue | O2O，即线上到线下：一家实体店。文章说，这一领域还没有谁在线上做成闭环。
顾客领取店家的微信会员卡（微生活） | wechat | 腾讯微生活团队在2012年年中推出这种卡：一张由店家通过微信管理的会员卡。
店家向关注者推送优惠 | wechat | 优惠和消息在微信里送到持卡人手中。
顾客在收银台用微信支付付款 | wechat | 2013年9月推出的新版会员卡加入了微信支付。
""",
        "back": "顾客再次光顾",
        "wechat": "在微信里",
        "venue": "在线下，在店里",
        "basis": "我们根据文章对微生活和 O2O 的叙述所画的示意图（不是数据）",
        "finding": "微生活先拿本地店铺试行闭环：这里还没有哪个对手在线上做成过",
        "subtitle": "示意图，表现文章的叙述，不是数据：微信会员卡（微生活）的 O2O 闭环",
        "summary": "店在线下；会员卡、优惠和付款都在微信里完成。文章说，这套模式容易复制，但还没有经过大规模检验。",
    },
)


def build():
    return schematic.loop(
        W("steps"),
        back=W("back"),
        places={"wechat": W("wechat"), "venue": W("venue")},
        basis=W("basis"),
        finding=W("finding"),
        subtitle=W("subtitle"),
        summary=W("summary"),
    )
