"""Chart `closed_loop`: schematic (not data) of the WeChat closed loop: parcel card → follow → push → pay → parcel."""

from build_charts import schematic

# One step a line: what happens | where | tooltip detail
STEPS = """
Parcel arrives with the seller's official-account card | offline | The parcel carries a card inviting the buyer to follow the seller's official account (in 2013, 公众账号, a 'public account') on WeChat.
Buyer follows the seller on WeChat | wechat | The customer relationship moves from the marketplace into the buyer's messaging app.
Seller pushes new products and promotions | wechat | The official account messages followers directly, with no marketplace in between.
Buyer pays with WeChat Pay | wechat | Payment inside WeChat (from August 2013) closes the loop without leaving the app.
"""  # noqa: E501


def build():
    steps = schematic.table(STEPS)
    inside = sum(place == "wechat" for _, place, _ in steps)
    return schematic.loop(
        STEPS,
        back="next parcel, with the card again",
        places={"wechat": "inside WeChat", "offline": "offline, in the parcel"},
        basis="Our schematic of the article's account (not data)",
        finding=f"With WeChat Pay, {inside} of the loop's {len(steps)} steps could happen inside WeChat",
        subtitle="Schematic of the article's argument, not data: how a seller keeps a buyer after the first sale",
        summary=f"{inside} of the steps happen inside WeChat, so once payment was added the seller no longer needed "
        "the marketplace for the repeat sale.",
    )
