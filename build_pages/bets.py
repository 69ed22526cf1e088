"""The article's bets on the pages: the card lines, checked before the build and turned into HTML.

Three lines, each on its own line outside code, like a chart line:

- `[[bets]]`: every card, verdicts left out (the home page, where the reader may mark a bet);
- `[[bet ID]]`: one card with its verdict behind a disclosure, on the chapter that weighs it (the page's
  number must be the bet's `chapter` in data/bets.csv);
- `[[bets scored]]`: every card scored (the epilogue's scorecard): the bet in one short line, its verdict as a
  badge and one short sentence, the reader's mark, and the longer verdict, the claim in full and the source
  behind a disclosure.

The cards' parts (claim, verdict, evidence, cited source) come from the charts side through the manifest
(`Manifest.bets`); the words around them (buttons, disclosure, chapter links) are the edition's
(`editions.py`). The mark buttons carry `hidden` until `bets.js` runs: without a script the cards are a
list to read, and every verdict sits in a `<details>` that opens by keyboard.
"""

from __future__ import annotations

from pathlib import Path

from build_pages import markers
from build_pages.editions import Edition

SCORED = "scored"  # `[[bets scored]]`
SCORED_SET = '<ol class="mw-bets" data-mode="scored"'  # how the scored set starts: finish gives its page its card


def chapter_dirs(docs_dir: Path) -> dict[int, str]:
    """Each numbered page's address under the edition's root (directory URLs): {5: '05-wechat-…/'}."""
    out = {}
    for page in sorted(docs_dir.glob("*.md")):
        number = page.name.split("-", 1)[0]
        if number.isdigit():
            out[int(number)] = page.stem + "/"
    return out


def _card(bid: str, bet: dict, ed: Edition, chapters: dict[int, str], mode: str) -> str:
    """One card: the claim, the reader's mark (hidden until the script runs) and, but on the home page, the
    verdict (hindsight): behind a disclosure on its chapter; as a badge and a short sentence on the scorecard,
    with the longer verdict behind the disclosure."""
    no = bet["chapter"]
    href = f"{markers.ROOT}{chapters.get(no, '')}#bet-{bid}"
    where = ed.say("bet_where" if mode == "home" else "bet_chapter", no=no)
    link = "" if mode == "chapter" else f'<p class="mw-bet-where"><a href="{href}">{where}</a></p>'
    ask = f"bet-ask-{mode}-{bid}"  # the visible question names the buttons' group
    mark = (
        f'<div class="mw-bet-mark" role="group" aria-labelledby="{ask}" hidden>'
        f'<span class="mw-bet-ask" id="{ask}">{ed.say("bet_mark")}</span>'
        f'<button type="button" class="mw-bet-yes" data-mark="yes" aria-pressed="false">{ed.say("bet_yes")}</button>'
        f'<button type="button" class="mw-bet-no" data-mark="no" aria-pressed="false">{ed.say("bet_no")}</button>'
        "</div>"
    )

    def claim(text: str) -> str:
        return f'<p class="mw-bet-claim"><span class="mw-bet-label">{bet["label"]}</span> {text}</p>'

    source = f'<p class="mw-bet-source">{ed.say("bet_source")}{bet["source"]}</p>'
    if mode == "home":
        body = f"{claim(bet['claim'])}{mark}{link}"
    elif mode == "chapter":
        body = (
            f'{claim(bet["claim"])}{mark}<details class="mw-bet-verdict" data-verdict="{bet["verdict"]}">'
            f"<summary>{ed.say('bet_verdict')}</summary>"
            f'<p><strong class="mw-verdict">{bet["verdict_label"]}</strong>{ed.say("bet_stop")}{bet["evidence"]}</p>'
            f"{source}</details>"
        )
    else:  # the scorecard: one short line each for the bet and its verdict, the rest one tap away
        body = (
            f"{claim(bet['bet'])}"
            f'<p class="mw-bet-score"><strong class="mw-verdict" data-verdict="{bet["verdict"]}">'
            f"{bet['verdict_label']}</strong> {bet['gist']}</p>{mark}"
            f'<details class="mw-bet-verdict" data-verdict="{bet["verdict"]}">'
            f"<summary>{ed.say('bet_more')}</summary>"
            f"<p>{bet['evidence']}</p>{source}"
            f'<p class="mw-bet-full">{ed.say("bet_claim")}{bet["claim"]}</p>{link}</details>'
        )
    at = f' id="bet-{bid}"' if mode == "chapter" else ""
    return f'<li class="mw-bet" data-bet="{bid}"{at}>{body}</li>'


def html(parts: dict, ed: Edition, docs_dir: Path, what: str, bid: str | None) -> str:
    """The HTML of one bets line: `what` is 'bets' (with `bid` None or 'scored') or 'bet' (with a bet id)."""
    chapters = chapter_dirs(docs_dir)
    if what == "bet":
        ids, mode = [bid], "chapter"
    else:
        ids, mode = parts["order"], SCORED if bid == SCORED else "home"
    cards = "".join(_card(i, parts["bets"][i], ed, chapters, mode) for i in ids)
    return f'<ol class="mw-bets" data-mode="{mode}" aria-label="{ed.say("bets_label")}">{cards}</ol>'
