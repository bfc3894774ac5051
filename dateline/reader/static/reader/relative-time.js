// Keep "5 minutes ago" true on pages served from a cache hours old.
// Same rules as dateline/reader/text.py:relative_time (docs/decisions/0001).
(function () {
  "use strict";
  var MINUTE = 60e3, HOUR = 60 * MINUTE, DAY = 24 * HOUR;
  var dateFormat = new Intl.DateTimeFormat("en-GB", {
    day: "numeric", month: "long", year: "numeric",
    timeZone: document.documentElement.dataset.timeZone || undefined
  });

  function ago(count, unit) {
    return count + " " + unit + (count === 1 ? "" : "s") + " ago";
  }

  function relative(then, now) {
    var elapsed = now - then;
    if (elapsed < MINUTE) return "just now";
    if (elapsed < HOUR) return ago(Math.floor(elapsed / MINUTE), "minute");
    if (elapsed < DAY) return ago(Math.floor(elapsed / HOUR), "hour");
    if (elapsed < 7 * DAY) return ago(Math.floor(elapsed / DAY), "day");
    return dateFormat.format(then);
  }

  function refresh() {
    var now = Date.now();
    document.querySelectorAll("time[data-relative]").forEach(function (el) {
      var then = Date.parse(el.getAttribute("datetime"));
      if (!isNaN(then)) el.textContent = relative(then, now);
    });
  }

  refresh();
  setInterval(refresh, MINUTE);
})();
