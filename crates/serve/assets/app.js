// aras serve: the page. Every view is a URL (history API); every value from the store is
// put into the page as text (textContent, createTextNode), never as HTML.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const SIGN_COLOUR = { cooperative: "#1a7f37", hostile: "#c62828", mixed: "#d98e04", neutral: "#999" };
const FILTERS = ["from", "to", "quad", "modality", "source"];

// ---- small helpers -------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && String(v) !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

function params() {
  return Object.fromEntries(new URLSearchParams(location.search));
}

function pick(p, names) {
  const out = {};
  for (const n of names) if (p[n]) out[n] = p[n];
  return out;
}

async function api(path, p) {
  const r = await fetch("/api/v1/" + path + query(p || {}), { headers: { Accept: "application/json" } });
  let body;
  try { body = await r.json(); } catch (_) { body = null; }
  if (!r.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + r.status);
  return body;
}

function link(href, text, attrs) {
  return el("a", Object.assign({ href }, attrs || {}), text);
}

function navigate(url) {
  history.pushState(null, "", url);
  render();
}

function view() { return document.getElementById("view"); }

function show(...children) {
  const v = view();
  v.replaceChildren(...children);
}

function error(e) {
  return el("p", { class: "error" }, "Error: " + e.message);
}

// A form of the event filters every relation view shares; submitting keeps the view's
// other parameters.
function filterForm(p, extra) {
  const fields = (extra || []).concat([
    ["from", "From", "date"], ["to", "To", "date"], ["source", "Publication", "text"],
  ]);
  const form = el("form", { class: "filters" });
  for (const [name, label, type] of fields) {
    form.appendChild(el("label", {}, label, el("input", { name, type, value: p[name] || "" })));
  }
  const quad = el("select", { name: "quad" });
  for (const [v, t] of [["", "any"], ["1", "1 verbal cooperation"], ["2", "2 material cooperation"], ["3", "3 verbal conflict"], ["4", "4 material conflict"]]) {
    const o = el("option", { value: v }, t);
    if ((p.quad || "") === v) o.selected = true;
    quad.appendChild(o);
  }
  form.appendChild(el("label", {}, "Quad class", quad));
  const modality = el("select", { name: "modality" });
  for (const v of ["factual", "all", "asserted", "reported", "hypothetical", "intended", "denied"]) {
    const o = el("option", { value: v }, v);
    if ((p.modality || "factual") === v) o.selected = true;
    modality.appendChild(o);
  }
  form.appendChild(el("label", {}, "Modality", modality));
  form.appendChild(el("button", { type: "submit" }, "Apply"));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const next = Object.assign({}, p);
    delete next.offset;
    for (const [k, v] of new FormData(form).entries()) next[k] = v;
    if (next.modality === "factual") delete next.modality;
    navigate(location.pathname + query(next));
  });
  return form;
}

function dyadFilters(p) { return pick(p, FILTERS.concat(["level", "reports"])); }

// ---- network ---------------------------------------------------------------------------

// A force layout, computed once (deterministic: nodes start on a circle).
function layout(nodes, edges, w, h) {
  const n = nodes.length;
  nodes.forEach((d, i) => {
    const a = (2 * Math.PI * i) / Math.max(n, 1);
    d.x = w / 2 + (w / 3) * Math.cos(a);
    d.y = h / 2 + (h / 3) * Math.sin(a);
  });
  const k = Math.sqrt((w * h) / Math.max(n, 1)) * 0.35;
  for (let it = 0; it < 300; it++) {
    const t = 10 * (1 - it / 300) + 0.5;
    for (const d of nodes) { d.dx = 0; d.dy = 0; }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const a = nodes[i], b = nodes[j];
        let dx = a.x - b.x, dy = a.y - b.y;
        const dist = Math.max(Math.hypot(dx, dy), 0.01);
        const f = (k * k) / dist;
        dx /= dist; dy /= dist;
        a.dx += dx * f; a.dy += dy * f; b.dx -= dx * f; b.dy -= dy * f;
      }
    }
    for (const e of edges) {
      const a = e.source, b = e.target;
      let dx = a.x - b.x, dy = a.y - b.y;
      const dist = Math.max(Math.hypot(dx, dy), 0.01);
      const f = (dist * dist) / k;
      dx /= dist; dy /= dist;
      a.dx -= dx * f; a.dy -= dy * f; b.dx += dx * f; b.dy += dy * f;
    }
    for (const d of nodes) {
      // Gravity: components without links between them stay in the picture.
      d.dx += (w / 2 - d.x) * 0.15;
      d.dy += (h / 2 - d.y) * 0.15;
      const len = Math.max(Math.hypot(d.dx, d.dy), 0.01);
      d.x += (d.dx / len) * Math.min(len, t);
      d.y += (d.dy / len) * Math.min(len, t);
      d.x = Math.min(w - 60, Math.max(30, d.x));
      d.y = Math.min(h - 20, Math.max(20, d.y));
    }
  }
}

