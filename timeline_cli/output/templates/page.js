(function () {
  "use strict";
  var body = document.body;
  var form = document.getElementById("filters");
  var actorInput = document.getElementById("actor-filter");
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="type"]'));
  var sections = Array.prototype.slice.call(
    document.querySelectorAll("section.month, section.year"));
  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }
  var names = events.map(function (li) {
    return JSON.parse(li.getAttribute("data-names") || "[]").map(fold);
  });
  // A query matches a whole word or run of words of a name, as --actor does: "UN" finds
  // "UN" and "the UN Security Council", never "Sung-hwan".
  function wordPattern(query) {
    var literal = query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp("(?<![\\p{L}\\p{N}_])" + literal + "(?![\\p{L}\\p{N}_])", "u");
  }
  function wanted() {
    return fold(actorInput.value).split(",").map(function (s) { return s.trim(); })
      .filter(function (s) { return s.length > 0; });
  }
  function isFilterHash(hash) { return hash.indexOf("=") !== -1; }
  function writeHash(types, queries) {
    var parts = [];
    if (types.length !== boxes.length) {
      parts.push("types=" + types.map(encodeURIComponent).join(","));
    }
    if (queries.length) { parts.push("actor=" + encodeURIComponent(actorInput.value.trim())); }
    var hash = parts.length ? "#" + parts.join("&") : "";
    // an anchor (#ev-..., #doc-...) stays; a filter state is kept in step with the form
    if (hash === location.hash || (!hash && !isFilterHash(location.hash))) { return; }
    try {
      history.replaceState(null, "", location.pathname + location.search + hash);
    } catch (error) { /* file: pages may refuse; the filters still work */ }
  }
  function apply() {
    var types = boxes.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    var queries = wanted();
    var patterns = queries.map(wordPattern);
    var shown = 0;
    events.forEach(function (li, i) {
      var ok = types.indexOf(li.getAttribute("data-type")) !== -1 &&
        (patterns.length === 0 || patterns.some(function (pattern) {
          return names[i].some(function (n) { return pattern.test(n); });
        }));
      li.hidden = !ok;
      if (ok) { shown += 1; }
    });
    sections.forEach(function (section) {
      section.hidden = !section.querySelector("li.event:not([hidden])");
    });
    var total = events.length;
    status.textContent = shown === total
      ? "Showing all " + total + (total === 1 ? " event" : " events")
      : "Showing " + shown + " of " + total + (total === 1 ? " event" : " events");
    noMatch.hidden = shown > 0;
    body.setAttribute("data-shown", String(shown));
    writeHash(types, queries);
  }
  function readHash() {
    if (!isFilterHash(location.hash)) { return false; }
    var params = new URLSearchParams(location.hash.replace(/^#/, ""));
    if (params.has("types")) {
      var types = params.get("types").split(",");
      boxes.forEach(function (b) { b.checked = types.indexOf(b.value) !== -1; });
    }
    if (params.has("actor")) { actorInput.value = params.get("actor"); }
    return true;
  }
  form.addEventListener("change", apply);
  actorInput.addEventListener("input", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(apply, 0); });
  window.addEventListener("hashchange", function () { if (readHash()) { apply(); } });
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.slice.call(document.querySelectorAll("details.evidence:not([open])"));
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
  readHash();
  apply();
  body.setAttribute("data-ready", "true");
})();
