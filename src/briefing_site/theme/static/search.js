/* The search page. Pagefind's client (pagefind/pagefind.js, from the same site)
   is loaded only when the reader asks: a query in the URL, or the first focus
   of the form. A big site's index is in shards (pagefind/shards.json lists
   them); each is merged into the client, which searches them all with its one
   WebAssembly. Results are built as DOM nodes; an excerpt keeps only its text
   and Pagefind's <mark>s, never other markup from an article. */
const form = document.querySelector("form[data-search]");
if (form) {
  const $ = (selector) => document.querySelector(selector);
  const status = $("[data-search-status]");
  const list = $("[data-search-results]");
  const more = $("[data-search-more]");
  const { q, topic, tag } = form.elements;
  const PAGE = 10;
  let client = null;
  let attempts = 0;
  let found = [];
  let shown = 0;
  let ticket = 0;
  let timer = 0;

  $("[data-search-note]").hidden = true;

  const load = () => {
    client ??= (async () => {
      const script = new URL(form.dataset.pagefindJs, location.href);
      // Revalidated, never taken stale from a cache: the shards change as the site grows.
      const listed = fetch(new URL("shards.json", script), { cache: "no-cache" })
        .then((r) => (r.ok ? r.json() : {}));
      // A retry after a failed load needs a fresh module: the old one keeps its failed shard.
      const pagefind = await import(script.href + (attempts ? `?retry=${attempts}` : ""));
      const settings = { baseUrl: form.dataset.base, excerptLength: 24 };
      await pagefind.options(settings);
      const { merge = [] } = await listed.catch(() => ({}));
      await Promise.all(merge.map((folder) =>
        pagefind.mergeIndex(new URL(folder, script).pathname, settings)));
      return pagefind;
    })();
    client.catch(() => { client = null; attempts += 1; }); // tried again on the next query
    return client;
  };

  const node = (tagName, className, text) => {
    const el = document.createElement(tagName);
    if (className) el.className = className;
    if (text !== undefined) el.textContent = text;
    return el;
  };

  // Pagefind's excerpt as text nodes and <mark>s, parsed in an inert document.
  const excerpt = (html) => {
    const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
    return [...doc.body.firstChild.childNodes].map((child) =>
      child.nodeName === "MARK" ? node("mark", "", child.textContent)
        : document.createTextNode(child.textContent));
  };

  // An event's status (event.status) as its page says it; a cancelled or postponed one
  // is neither upcoming nor past: the result says the status with the old date.
  const EVENT_STATUS = {
    cancelled: "Cancelled", postponed: "Postponed",
    rescheduled: "Rescheduled", "moved-online": "Moved online",
  };
  const HALTED = new Set(["cancelled", "postponed"]);

  // The event's countdown state now, from the window the briefing page carries.
  const eventState = (meta) => {
    const start = Date.parse(meta.window_start);
    const end = Date.parse(meta.window_end);
    if (Number.isNaN(start) || Number.isNaN(end)) return null;
    const now = Date.now();
    const when = meta.event_date ? ` ${meta.event_date}` : "";
    if (HALTED.has(meta.event_status)) {
      return [meta.event_status, `${EVENT_STATUS[meta.event_status]}:${when}`.replace(/:$/, "")];
    }
    if (now < start) return ["upcoming", `Upcoming:${when}`];
    if (now < end) return ["today", "Today"];
    return ["past", `Took place${when ? ":" + when : ""}`];
  };

  const item = (data) => {
    const li = node("li");
    const heading = node("h2");
    const link = node("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.append(link);
    const facts = node("p", "result-meta");
    const parts = [];
    if (data.meta.status) parts.push(node("span", "status-mark", data.meta.status));
    const changed = data.meta.event_status;
    if (Object.hasOwn(EVENT_STATUS, changed ?? "") && !HALTED.has(changed)) {
      parts.push(node("span", "status-mark", EVENT_STATUS[changed]));
    }
    if (data.meta.date) parts.push(node("span", "result-date", `Published ${data.meta.date}`));
    const state = eventState(data.meta);
    if (state) {
      const mark = node("span", "result-state", state[1]);
      mark.dataset.state = state[0];
      parts.push(mark);
    }
    parts.forEach((part, i) => facts.append(...(i ? [" · ", part] : [part])));
    const text = node("p", "result-excerpt");
    text.append(...excerpt(data.excerpt || ""));
    li.append(heading, facts, text);
    return li;
  };

  const showMore = async (mine) => {
    const next = await Promise.all(found.slice(shown, shown + PAGE).map((r) => r.data()));
    if (mine !== ticket) return;
    list.append(...next.map(item));
    shown += next.length;
    more.parentElement.hidden = shown >= found.length;
  };

  const summary = (count, words) => {
    let text = `${count} ${count === 1 ? "briefing" : "briefings"}`;
    if (words) text += ` for “${words}”`;
    if (topic.value) text += ` in ${topic.value}`;
    if (tag.value) text += ` tagged ${tag.value}`;
    return count ? text : `No ${text.replace(/^0 /, "")}`;
  };

  const remember = (words) => {
    const params = new URLSearchParams();
    if (words) params.set("q", words);
    if (topic.value) params.set("topic", topic.value);
    if (tag.value) params.set("tag", tag.value);
    const query = params.toString();
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };

  const search = async () => {
    const mine = ++ticket;
    const words = q.value.trim();
    const filters = {};
    if (topic.value) filters.topic = topic.value;
    if (tag.value) filters.tag = tag.value;
    remember(words);
    if (!words && !topic.value && !tag.value) {
      found = [];
      list.replaceChildren();
      more.parentElement.hidden = true;
      status.textContent = "";
      return;
    }
    let pagefind;
    try {
      pagefind = await load();
    } catch {
      status.textContent = "Search is not available: this build of the site has no search index.";
      return;
    }
    const options = words ? { filters } : { filters, sort: { published: "desc" } };
    const result = await pagefind.search(words || null, options);
    if (mine !== ticket) return;
    found = result?.results ?? [];
    shown = 0;
    list.replaceChildren();
    await showMore(mine);
    if (mine === ticket) status.textContent = summary(found.length, words);
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  q.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(search, 250);
  });
  for (const select of [topic, tag]) select.addEventListener("change", search);
  form.addEventListener("focusin", () => load().catch(() => {}), { once: true });
  more.addEventListener("click", () => showMore(ticket));

  const asked = new URLSearchParams(location.search);
  q.value = asked.get("q") ?? "";
  for (const [select, name] of [[topic, "topic"], [tag, "tag"]]) {
    const wanted = asked.get(name);
    if (wanted && [...select.options].some((o) => o.value === wanted)) select.value = wanted;
  }
  if (q.value || topic.value || tag.value) search();
}