async function networkView(p) {
  document.title = "aras — network";
  const head = [el("h1", {}, "Network"), filterForm(p, [["min_events", "Min. events", "number"]])];
  const levelLink = p.level === "actor"
    ? link(location.pathname + query(Object.assign({}, p, { level: "" })), "countries")
    : link(location.pathname + query(Object.assign({}, p, { level: "actor" })), "full actor codes");
  head.push(el("p", { class: "legend" },
    el("span", { class: "pos" }, "— cooperative"), el("span", { class: "mix" }, "— mixed"),
    el("span", { class: "neg" }, "— hostile"), "Nodes sized by events; edges thickened by clusters. Show ", levelLink, "."));
  show(...head, el("p", { class: "muted" }, "Loading…"));
  let dyads;
  try {
    dyads = await api("relations", pick(p, FILTERS.concat(["level", "reports", "min_events"])));
  } catch (e) { show(...head, error(e)); return; }
  const activity = new Map();
  for (const d of dyads) {
    activity.set(d.a, (activity.get(d.a) || 0) + d.events);
    activity.set(d.b, (activity.get(d.b) || 0) + d.events);
  }
  // The most active actors, so the picture stays readable.
  const keep = new Set([...activity.entries()].sort((x, y) => y[1] - x[1]).slice(0, 60).map((x) => x[0]));
  const nodes = [...keep].map((id) => ({ id, events: activity.get(id) }));
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = dyads.filter((d) => keep.has(d.a) && keep.has(d.b) && d.a !== d.b)
    .map((d) => ({ d, source: byId.get(d.a), target: byId.get(d.b) }));
  const w = 1100, h = 700;
  layout(nodes, edges, w, h);
  const root = svg("svg", { width: w, height: h, viewBox: `0 0 ${w} ${h}`, id: "network" });
  const rest = pick(p, FILTERS);
  for (const e of edges) {
    const pair = [e.d.a, e.d.b].sort().join("|");
    const line = svg("line", {
      class: "edge", x1: e.source.x, y1: e.source.y, x2: e.target.x, y2: e.target.y,
      stroke: SIGN_COLOUR[e.d.sign] || "#999", "stroke-opacity": 0.7,
      "stroke-width": Math.min(2 + 2 * Math.log2(1 + e.d.clusters), 14), "data-pair": pair, "data-sign": e.d.sign,
    });
    const title = svg("title", {});
    title.textContent = `${e.d.a}–${e.d.b}: ${e.d.sign}, ${e.d.events} events (${e.d.clusters} clusters), Goldstein mean ${e.d.goldstein_mean.toFixed(1)}`;
    line.appendChild(title);
    line.addEventListener("click", () => navigate("/events" + query(Object.assign({ dyad: e.d.a + "," + e.d.b }, rest))));
    root.appendChild(line);
  }
  const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
  for (const n of nodes) {
    const g = svg("g", { class: "node", "data-actor": n.id, transform: `translate(${n.x},${n.y})` });
    const r = 5 + 20 * Math.sqrt(n.events / maxEvents);
    g.appendChild(svg("circle", { r, fill: "#4a6fa5", "fill-opacity": 0.85, stroke: "#fff" }));
    const label = svg("text", { x: r + 2, y: 4 });
    label.textContent = n.id;
    g.appendChild(label);
    const title = svg("title", {});
    title.textContent = `${n.id}: ${n.events} events`;
    g.appendChild(title);
    g.addEventListener("click", () => navigate("/relations" + query(Object.assign({ actor: n.id }, dyadFilters(p)))));
    root.appendChild(g);
  }
  show(...head, dyads.length ? root : el("p", { class: "muted" }, "No dyads match (is the store empty?)."));
}

