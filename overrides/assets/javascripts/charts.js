/* Hydrate static chart figures into live Vega views, lazily, and survive instant navigation.
 *
 * Each <figure class="mw-chart" data-spec="…vg.json"> starts as a build-time SVG. This small
 * file, on every page, only decides *when*: once the reader engages with a chart (scrolls it
 * near, points at it, touches it or tabs into it) it fetches, once, the vendored Vega runtime
 * (served by this site), the live half (charts-live.js) and the chart's pre-compiled Vega spec.
 * Expressions run through vega-interpreter (no eval: strict CSP works). Colours follow
 * Material's palette through CSS generated from theme.py, so a palette toggle needs no
 * re-render. Views of a page being left are finalized.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var vendor = new URL("../vendor/", here);
  var live = new Set(); // views currently alive (tests read window.mwCharts.live)
  var byId = new Map(); // chart id -> promise of its view on the current page
  var observer = null;
  var runtimeReady = null; // Vega, its expression interpreter and charts-live.js, loaded once
  var resizers = new Set();

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = url;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + url)); };
      document.head.appendChild(s);
    });
  }

  function runtime() {
    if (!runtimeReady) {
      runtimeReady = Promise.all([
        loadScript(new URL("vega.min.js", vendor).href).then(function () {
          return loadScript(new URL("vega-interpreter.js", vendor).href);
        }),
        loadScript(new URL("charts-live.js", here).href)
      ]);
    }
    return runtimeReady;
  }

  var generation = 0; // bumped per page: work that finishes after the reader left is dropped

  function hydrate(figure) {
    if (figure.dataset.state) return byId.get(figure.dataset.chart);
    figure.dataset.state = "loading";
    var born = generation;
    var ctx = {
      live: live,
      resizers: resizers,
      current: function (f) { return born === generation && document.contains(f); }
    };
    // the narrow drawing where the page shows it (the same media query as site.css)
    var url = figure.dataset.specNarrow && matchMedia("(max-width: 600px)").matches
      ? figure.dataset.specNarrow : figure.dataset.spec;
    var p = Promise.all([runtime(), fetch(url).then(function (r) {
      if (!r.ok) throw new Error("spec " + url + ": HTTP " + r.status);
      return r.json();
    })]).then(function (res) {
      return window.mwChartsLive.mount(figure, res[1], ctx);
    }).catch(function (err) {
      figure.dataset.state = "static";
      if (born === generation) console.warn("chart " + figure.dataset.chart + " stays static:", err);
      throw err;
    });
    byId.set(figure.dataset.chart, p);
    return p;
  }

  function finalizeAll() {
    live.forEach(function (view) { view.finalize(); });
    live.clear();
    byId.clear();
    resizers.forEach(function (ro) { ro.disconnect(); });
    resizers.clear();
    if (observer) observer.disconnect();
    if (window.mwChartsLive) window.mwChartsLive.reset();
  }

  /* The static SVG is complete and readable, so the runtime waits for the reader: a chart
   * hydrates when it is near the viewport AND the reader has scrolled, or at once when the
   * reader points at, touches or tabs into it. A page that is only looked at loads no Vega. */
  var engaged = false;
  var near = new Set();
  function engage() {
    if (engaged) return;
    engaged = true;
    near.forEach(function (f) { hydrate(f).catch(function () {}); });
    near.clear();
  }
  ["scroll", "wheel", "touchmove", "keydown"].forEach(function (type) {
    window.addEventListener(type, engage, { passive: true, once: true });
  });

  /* The PNG button (hidden without script) is drawn by charts-live.js; pointing at the figure has
   * usually fetched that file already. */
  document.addEventListener("click", function (e) {
    var button = e.target.closest && e.target.closest(".mw-chart__png button");
    if (!button) return;
    runtime().then(function () { return window.mwChartsLive.savePng(button); }).catch(function (err) {
      console.warn("PNG download failed:", err);
    });
  });

  /* The language switch (the header's link to the same page in the other edition) keeps the reader's
   * place: the anchor in the address, else the chart in view. Both editions give charts and headings
   * the same ids. Without script the link still leads to the same page. */
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.mw-lang");
    if (!link) return;
    var place = location.hash;
    if (!place) {
      var seen = Array.prototype.find.call(document.querySelectorAll("figure.mw-chart[id]"), function (f) {
        var r = f.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      place = seen ? "#" + seen.id : "";
    }
    if (place) link.href = link.href.split("#")[0] + place;
  });

  function start(root) {
    generation += 1;
    finalizeAll();
    near.clear();
    roundsReady(root);
    root.querySelectorAll(".mw-chart__png[hidden]").forEach(function (s) { s.hidden = false; });
    var figures = Array.prototype.slice.call(root.querySelectorAll("figure.mw-chart[data-spec]"));
    if (!figures.length) return;
    figures.forEach(function (f) {
      ["pointerover", "touchstart", "focusin"].forEach(function (type) {
        f.addEventListener(type, function () { hydrate(f).catch(function () {}); }, { once: true, passive: true });
      });
      keyboardReady(f);
    });
    if (!("IntersectionObserver" in window)) { figures.forEach(function (f) { hydrate(f).catch(function () {}); }); return; }
    // the view, not the figure: a sticky chart's figure is `display: contents` (no box to observe)
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        var f = e.target.closest("figure.mw-chart");
        if (!e.isIntersecting) { near.delete(f); return; }
        if (engaged) { observer.unobserve(e.target); hydrate(f).catch(function () {}); }
        else near.add(f);
      });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (f) { observer.observe(f.querySelector(".mw-chart__view") || f); });
  }

  /* Keyboard and screen readers: each chart's view is a tab stop (tabbing in hydrates it), named
   * by its title, with how to step through it and a polite live region that charts-live.js fills
   * as the arrow keys move from value to value. Made here, before any Vega, so they exist at once. */
  function keyboardReady(f) {
    var view = f.querySelector(".mw-chart__view");
    if (!view || view.hasAttribute("tabindex")) return;
    var title = f.querySelector(".mw-chart__title"), desc = f.querySelector(".mw-chart__desc");
    var keys = document.createElement("p");
    keys.className = "md-visually-hidden";
    keys.id = f.id + "-keys";
    keys.setAttribute("aria-hidden", "true"); // read as the view's description, not again as text
    // the page's words (the finish step writes them from its edition, build_pages/editions.py)
    var block = document.getElementById("mw-words"), words = block ? JSON.parse(block.textContent) : {};
    keys.textContent = words.keys || "";
    var said = document.createElement("p");
    said.className = "mw-chart__said md-visually-hidden";
    said.setAttribute("aria-live", "polite");
    view.parentNode.insertBefore(keys, view.nextSibling);
    view.parentNode.insertBefore(said, keys.nextSibling);
    view.tabIndex = 0;
    view.setAttribute("role", "application");
    if (words.chart_role) view.setAttribute("aria-roledescription", words.chart_role);
    if (title) view.setAttribute("aria-labelledby", title.id);
    view.setAttribute("aria-describedby", (desc ? desc.id + " " : "") + keys.id);
  }

  /* Chapter 2's rounds (div.mw-rounds > section.mw-round, made by build_pages/markdown_ext.py). Without
   * script, or with reduced motion, they stay a sequence of rounds with their figures. Here they become
   * one picture: a stage that sticks below the header and shows one round at a time, chosen by how far
   * the reader has scrolled through the block or by its previous/next buttons (which scroll there, so
   * the two always agree). A round's first list is its choices: each becomes a button, and what follows
   * the list (what Alibaba did, its figure) stays hidden until the reader picks one or asks to see it.
   * The choice lives only in the page. */
  var rounds = [];
  function pageWords() {
    var block = document.getElementById("mw-words");
    return block ? JSON.parse(block.textContent) : {};
  }
  function say(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (m, k) { return values[k]; });
  }
  function button(text, cls) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = cls;
    b.textContent = text;
    return b;
  }
  function roundsReady(root) {
    rounds = [];
    if (matchMedia("(prefers-reduced-motion: reduce)").matches) return;
    var words = pageWords();
    root.querySelectorAll(".mw-rounds").forEach(function (wrap) {
      if (wrap.querySelector(".mw-rounds__stage")) return;
      var sections = Array.prototype.slice.call(wrap.querySelectorAll(":scope > section.mw-round"));
      if (!sections.length) return;
      var stage = document.createElement("div");
      stage.className = "mw-rounds__stage";
      var nav = document.createElement("div");
      nav.className = "mw-rounds__nav";
      var prev = button(words.round_prev, "md-button mw-rounds__prev");
      var next = button(words.round_next, "md-button mw-rounds__next");
      var status = document.createElement("p");
      status.className = "mw-rounds__status";
      status.setAttribute("aria-live", "polite");
      nav.append(prev, status, next);
      stage.appendChild(nav);
      sections.forEach(function (sec) {
        stage.appendChild(sec);
        choices(sec, words);
      });
      wrap.appendChild(stage);
      wrap.classList.add("mw-rounds--live");
      var r = { wrap: wrap, stage: stage, sections: sections, status: status, prev: prev, next: next, at: -1, words: words };
      prev.addEventListener("click", function () { go(r, r.at - 1); });
      next.addEventListener("click", function () { go(r, r.at + 1); });
      rounds.push(r);
      size(r);
      show(r, 0);
    });
    follow();
    // an address naming something inside a round (its heading, its figure) opens that round
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    rounds.forEach(function (r) {
      var i = r.sections.findIndex(function (sec) { return target && sec.contains(target); });
      if (i < 0) return;
      var shown = r.sections[i].querySelector(".mw-round__show");
      if (shown && target.closest("[hidden]")) shown.click(); // a link to its figure shows the answer
      show(r, i);
      // after the browser's own jump to the fragment (at load), which knows nothing of the stage
      var land = function () { requestAnimationFrame(function () { go(r, i); }); };
      if (document.readyState === "complete") land(); else window.addEventListener("load", land, { once: true });
    });
  }
  function choices(sec, words) {
    var list = sec.querySelector(":scope > ul");
    if (!list) return;
    var reveal = [], el = list.nextElementSibling;
    for (; el; el = el.nextElementSibling) reveal.push(el);
    reveal.forEach(function (x) { x.hidden = true; });
    list.classList.add("mw-round__choices");
    var move = document.createElement("p");
    move.className = "mw-round__move";
    move.hidden = true;
    list.parentNode.insertBefore(move, list.nextSibling);
    // the threat of the day (the text between the heading and the choices) gives way to the answer
    var threat = [];
    for (el = list.previousElementSibling; el && !/^H\d$/.test(el.tagName); el = el.previousElementSibling) threat.push(el);
    function pick(text) {
      list.hidden = true;
      threat.forEach(function (x) { x.hidden = true; });
      move.textContent = text ? say(words.round_move, { move: text }) : "";
      move.hidden = !text;
      reveal.forEach(function (x) { x.hidden = false; });
      sec.dataset.chosen = text ? "yes" : "shown";
      var first = move.hidden ? reveal[0] : move;
      if (first) { first.tabIndex = -1; first.focus({ preventScroll: true }); }
    }
    Array.prototype.forEach.call(list.children, function (li) {
      var text = li.textContent.trim();
      var b = button(text, "mw-round__choice");
      b.addEventListener("click", function () { pick(text); });
      li.textContent = "";
      li.appendChild(b);
    });
    var li = document.createElement("li");
    var show = button(words.round_show, "mw-round__choice mw-round__show");
    show.addEventListener("click", function () { pick(""); });
    li.appendChild(show);
    list.appendChild(li);
  }
  // scroll length per round: most of a window, so a flick does not skip a round
  function step() { return Math.round(window.innerHeight * 0.6); }
  function size(r) {
    // a scroll length for every round, the last too, so each round is shown while the stage is stuck
    r.wrap.style.height = (r.stage.offsetHeight + r.sections.length * step()) + "px";
  }
  function top(r) {
    return parseFloat(getComputedStyle(r.stage).top) || 0;
  }
  function show(r, i) {
    i = Math.max(0, Math.min(r.sections.length - 1, i));
    if (i === r.at) return;
    r.at = i;
    r.sections.forEach(function (sec, k) { sec.hidden = k !== i; });
    r.status.textContent = say(r.words.round_of, { i: i + 1, n: r.sections.length });
    r.prev.disabled = i === 0;
    r.next.disabled = i === r.sections.length - 1;
    r.wrap.dataset.round = r.sections[i].dataset.round;
  }
  function go(r, i) {
    i = Math.max(0, Math.min(r.sections.length - 1, i));
    // the middle of the round's scroll length, so a small scroll either way keeps it
    var y = window.scrollY + r.wrap.getBoundingClientRect().top - top(r) + (i + 0.5) * step();
    window.scrollTo(0, y);
    show(r, i);
  }
  function follow() {
    rounds.forEach(function (r) {
      var into = top(r) - r.wrap.getBoundingClientRect().top;
      show(r, Math.floor(into / step()));
    });
  }
  window.addEventListener("scroll", function () { if (rounds.length) follow(); }, { passive: true });
  window.addEventListener("resize", function () { rounds.forEach(size); follow(); }, { passive: true });

  /* For scripts and tests: the live views, and a chart's view on this page (hydrating it now); for
   * charts-live.js: the one maker of control buttons. */
  window.mwCharts = {
    live: live,
    button: button,
    view: function (id) {
      var f = document.querySelector('figure.mw-chart[data-chart="' + id + '"]');
      return f ? hydrate(f) : Promise.reject(new Error("no chart " + id + " on this page"));
    }
  };

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { start(document); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { start(document); });
  } else {
    start(document);
  }
})();
