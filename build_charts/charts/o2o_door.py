"""Chart `o2o_door`: schematic (not data) of the same door at a restaurant (O2O, WeChat's WeiLife membership
card), and what the article says was still missing there."""

from build_charts import door, kit

W = kit.words(
    en={
        "head": "2013: a restaurant's side door (O2O)",
        "diner": "A diner eats at a restaurant",
        "diner_detail": "O2O, online-to-offline: the sale happens at a physical venue.",
        "card": "Takes the restaurant's WeChat membership card (WeiLife)",
        "card_detail": "Tencent's WeiLife team released the card in mid-2012; the venue manages it through WeChat.",
        "push": "The restaurant pushes offers in WeChat",
        "push_detail": "Offers and news reach the card's holders inside WeChat.",
        "back": "The diner comes back and pays at the till",
        "back_detail": "A version of the card released in September 2013 added WeChat Pay.",
        "missing_loop": "Still missing: no online closed loop had formed yet",
        "missing_loop_detail": "The article: in O2O the online closed loop had not yet formed, which left room to try.",
        "missing_scale": "Still missing: not yet tested at scale",
        "missing_scale_detail": "The article: the pattern was easy to copy, but not yet verified at scale.",
        "finding": "At restaurants WeChat could open the side door, but in 2013 the loop was still untested",
        "subtitle": "Schematic of the article's account (2013), not data: WeChat's membership card (WeiLife)",
        "summary": "No marketplace stands between diner and restaurant here; what the article says was missing is"
        " a proven loop at scale.",
    },
    zh={
        "head": "2013年：餐馆的侧门（O2O）",
        "diner": "一位食客在餐馆用餐",
        "diner_detail": "O2O，即线上到线下：交易发生在实体店里。",
        "card": "领取餐馆的微信会员卡（微生活）",
        "card_detail": "腾讯微生活团队在2012年年中推出这种卡，店家通过微信管理它。",
        "push": "餐馆在微信里推送优惠",
        "push_detail": "优惠和消息在微信里送到持卡人手中。",
        "back": "食客再次光顾，在收银台付款",
        "back_detail": "2013年9月推出的新版会员卡加入了微信支付。",
        "missing_loop": "尚缺：线上闭环还没有形成",
        "missing_loop_detail": "文章说：O2O 领域的线上闭环模式尚未形成，因此可以自由探索。",
        "missing_scale": "尚缺：还没有经过大规模检验",
        "missing_scale_detail": "文章说：这套模式容易复制，但还没有经过大规模验证。",
        "finding": "在餐馆，微信能打开侧门，但在2013年这个闭环还未经检验",
        "subtitle": "示意图，表现文章的叙述（2013年），不是数据：微信会员卡（微生活）",
        "summary": "这里食客和餐馆之间没有交易平台；文章说缺的是一个经过大规模检验的闭环。",
    },
)


def build():
    panel = {
        "head": W("head"),
        "steps": [
            (W("diner"), "people", W("diner_detail")),
            (W("card"), "wechat", W("card_detail")),
            (W("push"), "wechat", W("push_detail")),
            (W("back"), "people", W("back_detail")),
            (W("missing_loop"), "out", W("missing_loop_detail")),
            (W("missing_scale"), "out", W("missing_scale_detail")),
        ],
    }
    return door.chart([panel], finding=W("finding"), subtitle=W("subtitle"), summary=W("summary"))
