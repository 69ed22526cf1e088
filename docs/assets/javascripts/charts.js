/* Hydrate static chart figures into live Vega views, lazily, and survive instant navigation.
 *
 * Each <figure class="mw-chart" data-spec="…vg.json"> starts as a build-time SVG.
 * When a figure nears the viewport, the Vega runtime (vendored, served by this site)
 * is loaded once, the pre-compiled Vega spec is fetched, and the view replaces the
 * static SVG. Expressions run through vega-interpreter (no eval: strict CSP works).
 * Colours follow Material's palette through CSS (generated from theme.py), so a
 * palette toggle needs no re-render. Views of a page being left are finalized.
 */
(function () {
  "use strict";

  var here = document.currentScript ? document.currentScript.src : location.href;
  var vendor = new URL("../vendor/", here);
  var live = new Set(); // views currently alive (tests read window.mwCharts.live)
  var byId = new Map(); // chart id -> promise of its view on the current page
  var observer = null;
  var vegaReady = null;
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

  function loadVega() {
    if (!vegaReady) {
      vegaReady = loadScript(new URL("vega.min.js", vendor).href).then(function () {
        return loadScript(new URL("vega-interpreter.js", vendor).href);
      });
    }
    return vegaReady;
  }

  /* Tooltips: text only (data is never markup), kept inside the viewport. */
  var tip = null;
  function tooltip(handler, event, item, value) {
    if (!tip) {
      tip = document.createElement("div");
      tip.className = "mw-tooltip";
      tip.setAttribute("role", "tooltip");
      document.body.appendChild(tip);
    }
    if (value == null || value === "") { tip.hidden = true; return; }
    tip.textContent = "";
    var rows = typeof value === "object" ? Object.entries(value) : [["", value]];
    rows.forEach(function (kv) {
      var line = document.createElement("div");
      if (kv[0] && kv[0] !== "title") {
        var k = document.createElement("span");
        k.className = "mw-tooltip__key";
        k.textContent = kv[0] + ": ";
        line.appendChild(k);
      }
      line.appendChild(document.createTextNode(String(kv[1])));
      if (kv[0] === "title") line.className = "mw-tooltip__title";
      tip.appendChild(line);
    });
    tip.hidden = false;
    var pad = 12, w = tip.offsetWidth, h = tip.offsetHeight;
    var x = event.clientX + pad, y = event.clientY + pad;
    if (x + w > window.innerWidth - 4) x = Math.max(4, event.clientX - w - pad);
    if (y + h > window.innerHeight - 4) y = Math.max(4, event.clientY - h - pad);
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }

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
      group.setAttribute("aria-label", "Show series");
      var buttons = [];
      function press(active) {
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.value === active)); });
      }
      [""].concat(values).forEach(function (value) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "md-button mw-chart__legend-button";
        b.dataset.value = value;
        b.textContent = value === "" ? "All" : String(value);
        b.addEventListener("click", function () {
          view.signal(sig.name, value === "" ? null : value).runAsync();
          press(value);
        });
        buttons.push(b);
        group.appendChild(b);
      });
      press("");
      controls.appendChild(group);
    });
  }

  function fit(view, figure) {
    // Specs drawn at a fixed width re-fit to the column; others keep their size and scale.
    var box = figure.querySelector(".mw-chart__view");
    var width = Math.max(240, Math.floor(box.clientWidth) - 24);
    try {
      if (typeof view.signal("width") === "number") {
        view.width(width);
      }
    } catch (e) { /* no width signal: a concatenated chart keeps its drawing size */ }
    return view.runAsync();
  }

  var generation = 0; // bumped per page: work that finishes after the reader left is dropped

  function hydrate(figure) {
    if (figure.dataset.state) return byId.get(figure.dataset.chart);
    figure.dataset.state = "loading";
    var born = generation;
    var p = Promise.all([loadVega(), fetch(figure.dataset.spec).then(function (r) {
      if (!r.ok) throw new Error("spec " + figure.dataset.spec + ": HTTP " + r.status);
      return r.json();
    })]).then(function (res) {
      var spec = res[1];
      var vega = window.vega;
      if (born !== generation || !document.contains(figure)) throw new Error("page left before the chart loaded");
      var holder = document.createElement("div");
      holder.className = "mw-chart__live";
      // Controls (sliders, toggles) go beside the picture, not inside its role="img" box.
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
      live.add(view);
      figure._mwView = view;
      var box = figure.querySelector(".mw-chart__view");
      return fit(view, figure).then(function () {
        if (born !== generation) { view.finalize(); live.delete(view); return view; }
        var still = box.querySelector("svg[aria-hidden]");
        box.appendChild(holder);
        if (still) still.remove();
        legendButtons(view, spec, controls);
        if (controls.childNodes.length) box.parentNode.insertBefore(controls, box.nextSibling);
        var svg = holder.querySelector("svg");
        if (svg) { svg.setAttribute("aria-hidden", "true"); svg.setAttribute("focusable", "false"); }
        figure.dataset.state = "live";
        if (window.ResizeObserver) {
          var last = box.clientWidth;
          var ro = new ResizeObserver(function () {
            if (Math.abs(box.clientWidth - last) > 8) { last = box.clientWidth; fit(view, figure); }
          });
          ro.observe(box);
          resizers.add(ro);
        }
        figure.dispatchEvent(new CustomEvent("mw:live", { detail: { view: view }, bubbles: true }));
        return view;
      });
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
    if (tip) tip.hidden = true;
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

  function start(root) {
    generation += 1;
    finalizeAll();
    near.clear();
    scrolly(root);
    linkEras(root);
    var figures = Array.prototype.slice.call(root.querySelectorAll("figure.mw-chart[data-spec]"));
    if (!figures.length) return;
    figures.forEach(function (f) {
      ["pointerover", "touchstart", "focusin"].forEach(function (type) {
        f.addEventListener(type, function () { hydrate(f).catch(function () {}); }, { once: true, passive: true });
      });
    });
    if (!("IntersectionObserver" in window)) { figures.forEach(function (f) { hydrate(f).catch(function () {}); }); return; }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) { near.delete(e.target); return; }
        if (engaged) { observer.unobserve(e.target); hydrate(e.target).catch(function () {}); }
        else near.add(e.target);
      });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (f) { observer.observe(f); });
  }

  /* Scrollytelling: headings with ids `step-<era>` after a chart become steps; the chart sticks
   * (wide screens only, by CSS) and its `highlight_era` signal follows the step in the middle. */
  var stepObserver = null;
  function scrolly(root) {
    if (stepObserver) { stepObserver.disconnect(); stepObserver = null; }
    var heads = Array.prototype.slice.call(root.querySelectorAll("h3[id^='step-'], h2[id^='step-']"));
    if (!heads.length) return;
    var figure = null, el = heads[0];
    while ((el = el.previousElementSibling)) {
      if (el.matches("figure.mw-chart")) { figure = el; break; }
    }
    if (!figure) return;
    // Wrap the chart and the steps (up to the next section heading) so the chart sticks only there.
    var wrap = document.createElement("div");
    wrap.className = "mw-scrolly";
    figure.parentNode.insertBefore(wrap, figure);
    var node = figure, last = heads[heads.length - 1], pastLast = false, current = null;
    while (node) {
      var next = node.nextElementSibling;
      if (node === last) pastLast = true;
      else if (pastLast && /^H[12]$/.test(node.tagName)) break;
      if (node !== figure && heads.indexOf(node) >= 0) {
        current = document.createElement("div");
        current.className = "mw-step";
        current.dataset.step = node.id.replace(/^step-/, "");
        wrap.appendChild(current);
      }
      (node === figure || !current ? wrap : current).appendChild(node);
      node = next;
    }
    stepObserver = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting || !engaged) return;
        wrap.querySelectorAll(".mw-step").forEach(function (s) { s.classList.toggle("is-active", s === e.target); });
        var era = e.target.dataset.step;
        hydrate(figure).then(function (view) {
          try { view.signal("highlight_era", era).runAsync(); } catch (err) { /* chart without the signal */ }
        }).catch(function () {});
      });
    }, { rootMargin: "-45% 0px -45% 0px" });
    wrap.querySelectorAll(".mw-step").forEach(function (s) { stepObserver.observe(s); });
  }

  /* On a page whose list items carry `data-eras`, picking an era in a chart highlights them. */
  function linkEras(root) {
    var items = root.querySelectorAll("li[data-eras]");
    if (!items.length) return;
    root.querySelectorAll("figure.mw-chart[data-spec]").forEach(function (figure) {
      figure.addEventListener("mw:live", function (ev) {
        var view = ev.detail.view;
        try {
          view.addSignalListener("era_pick", function () {
            var picked = (view.data("era_pick_store") || []).map(function (t) { return String(t.values[0]); });
            items.forEach(function (li) {
              var on = picked.some(function (era) { return li.dataset.eras.split(" ").indexOf(era) >= 0; });
              li.classList.toggle("mw-linked", on);
            });
          });
        } catch (err) { /* chart without the era_pick selection */ }
      });
    });
  }

  window.mwCharts = {
    live: live,
    /* The live view of a chart on this page (hydrating it now if needed). */
    view: function (id) {
      var f = document.querySelector('figure.mw-chart[data-chart="' + id + '"]');
      return f ? hydrate(f) : Promise.reject(new Error("no chart " + id + " on this page"));
    },
    /* A signal's value in a chart's live view right now (undefined if not live yet). */
    signalNow: function (id, name) {
      var f = document.querySelector('figure.mw-chart[data-chart="' + id + '"]');
      try { return f && f._mwView ? f._mwView.signal(name) : undefined; } catch (e) { return undefined; }
    },
    hydrateAll: function () {
      return Promise.all(Array.prototype.map.call(document.querySelectorAll("figure.mw-chart[data-spec]"), hydrate));
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