// ---- relations of one actor --------------------------------------------------------------

function signCell(sign) {
  const cls = { cooperative: "pos", hostile: "neg", mixed: "mix" }[sign] || "muted";
  return el("td", { class: cls }, sign);
}

async function relationsView(p) {
  document.title = "aras — relations of " + (p.actor || "");
  const head = [el("h1", {}, "Relations of " + (p.actor || "every actor")), filterForm(p, [["actor", "Actor", "text"]])];
  show(...head);
  let dyads;
  try { dyads = await api("relations", pick(p, FILTERS.concat(["actor", "level", "reports", "min_events"]))); } catch (e) { show(...head, error(e)); return; }
  const table = el("table", { id: "relations" }, el("tr", {},
    ...["Party", "Counterpart", "Sign", "Events", "Clusters", "Coop.", "Conflict", "Goldstein mean", "First", "Last", ""].map((t) => el("th", {}, t))));
  const rest = pick(p, FILTERS);
  for (const d of dyads) {
    const [a, b] = p.actor && d.b === p.actor.toUpperCase() ? [d.b, d.a] : [d.a, d.b];
    table.appendChild(el("tr", {},
      el("td", {}, a), el("td", {}, b), signCell(d.sign), el("td", {}, d.events), el("td", {}, d.clusters),
      el("td", {}, d.verbal_cooperation + d.material_cooperation), el("td", {}, d.verbal_conflict + d.material_conflict),
      el("td", {}, d.goldstein_mean.toFixed(2)), el("td", {}, d.first || ""), el("td", {}, d.last || ""),
      el("td", {}, link("/events" + query(Object.assign({ dyad: a + "," + b }, rest)), "events"), " ",
        link("/timeline" + query(Object.assign({ a, b }, rest)), "timeline"))));
  }
  show(...head, dyads.length ? table : el("p", { class: "muted" }, "No relations match."));
}

// ---- timeline ----------------------------------------------------------------------------

function day(s) { const [y, m, d] = s.split("-").map(Number); return new Date(Date.UTC(y, m - 1, d)); }
function iso(d) { return d.toISOString().slice(0, 10); }

