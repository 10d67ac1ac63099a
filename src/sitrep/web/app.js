/* sitrep web page: events from the API on an offline SVG map (Natural Earth outlines shipped with sitrep), a
   timeline of events per day, filters, and a side panel with the selected event's claims, sources and the words
   of each article it was extracted from, highlighted by their character offsets. Plain JavaScript, no libraries;
   nothing is fetched from anywhere but this server. */
(function () {
  "use strict";

  var SVG_NS = "http://www.w3.org/2000/svg";
  var TYPE_COLORS = {
    "Battles": "#d62728",
    "Explosions/Remote violence": "#ff7f0e",
    "Violence against civilians": "#9467bd",
    "Protests": "#2ca02c",
    "Riots": "#8c564b",
    "Strategic developments": "#1f77b4"
  };
  var OTHER_COLOR = "#8a8f94";
  var OTHER_LABEL = "no ACLED type (PLOVER only)";
  var FIELD_LABELS = { trigger: "what happened", actor: "actor", location: "place", event_date: "date",
                       claim: "claimant", quantity: "figure" };
  var PRECISION = { 1: "", 2: " (that week)", 3: " (month or vaguer)" };
  var GEO_PRECISION = { 1: "the place itself", 2: "a nearby town", 3: "region centroid" };
  var PAGE = 10000;

  var state = {
    token: null, events: [], byId: {}, typeNames: [], world: null, countryLabels: [],
    view: { lon: 20, lat: 25, k: 3 }, fitted: false, selected: null, articleCache: {}
  };
  var $ = function (id) { return document.getElementById(id); };

  /* ---------- small DOM helpers ---------- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function svgEl(tag, attrs, children) {
    var node = document.createElementNS(SVG_NS, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }
  function setAttrs(node, attrs) {
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key.slice(0, 2) === "on") node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    });
  }
  function append(node, children) {
    (Array.isArray(children) ? children : [children]).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    });
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function setStatus(message, isError) {
    var status = $("status");
    status.textContent = message;
    status.className = isError ? "error" : "";
  }

  /* ---------- the API ---------- */
  function readToken() {
    var params = new URLSearchParams(window.location.search);
    var token = params.get("token");
    if (token) {
      try { window.sessionStorage.setItem("sitrep-token", token); } catch (e) { /* storage may be off */ }
      params.delete("token");
      var rest = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : "") + window.location.hash);
      return token;
    }
    try { return window.sessionStorage.getItem("sitrep-token"); } catch (e) { return null; }
  }

  function api(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (key) {
      if (params[key] !== "" && params[key] !== null && params[key] !== undefined) query.set(key, params[key]);
    });
    var headers = { "Accept": "application/json" };
    if (state.token) headers["Authorization"] = "Bearer " + state.token;
    var url = "api/" + path + (query.toString() ? "?" + query.toString() : "");
    return fetch(url, { headers: headers }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 401) showTokenForm();
        if (!response.ok) throw new Error(body.error || ("HTTP " + response.status));
        return body;
      });
    });
  }

  function loadEvents(filters) {
    var all = [];
    function page(offset) {
      var params = Object.assign({ view: "summary", limit: PAGE, offset: offset }, filters);
      return api("events", params).then(function (body) {
        all = all.concat(body.events);
        if (body.events.length && all.length < body.total) return page(offset + body.events.length);
        return all;
      });
    }
    return page(0);
  }

  /* ---------- filters ---------- */
  function currentFilters() {
    var form = $("filters");
    var out = {};
    ["since", "until", "type", "actor", "country", "verification"].forEach(function (name) {
      var value = form.elements[name].value.trim();
      if (value) out[name] = value;
    });
    return out;
  }

  function fillOptions(select, items) {
    items.forEach(function (item) { select.appendChild(el("option", { value: item[0], text: item[1] })); });
  }

  function initFilterOptions(stats, events) {
    fillOptions($("f-type"), (stats.by_type || []).map(function (row) {
      return [row[0], row[0] + " (" + row[1] + ")"];
    }));
    var countries = {};
    events.forEach(function (e) { if (e.country) countries[e.country] = (countries[e.country] || 0) + 1; });
    var names = countryNames();
    fillOptions($("f-country"), Object.keys(countries).sort().map(function (code) {
      return [code, code + (names[code] ? " · " + names[code] : "") + " (" + countries[code] + ")"];
    }));
  }

  function countryNames() {
    var names = {};
    ((state.world && state.world.features) || []).forEach(function (f) {
      if (f.properties.iso3) names[f.properties.iso3] = f.properties.name;
    });
    return names;
  }

  function applyFilters() {
    setStatus("loading…");
    return loadEvents(currentFilters()).then(function (events) {
      setEvents(events);
      if (state.selected && !state.byId[state.selected]) showList();
    }).catch(function (error) { setStatus(error.message, true); });
  }

  /* ---------- events ---------- */
  function setEvents(events) {
    state.events = events;
    state.byId = {};
    events.forEach(function (e) { state.byId[e.event_id] = e; });
    layoutMarkers();
    fitView();
    renderMap();
    renderTimeline();
    renderLegend();
    if (!state.selected) showList();
    var mapped = events.filter(hasPoint).length;
    var undated = events.filter(function (e) { return !e.event_date; }).length;
    setStatus(events.length + " events · " + mapped + " on the map" + (undated ? " · " + undated + " undated" : ""));
  }

  function hasPoint(e) { return typeof e.latitude === "number" && typeof e.longitude === "number"; }
  function typeOf(e) { return e.event_type || OTHER_LABEL; }
  function colorOf(e) { return TYPE_COLORS[e.event_type] || OTHER_COLOR; }
  function radiusOf(e) {
    var deaths = e.fatalities || 0;
    return 3.5 + 3.2 * Math.log10(1 + deaths);
  }
  function kindOf(e) {
    return e.sub_event_type || e.event_type || titleCase(e.plover_type || "event");
  }
  function titleCase(text) { return text.charAt(0) + text.slice(1).toLowerCase(); }

  /* ---------- the map: projection ---------- */
  function mapSize() {
    var svg = $("map");
    return { w: svg.clientWidth || 800, h: svg.clientHeight || 500 };
  }
  function aspect() { return Math.cos(Math.max(-70, Math.min(70, state.view.lat)) * Math.PI / 180); }
  function project(lon, lat) {
    var size = mapSize(), v = state.view, c = aspect();
    return [(lon - v.lon) * v.k * c + size.w / 2, -(lat - v.lat) * v.k + size.h / 2];
  }
  function unproject(x, y) {
    var size = mapSize(), v = state.view, c = aspect();
    return [v.lon + (x - size.w / 2) / (v.k * c), v.lat - (y - size.h / 2) / v.k];
  }

  function percentile(sorted, p) {
    if (!sorted.length) return 0;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
  }

  function fitView() {
    var points = state.events.filter(hasPoint);
    var size = mapSize();
    if (!points.length) { state.view = { lon: 20, lat: 25, k: size.w / 380 }; return; }
    var lons = points.map(function (e) { return e.longitude; }).sort(function (a, b) { return a - b; });
    var lats = points.map(function (e) { return e.latitude; }).sort(function (a, b) { return a - b; });
    var cut = points.length >= 20 ? 0.15 : 0;  /* the bulk of the events; outliers are a zoom-out away */
    var west = percentile(lons, cut), east = percentile(lons, 1 - cut);
    var south = percentile(lats, cut), north = percentile(lats, 1 - cut);
    var spanLon = Math.max(east - west, 2), spanLat = Math.max(north - south, 2);
    var lat = (north + south) / 2;
    var c = Math.cos(lat * Math.PI / 180);
    var k = Math.min(size.w / (spanLon * c), size.h / spanLat) * 0.75;
    state.view = { lon: (east + west) / 2, lat: lat, k: clampZoom(k) };
  }
  function clampZoom(k) { return Math.max(mapSize().w / 420, Math.min(k, 4000)); }

  /* ---------- the map: drawing ---------- */
  function buildMap() {
    var svg = $("map");
    clear(svg);
    var base = svgEl("g", { id: "base" });
    ((state.world && state.world.features) || []).forEach(function (feature) {
      base.appendChild(svgEl("path", {
        "class": "land", d: pathOf(feature.geometry), "vector-effect": "non-scaling-stroke",
        "data-iso3": feature.properties.iso3 || ""
      }, svgEl("title", { text: feature.properties.name })));
    });
    svg.appendChild(base);
    ["graticule", "country-labels", "markers", "admin1-labels"].forEach(function (id) {
      svg.appendChild(svgEl("g", { id: id }));
    });
    state.countryLabels = ((state.world && state.world.features) || []).map(labelPoint);
  }

  function pathOf(geometry) {
    var parts = [];
    geometry.coordinates.forEach(function (polygon) {
      polygon.forEach(function (ring) {
        parts.push("M" + ring.map(function (p) { return p[0] + "," + (-p[1]); }).join("L") + "Z");
      });
    });
    return parts.join("");
  }

  function labelPoint(feature) {
    var ring = feature.geometry.coordinates[0][0];
    var box = ring.reduce(function (b, p) {
      return [Math.min(b[0], p[0]), Math.min(b[1], p[1]), Math.max(b[2], p[0]), Math.max(b[3], p[1])];
    }, [180, 90, -180, -90]);
    return { name: feature.properties.name, iso3: feature.properties.iso3, lon: (box[0] + box[2]) / 2,
             lat: (box[1] + box[3]) / 2, span: Math.max(box[2] - box[0], box[3] - box[1]) };
  }

  function renderMap() {
    var size = mapSize(), v = state.view, c = aspect();
    var base = $("base");
    if (!base) return;
    base.setAttribute("transform", "translate(" + (size.w / 2 - v.lon * v.k * c) + "," + (size.h / 2 + v.lat * v.k) +
                      ") scale(" + (v.k * c) + "," + v.k + ")");
    markCountries();
    renderGraticule(size);
    renderMarkers();
    renderLabels(size);
  }

  function markCountries() {
    var present = {};
    state.events.forEach(function (e) { if (e.country) present[e.country] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("#base .land"), function (path) {
      path.classList.toggle("has-events", !!present[path.getAttribute("data-iso3")]);
    });
  }

  function graticuleStep() {
    var perHundred = 100 / state.view.k;
    var steps = [0.25, 0.5, 1, 2, 5, 10, 15, 30];
    for (var i = 0; i < steps.length; i++) if (steps[i] >= perHundred) return steps[i];
    return 30;
  }

  function renderGraticule(size) {
    var layer = $("graticule");
    clear(layer);
    var step = graticuleStep();
    var topLeft = unproject(0, 0), bottomRight = unproject(size.w, size.h);
    var west = Math.max(-180, Math.floor(topLeft[0] / step) * step), east = Math.min(180, bottomRight[0]);
    var north = Math.min(90, topLeft[1]), south = Math.max(-90, Math.floor(bottomRight[1] / step) * step);
    for (var lon = west; lon <= east; lon += step) {
      var x = project(lon, 0)[0];
      layer.appendChild(svgEl("line", { "class": "graticule", x1: x, x2: x, y1: 0, y2: size.h }));
      layer.appendChild(svgEl("text", { "class": "graticule-label", x: x + 3, y: size.h - 4, text: degrees(lon, "E", "W") }));
    }
    for (var lat = south; lat <= north; lat += step) {
      var y = project(0, lat)[1];
      layer.appendChild(svgEl("line", { "class": "graticule", x1: 0, x2: size.w, y1: y, y2: y }));
      layer.appendChild(svgEl("text", { "class": "graticule-label", x: size.w - 4, y: y - 3, "text-anchor": "end",
                                        text: degrees(lat, "N", "S") }));
    }
  }

  function degrees(value, positive, negative) {
    var rounded = Math.round(value * 100) / 100;
    return Math.abs(rounded) + "°" + (rounded > 0 ? positive : rounded < 0 ? negative : "");
  }

  /* Events at the same coordinates fan out on a small spiral (in pixels) so that each can be clicked. */
  function layoutMarkers() {
    var layer = $("markers");
    if (!layer) return;
    clear(layer);
    var groups = {};
    state.events.filter(hasPoint).forEach(function (e) {
      var key = e.latitude.toFixed(3) + "," + e.longitude.toFixed(3);
      (groups[key] = groups[key] || []).push(e);
    });
    var markers = [];
    Object.keys(groups).forEach(function (key) {
      groups[key].sort(function (a, b) { return (b.fatalities || 0) - (a.fatalities || 0); });
      groups[key].forEach(function (e, i) {
        var angle = i * 2.399963, distance = i ? 5.5 * Math.sqrt(i) : 0;
        markers.push({ e: e, dx: Math.cos(angle) * distance, dy: Math.sin(angle) * distance, r: radiusOf(e) });
      });
    });
    markers.sort(function (a, b) { return b.r - a.r; });
    markers.forEach(function (m) { layer.appendChild(markerNode(m)); });
    state.markers = markers;
  }

  function markerNode(m) {
    var e = m.e;
    var label = (e.event_date || "undated") + " · " + kindOf(e) + " · " + [e.location, e.admin1, e.country]
      .filter(Boolean).join(", ") + (e.fatalities !== null && e.fatalities !== undefined ? " · " + e.fatalities + " killed" : "");
    m.node = svgEl("circle", {
      "class": "marker" + (e.event_id === state.selected ? " selected" : ""), r: m.r.toFixed(1), fill: colorOf(e),
      "data-event-id": e.event_id, tabindex: "0", role: "button", "aria-label": label,
      onclick: function (event) { event.stopPropagation(); select(e.event_id); },
      onkeydown: function (event) { if (event.key === "Enter") select(e.event_id); }
    }, svgEl("title", { text: label }));
    return m.node;
  }

  function renderMarkers() {
    (state.markers || []).forEach(function (m) {
      var p = project(m.e.longitude, m.e.latitude);
      m.node.setAttribute("cx", (p[0] + m.dx).toFixed(1));
      m.node.setAttribute("cy", (p[1] + m.dy).toFixed(1));
    });
  }

  /* Labels: admin1 areas that hold events (at their events' mean position), then country names, skipping overlaps. */
  function renderLabels(size) {
    var taken = [];
    var admin = $("admin1-labels"), countries = $("country-labels");
    clear(admin);
    clear(countries);
    admin1Groups().forEach(function (g) {
      placeLabel(admin, "admin1-label", g.name, project(g.lon, g.lat), size, taken, 12);
    });
    var present = {};
    state.events.forEach(function (e) { if (e.country) present[e.country] = true; });
    state.countryLabels.forEach(function (c) {
      if (c.span * state.view.k < 40 && !present[c.iso3]) return;
      placeLabel(countries, "country-label", c.name, project(c.lon, c.lat), size, taken, 0);
    });
  }

  function admin1Groups() {
    var groups = {};
    state.events.filter(hasPoint).forEach(function (e) {
      if (!e.admin1) return;
      var key = e.admin1 + "|" + (e.country || "");
      var g = groups[key] = groups[key] || { name: e.admin1, lon: 0, lat: 0, n: 0 };
      g.lon += e.longitude; g.lat += e.latitude; g.n += 1;
    });
    return Object.keys(groups).map(function (key) {
      var g = groups[key];
      return { name: g.name, lon: g.lon / g.n, lat: g.lat / g.n, n: g.n };
    }).sort(function (a, b) { return b.n - a.n; });
  }

  function placeLabel(layer, cls, text, point, size, taken, offset) {
    var width = text.length * 6.6, height = 12;
    var box = [point[0] - width / 2, point[1] - offset - height, point[0] + width / 2, point[1] - offset];
    if (box[2] < 0 || box[0] > size.w || box[3] < 0 || box[1] > size.h) return;
    var clash = taken.some(function (t) { return box[0] < t[2] && box[2] > t[0] && box[1] < t[3] && box[3] > t[1]; });
    if (clash) return;
    taken.push(box);
    layer.appendChild(svgEl("text", { "class": cls, x: point[0], y: point[1] - offset - 2, "text-anchor": "middle", text: text }));
  }

  /* ---------- the map: zoom and pan ---------- */
  var frame = null;
  function scheduleRender() {
    if (frame) return;
    frame = window.requestAnimationFrame(function () { frame = null; renderMap(); });
  }

  function zoomAt(factor, x, y) {
    var before = unproject(x, y);
    state.view.k = clampZoom(state.view.k * factor);
    var after = unproject(x, y);
    state.view.lon += before[0] - after[0];
    state.view.lat = Math.max(-80, Math.min(80, state.view.lat + before[1] - after[1]));
    scheduleRender();
  }

  function initMapInteraction() {
    var svg = $("map");
    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      var box = svg.getBoundingClientRect();
      zoomAt(Math.exp(-event.deltaY * 0.0015), event.clientX - box.left, event.clientY - box.top);
    }, { passive: false });
    svg.addEventListener("dblclick", function (event) {
      var box = svg.getBoundingClientRect();
      zoomAt(2, event.clientX - box.left, event.clientY - box.top);
    });
    var drag = null;
    svg.addEventListener("pointerdown", function (event) {
      if (event.target.classList.contains("marker")) return;
      drag = { x: event.clientX, y: event.clientY };
      svg.setPointerCapture(event.pointerId);
      svg.classList.add("dragging");
    });
    svg.addEventListener("pointermove", function (event) {
      if (!drag) return;
      var c = aspect();
      state.view.lon -= (event.clientX - drag.x) / (state.view.k * c);
      state.view.lat = Math.max(-80, Math.min(80, state.view.lat + (event.clientY - drag.y) / state.view.k));
      drag = { x: event.clientX, y: event.clientY };
      scheduleRender();
    });
    var stop = function () { drag = null; svg.classList.remove("dragging"); };
    svg.addEventListener("pointerup", stop);
    svg.addEventListener("pointercancel", stop);
    $("zoom-in").addEventListener("click", function () { var s = mapSize(); zoomAt(1.6, s.w / 2, s.h / 2); });
    $("zoom-out").addEventListener("click", function () { var s = mapSize(); zoomAt(1 / 1.6, s.w / 2, s.h / 2); });
    $("zoom-fit").addEventListener("click", function () { fitView(); renderMap(); });
  }

  /* ---------- legend ---------- */
  function renderLegend() {
    var box = $("legend");
    var before = box.querySelector("details");
    var legend = el("details", { open: before ? before.open : window.innerHeight > 600 }, el("summary", { text: "legend" }));
    clear(box);
    box.appendChild(legend);
    var counts = {};
    state.events.forEach(function (e) { counts[typeOf(e)] = (counts[typeOf(e)] || 0) + 1; });
    Object.keys(TYPE_COLORS).concat([OTHER_LABEL]).forEach(function (name) {
      if (!counts[name]) return;
      var swatch = el("span", { "class": "swatch" });
      swatch.style.background = TYPE_COLORS[name] || OTHER_COLOR;
      legend.appendChild(el("div", { "class": "row" }, [swatch, name + " (" + counts[name] + ")"]));
    });
    var sizes = el("div", { "class": "sizes" }, "deaths:");
    [0, 10, 100, 1000].forEach(function (n) {
      var r = radiusOf({ fatalities: n });
      var dot = svgEl("svg", { width: 2 * r + 2, height: 2 * r + 2 },
                      svgEl("circle", { cx: r + 1, cy: r + 1, r: r, fill: "#9aa3ab" }));
      sizes.appendChild(el("span", {}, [dot, n ? String(n) : "none"]));
    });
    legend.appendChild(sizes);
    var unmapped = state.events.length - state.events.filter(hasPoint).length;
    if (unmapped) legend.appendChild(el("div", { "class": "note", text: unmapped + " events without a place are in the list only" }));
  }

  /* ---------- the timeline ---------- */
  var DAY = 86400000;
  function dayNumber(iso) { return Math.floor(Date.parse(iso + "T00:00:00Z") / DAY); }
  function isoDay(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  function timelineData() {
    var days = {};
    state.events.forEach(function (e) {
      if (!e.event_date) return;
      var n = dayNumber(e.event_date);
      var d = days[n] = days[n] || { n: n, total: 0, byType: {} };
      d.total += 1;
      d.byType[typeOf(e)] = (d.byType[typeOf(e)] || 0) + 1;
    });
    var list = Object.keys(days).map(function (k) { return days[k]; }).sort(function (a, b) { return a.n - b.n; });
    return { days: list, first: list.length ? list[0].n : 0, last: list.length ? list[list.length - 1].n : 0 };
  }

  function timelineScale() {
    var svg = $("timeline");
    var w = svg.clientWidth || 800, h = svg.clientHeight || 150;
    var m = { l: 34, r: 12, t: 16, b: 20 };
    var data = timelineData();
    var count = data.last - data.first + 1;
    var inner = w - m.l - m.r;
    return { w: w, h: h, m: m, data: data, count: count, step: inner / Math.max(count, 1),
             x: function (n) { return m.l + (n - data.first) * inner / Math.max(count, 1); },
             day: function (x) { return data.first + Math.floor((x - m.l) / (inner / Math.max(count, 1))); } };
  }

  function renderTimeline() {
    var svg = $("timeline");
    clear(svg);
    var s = timelineScale();
    var undated = state.events.filter(function (e) { return !e.event_date; }).length;
    $("timeline-note").textContent = s.data.days.length ? "events per day" + (undated ? " · " + undated + " undated not shown" : "") : "no dated events";
    if (!s.data.days.length) return;
    var max = Math.max.apply(null, s.data.days.map(function (d) { return d.total; }));
    var plot = s.h - s.m.t - s.m.b;
    var width = Math.max(1, s.step - (s.step > 4 ? 1 : 0));
    s.data.days.forEach(function (d) { drawDay(svg, s, d, plot / max, width); });
    drawAxis(svg, s, max);
    drawSelectedDay(svg, s);
    svg.appendChild(svgEl("rect", { id: "brush", "class": "brush", x: 0, y: s.m.t, width: 0, height: plot, visibility: "hidden" }));
  }

  function drawDay(svg, s, d, unit, width) {
    var y = s.h - s.m.b, x = s.x(d.n);
    var group = svgEl("g", { "class": "day", "data-day": isoDay(d.n) },
                      svgEl("title", { text: isoDay(d.n) + ": " + d.total + " event" + (d.total === 1 ? "" : "s") }));
    Object.keys(TYPE_COLORS).concat([OTHER_LABEL]).forEach(function (type) {
      var n = d.byType[type];
      if (!n) return;
      group.appendChild(svgEl("rect", { x: x.toFixed(2), y: (y - n * unit).toFixed(2), width: width.toFixed(2),
                                        height: (n * unit).toFixed(2), fill: TYPE_COLORS[type] || OTHER_COLOR }));
      y -= n * unit;
    });
    svg.appendChild(group);
  }

  function drawAxis(svg, s, max) {
    var base = s.h - s.m.b;
    svg.appendChild(svgEl("line", { "class": "axis-line", x1: s.m.l, x2: s.w - s.m.r, y1: base + 0.5, y2: base + 0.5 }));
    svg.appendChild(svgEl("text", { "class": "axis", x: s.m.l - 4, y: s.m.t + 8, "text-anchor": "end", text: String(max) }));
    svg.appendChild(svgEl("text", { "class": "axis", x: s.m.l - 4, y: base, "text-anchor": "end", text: "0" }));
    tickDays(s).forEach(function (tick) {
      var x = s.x(tick.n);
      svg.appendChild(svgEl("line", { "class": "axis-line", x1: x, x2: x, y1: base, y2: base + 4 }));
      svg.appendChild(svgEl("text", { "class": "axis", x: x + 2, y: s.h - 5, text: tick.label }));
    });
  }

  /* Ticks on days, month starts or year starts: whichever keeps them about 70 px apart. */
  function tickDays(s) {
    var perTick = 70 / s.step, ticks = [], n;
    if (perTick < 20) {
      var every = Math.max(1, Math.ceil(perTick));
      for (n = s.data.first; n <= s.data.last; n += every) ticks.push({ n: n, label: isoDay(n).slice(5) });
      return ticks;
    }
    var months = perTick <= 31 ? 1 : perTick <= 92 ? 3 : perTick <= 183 ? 6 : perTick <= 366 ? 12 : 24;
    var first = new Date(s.data.first * DAY);
    var y = first.getUTCFullYear(), m = first.getUTCMonth() + (first.getUTCDate() > 1 ? 1 : 0);
    while (m % Math.min(months, 12) !== 0) m += 1;
    for (; ; m += months) {
      n = Date.UTC(y, m, 1) / DAY;
      if (n > s.data.last) break;
      ticks.push({ n: n, label: months >= 12 ? isoDay(n).slice(0, 4) : isoDay(n).slice(0, 7) });
    }
    return ticks;
  }

  function drawSelectedDay(svg, s) {
    var e = state.selected && state.byId[state.selected];
    if (!e || !e.event_date) return;
    var x = s.x(dayNumber(e.event_date));
    svg.appendChild(svgEl("rect", { "class": "day-selected", x: x - 1.5, y: s.m.t - 4, width: Math.max(3, s.step) + 3,
                                    height: s.h - s.m.t - s.m.b + 4 }));
  }

  function initTimelineInteraction() {
    var svg = $("timeline");
    var start = null;
    svg.addEventListener("pointerdown", function (event) {
      if (!state.events.length) return;
      start = event.clientX - svg.getBoundingClientRect().left;
      svg.setPointerCapture(event.pointerId);
    });
    svg.addEventListener("pointermove", function (event) {
      var brush = $("brush");
      if (start === null || !brush) return;
      var x = event.clientX - svg.getBoundingClientRect().left;
      brush.setAttribute("x", Math.min(start, x));
      brush.setAttribute("width", Math.abs(x - start));
      brush.setAttribute("visibility", "visible");
    });
    svg.addEventListener("pointerup", function (event) {
      if (start === null) return;
      var end = event.clientX - svg.getBoundingClientRect().left;
      var s = timelineScale();
      var a = clampDay(s, s.day(Math.min(start, end))), b = clampDay(s, s.day(Math.max(start, end)));
      start = null;
      $("f-since").value = isoDay(a);
      $("f-until").value = isoDay(b);
      applyFilters();
    });
  }
  function clampDay(s, n) { return Math.max(s.data.first, Math.min(s.data.last, n)); }

  /* Pan the map to an event that lies outside the current view. */
  function showOnMap(e) {
    if (!e || !hasPoint(e)) return;
    var p = project(e.longitude, e.latitude), size = mapSize();
    if (p[0] >= 20 && p[0] <= size.w - 20 && p[1] >= 20 && p[1] <= size.h - 20) return;
    state.view.lon = e.longitude;
    state.view.lat = e.latitude;
    scheduleRender();
  }

  /* ---------- the side panel: list ---------- */
  function panel() { return $("panel-body"); }

  function showList() {
    state.selected = null;
    updateSelection();
    var body = panel();
    clear(body);
    var events = state.events.slice(0, 400);
    body.appendChild(el("h2", { text: state.events.length + " events" }));
    body.appendChild(el("p", { "class": "hint", text: "Click a dot on the map or an event below to see its claims, " +
      "sources and the words in the article it was extracted from. Drag across the timeline to pick dates; " +
      "scroll or double-click the map to zoom." }));
    var list = el("ul", { "class": "event-list" });
    events.forEach(function (e) { list.appendChild(listItem(e)); });
    body.appendChild(list);
    if (state.events.length > events.length) {
      body.appendChild(el("p", { "class": "hint", text: (state.events.length - events.length) + " more: narrow the filters to see them" }));
    }
  }

  function listItem(e) {
    var dot = el("span", { "class": "dot" });
    dot.style.background = colorOf(e);
    var where = [e.location, e.admin1, e.country].filter(Boolean).join(", ") || "no place";
    return el("li", { "data-event-id": e.event_id, tabindex: "0", onclick: function () { select(e.event_id); },
                      onkeydown: function (event) { if (event.key === "Enter") select(e.event_id); } }, [
      dot, el("strong", { text: kindOf(e) }), " · " + (e.event_date || "undated"),
      el("div", { "class": "meta", text: where + (e.fatalities !== null && e.fatalities !== undefined ? " · " + e.fatalities + " killed" : "") +
                                          " · " + e.verification })
    ]);
  }

  /* ---------- the side panel: one event ---------- */
  function updateSelection() {
    Array.prototype.forEach.call(document.querySelectorAll("#map .marker"), function (node) {
      node.classList.toggle("selected", node.getAttribute("data-event-id") === state.selected);
    });
    var selected = document.querySelector("#map .marker.selected");
    if (selected) selected.parentNode.appendChild(selected);
    renderTimeline();
  }

  function select(eventId) {
    state.selected = eventId;
    updateSelection();
    showOnMap(state.byId[eventId]);
    var body = panel();
    clear(body);
    body.appendChild(el("p", { "class": "hint", text: "loading…" }));
    api("events/" + encodeURIComponent(eventId)).then(function (event) {
      if (state.selected !== eventId) return;
      renderEvent(event);
    }).catch(function (error) { clear(body); body.appendChild(el("p", { "class": "hint", text: error.message })); });
  }

  function renderEvent(e) {
    var body = panel();
    clear(body);
    body.appendChild(el("button", { type: "button", "class": "back", text: "← all events", onclick: showList }));
    body.appendChild(el("h2", { text: kindOf(e) }));
    body.appendChild(el("p", { "class": "sub" }, [
      (e.event_date || "undated") + (PRECISION[e.time_precision] || "") + " · " + (e.event_type || "no ACLED type") +
        " · PLOVER " + (e.plover_type || "?")
    ]));
    body.appendChild(el("p", {}, [
      el("span", { "class": "badge v-" + e.verification, text: e.verification }),
      e.status && e.status !== "occurred" ? el("span", { "class": "badge status", text: e.status }) : null
    ]));
    if (e.notes) body.appendChild(el("p", { text: e.notes }));
    body.appendChild(fieldsTable(e));
    body.appendChild(sourcesSection(e));
    body.appendChild(claimsSection(e));
  }

  function fieldsTable(e) {
    var rows = [
      ["actor 1", [e.actor1, e.assoc_actor_1].filter(Boolean).join(" with ")],
      ["actor 2", [e.actor2, e.assoc_actor_2].filter(Boolean).join(" with ")],
      ["place", [e.location, e.admin2, e.admin1, e.country].filter(Boolean).join(", ")],
      ["coordinates", hasPoint(e) ? e.latitude.toFixed(3) + ", " + e.longitude.toFixed(3) +
        (GEO_PRECISION[e.geo_precision] ? " (" + GEO_PRECISION[e.geo_precision] + ")" : "") : ""],
      ["fatalities", e.fatalities === null || e.fatalities === undefined ? "none reported" : String(e.fatalities)],
      ["figures", (e.quantities || []).map(function (q) { return q.kind + ": " + q.text; }).join("; ")],
      ["mentions", (e.actor_mentions || []).join("; ")]
    ];
    var table = el("table", { "class": "fields" });
    rows.forEach(function (row) {
      if (row[1]) table.appendChild(el("tr", {}, [el("th", { text: row[0] }), el("td", { text: row[1] })]));
    });
    return table;
  }

  function claimsSection(e) {
    var section = el("section", {}, el("h3", { text: "claims (" + (e.claims || []).length + ")" }));
    if (!(e.claims || []).length) {
      section.appendChild(el("p", { "class": "hint", text: "no attributed claim: the outlet reports it in its own voice" }));
      return section;
    }
    var list = el("ul");
    e.claims.forEach(function (c) {
      list.appendChild(el("li", { "class": "claim" }, [
        el("span", { "class": "who", text: c.claimant }), c.via ? " via " + c.via : "", " ",
        el("span", { "class": "stance-" + c.stance, text: c.stance }),
        c.text ? el("div", { "class": "quote", text: c.text }) : null
      ]));
    });
    section.appendChild(list);
    return section;
  }

  function sourcesSection(e) {
    var section = el("section", {}, el("h3", { text: "sources and evidence" }));
    var sources = e.sources || [];
    var tabs = el("div", { "class": "tabs" });
    var article = el("div", { id: "article" });
    sources.forEach(function (source, i) {
      var label = [source.source || "article", source.published, source.title].filter(Boolean).join(" · ");
      tabs.appendChild(el("button", { type: "button", "data-article-id": source.article_id, text: label,
                                      onclick: function () { showArticle(e, source.article_id, tabs); } }));
    });
    section.appendChild(tabs);
    section.appendChild(fieldLegend());
    section.appendChild(article);
    var first = (e.evidence || [])[0];
    var firstId = first ? first.article_id : (sources[0] || {}).article_id;
    if (firstId) setTimeout(function () { showArticle(e, firstId, tabs); }, 0);
    return section;
  }

  function fieldLegend() {
    var legend = el("div", { "class": "field-legend" }, [el("span", {}, [el("mark", { "class": "evidence", text: "evidence sentence" })])]);
    Object.keys(FIELD_LABELS).forEach(function (field) {
      legend.appendChild(el("span", { "class": "field f-" + field, text: FIELD_LABELS[field] }));
    });
    return legend;
  }

  function showArticle(e, articleId, tabs) {
    Array.prototype.forEach.call(tabs.querySelectorAll("button"), function (b) {
      b.classList.toggle("active", b.getAttribute("data-article-id") === articleId);
    });
    var container = $("article");
    if (!container) return;
    clear(container);
    container.appendChild(el("p", { "class": "hint", text: "loading the article…" }));
    var cached = state.articleCache[articleId];
    (cached ? Promise.resolve(cached) : api("articles/" + encodeURIComponent(articleId))).then(function (article) {
      state.articleCache[articleId] = article;
      if (state.selected !== e.event_id) return;
      renderArticle(container, article, e);
    }).catch(function (error) { clear(container); container.appendChild(el("p", { "class": "hint", text: error.message })); });
  }

  /* ---------- the article with its evidence highlighted ---------- */
  function renderArticle(container, article, e) {
    clear(container);
    var text = article.text || "";
    container.appendChild(el("div", { "class": "article-meta", text: [article.title, article.source, article.published,
      article.url].filter(Boolean).join(" · ") || article.article_id }));
    var marks = highlights(text, article, e);
    var paragraphs = (article.paragraphs && article.paragraphs.length) ? article.paragraphs
      : [{ start: 0, end: text.length, role: "body" }];
    paragraphs.forEach(function (p) {
      var node = el("p", { "class": "role-" + (p.role || "body") });
      renderRange(node, text, p.start, p.end, marks);
      container.appendChild(node);
    });
    var mark = container.querySelector("mark.evidence");
    if (mark) {  /* #article is positioned, so offsets are relative to it */
      container.scrollTop = Math.max(0, mark.offsetTop - container.clientHeight / 4);
    }
    if (!mark) container.insertBefore(el("p", { "class": "hint", text: "no evidence offsets for this event in this article" }), container.firstChild);
  }

  /* The ranges to show: this event's evidence sentences and field spans, and other events' evidence. */
  function highlights(text, article, e) {
    var own = (e.evidence || []).filter(function (ev) { return ev.article_id === article.article_id; });
    var evidence = [], spans = [], others = [];
    own.forEach(function (ev) {
      var range = locate(text, ev.start, ev.end, ev.sentence);
      if (range) evidence.push(range);
      (ev.spans || []).forEach(function (sp) {
        var r = locate(text, sp.start, sp.end, sp.text);
        if (r) spans.push({ start: r.start, end: r.end, field: sp.field });
      });
    });
    (article.events || []).forEach(function (other) {
      if (other.event_id === e.event_id) return;
      (other.evidence || []).forEach(function (ev) {
        var r = locate(text, ev.start, ev.end, ev.sentence);
        if (r) others.push({ start: r.start, end: r.end, id: other.event_id });
      });
    });
    return { evidence: mergeRanges(evidence), spans: spans, others: others };
  }

  /* A range checked against the text it should hold; if the offsets have drifted, the text is searched for. */
  function locate(text, start, end, expected) {
    if (typeof start === "number" && typeof end === "number" && start >= 0 && end > start && end <= text.length) {
      if (!expected || text.slice(start, end) === expected) return { start: start, end: end };
    }
    if (expected) {
      var at = text.indexOf(expected);
      if (at >= 0) return { start: at, end: at + expected.length };
    }
    return null;
  }

  function mergeRanges(ranges) {
    var sorted = ranges.slice().sort(function (a, b) { return a.start - b.start; });
    var out = [];
    sorted.forEach(function (r) {
      var last = out[out.length - 1];
      if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
      else out.push({ start: r.start, end: r.end });
    });
    return out;
  }

  /* Text [from, to) cut at every range boundary; each piece wrapped as its ranges say. */
  function renderRange(node, text, from, to, marks) {
    var cuts = [from, to];
    [marks.evidence, marks.spans, marks.others].forEach(function (ranges) {
      ranges.forEach(function (r) {
        if (r.start > from && r.start < to) cuts.push(r.start);
        if (r.end > from && r.end < to) cuts.push(r.end);
      });
    });
    cuts = cuts.sort(function (a, b) { return a - b; }).filter(function (c, i, all) { return i === 0 || c !== all[i - 1]; });
    var currentMark = null, currentIndex = -1;
    for (var i = 0; i + 1 < cuts.length; i++) {
      var a = cuts[i], b = cuts[i + 1];
      var index = coveringIndex(marks.evidence, a, b);
      var piece = pieceNode(text.slice(a, b), a, b, marks, index >= 0);
      if (index < 0) { currentMark = null; node.appendChild(piece); continue; }
      if (!currentMark || currentIndex !== index) {
        currentMark = el("mark", { "class": "evidence" });
        currentIndex = index;
        node.appendChild(currentMark);
      }
      currentMark.appendChild(piece);
    }
  }

  function coveringIndex(ranges, a, b) {
    for (var i = 0; i < ranges.length; i++) if (ranges[i].start <= a && ranges[i].end >= b) return i;
    return -1;
  }

  function pieceNode(content, a, b, marks, inEvidence) {
    var fields = [];
    marks.spans.forEach(function (sp) {
      if (sp.start <= a && sp.end >= b && fields.indexOf(sp.field) < 0) fields.push(sp.field);
    });
    if (fields.length) {
      return el("span", { "class": "field " + fields.map(function (f) { return FIELD_LABELS[f] ? "f-" + f : "f-other"; }).join(" "),
                          title: fields.map(function (f) { return FIELD_LABELS[f] || f; }).join(", "), text: content });
    }
    if (!inEvidence) {
      var other = marks.others.filter(function (r) { return r.start <= a && r.end >= b; })[0];
      if (other) {
        return el("span", { "class": "other-evidence", title: "evidence of another event: click to open it",
                            onclick: function () { select(other.id); }, text: content });
      }
    }
    return document.createTextNode(content);
  }

  /* ---------- token ---------- */
  function showTokenForm() {
    if (document.querySelector(".token-form")) return;
    var body = panel();
    clear(body);
    var input = el("input", { type: "password", name: "token", placeholder: "token", autocomplete: "off" });
    body.appendChild(el("form", { "class": "token-form", onsubmit: function (event) {
      event.preventDefault();
      state.token = input.value.trim();
      try { window.sessionStorage.setItem("sitrep-token", state.token); } catch (e) { /* storage may be off */ }
      start();
    } }, [el("h2", { text: "This server needs a token" }),
          el("p", { "class": "hint", text: "Ask whoever started `sitrep serve` for it, or open the page as /?token=TOKEN." }),
          input, el("button", { type: "submit", text: "Use token" })]));
  }

  /* ---------- start ---------- */
  function loadWorld() {
    return fetch("static/world.geojson").then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function start() {
    setStatus("loading…");
    Promise.all([loadWorld(), api("stats"), loadEvents(currentFilters())]).then(function (results) {
      state.world = results[0];
      buildMap();
      if (!$("f-type").options.length || $("f-type").options.length === 1) initFilterOptions(results[1], results[2]);
      setEvents(results[2]);
      document.body.setAttribute("data-ready", "true");
    }).catch(function (error) { setStatus(error.message, true); });
  }

  function init() {
    state.token = readToken();
    $("filters").addEventListener("submit", function (event) { event.preventDefault(); applyFilters(); });
    $("f-reset").addEventListener("click", function () { $("filters").reset(); applyFilters(); });
    initMapInteraction();
    initTimelineInteraction();
    var resize = null;
    window.addEventListener("resize", function () {
      clearTimeout(resize);
      resize = setTimeout(function () { renderMap(); renderTimeline(); }, 100);
    });
    start();
  }

  window.sitrep = { state: state, select: select };
  init();
}());
