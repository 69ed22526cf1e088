"""Chart `side_door`: schematic, in two states, of sellers taking buyers out through WeChat and WeChat Pay closing
the loop round the marketplace; WeChat's monthly users from Tencent's reports."""

from build_charts import door, formats, kit

W = kit.words(
    en={
        "head1": "1 · 2013: the side door",
        "head2": "2 · With WeChat Pay (from August 2013): the repeat purchase",
        "short1": "1 · The side door",
        "short2": "2 · With WeChat Pay",
        "buyer": "A buyer",
        "taobao_first": "First purchase through Taobao's front door",
        "taobao_first_detail": "The marketplace brings buyer and seller together and sees the sale.",
        "parcel": "The parcel carries the seller's WeChat card",
        "parcel_detail": "The article: sellers put their WeChat official account (a 'public account') in the box.",
        "follow": "The buyer follows the seller in WeChat ({mau} monthly users, {quarter})",
        "follow_detail": "The customer relationship moves into the buyer's messaging app.",
        "push": "The seller messages the buyer: new products, offers",
        "push_detail": "The article: the accounts simply push the shop's latest products and promotions.",
        "pay": "The buyer pays with WeChat Pay",
        "pay_detail": "The article: WeChat Pay made a 'complete closed loop' possible.",
        "seller": "The seller ships: sale made",
        "seller_detail": "The second sale happens between buyer and seller, inside WeChat.",
        "out": "Taobao: left out of the repeat purchase",
        "out_detail": "The marketplace no longer sees, or takes part in, the repeat sale.",
        "finding": "With WeChat Pay the repeat purchase could go round Taobao, inside WeChat",
        "subtitle": "Schematic of the article's argument (2013), not data, except WeChat's monthly users",
        "data": ", except WeChat's monthly users (Tencent's figure)",
        "summary": "In the second state the marketplace drops out of the loop. The article calls this possible,"
        " not done.",
    },
    zh={
        "head1": "1 · 2013年：侧门",
        "head2": "2 · 有了微信支付（2013年8月起）：回头购买",
        "short1": "1 · 侧门",
        "short2": "2 · 有了微信支付",
        "buyer": "一位买家",
        "taobao_first": "第一单经由淘宝正门",
        "taobao_first_detail": "平台撮合买卖双方，看得见这笔交易。",
        "parcel": "包裹里附着卖家的微信卡片",
        "parcel_detail": "文章说：卖家在发货时把微信公众账号放进包裹。",
        "follow": "买家在微信里关注卖家（{mau}月活跃用户，{quarter}）",
        "follow_detail": "客户关系搬进了买家的聊天应用。",
        "push": "卖家给买家发消息：新品、优惠",
        "push_detail": "文章说：这些账号只是推送店铺的新品和促销信息。",
        "pay": "买家用微信支付付款",
        "pay_detail": "文章说：微信支付让交易形成完整闭环成为可能。",
        "seller": "卖家发货：成交",
        "seller_detail": "第二单在买卖双方之间、在微信里完成。",
        "out": "淘宝：不在回头购买之中",
        "out_detail": "平台不再看得见、也不再参与这第二单。",
        # \u200b (kit.BREAK): a line breaks only there, so no word is cut
        "finding": "有了微信支付，\u200b回头购买\u200b可以绕开淘宝，\u200b在微信里完成",
        "subtitle": "示意图，表现文章的论点（2013年），不是数据，微信月活跃用户除外",
        "data": "，微信月活跃用户（腾讯的数字）除外",
        "summary": "在第二个状态里，平台退出了这个循环。文章说这是可能，而不是已经如此。",
    },
)
QUARTER = "2013-09-30"  # the quarter WeChat Pay arrived in (August 2013)


def build(wechat_users):
    row = next(r for r in wechat_users.rows if str(r["period_end"]) == QUARTER)
    mau, quarter = formats.number(row["mau_m"], "million"), kit.quarter(QUARTER)
    side = {
        "head": W("head1"),
        "short": W("short1"),
        "steps": [
            (W("buyer"), "people", ""),
            (W("taobao_first"), "door", W("taobao_first_detail")),
            (W("parcel"), "people", W("parcel_detail")),
            (W("follow", mau=mau, quarter=quarter), "wechat", W("follow_detail")),
        ],
    }
    repeat = {
        "head": W("head2"),
        "short": W("short2"),
        "steps": [
            (W("push"), "wechat", W("push_detail")),
            (W("pay"), "wechat", W("pay_detail")),
            (W("seller"), "people", W("seller_detail")),
            (W("out"), "out", W("out_detail")),
        ],
    }
    return door.chart(
        [side, repeat], finding=W("finding"), subtitle=W("subtitle"), summary=W("summary"), data=W("data")
    )
