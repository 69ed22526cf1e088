/* The live half of the charts, fetched with the Vega runtime once a reader engages with a chart.
 *
 * charts.js (on every page, small) decides when; this file turns a figure's pre-compiled Vega
 * spec into a view in place of its static SVG: text-only tooltips, keyboard twins of legend
 * toggles, controls beside the picture (never inside its role="img" box), re-fitting to the
 * column, era picks that light up list items marked `data-eras`, scrollytelling steps, and the
 * PNG download.
 */
(function () {
  "use strict";

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

  /* On a page whose list items carry `data-eras`, picking an era in a chart highlights them. */
  function linkEras(view) {
    var items = document.querySelectorAll("li[data-eras]");
    if (!items.length) return;
    try {
      view.addSignalListener("era_pick", function () {
        var picked = (view.data("era_pick_store") || []).map(function (t) { return String(t.values[0]); });
        items.forEach(function (li) {
          var on = picked.some(function (era) { return li.dataset.eras.split(" ").indexOf(era) >= 0; });
          li.classList.toggle("mw-linked", on);
        });
      });
    } catch (err) { /* chart without the era_pick selection */ }
  }

  /* A chart that the build wrapped with scrollytelling steps (build_charts/markdown_ext.py) follows the step in the middle of
   * the screen through its `highlight_era` signal; the active step is marked by a bar. */
  var stepObservers = new Set();
  function followSteps(figure, view) {
    var wrap = figure.parentNode;
    if (!wrap.classList.contains("mw-scrolly")) return;
    var steps = wrap.querySelectorAll(".mw-step");
    var so = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        steps.forEach(function (s) { s.classList.toggle("is-active", s === e.target); });
        try { view.signal("highlight_era", e.target.dataset.step).runAsync(); } catch (err) { /* no such signal */ }
      });
    }, { rootMargin: "-45% 0px -45% 0px" });
    steps.forEach(function (s) { so.observe(s); });
    stepObservers.add(so);
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
    ctx.live.add(view);
    figure._mwView = view;
    var box = figure.querySelector(".mw-chart__view");
    return fit(view, figure).then(function () {
      if (!ctx.current(figure)) { view.finalize(); ctx.live.delete(view); return view; }
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
        ctx.resizers.add(ro);
      }
      linkEras(view);
      followSteps(figure, view);
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
      if (tip) tip.hidden = true;
      stepObservers.forEach(function (so) { so.disconnect(); });
      stepObservers.clear();
    }
  };
})();
