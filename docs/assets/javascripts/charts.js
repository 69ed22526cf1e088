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
    var p = Promise.all([runtime(), fetch(figure.dataset.spec).then(function (r) {
      if (!r.ok) throw new Error("spec " + figure.dataset.spec + ": HTTP " + r.status);
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

  function start(root) {
    generation += 1;
    finalizeAll();
    near.clear();
    root.querySelectorAll(".mw-chart__png[hidden]").forEach(function (s) { s.hidden = false; });
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

  /* For scripts and tests: the live views, and a chart's view on this page (hydrating it now). */
  window.mwCharts = {
    live: live,
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
