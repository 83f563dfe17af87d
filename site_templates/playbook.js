/* Today's opening hours on the home page, in each channel's own time zone.
   The page lists the week's hours; this script replaces them with today's, so an agent sees
   at once which channels are open. Without JavaScript the week's hours stay. */
(function () {
  "use strict";

  function now(timeZone) {
    var parts = {};
    new Intl.DateTimeFormat("en-GB", {
      timeZone: timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
    return { day: parts.weekday.slice(0, 3).toLowerCase(), time: parts.hour + ":" + parts.minute };
  }

  function show(element, labels) {
    var hours;
    try {
      hours = JSON.parse(element.getAttribute("data-hours"));
      now(hours.time_zone);
    } catch (error) {
      return; /* an unknown time zone keeps the week's hours */
    }
    var today = now(hours.time_zone);
    var spans = hours.open.filter(function (o) { return o.days.indexOf(today.day) >= 0; });
    var open = spans.some(function (o) { return o.from <= today.time && today.time < o.to; });
    var text = labels.today + ": " + (spans.length
      ? spans.map(function (o) { return o.from + "–" + o.to; }).join(", ") + " · " +
        (open ? labels.open : labels.shut)
      : labels.closed);
    element.textContent = text;
    element.classList.add(open ? "pb-today--open" : "pb-today--closed");
  }

  function run() {
    var source = document.querySelector(".pb-today-labels");
    if (!source) return;
    var labels = {
      today: source.getAttribute("data-today"), open: source.getAttribute("data-open"),
      shut: source.getAttribute("data-shut"), closed: source.getAttribute("data-closed")
    };
    document.querySelectorAll(".pb-today[data-hours]").forEach(function (e) { show(e, labels); });
  }

  /* Material's search dialog has no name; screen readers announce it by its input's. */
  function nameDialogs() {
    document.querySelectorAll("[role=dialog]:not([aria-label]):not([aria-labelledby])")
      .forEach(function (dialog) {
        var input = dialog.querySelector("input[placeholder]");
        if (input) dialog.setAttribute("aria-label", input.getAttribute("placeholder"));
      });
  }

  function start() {
    run();
    nameDialogs();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Search in the site's language for words as they are typed. Material's search worker adds a
   "*" to every word of the query for search-as-you-type, and lunr runs no stemmer on a word
   with a "*": "refunds*" then misses the index's "refund". Each word is therefore sent twice,
   as typed (still a prefix) and as "word^1", which Material leaves without "*", so lunr stems
   it with the language's stemmer: "refunds" finds "refund", "rimborsi" finds "rimborso". */
(function () {
  "use strict";
  if (typeof Worker === "undefined") return;
  var post = Worker.prototype.postMessage;
  function stemmed(query) {
    return query.replace(/(^|\s)([^\s"+\-~^*:]{3,})(?=\s|$)/g, function (all, space, word) {
      return space + word + " " + word + "^1";
    });
  }
  Worker.prototype.postMessage = function (message) {
    // 2 is Material's "query" message; other messages (the index) pass unchanged.
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = { type: 2, data: stemmed(message.data) };
    }
    return post.apply(this, arguments);
  };
})();

