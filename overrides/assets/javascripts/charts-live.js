/* The live half of the charts, fetched with the Vega runtime once a reader engages with a chart.
 *
 * charts.js (on every page, small) decides when; this file turns a figure's pre-compiled Vega
 * spec into a view in place of its static SVG: text-only tooltips, keyboard twins of legend
 * toggles, controls beside the picture (never inside its role="img" box), re-fitting to the
 * column, era picks that light up list items marked `data-eras`, a drawing's
 * states one at a time with a button each, and the PNG download.
 */
(function () {
  "use strict";

  /* The words this script shows, in the page's language: the finish step writes them from the page's
   * edition (build_pages/editions.py) into a JSON block, so no language lives in this file. */
  var wordsBlock = document.getElementById("mw-words");
  var say = wordsBlock ? JSON.parse(wordsBlock.textContent) : {};
  function fill(text, values) {
    return String(text || "").replace(/\{(\w+)\}/g, function (all, k) { return k in values ? values[k] : all; });
  }

  /* Tooltips: text only (data is never markup), kept inside the viewport. A tooltip that a tap or
   * the keyboard put up is "pinned": pointer hovering does not take it away, a tap elsewhere does. */
  var tip = null, pinned = null, pinnedAt = 0;
  // a keyed line's colon (full-width on the Chinese edition), as kit.data_tip measures it
  var colon = say.tip_colon || ": ";
  function rows(value) {
    // "title" and "label" name the value itself: shown as its headline, without a key
    return (typeof value === "object" ? Object.entries(value) : [["", value]]).filter(function (kv) {
      return kv[1] != null && String(kv[1]) !== "";
    }).map(function (kv) {
      return [kv[0] === "title" || kv[0] === "label" ? "" : kv[0], String(kv[1])];
    });
  }
  function showTip(value, x, y, gap) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "mw-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    tip.textContent = "";
    rows(value).forEach(function (kv) {
      var line = document.createElement("div");
      if (kv[0]) {
        var k = document.createElement("span");
        k.className = "mw-tooltip__key";
        k.textContent = kv[0] + colon;
        line.appendChild(k);
      } else line.className = "mw-tooltip__title";
      line.appendChild(document.createTextNode(kv[1]));
      tip.appendChild(line);
    });
    tip.hidden = false;
    // beside the pointer; above a finger or a focused mark (gap < 0: its top, -gap px above)
    var pad = 12, w = tip.offsetWidth, h = tip.offsetHeight, vw = document.documentElement.clientWidth;
    var left = gap < 0 ? x - w / 2 : x + pad, top = gap < 0 ? y + gap - h : y + pad;
    if (gap >= 0 && left + w > vw - 4) left = x - w - pad;
    if (gap < 0 && top < 4) top = y - gap * 2 + pad; // no room above: below the mark instead
    if (top + h > window.innerHeight - 4) top = Math.max(4, (gap < 0 ? y + gap : y) - h - pad);
    tip.style.left = Math.max(4, Math.min(left, vw - w - 4)) + "px";
    tip.style.top = top + "px";
  }
  function hideTip() {
    pinned = null;
    if (tip) tip.hidden = true;
  }
  /* Vega's hook, called as the pointer moves over marks. */
  function tooltip(handler, event, item, value) {
    if (pinned) return;
    if (value == null || value === "" || !rows(value).length) { if (tip) tip.hidden = true; return; }
    showTip(value, event.clientX, event.clientY, 0);
  }
  /* The value in words, as a screen reader says it. */
  function words(value) {
    return rows(value).map(function (kv) { return kv[0] ? kv[0] + colon + kv[1] : kv[1]; }).join(say.tip_sep || "; ");
  }

  /* The marks a reader can step through or tap: every visible scene item with a tooltip, once per
   * value (every one, to hit-test a tap), in reading order (left to right, then top to bottom), with
   * its box in page pixels. This
   * is the chart's own navigable structure, built from what the view already holds. */
  function marks(view, svg, every) {
    var out = [], seen = new Set(), origin = view.origin ? view.origin() : [0, 0];
    (function walk(mark, dx, dy) {
      (mark.items || []).forEach(function (item) {
        var b = item.bounds;
        if (item.tooltip != null && b && isFinite(b.x1) && isFinite(b.y2) && item.opacity !== 0 &&
            !(item.fillOpacity === 0 && item.strokeOpacity === 0) && (b.x2 > b.x1 || b.y2 > b.y1)) {
          var text = words(item.tooltip);
          if (text && (every || !seen.has(text))) {
            seen.add(text);
            out.push({ item: item, text: text, x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy });
          }
        }
        if (mark.marktype === "group") {
          (item.items || []).forEach(function (m) { walk(m, dx + (item.x || 0), dy + (item.y || 0)); });
        }
      });
    })(view.scenegraph().root, origin[0], origin[1]);
    out.sort(function (a, b) { return Math.round(a.x1) - Math.round(b.x1) || a.y1 - b.y1; });
    // page pixels: the element Vega drew for the item, else its scene bounds scaled as CSS sizes the SVG
    var r = svg.getBoundingClientRect(), vb = svg.viewBox && svg.viewBox.baseVal;
    var w = vb && vb.width ? vb.width : r.width, h = vb && vb.height ? vb.height : r.height;
    var k = Math.min(r.width / w, r.height / h), mid = (svg.getAttribute("preserveAspectRatio") || "").indexOf("xMin") < 0;
    var ox = r.left + (mid ? (r.width - w * k) / 2 : 0), oy = r.top + (mid ? (r.height - h * k) / 2 : 0);
    out.forEach(function (m, i) {
      var el = m.item._svg, b = el && el.isConnected && el.getBoundingClientRect();
      if (b && (b.width || b.height)) { m.left = b.left; m.right = b.right; m.top = b.top; m.bottom = b.bottom; }
      else { m.left = ox + m.x1 * k; m.right = ox + m.x2 * k; m.top = oy + m.y1 * k; m.bottom = oy + m.y2 * k; }
      m.text += fill(say.nth, {i: i + 1, n: out.length});
    });
    return out;
  }

  /* The outline drawn over a focused or tapped mark, in the chart's view box. */
  var lit = null; // the figure whose mark is outlined
  function outline(figure, m) {
    var box = figure.querySelector(".mw-chart__view"), ring = box.querySelector(".mw-chart__focus");
    if (!ring) {
      ring = document.createElement("div");
      ring.className = "mw-chart__focus";
      ring.setAttribute("aria-hidden", "true");
      box.appendChild(ring);
    }
    if (lit && lit !== figure) outline(lit, null);
    lit = m ? figure : null;
    ring.hidden = !m;
    if (!m) return;
    var r = box.getBoundingClientRect(), pad = 3;
    var cx = (m.left + m.right) / 2, cy = (m.top + m.bottom) / 2;
    var w = Math.max(m.right - m.left, 12) + 2 * pad, h = Math.max(m.bottom - m.top, 12) + 2 * pad;
    ring.style.left = (cx - w / 2 - r.left) + "px";
    ring.style.top = (cy - h / 2 - r.top) + "px";
    ring.style.width = w + "px";
    ring.style.height = h + "px";
  }
  function pin(m) {
    pinned = m.item;
    pinnedAt = window.scrollY;
    showTip(m.item.tooltip, (m.left + m.right) / 2, m.top, -10);
  }
  function clearAll() {
    hideTip();
    if (lit) outline(lit, null);
  }

  /* Touch: a tap shows the tooltip of the nearest mark within 24 px (thin lines and small points
   * are hard to hit); a tap anywhere else hides it, as does scrolling on. */
  var touchReady = false;
  function touch(figure, view) {
    var box = figure.querySelector(".mw-chart__view"), kind = "";
    box.addEventListener("pointerdown", function (e) { kind = e.pointerType; }, { passive: true });
    box.addEventListener("click", function (e) {
      if (kind !== "touch" && kind !== "pen") return;
      var svg = box.querySelector(".mw-chart__live svg");
      var best = null, bestD = 24, bestA = Infinity;
      if (svg) marks(view, svg, true).forEach(function (m) {
        var dx = Math.max(m.left - e.clientX, 0, e.clientX - m.right), dy = Math.max(m.top - e.clientY, 0, e.clientY - m.bottom);
        var d = Math.sqrt(dx * dx + dy * dy), a = (m.right - m.left) * (m.bottom - m.top);
        if (d < bestD || (d === bestD && a < bestA)) { best = m; bestD = d; bestA = a; }
      });
      if (!best) { clearAll(); return; }
      outline(figure, best);
      pin(best);
    });
    if (touchReady) return;
    touchReady = true;
    document.addEventListener("pointerdown", function (e) {
      if (pinned && !(e.target.closest && e.target.closest(".mw-chart__view"))) clearAll();
    }, { passive: true });
    window.addEventListener("scroll", function () {
      if (pinned && Math.abs(window.scrollY - pinnedAt) > 40 && !(document.activeElement && document.activeElement.closest(".mw-chart__view"))) clearAll();
    }, { passive: true });
  }

  /* Keyboard: the view (a tab stop made by charts.js) steps through its marks with the arrow keys,
   * Home and End; each step is outlined, its tooltip shown and its value said in the figure's
   * polite live region. Escape clears all that and hands focus back to the figure. */
  function keyboard(figure, view) {
    var box = figure.querySelector(".mw-chart__view"), said = figure.querySelector(".mw-chart__said");
    var current = null;
    var moves = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity };
    function leave() {
      current = null;
      clearAll();
      if (said) said.textContent = "";
    }
    box.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === "Escape") {
        leave();
        // the figure; a sticky chart's figure draws no box of its own, so its caption stands in
        var to = getComputedStyle(figure).display === "contents" ? figure.querySelector("figcaption") || figure : figure;
        to.tabIndex = -1;
        to.addEventListener("blur", function () { to.removeAttribute("tabindex"); }, { once: true });
        to.focus({ preventScroll: true });
        e.preventDefault();
        return;
      }
      if (!(e.key in moves)) return;
      e.preventDefault();
      var svg = box.querySelector(".mw-chart__live svg"), list = svg ? marks(view, svg) : [];
      if (!list.length) return;
      var at = -1;
      if (current) list.forEach(function (m, i) { if (at < 0 && (m.item === current.item || m.text === current.text)) at = i; });
      var step = moves[e.key];
      at = step === -Infinity ? 0 : step === Infinity ? list.length - 1 : at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.max(0, Math.min(list.length - 1, at + step));
      current = list[at];
      outline(figure, current);
      pin(current);
      if (said) said.textContent = current.text;
    });
    box.addEventListener("blur", function () { if (current) leave(); });
  }

  /* A plain button of the chart's controls: charts.js's, which loads this file (one maker of buttons). */
  var button = window.mwCharts.button;

  /* Keyboard twin of a legend toggle: one button per series, plus "All", beside the chart. */
  function legendButtons(view, spec, controls) {
    (spec.signals || []).forEach(function (sig) {
      var m = /^(\w+?)_(\w+)_legend$/.exec(sig.name);
      if (!m) return;
      var scaleName = null;
      (spec.legends || []).forEach(function (l) { scaleName = scaleName || l.fill || l.stroke || l.shape; });
      var values;
      try { values = view.scale(scaleName).domain(); } catch (e) { return; }
      var group = document.createElement("div");
      group.className = "mw-chart__legend-buttons";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", say.series);
      var buttons = [];
      function press(active) {
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.value === active)); });
      }
      [""].concat(values).forEach(function (value) {
        var b = button(value === "" ? say.all : String(value), "md-button mw-chart__legend-button");
        b.dataset.value = value;
        b.addEventListener("click", function () {
          view.signal(sig.name, value === "" ? null : value).runAsync();
          press(value);
        });
        buttons.push(b);
        group.appendChild(b);
      });
      press("");
      // a click on the legend inside the chart moves the buttons too: one state, shown in both places.
      // The selection is the one whose store's name this legend signal starts with (<param>_<field>_legend).
      var param = (spec.data || []).map(function (d) { return d.name; })
        .filter(function (n) { return /_store$/.test(n) && sig.name.indexOf(n.slice(0, -5)) === 0; })
        .map(function (n) { return n.slice(0, -6); })[0];
      try {
        view.addSignalListener(param, function () {
          var store = view.data(param + "_store") || [];
          press(store.length === 1 ? String(store[0].values[0]) : "");
        });
      } catch (e) { /* no such selection signal: the buttons alone drive it */ }
      controls.appendChild(group);
    });
  }

  /* A chart drawn in states (panels) says so in its spec: `usermeta.states` holds, per state, its button's
   * label, the state in words and the drawing's height when it is shown alone, and the spec's `panel` signal
   * picks the state shown (-1, every state, is the drawing without script; build_charts/schematic.py). Live,
   * the chart shows one state at a time, the first to begin with, and one button per state (aria-pressed)
   * shows another; the figure's polite live region says in words the state the reader chose. The figure's
   * description still tells every state. Set before the view's first run, so the full drawing never flashes.
   * Until the reader presses one of its buttons, the states also step as the drawing rises through the
   * screen (`stepByScroll`), unless the reader prefers reduced motion; a button pressed is the reader's
   * choice, and scrolling no longer changes it. */
  function panelStates(figure, view, spec, controls) {
    var states = spec.usermeta && spec.usermeta.states;
    if (!states || states.length < 2) return;
    var at = -1;
    var scrolled = { box: figure.querySelector(".mw-chart__view"), n: states.length, show: show, chosen: false };
    var group = document.createElement("div");
    group.className = "mw-chart__states";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", say.states);
    var buttons = states.map(function (state, i) {
      var b = button(state.label, "md-button mw-chart__state");
      b.addEventListener("click", function () { scrolled.chosen = true; show(i, true); });
      group.appendChild(b);
      return b;
    });
    // announce: the reader asked for this state (a button), so the live region says it; scrolling says nothing
    function show(i, announce) {
      if (announce) {
        var said = figure.querySelector(".mw-chart__said");
        if (said) said.textContent = fill(say.state_shown, {state: states[i].said});
      }
      if (i === at) return;
      var first = at < 0;
      at = i;
      buttons.forEach(function (b, k) { b.setAttribute("aria-pressed", String(k === i)); });
      view.signal("panel", i).height(states[i].height);
      figure.dataset.panel = String(i);
      if (!first) view.runAsync(); // the first is drawn by the view's first run
    }
    show(0, false);
    controls.appendChild(group);
    if (!matchMedia("(prefers-reduced-motion: reduce)").matches) stepping.push(scrolled);
  }

  /* Stepping by scroll: state k of n while the middle of the drawing is in the k-th of n equal bands of the
   * screen, counted from the bottom, so the states follow one another as the reader scrolls the figure up. A
   * drawing off screen keeps its state. */
  var stepping = [], steppingSoon = false;
  function stepByScroll() {
    steppingSoon = false;
    var vh = window.innerHeight;
    stepping = stepping.filter(function (s) { return s.box.isConnected && !s.chosen; });
    stepping.forEach(function (s) {
      var r = s.box.getBoundingClientRect();
      if (r.bottom < 0 || r.top > vh) return;
      var rise = 1 - (r.top + r.bottom) / 2 / vh;
      s.show(Math.max(0, Math.min(s.n - 1, Math.floor(rise * s.n))), false);
    });
  }
  window.addEventListener("scroll", function () {
    if (stepping.length && !steppingSoon) { steppingSoon = true; requestAnimationFrame(stepByScroll); }
  }, { passive: true });

  /* Guess first: a chart made with kit.answer (its spec's usermeta names what it keeps back) shows its answer
   * only once the reader has guessed. "Check my guess" waits until the guess slider has moved (arrow keys or
   * a tap); "Just show me" does not wait, and opening the figure's drawer ("Show what happened", which holds
   * the answer) counts as asking. Each sets the chart's reveal signal, says the answer in a polite live region,
   * and makes the figure's description the one that states the answer. The guess stays in the page. */
  function guessFirst(figure, view, spec, controls) {
    var answer = spec.usermeta && spec.usermeta.answer;
    if (!answer) return;
    var group = document.createElement("div");
    group.className = "mw-guess";
    var check = button(say.guess_check, "md-button mw-guess__button");
    var show = button(say.guess_show, "md-button mw-guess__button");
    group.appendChild(check);
    group.appendChild(show);
    check.disabled = true; // until there is a guess to check
    var told = document.createElement("p");
    told.className = "mw-guess__told";
    told.setAttribute("aria-live", "polite");
    told.tabIndex = -1; // focus lands here once the buttons have gone
    group.appendChild(told);
    controls.appendChild(group);
    try {
      view.addSignalListener(answer.guess, function () { check.disabled = false; });
    } catch (e) { return; }
    var drawer = figure.querySelector(".mw-chart__drawer");
    function reveal(guessed) {
      if (figure.dataset.guess === "shown") return;
      figure.dataset.guess = "shown";
      view.signal(answer.reveal, true).runAsync();
      var refocus = group.contains(document.activeElement);
      check.hidden = show.hidden = true;
      if (refocus) told.focus({ preventScroll: true });
      // set after the focus moves, so the live region says it once
      told.textContent = guessed
        ? fill(say.guess_said, { guess: view.signal(answer.guess) + answer.unit, answer: answer.text })
        : fill(say.guess_shown, { answer: answer.text });
      // the figure's description becomes the one with the answer: copied, not pointed at, as browsers leave
      // text inside a closed <details> (the drawer) out of an accessible description
      var kept = document.getElementById(figure.id + "-desc"), full = document.getElementById(figure.id + "-answer");
      if (kept && full) kept.textContent = full.textContent;
    }
    check.addEventListener("click", function () { reveal(true); });
    show.addEventListener("click", function () { reveal(false); });
    if (drawer) drawer.addEventListener("toggle", function () { if (drawer.open) reveal(false); });
    if (drawer && drawer.open) reveal(false);
  }

  function fit(view, figure) {
    // Specs drawn at a fixed width widen to the column, but never below the width they were laid out
    // for (their titles and labels are wrapped to it): a narrower column scales the drawing down, as
    // it does the static one. Others keep their size and scale.
    var box = figure.querySelector(".mw-chart__view");
    try {
      if (typeof view.signal("width") === "number") {
        if (view._mwDrawn === undefined) view._mwDrawn = view.signal("width");
        view.width(Math.max(view._mwDrawn, Math.floor(box.clientWidth) - 24));
      }
    } catch (e) { /* no width signal: a concatenated chart keeps its drawing size */ }
    return view.runAsync();
  }

  /* On a page whose list items carry `data-eras`, picking an era in a chart highlights them, and a line
   * under the chart (read out too) says which: the list may be off-screen. */
  function linkEras(view, figure) {
    var items = [].slice.call(document.querySelectorAll("li[data-eras]"));
    if (!items.length) return;
    var status = document.createElement("p");
    status.className = "mw-chart__status";
    status.setAttribute("role", "status");
    figure.querySelector(".mw-chart__view").insertAdjacentElement("afterend", status);
    try {
      view.addSignalListener("era_pick", function () {
        var picked = (view.data("era_pick_store") || []).map(function (t) { return String(t.values[0]); });
        var marked = [];
        items.forEach(function (li, i) {
          var on = picked.some(function (era) { return li.dataset.eras.split(" ").indexOf(era) >= 0; });
          li.classList.toggle("mw-linked", on);
          if (on) marked.push(i + 1);
        });
        status.textContent = !picked.length ? "" : marked.length
          ? fill(say.marked, {n: marked.join(say.list_sep)})
          : say.none;
      });
    } catch (err) { /* chart without the era_pick selection */ }
  }

  /* Replace a figure's static SVG by a live view. `ctx` is charts.js's bookkeeping: the set of
   * live views, the resize observers, and whether the figure still belongs to the current page. */
  function mount(figure, spec, ctx) {
    var vega = window.vega;
    if (!ctx.current(figure)) throw new Error("page left before the chart loaded");
    var holder = document.createElement("div");
    holder.className = "mw-chart__live";
    var controls = document.createElement("div");
    controls.className = "mw-chart__controls";
    var view = new vega.View(vega.parse(spec, null, { ast: true }), {
      renderer: "svg",
      container: holder,
      bind: controls,
      hover: true,
      expr: vega.expressionInterpreter,
      tooltip: tooltip
    });
    // Vega calls its container a "visualization", in English whatever the page's language: ours is a chart
    if (say.chart_role) holder.setAttribute("aria-roledescription", say.chart_role);
    ctx.live.add(view);
    figure._mwView = view;
    panelStates(figure, view, spec, controls);
    var box = figure.querySelector(".mw-chart__view");
    return fit(view, figure).then(function () {
      if (!ctx.current(figure)) { view.finalize(); ctx.live.delete(view); return view; }
      box.appendChild(holder);
      // the build's drawings stay in the page, hidden (site.css): print shows them, not the live state
      box.classList.add("mw-chart__view--live");
      legendButtons(view, spec, controls);
      guessFirst(figure, view, spec, controls);
      if (controls.childNodes.length) box.parentNode.insertBefore(controls, box.nextSibling);
      var svg = holder.querySelector("svg");
      if (svg) {
        svg.setAttribute("aria-hidden", "true");
        svg.setAttribute("focusable", "false");
        svg.setAttribute("preserveAspectRatio", "xMinYMin meet"); // as the static SVG, when CSS caps its height
      }
      figure.dataset.state = "live";
      if (window.ResizeObserver) {
        var last = box.clientWidth;
        var ro = new ResizeObserver(function () {
          if (Math.abs(box.clientWidth - last) > 8) { last = box.clientWidth; fit(view, figure); }
        });
        ro.observe(box);
        ctx.resizers.add(ro);
      }
      linkEras(view, figure);
      touch(figure, view);
      keyboard(figure, view);
      figure.dispatchEvent(new CustomEvent("mw:live", { detail: { view: view }, bubbles: true }));
      return view;
    });
  }

  /* PNG downloads, drawn from the chart's SVG file on a light background at twice its size. The
   * build makes none (it cost an eighth of a cold build); without JavaScript the button stays
   * hidden and the SVG, CSV and JSON links remain. */
  function savePng(button) {
    return fetch(button.dataset.svg).then(function (r) {
      if (!r.ok) throw new Error("svg " + button.dataset.svg + ": HTTP " + r.status);
      return r.text();
    }).then(function (text) {
      var svg = new DOMParser().parseFromString(text, "image/svg+xml").documentElement;
      var w = parseFloat(svg.getAttribute("width")), h = parseFloat(svg.getAttribute("height"));
      var bg = svg.ownerDocument.createElementNS("http://www.w3.org/2000/svg", "rect");
      bg.setAttribute("width", "100%");
      bg.setAttribute("height", "100%");
      bg.setAttribute("fill", button.dataset.background);
      svg.insertBefore(bg, svg.firstChild);
      return new Promise(function (resolve, reject) {
        var img = new Image();
        img.onload = function () {
          var canvas = document.createElement("canvas");
          canvas.width = Math.round(w * 2);
          canvas.height = Math.round(h * 2);
          var c = canvas.getContext("2d");
          c.scale(2, 2);
          c.drawImage(img, 0, 0, w, h);
          canvas.toBlob(function (blob) { blob ? resolve(blob) : reject(new Error("no PNG")); }, "image/png");
        };
        img.onerror = function () { reject(new Error("could not draw " + button.dataset.svg)); };
        img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(new XMLSerializer().serializeToString(svg));
      });
    }).then(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = button.dataset.name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    });
  }
  window.mwChartsLive = {
    mount: mount,
    savePng: savePng,
    /* The reader is leaving the page: hide the tooltip, stop following steps. */
    reset: function () {
      clearAll();
      lit = null;
      stepping = []; // the states stepped by scroll (panelStates)
    }
  };
})();
