// Live reload for `briefing-site serve`: injected into pages at serve time only,
// never written into a build. It listens to the server's event stream; after a
// good rebuild it reloads the page at the same scroll position, and while the
// build has problems it shows them over the page. Problem text comes from
// articles, so it is only ever set as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script.getAttribute("data-build");
  var events = script.getAttribute("data-events");
  var key = "briefing-site:scroll:" + location.pathname;
  var overlay = null;

  function restoreScroll() {
    var saved = sessionStorage.getItem(key);
    if (!saved) return;
    var at = JSON.parse(saved);
    window.scrollTo(at.x, at.y);
    if (document.readyState !== "complete") {
      window.addEventListener("load", function () {
        window.scrollTo(at.x, at.y);
        sessionStorage.removeItem(key);
      });
    } else {
      sessionStorage.removeItem(key);
    }
  }

  function reload() {
    sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    location.reload();
  }

  function show(problems) {
    hide();
    overlay = document.createElement("div");
    overlay.id = "briefing-site-problems";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText =
      "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
      "margin:0;padding:1rem 1.25rem;background:#2b0b0e;color:#fff;border-top:4px solid #e5484d;" +
      "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;text-align:left";
    var title = document.createElement("strong");
    title.textContent = "The site has " + problems.length +
      (problems.length === 1 ? " problem" : " problems") +
      "; this page shows the last good build. Fix the file and this goes away.";
    var list = document.createElement("ul");
    list.style.cssText = "margin:.5rem 0 0;padding-left:1.25rem";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.textContent = problem;
      list.appendChild(item);
    });
    overlay.appendChild(title);
    overlay.appendChild(list);
    document.body.appendChild(overlay);
  }

  function hide() {
    if (overlay) overlay.remove();
    overlay = null;
  }

  restoreScroll();
  var source = new EventSource(events);
  source.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (state.build !== build && state.build !== "none") {
      source.close();
      reload();
    } else if (state.problems.length) {
      show(state.problems);
    } else {
      hide();
    }
  });
})();
