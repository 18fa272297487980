// Live reload for `briefing-site serve`: injected into pages at serve time only,
// never written into a build. It listens to the server's event stream; after a
// good rebuild it fetches the page again and swaps the new body in place,
// keeping the scroll position, and reloads the whole page only when that cannot
// show the edit faithfully (the stylesheets or scripts changed, or the page has
// scripts that have not said they set up new content: see `swappable`).
// Swapped content comes from an inert DOMParser document, so no script in it
// runs. While the build has problems it shows them over the page. Problem text
// comes from articles, so it is only ever set as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script.getAttribute("data-build");
  var events = script.getAttribute("data-events");
  var key = "briefing-site:scroll:" + location.pathname;
  var overlay = null;
  var latest = null;
  var busy = false;
  var source = null;

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
    if (source) source.close();
    sessionStorage.setItem(key, JSON.stringify({ x: window.scrollX, y: window.scrollY }));
    location.reload();
  }

  function isLive(el) {
    return el.tagName === "SCRIPT" && el.hasAttribute("data-events");
  }

  function runs(el) {
    var type = (el.getAttribute("type") || "").trim().toLowerCase();
    return type === "" || type === "module" || /^(text|application)\/(x-)?(java|ecma)script$/.test(type);
  }

  // Head elements that only describe the page (title, meta, JSON-LD, links to
  // other addresses): swapped with the body. Any other head element changes how
  // the page looks or runs, so a change to one needs a full reload.
  function describes(el) {
    var tag = el.tagName;
    if (tag === "TITLE") return true;
    if (tag === "META") return !el.hasAttribute("http-equiv") && !el.hasAttribute("charset");
    if (tag === "SCRIPT") return !runs(el) && !isLive(el);
    if (tag === "LINK") return /^(canonical|alternate|prev|next)$/i.test(el.getAttribute("rel") || "");
    return false;
  }

  function shape(head) {
    var parts = [];
    Array.prototype.forEach.call(head.children, function (el) {
      if (describes(el) || isLive(el)) return;
      var plain = el.cloneNode(true); // without the mark its script set when it ran
      if (plain.tagName === "SCRIPT") plain.removeAttribute("data-swap-aware");
      parts.push(plain.outerHTML);
    });
    return parts.join("\n");
  }

  function attributes(el) {
    return Array.prototype.map.call(el.attributes, function (a) {
      return a.name + "=" + a.value;
    }).sort().join("\n");
  }

  // The page's scripts that run, other than this one.
  function running(doc) {
    return Array.prototype.filter.call(doc.scripts, function (el) {
      return runs(el) && !isLive(el);
    });
  }

  function same(a, b) {
    var src = a.getAttribute("src");
    return src === b.getAttribute("src") && (src !== null || a.text === b.text);
  }

  // A script says it sets up swapped content again (on "briefing-site:swapped")
  // by marking its own tag data-swap-aware when it runs; the marker is in no
  // template, so a site's own briefing.js that does not listen is never taken
  // for the theme's. Any unmarked script would keep working on the old
  // content, and a script only the new page has would never run, so either
  // means a reload. The scripts that stay get their marker carried over.
  function swappable(doc) {
    var aware = running(document);
    if (!aware.every(function (el) { return el.hasAttribute("data-swap-aware"); })) return false;
    return running(doc).every(function (el) {
      return aware.some(function (old) { return same(old, el); });
    });
  }

  // The new page from `html`, put in place; false when only a reload will do.
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var live = doc.head.querySelector("script[data-events]");
    if (!live || live.getAttribute("data-build") === build) return false;
    if (!swappable(doc)) return false;
    if (shape(doc.head) !== shape(document.head)) return false;
    if (attributes(doc.documentElement) !== attributes(document.documentElement)) return false;
    if (attributes(doc.body) !== attributes(document.body)) return false;
    var x = window.scrollX;
    var y = window.scrollY;
    Array.prototype.slice.call(document.head.children).forEach(function (el) {
      if (describes(el)) el.remove();
    });
    var place = document.head.querySelector("script[data-events]");
    Array.prototype.slice.call(doc.head.children).forEach(function (el) {
      if (describes(el)) document.head.insertBefore(el, place);
    });
    running(doc).forEach(function (el) {
      el.setAttribute("data-swap-aware", "");
    });
    document.body.replaceChildren.apply(document.body, Array.prototype.slice.call(doc.body.childNodes));
    overlay = null;
    build = live.getAttribute("data-build");
    script.setAttribute("data-build", build);
    window.scrollTo(x, y);
    document.dispatchEvent(new CustomEvent("briefing-site:swapped"));
    return true;
  }

  function refresh() {
    busy = true;
    fetch(location.href, { cache: "no-store", credentials: "same-origin" })
      .then(function (response) {
        var kind = response.headers.get("Content-Type") || "";
        if (response.status !== 200 || kind.indexOf("text/html") !== 0) return null;
        return response.text();
      })
      .then(function (html) {
        busy = false;
        if (html === null || !swap(html)) {
          reload();
        } else {
          settle();
        }
      })
      .catch(function () {
        reload();
      });
  }

  function settle() {
    if (!latest || busy) return;
    if (latest.build !== build && latest.build !== "none") {
      refresh();
    } else if (latest.problems.length) {
      show(latest.problems);
    } else {
      hide();
    }
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
  source = new EventSource(events);
  source.addEventListener("state", function (event) {
    latest = JSON.parse(event.data);
    settle();
  });
})();