function bucketEnd(start, by) {
  const d = day(start);
  if (by === "day") return start;
  if (by === "week") { d.setUTCDate(d.getUTCDate() + 6); return iso(d); }
  if (by === "year") return `${d.getUTCFullYear()}-12-31`;
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

async function timelineView(p) {
  const a = p.a || "", b = p.b || "", by = p.by || "month";
  document.title = `aras — timeline ${a}–${b}`;
  const head = [el("h1", {}, `Timeline ${a} – ${b} by ${by}`),
    filterForm(p, [["a", "Party A", "text"], ["b", "Party B", "text"], ["by", "By (day, week, month, year)", "text"]]),
    el("p", { class: "legend" }, el("span", { class: "pos" }, "■ cooperation (above)"), el("span", { class: "neg" }, "■ conflict (below)"), el("span", {}, "— Goldstein mean"))];
  show(...head);
  if (!a || !b) { show(...head, el("p", {}, "Choose two parties.")); return; }
  let points;
  try { points = await api("timeline", Object.assign({ a, b, by }, pick(p, FILTERS.concat(["one_way", "level", "reports"])))); } catch (e) { show(...head, error(e)); return; }
  if (!points.length) { show(...head, el("p", { class: "muted" }, "No dated events between these parties.")); return; }
  const w = Math.max(600, Math.min(1400, points.length * 24 + 80)), h = 420, mid = h / 2, left = 50;
  const bw = (w - left - 20) / points.length;
  const max = Math.max(1, ...points.map((t) => Math.max(t.verbal_cooperation + t.material_cooperation, t.verbal_conflict + t.material_conflict)));
  const scale = (mid - 30) / max;
  const root = svg("svg", { width: w, height: h, id: "timeline" });
  root.appendChild(svg("line", { x1: left, x2: w - 10, y1: mid, y2: mid, stroke: "#333" }));
  const rest = pick(p, FILTERS);
  const line = [];
  points.forEach((t, i) => {
    const x = left + i * bw;
    const coop = t.verbal_cooperation + t.material_cooperation, conf = t.verbal_conflict + t.material_conflict;
    const open = () => navigate("/events" + query(Object.assign({}, rest, { dyad: a + "," + b, from: t.start, to: bucketEnd(t.start, by), directed: p.one_way ? "true" : "" })));
    for (const [n, y, colour, kind] of [[coop, mid - coop * scale, "#1a7f37", "coop"], [conf, mid, "#c62828", "conflict"]]) {
      if (!n) continue;
      const r = svg("rect", { class: "bar " + kind, x: x + 1, y, width: Math.max(bw - 2, 1), height: n * scale, fill: colour, "data-label": t.label });
      const title = svg("title", {});
      title.textContent = `${t.label}: ${n} ${kind === "coop" ? "cooperative" : "conflictual"} events`;
      r.appendChild(title);
      r.addEventListener("click", open);
      root.appendChild(r);
    }
    if (t.goldstein_mean !== null && t.goldstein_mean !== undefined) line.push(`${x + bw / 2},${mid - (t.goldstein_mean / 10) * (mid - 30)}`);
    if (i % Math.max(1, Math.ceil(points.length / Math.floor((w - left) / 90))) === 0) {
      const lab = svg("text", { x: x + bw / 2, y: h - 5, "font-size": 10, "text-anchor": "middle" });
      lab.textContent = t.label;
      root.appendChild(lab);
    }
  });
  if (line.length > 1) root.appendChild(svg("polyline", { points: line.join(" "), fill: "none", stroke: "#1f2d3d", "stroke-width": 2, class: "goldstein" }));
  for (const v of [10, -10]) {
    const lab = svg("text", { x: 5, y: mid - (v / 10) * (mid - 30) + 4, "font-size": 10 });
    lab.textContent = "G " + v;
    root.appendChild(lab);
  }
  show(...head, root);
}

// ---- balance ---------------------------------------------------------------------------------

async function balanceView(p) {
  document.title = "aras — balance";
  const head = [el("h1", {}, "Balance" + (p.actor ? " of " + p.actor : "")), filterForm(p, [["actor", "Actor", "text"]])];
  show(...head);
  let r;
  try { r = await api("balance", pick(p, FILTERS.concat(["actor", "mixed", "min_events", "level", "reports"]))); } catch (e) { show(...head, error(e)); return; }
  const rest = pick(p, FILTERS);
  const ev = (a, b, text) => link("/events" + query(Object.assign({ dyad: a + "," + b }, rest)), text);
  const ratio = r.balance_ratio === null || r.balance_ratio === undefined ? "–" : r.balance_ratio.toFixed(2);
  const triads = el("table", { id: "triads" }, el("tr", {}, ...["Actors", "Signs", "Kind", "Reading", "Edges"].map((t) => el("th", {}, t))));
  for (const t of r.triads) {
    const [x, y, z] = t.actors;
    triads.appendChild(el("tr", {}, el("td", {}, t.actors.join(" · ")), el("td", {}, t.signs.join(", ")), el("td", {}, t.kind), el("td", {}, t.reading),
      el("td", {}, ev(x, y, `${x}–${y}`), " ", ev(x, z, `${x}–${z}`), " ", ev(y, z, `${y}–${z}`))));
  }
  const hedging = el("table", { id: "hedging" }, el("tr", {}, ...["Actor", "Between", "Score", "Hostility", "Leans to", "Edges"].map((t) => el("th", {}, t))));
  for (const hg of r.hedging) {
    const [x, y] = hg.between;
    hedging.appendChild(el("tr", {}, el("td", {}, hg.actor), el("td", {}, `${x} / ${y}`), el("td", {}, hg.score.toFixed(2)), el("td", {}, hg.hostility.toFixed(2)), el("td", {}, hg.leans_to || "–"),
      el("td", {}, ev(hg.actor, x, `${hg.actor}–${x}`), " ", ev(hg.actor, y, `${hg.actor}–${y}`), " ", ev(x, y, `${x}–${y}`))));
  }
  show(...head,
    el("p", {}, `${r.edges.length} edges; triangles: ${r.balanced} balanced, ${r.unbalanced} unbalanced, ${r.ambiguous} ambiguous; balance ratio ${ratio}.`),
    el("h2", {}, "Hedging"), r.hedging.length ? hedging : el("p", { class: "muted" }, "No actor between two hostile ones."),
    el("h2", {}, "Triangles"), r.triads.length ? triads : el("p", { class: "muted" }, "No triangles."));
}

// ---- events table -------------------------------------------------------------------------------

const EVENT_COLUMNS = [
  ["date", "Date", (r) => r.date || r.published || ""],
  ["source", "Source", (r) => r.source_code || r.source_country || r.source_text || "–"],
  ["target", "Target", (r) => r.target_code || r.target_country || r.target_text || "–"],
  ["cameo", "CAMEO", (r) => r.cameo],
  ["quad", "Quad", (r) => r.quad_class],
  ["goldstein", "Goldstein", (r) => Number(r.goldstein).toFixed(1)],
  ["reports", "Reports", (r) => r.n_reports],
  ["publication", "Publication", (r) => r.publication || ""],
  [null, "Trigger", (r) => r.trigger],
  [null, "Evidence", (r) => r.evidence],
];

async function eventsView(p) {
  document.title = "aras — events";
  const head = [el("h1", {}, "Events" + (p.dyad ? " " + p.dyad.replace(",", "–") : "")),
    filterForm(p, [["actor", "Actor", "text"], ["dyad", "Dyad (A,B)", "text"], ["cameo", "CAMEO", "text"]])];
  show(...head);
  const filters = pick(p, FILTERS.concat(["actor", "country", "dyad", "directed", "cameo", "root", "plover", "reports"]));
  const limit = Number(p.limit || 50), offset = Number(p.offset || 0);
  let r;
  try { r = await api("events", Object.assign({}, filters, pick(p, ["sort", "order", "limit", "offset"]))); } catch (e) { show(...head, error(e)); return; }
  const table = el("table", { id: "events" });
  const hr = el("tr", {});
  for (const [key, label] of EVENT_COLUMNS) {
    if (!key) { hr.appendChild(el("th", {}, label)); continue; }
    const active = (p.sort || "date") === key;
    const order = active && p.order !== "desc" ? "desc" : "asc";
    const th = el("th", { class: "sortable" }, label + (active ? (p.order === "desc" ? " ▼" : " ▲") : ""));
    th.addEventListener("click", () => navigate("/events" + query(Object.assign({}, p, { sort: key, order, offset: "" }))));
    hr.appendChild(th);
  }
  hr.appendChild(el("th", {}, "Document"));
  table.appendChild(hr);
  for (const row of r.rows) {
    const href = "/documents/" + encodeURIComponent(row.doc_id) + query({ event: row.event_id });
    const tr = el("tr", { class: "clickable", "data-event": row.event_id, "data-doc": row.doc_id });
    for (const [, , get] of EVENT_COLUMNS) tr.appendChild(el("td", {}, String(get(row))));
    tr.appendChild(el("td", {}, link(href, row.doc_id, { class: "doc-link" })));
    tr.addEventListener("click", (ev) => { if (!ev.target.closest("a")) navigate(href); });
    table.appendChild(tr);
  }
  const pager = el("div", { class: "pager" });
  if (offset > 0) pager.appendChild(link("/events" + query(Object.assign({}, p, { offset: Math.max(0, offset - limit) })), "← previous"));
  pager.appendChild(el("span", {}, `${r.total ? offset + 1 : 0}–${Math.min(offset + limit, r.total)} of ${r.total}`));
  if (offset + limit < r.total) pager.appendChild(link("/events" + query(Object.assign({}, p, { offset: offset + limit })), "next →"));
  const exp = Object.assign({}, filters, pick(p, ["sort", "order"]));
  pager.appendChild(el("span", {}, "Export: ", el("a", { href: "/api/v1/events" + query(Object.assign({ format: "csv" }, exp)), download: "events.csv" }, "CSV"), " ",
    el("a", { href: "/api/v1/events" + query(Object.assign({ format: "jsonl" }, exp)), download: "events.jsonl" }, "JSONL")));
  show(...head, pager, r.rows.length ? table : el("p", { class: "muted" }, "No events match."));
}

// ---- document reader ------------------------------------------------------------------------------

function annotations(doc) {
  const out = [];
  const add = (kind, id, start, end, label) => {
    if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end) out.push({ kind, id, start, end, label, key: kind + ":" + id });
  };
  for (const a of doc.actors) add("actor", a.id, a.start, a.end, `${a.code || "?"} ${a.text}`);
  for (const t of doc.times) add("time", t.id, t.start, t.end, `${t.value || ""} ${t.text}`);
  for (const q of doc.quotes) add("quote", q.id, q.start, q.end, `${(q.speaker && (q.speaker.code || q.speaker.name)) || "?"}: ${q.text}`);
  for (const e of doc.events) {
    if (e.evidence) add("evidence", e.id, e.evidence.start, e.evidence.end, "");
    if (e.trigger) add("trigger", e.id, e.trigger.start, e.trigger.end, "");
  }
  return out;
}

