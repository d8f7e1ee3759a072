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
    mark.scrollIntoView({block: "center"});
  }

  window.addEventListener("hashchange", show);
  show();
})();
