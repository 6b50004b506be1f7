/* In-site search of the crmlab course site: no server, no library, no request.
   assets/search-index.js (written by `crmlab site`) sets window.CRMLAB_SEARCH_INDEX:
     {pages: [[file, title], ...], entries: [[page number, anchor, heading, text], ...]}
   Every word of the query must occur in a section (Chinese is matched as a substring, so
   "客户价值" finds "客户价值"); headings count more than text. */
(function () {
  "use strict";

  var index = window.CRMLAB_SEARCH_INDEX || { pages: [], entries: [] };
  var MAX_RESULTS = 50;

  function norm(text) {
    return (text || "").normalize("NFKC").toLowerCase();
  }

  var prepared = index.entries.map(function (entry) {
    var page = index.pages[entry[0]];
    return {
      href: page[0] + (entry[1] ? "#" + entry[1] : ""),
      pageTitle: page[1],
      heading: entry[2],
      text: entry[3],
      nHeading: norm(entry[2]),
      nPage: norm(page[1]),
      nText: norm(entry[3])
    };
  });

  function terms(query) {
    return norm(query).split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 5) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function search(query) {
    var words = terms(query);
    if (!words.length) { return []; }
    var hits = [];
    prepared.forEach(function (item, order) {
      var score = 0;
      for (var i = 0; i < words.length; i++) {
        var w = words[i];
        var inHeading = item.nHeading.indexOf(w) !== -1;
        var inText = count(item.nText, w);
        var inPage = item.nPage.indexOf(w) !== -1;
        if (!inHeading && !inText && !inPage) { return; }
        score += (inHeading ? 10 : 0) + (inPage ? 2 : 0) + inText;
      }
      hits.push({ item: item, score: score, order: order });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    return hits.slice(0, MAX_RESULTS).map(function (h) { return h.item; });
  }

  /* the text around the first match, with every query word marked */
  function snippet(item, words) {
    var text = item.text, lower = norm(text), first = -1;
    words.forEach(function (w) {
      var at = lower.indexOf(w);
      if (at !== -1 && (first === -1 || at < first)) { first = at; }
    });
    var start = Math.max(0, (first === -1 ? 0 : first) - 60);
    var piece = text.slice(start, start + 220);
    var fragment = document.createDocumentFragment();
    if (start > 0) { fragment.appendChild(document.createTextNode("…")); }
    var lowerPiece = norm(piece), pos = 0;
    while (pos < piece.length) {
      var next = -1, len = 0;
      words.forEach(function (w) {
        var at = lowerPiece.indexOf(w, pos);
        if (at !== -1 && (next === -1 || at < next)) { next = at; len = w.length; }
      });
      if (next === -1 || lowerPiece.length !== piece.length) {
        fragment.appendChild(document.createTextNode(piece.slice(pos)));
        break;
      }
      fragment.appendChild(document.createTextNode(piece.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + len);
      fragment.appendChild(mark);
      pos = next + len;
    }
    if (start + 220 < text.length) { fragment.appendChild(document.createTextNode("…")); }
    return fragment;
  }

  function show(query) {
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!list || !status) { return; }
    list.textContent = "";
    var words = terms(query);
    if (!words.length) {
      status.textContent = "Type a word in English or Chinese. 输入英文或中文关键词。";
      return;
    }
    var results = search(query);
    status.textContent = results.length
      ? results.length + (results.length === MAX_RESULTS ? "+" : "") + " result(s) for “" + query + "” · 搜索结果"
      : "No results for “" + query + "”. 没有找到结果。";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = item.href;
      a.textContent = item.heading || item.pageTitle;
      li.appendChild(a);
      var page = document.createElement("span");
      page.className = "result-page";
      page.textContent = " · " + item.pageTitle;
      li.appendChild(page);
      var p = document.createElement("p");
      p.className = "result-snippet";
      p.appendChild(snippet(item, words));
      li.appendChild(p);
      list.appendChild(li);
    });
  }

  window.crmlabSearch = search;

  document.addEventListener("DOMContentLoaded", function () {
    var input = document.getElementById("search-q");
    if (!input) { return; }
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    show(query);
    input.addEventListener("input", function () {
      show(input.value);
      try {
        var url = new URL(window.location.href);
        url.searchParams.set("q", input.value);
        window.history.replaceState(null, "", url.toString());
      } catch (e) { /* some browsers refuse history changes on file:// pages */ }
    });
    document.getElementById("search-form").addEventListener("submit", function (event) {
      event.preventDefault();
      show(input.value);
    });
  });
})();
