// kcheck HTML report: renders findings, topic charts, corroborated topics and documents from
// the JSON block written by kcheck.report.html. Every string from an article reaches the page
// through textContent or setAttribute (never innerHTML), so it is shown as text, whatever it holds.
(function () {
  "use strict";
  performance.mark("kcheck-start");
  var DATA = JSON.parse(document.getElementById("kcheck-data").textContent);
  performance.mark("kcheck-parsed");
  var SIDES = 4;
  var printing = false;
  var PRINT_LIMIT = 1000;
  var SVGNS = "http://www.w3.org/2000/svg";
  var VIEWS = ["overview", "findings", "topics", "corroborated", "documents"];
  var FIELDS = ["sev", "check", "status", "entity", "metric", "source", "q"];
  var state = {};
  var shown = {};
  var docCache = [];
  var claimCache = [];

  // ------------------------------------------------------------------ the data, decoded on first use

  function doc(i) {
    var a = DATA.docs[i];
    return docCache[i] || (docCache[i] = { p: a[0], h: a[1], t: a[2], s: a[3], d: a[4], f: a[5], n: a[6] });
  }

  function claim(i) {
    if (claimCache[i]) return claimCache[i];
    var a = DATA.claims[i];
    var text = DATA.sentences[a[3]];
    var found = a[4] >= 0;
    return (claimCache[i] = {
      d: a[0], l: a[1], c: a[2], q: a[6], v: a[7], i: a[8], w: a[9],
      pre: found ? text.slice(0, a[4]) : text, fig: found ? text.slice(a[4], a[5]) : "", post: found ? text.slice(a[5]) : ""
    });
  }

  function topic(tid) {
    var t = DATA.topics[tid];
    return t ? { label: t[0], why: t[1].map(function (w) { return DATA.whys[w]; }) } : null;
  }

  // ------------------------------------------------------------------ DOM helpers

  function el(tag, attrs) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function svg(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    setAttrs(node, attrs);
    for (var i = 2; i < arguments.length; i++) append(node, arguments[i]);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (/^on/i.test(k) || k === "style") throw new Error("refused attribute " + k);
      if (k === "href") v = safeHref(v);
      node.setAttribute(k, String(v));
    });
  }

  function append(node, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) { child.forEach(function (c) { append(node, c); }); return; }
    node.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
  }

  // kcheck writes relative, percent-encoded paths; anything with a scheme other than file: is dropped
  function safeHref(href) {
    var s = String(href);
    if (/^[\s\u0000-\u001f]*[a-z][a-z0-9+.\-]*:/i.test(s) && !/^file:/i.test(s)) return "#";
    return s;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  // ------------------------------------------------------------------ state in the URL fragment

  function readState() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    var next = { view: params.get("view") || "overview" };
    if (VIEWS.indexOf(next.view) < 0) next.view = "overview";
    FIELDS.forEach(function (f) { next[f] = params.get(f) || ""; });
    return next;
  }

  function writeState() {
    var params = new URLSearchParams();
    if (state.view !== "overview") params.set("view", state.view);
    FIELDS.forEach(function (f) { if (state[f]) params.set(f, state[f]); });
    var hash = params.toString();
    var url = location.href.replace(/#.*$/, "") + (hash ? "#" + hash : "");
    try { history.replaceState(null, "", url); } catch (e) { location.hash = hash; }
  }

  function fold(s) { return String(s || "").toLowerCase(); }

  // ------------------------------------------------------------------ matching

  function claimText(ci) {
    var c = claim(ci);
    return [c.pre, c.fig, c.post, c.q, c.v, c.i, c.w, doc(c.d).p].join("\n");
  }

  function matchesSubject(ents, mets) {
    if (state.entity && !ents.some(function (e) { return fold(e).indexOf(fold(state.entity)) >= 0; })) return false;
    if (state.metric && !mets.some(function (m) { return fold(m).indexOf(fold(state.metric)) >= 0; })) return false;
    return true;
  }

  // ``hay`` builds the item's searchable text; it is built once, on the first search, and
  // kept on the item, so each later keystroke is one indexOf per item
  function matchesCommon(item, ents, mets, docs, hay) {
    if (!matchesSubject(ents, mets)) return false;
    if (state.source && !docs.some(function (d) {
      var x = doc(d);
      return fold(x.p + "\n" + (x.s || "") + "\n" + (x.t || "")).indexOf(fold(state.source)) >= 0;
    })) return false;
    if (state.q) {
      if (item.__text === undefined) item.__text = fold(hay());
      if (item.__text.indexOf(fold(state.q)) < 0) return false;
    }
    return true;
  }

  function findingKept(f) {
    if (state.sev && f.sev !== state.sev) return false;
    if (state.check && f.type !== state.check) return false;
    if (state.status === "new" && f.bl) return false;
    if (state.status === "baselined" && !f.bl) return false;
    return true;
  }

  function findingMatches(f) {
    if (!findingKept(f)) return false;
    var docs = f.cl.map(function (ci) { return DATA.claims[ci][0]; });
    return matchesCommon(f, f.ent, f.met, docs, function () {
      var t = topic(f.tid) || { why: [] };
      return [f.id, f.type, f.topic, f.msg, t.why.map(function (w) { return w[0]; }).join("\n")]
        .concat(f.cl.map(claimText)).join("\n");
    });
  }

  function seriesMatches(s) {
    if (state.sev || state.check || state.status) {
      if (!s.f.some(function (fi) { return findingKept(DATA.findings[fi]); })) return false;
    }
    var docs = s.pts.map(function (p) { return p[1]; });
    return matchesCommon(s, [s.ent], [s.met], docs, function () {
      return [s.label].concat(s.pts.map(function (p) { return p[5] + "\n" + doc(p[1]).p; })).join("\n");
    });
  }

  function corroboratedMatches(t) {
    if (state.sev || state.check || state.status === "baselined") return false;
    var docs = t.cl.map(function (ci) { return DATA.claims[ci][0]; });
    return matchesCommon(t, [t.ent], [t.met], docs, function () {
      return [t.label].concat(t.cl.map(claimText)).join("\n");
    });
  }

  // with a finding filter set, the documents are those of the findings it keeps
  var involved = null;

  function documentMatches(item, i) {
    if (i === 0) involved = null;
    if (state.sev || state.check || state.status || state.entity || state.metric) {
      if (involved === null) {
        involved = {};
        DATA.findings.forEach(function (f) {
          if (findingKept(f) && matchesSubject(f.ent, f.met)) {
            f.cl.forEach(function (ci) { involved[DATA.claims[ci][0]] = true; });
          }
        });
      }
      if (!involved[i]) return false;
    }
    var d = doc(i);
    return matchesCommon(item, [], [], [i], function () { return [d.p, d.t, d.s, d.d, d.f].join("\n"); });
  }

  // ------------------------------------------------------------------ pieces

  function sourceLink(c) {
    var d = doc(c.d);
    return el("a", { href: d.h, class: "mono", title: "open " + d.p + " (line " + c.l + ")" }, d.p + ":" + c.l + ":" + c.c);
  }

  function side(ci) {
    var c = claim(ci);
    var d = doc(c.d);
    var rows = [["as written", c.q], ["value", c.v]];
    if (c.i) rows.push(["interval", c.i]);
    if (c.w) rows.push(["time", c.w]);
    if (d.t) rows.push(["title", d.t]);
    rows.push(["published", (d.d || "unknown") + " (" + d.f + ")"]);
    var dl = el("dl", null);
    rows.forEach(function (r) { append(dl, [el("dt", null, r[0]), el("dd", null, r[1])]); });
    var sentence = c.fig ? el("p", { class: "sentence" }, c.pre, el("mark", null, c.fig), c.post)
      : el("p", { class: "sentence" }, c.pre || c.q);
    return el("div", { class: "side" }, sentence, dl, el("div", null, sourceLink(c)));
  }

  // the first few claims side by side; a finding over dozens of copies shows the rest on demand
  function sides(claims) {
    var limit = printing ? claims.length : SIDES;
    var box = el("div", { class: "sides" }, claims.slice(0, limit).map(side));
    if (claims.length <= limit) return box;
    var rest = claims.length - limit;
    var more = el("button", { type: "button", class: "more-sides noprint" }, "show the other " + rest + " claim" + (rest > 1 ? "s" : ""));
    more.addEventListener("click", function () {
      append(box, claims.slice(limit).map(side));
      more.parentNode.removeChild(more);
    });
    return el("div", null, box, more);
  }

  function why(tid) {
    var t = topic(tid);
    if (!t || !t.why.length) return null;
    var weak = t.why.filter(function (w) { return w[1]; }).length;
    var summary = "why grouped" + (weak ? " (" + weak + " weak link" + (weak > 1 ? "s" : "") + ")" : "");
    var list = el("ul", null, t.why.map(function (w) {
      return el("li", { class: w[1] ? "weak" : null }, w[0], w[1] ? [" ", el("span", { class: "badge weak" }, "weak: " + w[1])] : null);
    }));
    return el("details", { class: "why", open: weak ? "" : null }, el("summary", null, summary, " · topic ", el("code", null, tid)), list);
  }

  function findingCard(f) {
    var badges = [el("span", { class: "badge " + f.sev }, f.sev), el("code", null, f.type)];
    if (f.bl) badges.push(el("span", { class: "badge baselined", title: "suppressed: listed in the baseline file, shown but never failing the run" }, "baselined · suppressed"));
    return el("article", { class: "card " + f.sev + (f.bl ? " baselined" : ""), id: "f-" + f.id },
      el("div", { class: "card-head" }, badges, el("h3", null, f.topic)),
      el("p", { class: "message" }, f.msg),
      sides(f.cl),
      f.gap ? el("p", null, "gap: ", el("span", { class: "gap" }, f.gap)) : null,
      why(f.tid),
      el("p", { class: "explain" }, "details: ", el("code", null, "kcheck explain " + f.id.slice(0, 12))));
  }

  function corroboratedCard(t) {
    var n = {};
    t.cl.forEach(function (ci) { n[DATA.claims[ci][0]] = 1; });
    return el("article", { class: "card" },
      el("div", { class: "card-head" }, el("span", { class: "badge ok" }, Object.keys(n).length + " sources agree"), el("h3", null, t.label)),
      sides(t.cl),
      why(t.tid),
      el("p", { class: "explain" }, "details: ", el("code", null, "kcheck explain " + t.tid.slice(0, 12))));
  }

  function documentRow(_, i) {
    var d = doc(i);
    return el("tr", null,
      el("td", null, el("a", { href: d.h, class: "mono doc-link" }, d.p)),
      el("td", null, d.t || ""), el("td", null, d.s || ""),
      el("td", { class: d.d ? null : "muted" }, d.d || "unknown"), el("td", null, d.f),
      el("td", { class: "num" }, d.n));
  }

  // ------------------------------------------------------------------ charts (hand-written SVG)

  function fmtNumber(x) {
    if (!isFinite(x)) return x > 0 ? "∞" : "-∞";
    var a = Math.abs(x);
    if (a >= 1e12) return +(x / 1e12).toPrecision(4) + "万亿";
    if (a >= 1e8) return +(x / 1e8).toPrecision(4) + "亿";
    if (a >= 1e4) return +(x / 1e4).toPrecision(4) + "万";
    return String(+x.toPrecision(4));
  }

  function fmtFull(x) {
    return isFinite(x) ? x.toLocaleString("en-US", { maximumFractionDigits: 6 }) : x > 0 ? "∞" : "-∞";
  }

  // a chart point's value as the text report writes it: 175,887,000,000 CNY, 86.1%, 2022-03-01
  function pointValue(s, p) {
    var lo = p[2], mid = p[3], hi = p[4];
    if (s.dim === "date") return lo === hi ? fmtDay(lo) : fmtDay(lo) + ".." + fmtDay(hi);
    var unit = s.unit === "%" || s.unit === "x" ? s.unit : s.unit ? " " + s.unit : "";
    if (mid !== null) return fmtFull(mid) + unit;
    return (lo === null ? "-∞" : fmtFull(lo)) + ".." + (hi === null ? "∞" : fmtFull(hi)) + unit;
  }

  function fmtDay(d) { return new Date(d * 86400000).toISOString().slice(0, 10); }

  function niceTicks(lo, hi, n) {
    if (hi <= lo) { hi = lo + 1; }
    var step = Math.pow(10, Math.floor(Math.log10((hi - lo) / n)));
    var err = (hi - lo) / n / step;
    step *= err >= 7.5 ? 10 : err >= 3.5 ? 5 : err >= 1.5 ? 2 : 1;
    var out = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(v);
    return out;
  }

  // One chart per series: columns are periods (or one column for an event), one mark per
  // source at its value, a bar for the interval its written precision allows; an open side
  // is dashed to the edge. Marks are grey (one source), green (agreed), red (in a finding).
  function chart(s) {
    // drawn for the window it opens in, so the labels keep their size on a phone
    var W = window.innerWidth < 640 ? 400 : 720, H = W < 720 ? 220 : 240, L = 70, R = 14, T = 12, B = 40;
    var isDate = s.dim === "date";
    var vals = [];
    s.pts.forEach(function (p) { [p[2], p[3], p[4]].forEach(function (v) { if (v !== null && isFinite(v)) vals.push(v); }); });
    if (!vals.length) return el("p", { class: "empty" }, "no value to draw");
    var smallest = vals.reduce(function (a, b) { return Math.min(a, b); });
    var lo = smallest, hi = vals.reduce(function (a, b) { return Math.max(a, b); });
    if (!isDate && lo > 0 && lo < hi * 0.5) lo = 0;
    // a scale at least a fifth of the figures' size wide, so that sources agreeing within
    // their rounding look like agreement, not like a chart filled by one interval
    var least = isDate ? 30 : Math.max(Math.abs(lo), Math.abs(hi)) * 0.2;
    if (hi - lo < least) {
      var mid = (lo + hi) / 2;
      lo = mid - least / 2; hi = mid + least / 2;
      if (!isDate && lo < 0 && smallest >= 0) { hi -= lo; lo = 0; }  // no negative axis for positive figures
    }
    var pad = (hi - lo) * 0.08 || 1;
    lo -= pad; hi += pad;
    var y = function (v) { return T + (H - T - B) * (1 - (v - lo) / (hi - lo)); };
    var cols = s.cols.length, band = (W - L - R) / cols;
    var root = svg("svg", { class: "chart", viewBox: "0 0 " + W + " " + H, role: "img", "aria-label": s.label });
    niceTicks(lo, hi, 4).forEach(function (v) {
      append(root, [svg("line", { class: "grid", x1: L, x2: W - R, y1: y(v), y2: y(v) }),
        svg("text", { x: L - 6, y: y(v) + 4, "text-anchor": "end" }, isDate ? fmtDay(v) : fmtNumber(v))]);
    });
    append(root, svg("line", { class: "axis", x1: L, x2: W - R, y1: H - B, y2: H - B }));
    // every period's label while they fit (about 70 units each), else every second, third, ...
    var every = Math.ceil(70 / band);
    s.cols.forEach(function (label, i) {
      if (i % every) return;
      append(root, svg("text", { x: L + band * (i + 0.5), y: H - B + 16, "text-anchor": "middle" }, label));
    });
    var perCol = {};
    s.pts.forEach(function (p) { (perCol[p[0]] = perCol[p[0]] || []).push(p); });
    Object.keys(perCol).forEach(function (col) {
      var pts = perCol[col];
      pts.forEach(function (p, j) {
        var x = L + band * (+col) + band * (j + 1) / (pts.length + 1);
        var cls = "s" + p[7];
        var tip = doc(p[1]).p + ":" + p[6] + "  " + p[5] + " = " + pointValue(s, p);
        var low = p[2] === null ? lo : p[2], high = p[4] === null ? hi : p[4];
        if (low !== high) {
          append(root, svg("line", { class: "iv " + cls + (p[2] === null || p[4] === null ? " open" : ""), x1: x, x2: x, y1: y(low), y2: y(high) }));
        }
        var v = p[3] !== null ? p[3] : (p[2] !== null ? p[2] : p[4]);
        append(root, svg("circle", { class: cls, cx: x, cy: y(v), r: 4.5 }, svg("title", null, tip)));
      });
    });
    return root;
  }

  // the figures behind a chart, as a table built when first opened (a chart may have hundreds)
  function pointTable(s) {
    var body = el("tbody", null);
    var box = el("details", { class: "points" }, el("summary", null, s.pts.length + " figures from " + s.n + " sources"),
      el("div", { class: "table-wrap" }, el("table", null,
        el("thead", null, el("tr", null, el("th", null, "period"), el("th", null, "as written"), el("th", null, "value"), el("th", null, "source"))),
        body)));
    box.addEventListener("toggle", function () {
      if (!box.open || body.firstChild) return;
      append(body, s.pts.map(function (p) {
        var d = doc(p[1]);
        return el("tr", null, el("td", null, s.cols[p[0]]), el("td", null, p[5]), el("td", null, pointValue(s, p)),
          el("td", null, el("a", { href: d.h, class: "mono" }, d.p + ":" + p[6])));
      }));
    });
    return box;
  }

  function chartCard(s) {
    var conflict = s.f.length > 0;
    return el("article", { class: "chart-card" + (conflict ? " conflict" : "") },
      el("h3", null, s.label,
        conflict ? el("span", { class: "badge error" }, s.f.length + " finding" + (s.f.length > 1 ? "s" : "")) : null,
        s.agreed ? el("span", { class: "badge ok" }, "corroborated") : null),
      chart(s),
      pointTable(s));
  }

  // ------------------------------------------------------------------ views

  var LISTS = {
    findings: { items: function () { return DATA.findings; }, match: findingMatches, card: findingCard, noun: "findings", page: 40 },
    topics: { items: function () { return DATA.series; }, match: seriesMatches, card: chartCard, noun: "charted topics", page: 12 },
    corroborated: { items: function () { return DATA.corroborated; }, match: corroboratedMatches, card: corroboratedCard, noun: "corroborated topics", page: 40 },
    documents: { items: function () { return DATA.docs; }, match: documentMatches, card: documentRow, noun: "documents", page: 100 }
  };

  function renderList(view, limit) {
    var spec = LISTS[view];
    var items = spec.items();
    var matching = [];
    for (var i = 0; i < items.length; i++) if (spec.match(items[i], i)) matching.push(i);
    var section = document.getElementById("view-" + view);
    var target = section.querySelector(".items");
    var count = section.querySelector(".count");
    clear(target);
    var n = Math.min(limit, matching.length);
    var frag = document.createDocumentFragment();
    for (var j = 0; j < n; j++) frag.appendChild(spec.card(items[matching[j]], matching[j]));
    target.appendChild(frag);
    count.textContent = matching.length === items.length
      ? items.length + " " + spec.noun
      : matching.length + " of " + items.length + " " + spec.noun + " match the filters";
    if (n < matching.length) count.textContent += " · showing " + n;
    var more = section.querySelector(".more");
    more.hidden = n >= matching.length;
    shown[view] = n;
    if (!matching.length) target.appendChild(view === "documents" ? el("tr", null, el("td", { colspan: 6, class: "empty" }, "nothing matches")) : el("p", { class: "empty" }, "Nothing matches the filters."));
  }

  function showView() {
    VIEWS.forEach(function (v) {
      document.getElementById("view-" + v).hidden = v !== state.view;
      var tab = document.getElementById("tab-" + v);
      if (v === state.view) tab.setAttribute("aria-current", "page"); else tab.removeAttribute("aria-current");
    });
    document.getElementById("filters").hidden = state.view === "overview";
    if (LISTS[state.view]) renderList(state.view, LISTS[state.view].page);
  }

  function syncForm() {
    var form = document.getElementById("filters");
    FIELDS.forEach(function (f) { if (form.elements[f].value !== state[f]) form.elements[f].value = state[f]; });
  }

  function onFormChange() {
    var form = document.getElementById("filters");
    FIELDS.forEach(function (f) { state[f] = form.elements[f].value.trim(); });
    writeState();
    showView();
  }

  function init() {
    state = readState();
    syncForm();
    var form = document.getElementById("filters");
    form.addEventListener("input", onFormChange);
    form.addEventListener("change", onFormChange);
    form.addEventListener("submit", function (e) { e.preventDefault(); onFormChange(); });
    form.addEventListener("reset", function () { setTimeout(onFormChange, 0); });
    VIEWS.forEach(function (v) {
      document.getElementById("tab-" + v).addEventListener("click", function (e) {
        e.preventDefault();
        state.view = v;
        writeState();
        showView();
      });
      var more = document.querySelector("#view-" + v + " .more");
      if (more) more.addEventListener("click", function () { renderList(v, (shown[v] || 0) + LISTS[v].page * 4); });
    });
    window.addEventListener("hashchange", function () { state = readState(); syncForm(); showView(); });
    window.addEventListener("beforeprint", function () {
      printing = true;
      Object.keys(LISTS).forEach(function (v) { renderList(v, Math.max(shown[v] || 0, PRINT_LIMIT)); });
      printing = false;
      // on paper, the reasons for grouping cannot be clicked open
      document.querySelectorAll("details.why").forEach(function (d) { d.open = true; });
    });
    showView();
    document.body.setAttribute("data-ready", "1");
    // the benchmark (benchmarks/html_open.py) reads these marks
    performance.mark("kcheck-ready");
  }

  init();
})();
