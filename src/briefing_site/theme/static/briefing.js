/* Keeps the countdown live with the rules and words of countdown.py. Only
   instants and the event's zone (data-zone) count, never the reader's zone. */
(() => {
  "use strict";
  const MINUTE = 60000;
  const DAY = 86400000;
  const STATUS = {
    upcoming: "The event is upcoming.",
    today: "The event is today.",
    past: "The event has taken place.",
  };
  // An event with no time to count to (data-event-status): the words of countdown.py's
  // HALTED_TEXT, never "Starts in" or "Took place".
  const HALTED = {
    cancelled: "Cancelled",
    postponed: "Postponed: no new date yet",
  };
  const plural = (n, unit) => `${n} ${unit}${n === 1 ? "" : "s"}`;

  // The calendar date of instant `ms` in the formatter's zone, as a day number.
  const dayNumber = (fmt, ms) => {
    const part = {};
    for (const p of fmt.formatToParts(ms)) part[p.type] = Number(p.value);
    return Date.UTC(part.year, part.month - 1, part.day) / DAY;
  };

  const describe = (c, now) => {
    if (now < c.start) {
      const total = Math.max(0, Math.floor((c.target - now) / MINUTE));
      const days = Math.floor(total / 1440);
      const parts = days ? [plural(days, "day")] : [];
      parts.push(plural(Math.floor((total % 1440) / 60), "hour"), plural(total % 60, "minute"));
      return ["upcoming", `Starts in ${parts.join(", ")}`];
    }
    if (now < c.end) return ["today", "Today"];
    const days = dayNumber(c.fmt, now) - dayNumber(c.fmt, c.end - 1);
    return ["past", `Took place ${plural(days, "day")} ago`];
  };

  const setUp = (el) => {
    const d = el.dataset;
    if (Object.hasOwn(HALTED, d.eventStatus ?? "")) {
      el.textContent = HALTED[d.eventStatus];
      return null; // nothing to count: it never ticks
    }
    const c = { el, target: Date.parse(el.getAttribute("datetime")),
      start: Date.parse(d.windowStart), end: Date.parse(d.windowEnd) };
    if ([c.target, c.start, c.end].some(Number.isNaN)) return null;
    // Its status line: the one in the nearest ancestor that has one, within its
    // own article, so a card in a list never speaks through the featured briefing.
    for (let n = el; n && !c.status; n = n.parentElement) {
      c.status = n.querySelector("[data-countdown-status]");
      if (n.tagName === "ARTICLE") break;
    }
    try {
      c.fmt = new Intl.DateTimeFormat("en-CA", {
        timeZone: d.zone || "UTC", year: "numeric", month: "numeric", day: "numeric" });
    } catch {
      return null; // unknown zone: keep the build-time text
    }
    return c;
  };

  let timer = 0;
  let reading = null;

  // Sets up the page's content: on load, and again after `briefing-site serve`
  // swaps in new content in place (the old content's timer and observer stop).
  const start = () => {
    clearInterval(timer);
    reading?.disconnect();
    const countdowns = [...document.querySelectorAll("time.countdown")].map(setUp).filter(Boolean);

    // Correcting stale build-time text on load is not news; a change seen later is, once.
    const tick = (announce) => {
      const now = Date.now();
      for (const c of countdowns) {
        const [state, text] = describe(c, now);
        if (c.el.textContent !== text) c.el.textContent = text;
        if (c.el.dataset.state !== state) {
          c.el.dataset.state = state;
          if (announce && c.status) c.status.textContent = STATUS[state];
        }
      }
    };

    if (countdowns.length) {
      tick(false);
      const reduce = window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
      timer = setInterval(() => tick(true), reduce ? 60000 : 1000);
    }

    // The section bar marks the section being read, so on a long page it stays a map.
    const toc = document.querySelector("nav.toc");
    if (toc && "IntersectionObserver" in window) {
      const links = new Map([...toc.querySelectorAll('a[href^="#"]')].map((a) => [a.hash.slice(1), a]));
      const sections = [...links.keys()].map((id) => document.getElementById(id)).filter(Boolean);
      // Where the sections are now decides, not the entries: on a busy phone one
      // call can bring several frames' entries, the last of them not the latest.
      reading = new IntersectionObserver(() => {
        const from = innerHeight * 0.15;
        const to = innerHeight * 0.3;
        const here = sections.filter((s) => {
          const box = s.getBoundingClientRect();
          return box.top < to && box.bottom > from;
        }).pop();
        if (!here) return;
        for (const [id, a] of links) {
          if (id === here.id) a.setAttribute("aria-current", "true");
          else a.removeAttribute("aria-current");
        }
      }, { rootMargin: "-15% 0px -70% 0px" });
      for (const section of sections) reading.observe(section);
    }

    // The start in the reader's own zone; an all-day event has no local time. The
    // zone's name is cut out of the locale's own pattern (which keeps its hour as the
    // locale writes it, "09:00" in en-GB) and put at the end; a locale that brackets
    // the zone there (Persian, Chinese) would leave an empty pair, which goes too.
    const local = new Intl.DateTimeFormat(undefined, {
      weekday: "short", month: "short", day: "numeric",
      hour: "numeric", minute: "2-digit", timeZoneName: "short",
    });
    for (const el of document.querySelectorAll("time.local-time:not([data-all-day])")) {
      const ms = Date.parse(el.getAttribute("datetime"));
      if (Number.isNaN(ms)) continue;
      const parts = local.formatToParts(ms);
      const zone = parts.find((p) => p.type === "timeZoneName");
      const rest = parts.filter((p) => p !== zone).map((p) => p.value).join("")
        .replace(/\s*[(\[\uff08\uff3b]\s*[)\]\uff09\uff3d]/g, "");
      el.textContent = `Your time: ${rest.replace(/ {2,}/g, " ").trim()}${zone ? ` (${zone.value})` : ""}`;
      el.hidden = false;
    }
  };

  start();
  document.addEventListener("briefing-site:swapped", start);
  // Tells `briefing-site serve` this script sets up swapped-in content, so an
  // edit can be shown in place; a script without this mark gets a full reload.
  document.currentScript?.setAttribute("data-swap-aware", "");
})();
