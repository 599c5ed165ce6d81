(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("erqi-pairs").textContent);
  var texts = data.texts.map(function (t) { return Array.from(t); });
  // a unit's text: its lines from the shared table, joined by newlines (code points)
  function lines(ids) {
    var out = [];
    ids.forEach(function (k, n) { if (n) out.push("\n"); out = out.concat(texts[k]); });
    return out;
  }
  var from = document.getElementById("sbs-from"), to = document.getElementById("sbs-to");
  var body = document.getElementById("sbs-body"), summary = document.getElementById("sbs-summary");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function ops(code) {
    var out = [], re = /([=+<>-])(\d+)(?::(\d+))?/g, m;
    while ((m = re.exec(code))) out.push([m[1], parseInt(m[2], 10), m[3] || ""]);
    return out;
  }
  function moved(tag, text, key, where) {
    var node = el(tag, "moved", text);
    node.setAttribute("data-move", key);
    node.title = "moved " + where + " (point to see both places)";
    return node;
  }
  body.addEventListener("mouseover", function (e) {
    var key = e.target && e.target.getAttribute && e.target.getAttribute("data-move");
    var row = key && e.target.closest(".row");
    if (!row) return;
    row.querySelectorAll("[data-move='" + key + "']").forEach(function (n) { n.classList.add("hot"); });
  });
  body.addEventListener("mouseout", function (e) {
    var key = e.target && e.target.getAttribute && e.target.getAttribute("data-move");
    var row = key && e.target.closest(".row");
    if (!row) return;
    row.querySelectorAll("[data-move='" + key + "']").forEach(function (n) { n.classList.remove("hot"); });
  });
  function column(year, heading, missing, note) {
    var col = el("div", missing ? "col missing" : "col");
    col.appendChild(el("h4", null, year + (heading ? " · " + heading : "")));
    if (missing) col.appendChild(el("div", "none", note || "no counterpart in " + year));
    return col;
  }
  // a section folded into (drawn out of) a paired section: where its topic is told in the other report
  // a heading over paired sections with no heading of its own in the other report (regrouped): where they are
  function partOf(part, whole) {
    if (part === whole) return whole === 1 ? "the section" : whole === 2 ? "both sections" : "all " + whole + " sections";
    return part + " of the " + whole + " section" + (whole === 1 ? "" : "s");
  }
  function hostNote(status, host, held, below, older) {
    if (status === "folded") return "no section of its own: folded into " + (host || "(untitled lead)");
    if (status === "drawn") return "no section of its own there: drawn out of " + (host || "(untitled lead)");
    if (status === "regrouped")
      return "no heading of its own there: " + partOf(held, below) + " under it paired " +
        (older ? "with" : "from") + " sections " + (host !== null && host !== undefined ? "in " + (host || "(untitled lead)") : "in several parts");
    return null;
  }
  function show() {
    var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
    body.textContent = "";
    if (a === b) { summary.textContent = "Choose two different years."; return; }
    var swap = a > b, pair = data.pairs[swap ? b + "-" + a : a + "-" + b];
    if (!pair) { summary.textContent = "No comparison of " + a + " and " + b + " in this page."; return; }
    var counts = {matched: 0, added: 0, removed: 0, folded: 0, drawn: 0, regrouped: 0}, changed = 0;
    pair.sections.forEach(function (sec) {
      var older = lines(sec.ft), newer = lines(sec.tt), i = 0, j = 0;
      var status = swap ? ({added: "removed", removed: "added", folded: "drawn", drawn: "folded"}[sec.s] || sec.s) : sec.s;
      counts[status] = (counts[status] || 0) + 1;
      var note = hostNote(status, sec.hh, sec.nh, sec.nb, (sec.fh !== null) !== swap);
      var oldCol = column(swap ? b : a, sec.fh, sec.s === "added" || sec.s === "drawn" || (sec.s === "regrouped" && sec.fh === null), note);
      var newCol = column(swap ? a : b, sec.th, sec.s === "removed" || sec.s === "folded" || (sec.s === "regrouped" && sec.th === null), note);
      var oldText = el("div", "text"), newText = el("div", "text"), same = true;
      ops(sec.ops).forEach(function (op) {
        var n = op[1];
        if (op[0] === "=") {
          oldText.appendChild(document.createTextNode(older.slice(i, i + n).join("")));
          newText.appendChild(document.createTextNode(newer.slice(j, j + n).join("")));
          i += n; j += n;
        } else if (op[0] === "-") {
          oldText.appendChild(el(swap ? "ins" : "del", null, older.slice(i, i + n).join(""))); i += n; same = false;
        } else if (op[0] === "+") {
          newText.appendChild(el(swap ? "del" : "ins", null, newer.slice(j, j + n).join(""))); j += n; same = false;
        } else if (op[0] === "<") {
          oldText.appendChild(moved(swap ? "ins" : "del", older.slice(i, i + n).join(""), op[2], swap ? "here" : "away"));
          i += n; same = false;
        } else {
          newText.appendChild(moved(swap ? "del" : "ins", newer.slice(j, j + n).join(""), op[2], swap ? "away" : "here"));
          j += n; same = false;
        }
      });
      if (!same && sec.s === "matched") changed += 1;
      oldCol.appendChild(oldText); newCol.appendChild(newText);
      var row = el("div", "row" + (same ? " same" : "")), hd = el("div", "hd");
      hd.appendChild(el("span", "status " + status, status));
      if (sec.s === "matched" && sec.by && sec.by !== "topic")
        hd.appendChild(document.createTextNode({text: " same text", heading: " same heading",
          outline: " paired by the outline",
          followup: " the year's plan beside the next report's review of it"}[sec.by] || ""));
      else if (sec.sim !== null && sec.sim !== undefined && sec.s === "matched")
        hd.appendChild(document.createTextNode(" similarity " + Number(sec.sim).toFixed(2)));
      if (sec.rel === "split" || sec.rel === "merge")
        hd.appendChild(el("span", "status " + sec.rel, (swap ? {split: "merged", merge: "split"} : {split: "split", merge: "merged"})[sec.rel]));
      if (sec.mv) hd.appendChild(el("span", "status moved", "moved"));
      if (sec.pm) hd.appendChild(document.createTextNode(" · " + sec.pm + " paragraph" + (sec.pm > 1 ? "s" : "") + " moved"));
      if (same && sec.s === "matched") hd.appendChild(document.createTextNode(" · text unchanged"));
      row.appendChild(hd);
      var left = swap ? newCol : oldCol, right = swap ? oldCol : newCol;
      row.appendChild(left); row.appendChild(right);
      body.appendChild(row);
    });
    var st = pair.stats || {}, share = st.changed_share;
    summary.textContent = a + " → " + b + ": " + counts.matched + " sections paired (" + changed + " changed), " +
      counts.added + " added, " + counts.removed + " removed" +
      (counts.folded ? ", " + counts.folded + " folded into a paired section" : "") +
      (counts.drawn ? ", " + counts.drawn + " drawn out of a paired section" : "") +
      (counts.regrouped ? ", " + counts.regrouped + " heading" + (counts.regrouped === 1 ? "" : "s") + " over paired sections" : "") +
      (st.moved ? ", " + st.moved + " moved" : "") +
      (st.splits ? ", " + st.splits + " split" : "") + (st.merges ? ", " + st.merges + " merged" : "") +
      (share !== undefined && share !== null ? "; " + Math.round(share * 100) + "% of the text marked changed." : ".");
  }
  from.addEventListener("change", show);
  to.addEventListener("change", show);
  show();
})();
