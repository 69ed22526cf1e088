"""Chart `front_door`: schematic of Taobao's one entrance in 2013, with Alibaba's counts of buyers and sellers."""

from build_charts import door, formats, kit

W = kit.words(
    en={
        "head": "2013, when the article was written",
        "buyers": "{n} shoppers (active buyers, 2013)",
        "buyers_detail": "Annual active buyers on Alibaba's China retail marketplaces, twelve months to December 2013.",
        "entrance": "One front door: Taobao's home and search",
        "entrance_detail": "Shoppers reach the sellers through one entrance the marketplace controls, so it decides "
        "whom they see.",
        "sellers": "{n} sellers (active sellers, 2013)",
        "sellers_detail": "Active sellers on Alibaba's China retail marketplaces (Taobao, Tmall, Juhuasuan), 2013.",
        "finding": "In 2013, {buyers} shoppers met {sellers} sellers through one front door",
        "subtitle": "Schematic of the article's argument; the two counts are data (Alibaba's figures for 2013)",
        "data": ", with two counts from Alibaba's figures",
        "summary": "Whoever holds the entrance holds the position, which is why a way round it mattered.",
    },
    zh={
        "head": "2013年，文章写作时",
        "buyers": "{n}买家（2013年活跃买家）",
        "buyers_detail": "阿里巴巴中国零售平台的年度活跃买家，截至2013年12月的十二个月。",
        "entrance": "一道正门：淘宝首页和搜索",
        "entrance_detail": "买家只能经由平台掌握的这一个入口找到卖家，看到谁由平台决定。",
        "sellers": "{n}卖家（2013年活跃卖家）",
        "sellers_detail": "阿里巴巴中国零售平台（淘宝、天猫、聚划算）的活跃卖家，2013年。",
        "finding": "2013年，{buyers}买家和{sellers}卖家经由同一道正门相遇",
        "subtitle": "示意图，表现文章的论点；两个数字是数据（阿里巴巴公布的2013年数字）",
        "data": "，其中两个数字来自阿里巴巴",
        "summary": "谁握着入口，谁就占着位置，所以绕开入口的路才如此要紧。",
    },
)


def build(taobao_sellers, alibaba_marketplaces):
    sellers = next(r for r in taobao_sellers.rows if r["source"] == "alibaba_f1_scale_copy" and r["period"] == "2013")
    buyers = next(r for r in alibaba_marketplaces.rows if r["measure"] == "annual_active_consumers_m")
    n_buyers, n_sellers = formats.number(buyers["value"], "million"), formats.number(sellers["value_m"], "million")
    panel = {
        "head": W("head"),
        "steps": [
            (W("buyers", n=n_buyers), "people", W("buyers_detail")),
            (W("entrance"), "door", W("entrance_detail")),
            (W("sellers", n=n_sellers), "people", W("sellers_detail")),
        ],
    }
    return door.chart(
        [panel],
        finding=W("finding", buyers=n_buyers, sellers=n_sellers),
        subtitle=W("subtitle"),
        summary=W("summary"),
        data=W("data"),
    )
