(function () {
  "use strict";
  // Links "#a-ARTICLE-START-END" point at characters START..END (code points) of an article's
  // text; show that span highlighted in the article, scrolled into view.
  var LINK = /^#a-([0-9a-f]+)-(\d+)-(\d+)$/;

  function units(text, points) {
    // UTF-16 index of the code point at index `points` (offsets are counted in code points).
    var i = 0, n = 0;
    while (n < points && i < text.length) {
      var c = text.charCodeAt(i);
      i += (c >= 0xd800 && c <= 0xdbff) ? 2 : 1;
      n += 1;
    }
    return i;
  }

  function clear() {
    var marks = document.querySelectorAll("mark.hl");
    for (var k = 0; k < marks.length; k++) {
      var mark = marks[k], parent = mark.parentNode;
      parent.replaceChild(document.createTextNode(mark.textContent), mark);
      parent.normalize();
    }
  }

  function show() {
    clear();
    var match = LINK.exec(window.location.hash);
    if (!match) { return; }
    var article = document.getElementById("art-" + match[1]);
    var body = article && article.querySelector(".text");
    var node = body && body.firstChild;
    if (!node || node.nodeType !== 3) { return; }
    var text = node.data;
    var start = units(text, +match[2]), end = units(text, +match[3]);
    if (end <= start || end > text.length) { return; }
    var range = document.createRange();
    range.setStart(node, start);
    range.setEnd(node, end);
    var mark = document.createElement("mark");
    mark.className = "hl";
    range.surroundContents(mark);
    for (var d = article.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;  // the texts may be folded: open them before scrolling to the words
    }
    mark.scrollIntoView({block: "center"});
  }

  window.addEventListener("hashchange", show);
  show();
})();

(function () {
  "use strict";
  // The timeline: hovering or focusing an event writes its details under the drawing, and the
  // event whose row is the page's target ("#event-ID") is marked on the drawing.
  var EVENT = /^#event-(.+)$/;

  function describe(a) {
    var parts = [a.getAttribute("data-label")];
    if (a.getAttribute("data-place")) { parts.push(a.getAttribute("data-place")); }
    parts.push(a.getAttribute("data-date") + " (" + a.getAttribute("data-precision") + ")");
    if (a.getAttribute("data-fatalities")) { parts.push(a.getAttribute("data-fatalities") + " killed"); }
    var n = a.getAttribute("data-sources");
    parts.push(n + (n === "1" ? " mention" : " mentions"));
    return parts.join(" · ");
  }

  function follow(a, caption) {
    var resting = caption.textContent;
    var show = function () { caption.textContent = describe(a); };
    var rest = function () { caption.textContent = resting; };
    a.addEventListener("mouseenter", show);
    a.addEventListener("focus", show);
    a.addEventListener("mouseleave", rest);
    a.addEventListener("blur", rest);
  }

  function mark() {
    var match = EVENT.exec(window.location.hash);
    var marks = document.querySelectorAll("svg.timeline a.ev");
    for (var k = 0; k < marks.length; k++) {
      var on = !!match && marks[k].getAttribute("data-event") === match[1];
      marks[k].classList.toggle("on", on);
    }
  }

  var figures = document.querySelectorAll("figure.timeline");
  for (var i = 0; i < figures.length; i++) {
    var caption = figures[i].querySelector("figcaption");
    var events = figures[i].querySelectorAll("a.ev");
    for (var j = 0; caption && j < events.length; j++) { follow(events[j], caption); }
  }
  window.addEventListener("hashchange", mark);
  mark();
})();

(function () {
  "use strict";
  // Folded sections: a link to something inside a closed section opens it (and the sections
  // around it). Printing prints what is open, as the reader left it.
  function unfold() {
    var id = window.location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (e) { return; }
    var match = /^a-([0-9a-f]+)-\d+-\d+$/.exec(id);
    var target = document.getElementById(match ? "art-" + match[1] : id);
    for (var d = target && target.closest("details"); d; d = d.parentElement.closest("details")) {
      d.open = true;
    }
  }

  window.addEventListener("hashchange", unfold);
  unfold();
})();

(function () {
  "use strict";
  // Long tables ("table.pageable", rows "tr.event"): the first data-page rows are shown, with a
  // line saying how many there are, a button that shows them all and a filter that shows the
  // rows containing its words. A link to a row that is hidden shows it. Without script every
  // row shows.
  function setUp(table) {
    var size = +table.getAttribute("data-page");
    var rows = Array.prototype.slice.call(table.querySelectorAll("tbody tr.event"));
    if (!size || rows.length <= size + 3) { return; }
    var noun = table.getAttribute("data-noun") || "rows";
    var all = false, query = "";
    var bar = document.createElement("p");
    bar.className = "pager";
    var status = document.createElement("span");
    var button = document.createElement("button");
    button.type = "button";
    var filter = document.createElement("input");
    filter.type = "search";
    filter.placeholder = "Filter " + noun;
    filter.setAttribute("aria-label", "Filter " + noun);
    bar.appendChild(status);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(button);
    bar.appendChild(document.createTextNode(" "));
    bar.appendChild(filter);
    var box = table.closest(".scroll") || table;
    box.parentNode.insertBefore(bar, box);

    function apply() {
      var shown = 0, words = query.toLowerCase().split(/\s+/).filter(Boolean);
      rows.forEach(function (row, index) {
        var text = row.textContent.toLowerCase();
        var show = words.length ? words.every(function (w) { return text.indexOf(w) >= 0; })
                                : (all || index < size);
        row.classList.toggle("paged", !show);
        shown += show ? 1 : 0;
      });
      var groups = table.querySelectorAll("tbody tr.group");
      for (var g = 0; g < groups.length; g++) {
        var next = groups[g].nextElementSibling;
        groups[g].classList.toggle("paged", !next || next.classList.contains("paged"));
      }
      status.textContent = words.length ? shown + " of " + rows.length + " " + noun + " match"
        : "Showing " + shown + " of " + rows.length + " " + noun
          + (shown < rows.length ? " (all in the exports)." : ".");
      button.textContent = all ? "Show the first " + size : "Show all " + rows.length;
      button.hidden = words.length > 0;
    }
    button.addEventListener("click", function () { all = !all; apply(); });
    filter.addEventListener("input", function () { query = filter.value; apply(); });
    window.addEventListener("hashchange", function () { reveal(); });
    function reveal() {
      var target = document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target && rows.indexOf(target) >= 0 && target.classList.contains("paged")) {
        all = true; query = ""; filter.value = ""; apply();
        target.scrollIntoView({block: "center"});
      }
    }
    apply();
    reveal();
  }

  var tables = document.querySelectorAll("table.pageable");
  for (var i = 0; i < tables.length; i++) { setUp(tables[i]); }
})();