function side(e, which) {
  const s = e[which];
  if (!s) return "–";
  return s.code || s.country || s.text || "–";
}

async function documentView(id, p) {
  document.title = "aras — document";
  let doc;
  try { doc = await api("documents/" + encodeURIComponent(id)); } catch (e) { show(el("h1", {}, "Document"), error(e)); return; }
  document.title = "aras — " + (doc.title || doc.doc_id);
  const bytes = new TextEncoder().encode(doc.body);
  const decoder = new TextDecoder("utf-8");
  const anns = annotations(doc).filter((a) => a.end <= bytes.length);
  const cuts = new Set([0, bytes.length]);
  for (const a of anns) { cuts.add(a.start); cuts.add(a.end); }
  const points = [...cuts].sort((x, y) => x - y);
  const body = el("div", { class: "body", id: "body" });
  const first = new Map();
  for (let i = 0; i + 1 < points.length; i++) {
    const [s, t] = [points[i], points[i + 1]];
    const text = decoder.decode(bytes.subarray(s, t));
    const covering = anns.filter((a) => a.start <= s && a.end >= t);
    if (!covering.length) { body.appendChild(document.createTextNode(text)); continue; }
    const span = el("span", {
      class: [...new Set(covering.map((a) => "hl-" + a.kind))].join(" "),
      "data-ann": covering.map((a) => a.key).join(" "), "data-start": s, "data-end": t,
    }, text);
    for (const a of covering) if (!first.has(a.key)) { first.set(a.key, span); span.id = "ann-" + a.key.replace(":", "-"); }
    body.appendChild(span);
  }
  const focus = (key) => {
    for (const x of body.querySelectorAll(".hl-focus")) x.classList.remove("hl-focus");
    const spans = [...body.querySelectorAll("span[data-ann]")].filter((x) => x.dataset.ann.split(" ").includes(key));
    for (const x of spans) x.classList.add("hl-focus");
    if (spans.length) spans[0].scrollIntoView({ block: "center" });
  };
  const records = el("div", { class: "records" });
  const list = (title, items) => {
    if (!items.length) return;
    records.appendChild(el("h2", {}, title));
    const ul = el("ul", {});
    for (const [key, text] of items) {
      const li = el("li", { "data-key": key }, text);
      li.addEventListener("click", () => {
        history.replaceState(null, "", location.pathname + query({ focus: key }));
        focus(key);
      });
      ul.appendChild(li);
    }
    records.appendChild(ul);
  };
  list("Events", doc.events.map((e) => ["evidence:" + e.id,
    `${e.id} ${side(e, "source")} → ${side(e, "target")} ${e.cameo || ""} “${e.trigger ? e.trigger.text : ""}”${e.modality ? " (" + e.modality + ")" : ""}`]));
  list("Actors", anns.filter((a) => a.kind === "actor").map((a) => [a.key, `${a.id} ${a.label}`]));
  list("Quotes", anns.filter((a) => a.kind === "quote").map((a) => [a.key, `${a.id} ${a.label}`]));
  list("Times", anns.filter((a) => a.kind === "time").map((a) => [a.key, `${a.id} ${a.label}`]));
  const meta = el("p", { class: "muted" }, [doc.date || doc.published, doc.publication, doc.doc_id].filter(Boolean).join(" · "));
  if (doc.url && /^https?:\/\//i.test(doc.url)) {
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(el("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, "original"));
  } else if (doc.url) {
    meta.appendChild(document.createTextNode(" · " + doc.url));
  }
  show(el("h1", { id: "doc-title" }, doc.title || doc.doc_id), meta,
    el("p", { class: "legend" }, el("span", { class: "hl-actor" }, "actor"), el("span", { class: "hl-trigger" }, "trigger"),
      el("span", { class: "hl-evidence" }, "evidence"), el("span", { class: "hl-quote" }, "quote"), el("span", { class: "hl-time" }, "time")),
    el("div", { class: "reader" }, body, records));
  if (p.event) focus("evidence:" + p.event);
  else if (p.focus) focus(p.focus);
}

// ---- search -------------------------------------------------------------------------------------------

async function searchView(p) {
  document.title = "aras — search";
  const input = el("input", { name: "q", type: "search", value: p.q || "", placeholder: "words to find", id: "search-q" });
  const form = el("form", { class: "filters", id: "search-form" }, input, el("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); navigate("/search" + query({ q: input.value })); });
  const head = [el("h1", {}, "Search"), form];
  show(...head);
  if (!p.q) return;
  let hits;
  try { hits = await api("search", { q: p.q, limit: 50 }); } catch (e) { show(...head, error(e)); return; }
  const ul = el("ul", { class: "hits", id: "hits" });
  for (const h of hits) {
    ul.appendChild(el("li", {}, link("/documents/" + encodeURIComponent(h.doc_id), h.title || h.doc_id, { class: "hit" }),
      el("div", { class: "muted" }, [h.date, h.publication].filter(Boolean).join(" · ")), el("div", {}, h.snippet)));
  }
  show(...head, el("p", {}, `${hits.length} documents`), ul);
}

// ---- routing ---------------------------------------------------------------------------------------------

async function render() {
  const path = location.pathname, p = params();
  if (path === "/" || path === "/network") return networkView(p);
  if (path === "/relations") return relationsView(p);
  if (path === "/timeline") return timelineView(p);
  if (path === "/balance") return balanceView(p);
  if (path === "/events") return eventsView(p);
  if (path === "/search") return searchView(p);
  const m = path.match(/^\/documents\/(.+)$/);
  if (m) return documentView(decodeURIComponent(m[1]), p);
  show(el("p", {}, "No such view."));
}

document.addEventListener("click", (ev) => {
  const a = ev.target.closest && ev.target.closest("a");
  if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || a.target) return;
  const href = a.getAttribute("href");
  if (!href || !href.startsWith("/") || href.startsWith("//") || href.startsWith("/api/") || a.hasAttribute("download")) return;
  ev.preventDefault();
  navigate(href);
});
window.addEventListener("popstate", render);
render();
