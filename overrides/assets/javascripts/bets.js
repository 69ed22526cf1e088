/* The article's bets: the reader marks what they would have bet in 2013 (build_pages/bets.py makes the cards).
   A mark is kept in this browser's localStorage only, never sent anywhere; where storage is refused (private
   modes, blocked cookies) marking still works for the page. The buttons carry `hidden` in the HTML, as they
   do nothing without this script. It says no words of its own: the cards' words are the edition's. */
(function () {
  "use strict";
  var PREFIX = "mw-bet:";

  function load(id) {
    try {
      return window.localStorage.getItem(PREFIX + id);
    } catch (e) {
      return null; // storage refused: the mark lives as long as the page
    }
  }

  function save(id, mark) {
    try {
      if (mark) window.localStorage.setItem(PREFIX + id, mark);
      else window.localStorage.removeItem(PREFIX + id);
    } catch (e) {
      /* storage refused or full: the page still shows the mark */
    }
  }

  // every card of one bet on the page shows the same mark
  function show(id, mark) {
    var buttons = document.querySelectorAll('.mw-bet[data-bet="' + id + '"] .mw-bet-mark button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-mark") === mark));
    }
  }

  function start() {
    var cards = document.querySelectorAll(".mw-bet[data-bet]");
    for (var i = 0; i < cards.length; i++) {
      var group = cards[i].querySelector(".mw-bet-mark");
      if (!group) continue;
      group.hidden = false;
      show(cards[i].getAttribute("data-bet"), load(cards[i].getAttribute("data-bet")));
    }
    document.addEventListener("click", function (event) {
      var button = event.target.closest && event.target.closest(".mw-bet-mark button");
      if (!button) return;
      var id = button.closest(".mw-bet").getAttribute("data-bet");
      // pressing the pressed button again takes the mark back
      var mark = button.getAttribute("aria-pressed") === "true" ? null : button.getAttribute("data-mark");
      save(id, mark);
      show(id, mark);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
