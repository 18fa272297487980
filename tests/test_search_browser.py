"""A reader searches in real Chromium: the newsroom site, built for
https://example.github.io/briefings/ and served under /briefings/ as GitHub
Pages would serve it, so every search also runs under a sub-path."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import Run
from publishing import BASE_URL, serve
from test_site_structure import NEWSROOM, NOW, article

# One briefing about hydrogen; another that mentions it once, in passing.
EXTRA = {
    "content/hydrogen-pact.md": article(
        "Hydrogen pact",
        date="2025-06-09T09:00:00+00:00",
        event="2025-07-01",
        tags=("energy",),
        topics=("Economy",),
        extra="\nsummary: Electrolysers, hydrogen pipelines and hydrogen prices.",
    ).replace("The lede of Hydrogen pact.", "Hydrogen electrolysers and hydrogen ports lead."),
    "content/port-visit.md": article(
        "Port visit", date="2025-06-08T09:00:00+00:00", event="2025-06-20", tags=("trade",)
    ).replace("The lede of Port visit.", "Ports, shipping and, briefly, hydrogen."),
}


def site_files(config: str = "") -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {**NEWSROOM, **EXTRA, "briefing.yaml": config}
    files["content/hydrogen-pact.md"] = str(files["content/hydrogen-pact.md"]).replace(
        'summary: "About Hydrogen pact."\n', ""
    )
    return files


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from conftest import run_cli, write_site

    site = write_site(tmp_path_factory.mktemp("search"), site_files())
    built: Run = run_cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW)
    assert built.code == 0, built.err
    with serve(site / "build") as url:
        yield url


def results(page: Any) -> list[str]:
    return [t.strip() for t in page.locator(".search-results li h2").all_inner_texts()]


def all_results(page: Any) -> list[str]:
    """Every result, pressing "Show more results" (ten at a time) until it goes."""
    more = page.get_by_role("button", name="Show more results")
    while more.is_visible():
        shown = page.locator(".search-results li").count()
        more.click()
        page.wait_for_function(
            "(n) => document.querySelectorAll('.search-results li').length > n", arg=shown
        )
    return results(page)


def search(page: Any, url: str, query: str = "") -> None:
    page.goto(f"{url}search/" + (f"?q={query}" if query else ""))
    if query:
        page.wait_for_function("document.querySelector('[data-search-status]').textContent !== ''")


def wait_for_new_status(page: Any, before: str) -> str:
    page.wait_for_function(
        "(before) => { const t = document.querySelector('[data-search-status]').textContent;"
        " return t !== '' && t !== before; }",
        arg=before,
    )
    return str(page.locator("[data-search-status]").text_content())


def test_a_word_in_one_briefing_finds_it_first(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    search(page, site_url, "hydrogen")
    assert results(page)[:2] == ["Hydrogen pact", "Port visit"]
    status = page.locator("[data-search-status]")
    assert (
        status.get_attribute("aria-live") == "polite" and status.get_attribute("role") == "status"
    )
    assert status.text_content() == "2 briefings for “hydrogen”"
    first = page.locator(".search-results li").first
    assert first.locator("a").get_attribute("href") == "/briefings/briefings/hydrogen-pact/"
    assert first.locator("mark").first.inner_text().lower().startswith("hydrogen")
    assert "Published Monday, June 9, 2025" in first.inner_text()
    assert first.locator(".result-state").get_attribute("data-state") in {
        "upcoming",
        "today",
        "past",
    }
    first.locator("a").click()
    page.wait_for_url(site_url + "briefings/hydrogen-pact/")
    page.close()


def test_topic_and_tag_filters_narrow_the_results(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    search(page, site_url, "paragraph")
    assert page.locator("[data-search-status]").text_content() == "14 briefings for “paragraph”"
    assert len(results(page)) == 10
    everything = all_results(page)
    assert len(everything) == 14 and {"G7 summit", "NATO summit", "April talks"} <= set(everything)
    before = str(page.locator("[data-search-status]").text_content())
    page.get_by_label("Topic").select_option("Defense")
    assert wait_for_new_status(page, before) == "2 briefings for “paragraph” in Defense"
    assert set(results(page)) == {"G7 summit", "NATO summit"}
    before = str(page.locator("[data-search-status]").text_content())
    page.get_by_label("Tag").select_option("g7")
    wait_for_new_status(page, before)
    assert results(page) == ["G7 summit"]
    assert page.url.endswith("search/?q=paragraph&topic=Defense&tag=g7")  # a link to share
    page.close()


def test_a_draft_or_held_back_briefing_is_never_found(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    for query in ("secret", "embargoed"):
        search(page, site_url, query)
        assert results(page) == []
        assert page.locator("[data-search-status]").text_content() == f"No briefings for “{query}”"
    page.close()


def test_the_masthead_box_searches_from_any_page_by_keyboard(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(site_url + "briefings/g7-summit/")
    assert not any("pagefind" in url or "search.js" in url for url in requests)  # no weight
    box = page.get_by_role("search", name="Site").get_by_label("Search briefings")
    box.focus()
    page.keyboard.type("NATO")
    page.keyboard.press("Enter")
    page.wait_for_url(site_url + "search/?q=NATO")
    page.wait_for_function("document.querySelector('[data-search-status]').textContent !== ''")
    assert results(page)[0] == "NATO summit"
    assert page.get_by_label("Words to find").input_value() == "NATO"
    assert not any(not url.startswith(site_url) for url in requests)  # nothing leaves the site
    page.close()


def test_typing_searches_as_you_go(browser: Any, site_url: str) -> None:
    page = browser.new_page()
    search(page, site_url)
    page.get_by_label("Words to find").fill("apec")
    page.wait_for_function("document.querySelector('[data-search-status]').textContent !== ''")
    assert results(page) == ["APEC meeting"]
    page.close()


def test_without_javascript_the_page_says_search_needs_it(browser: Any, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    page.get_by_role("search", name="Site").get_by_label("Search briefings").fill("NATO")
    page.get_by_role("search", name="Site").get_by_role("button", name="Search").click()
    page.wait_for_url(site_url + "search/?q=NATO")
    note = page.get_by_text("Search needs JavaScript")
    assert note.is_visible()
    note.get_by_role("link", name="all briefings").click()
    page.wait_for_url(site_url + "briefings/")
    context.close()


def test_serve_keeps_the_index_current_after_an_edit(browser: Any, tmp_path: Path) -> None:
    """The preview indexes in the background once a build is served; a search after
    an edit finds the new word, under the sub-path, without a restart."""
    from conftest import write_site
    from liveserver import article as plain_article
    from liveserver import port_of, serving

    site = write_site(
        tmp_path / "site",
        {
            "content/alpha.md": plain_article("Alpha talks", "Alpha talks about tariffs."),
            "content/beta.md": plain_article("Beta forum", "Beta forum on shipping."),
        },
    )
    with serving(site, BASE_URL) as running:
        root = f"http://127.0.0.1:{port_of(running)}/briefings/"
        page = browser.new_page()
        search(page, root, "tariffs")
        assert results(page) == ["Alpha talks"]
        (site / "content/beta.md").write_text(
            plain_article("Beta forum", "Beta forum on shipping and zanzibar spices.")
        )
        deadline = time.monotonic() + 20
        found: list[str] = []
        while time.monotonic() < deadline and found != ["Beta forum"]:
            time.sleep(0.3)
            search(page, root, "zanzibar")
            found = results(page)
        assert found == ["Beta forum"]
        page.close()


# The same site with its index in shards of two pages at most: 14 briefings in 8 shards.
SHARDED = "search_shard_size: 2\n"


@pytest.fixture(scope="module")
def both_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(one index, sharded) URLs of the same site, each built and served on its own."""
    from conftest import run_cli, write_site

    with contextlib.ExitStack() as stack:
        urls = []
        for config in ("", SHARDED):
            site = write_site(tmp_path_factory.mktemp("shards"), site_files(config))
            built: Run = run_cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW)
            assert built.code == 0, built.err
            urls.append(stack.enter_context(serve(site / "build")))
        yield urls[0], urls[1]


def found_by(page: Any, url: str, query: str | None, options: str) -> list[str]:
    """The URLs a Pagefind search on the search page returns, in order (every result).

    Run after the page's own script loaded the client and merged the shards: an
    `import` of the same URL is that same module."""
    search(page, url, "summit")
    return list(
        page.evaluate(
            """async ([query, options]) => {
              const form = document.querySelector("form[data-search]");
              const pagefind = await import(new URL(form.dataset.pagefindJs, location.href));
              const found = await pagefind.search(query, JSON.parse(options));
              return Promise.all(found.results.map(async (r) => (await r.data()).url));
            }""",
            [query, options],
        )
    )


def test_a_sharded_index_is_in_several_bundles_listed_for_the_page(
    both_urls: tuple[str, str],
) -> None:
    from publishing import fetch

    single, sharded = both_urls
    assert json.loads(fetch(single + "pagefind/shards.json")[2]) == {"merge": []}
    listed = json.loads(fetch(sharded + "pagefind/shards.json")[2])["merge"]
    assert len(listed) >= 3 and all(folder.startswith("shard-") for folder in listed)
    for folder in listed:
        status, _, entry = fetch(f"{sharded}pagefind/{folder}pagefind-entry.json")
        assert status == 200 and json.loads(entry)["languages"]["en"]["page_count"] >= 1
        assert fetch(f"{sharded}pagefind/{folder}pagefind.js")[0] == 404  # the primary's client


def test_a_sharded_index_finds_every_briefing_from_every_shard(
    browser: Any, both_urls: tuple[str, str]
) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    search(page, both_urls[1], "paragraph")
    assert page.locator("[data-search-status]").text_content() == "14 briefings for “paragraph”"
    assert len(all_results(page)) == 14
    assert [url for url in requests if url.endswith(".pagefind")] == [
        both_urls[1] + "pagefind/wasm.en.pagefind"  # one WebAssembly, the primary's, for all
    ]
    assert any("/pagefind/shard-" in url for url in requests)
    assert all(url.startswith(both_urls[1]) for url in requests)  # nothing leaves the site
    search(page, both_urls[1], "hydrogen")
    assert results(page)[:2] == ["Hydrogen pact", "Port visit"]
    page.close()


def test_a_shard_that_failed_to_load_is_tried_again_on_the_next_search(
    browser: Any, both_urls: tuple[str, str]
) -> None:
    """A shard unreachable once (a network blip) does not leave search broken until reload."""
    from publishing import fetch

    sharded = both_urls[1]
    lost = json.loads(fetch(sharded + "pagefind/shards.json")[2])["merge"][0]
    page = browser.new_page()
    page.route(f"**/pagefind/{lost}**", lambda route: route.abort())
    search(page, sharded, "paragraph")
    assert "not available" in (page.locator("[data-search-status]").text_content() or "")
    page.unroute(f"**/pagefind/{lost}**")
    box = page.locator("form[data-search] input[name=q]")
    box.fill("paragraph")
    box.press("Enter")
    page.wait_for_function(
        "document.querySelector('[data-search-status]').textContent.startsWith('14 ')"
    )
    assert len(all_results(page)) == 14
    page.close()


@pytest.mark.parametrize(
    ("query", "options"),
    [
        (None, '{"sort": {"published": "desc"}}'),
        (None, '{"sort": {"published": "asc"}}'),
        (None, '{"sort": {"event": "asc"}}'),
        ("paragraph", '{"sort": {"event": "desc"}}'),
        (None, '{"filters": {"topic": "Defense"}, "sort": {"published": "desc"}}'),
        (None, '{"filters": {"tag": "trade"}, "sort": {"event": "asc"}}'),
        (None, '{"filters": {"event_date": "2025-06-16"}, "sort": {"published": "desc"}}'),
        (None, '{"filters": {"location": "Brussels"}, "sort": {"published": "desc"}}'),
    ],
)
def test_sorts_and_filters_across_shards_give_the_single_index_order(
    browser: Any, both_urls: tuple[str, str], query: str | None, options: str
) -> None:
    page = browser.new_page()
    single = [u.removeprefix("/briefings") for u in found_by(page, both_urls[0], query, options)]
    sharded = [u.removeprefix("/briefings") for u in found_by(page, both_urls[1], query, options)]
    assert single and sharded == single
    page.close()


def test_browsing_a_topic_lists_the_newest_first_across_shards(
    browser: Any, both_urls: tuple[str, str]
) -> None:
    page = browser.new_page()
    orders = []
    for url in both_urls:
        page.goto(f"{url}search/?topic=Economy")
        page.wait_for_function("document.querySelector('[data-search-status]').textContent !== ''")
        orders.append(all_results(page))
    assert len(orders[1]) > 10 and orders[1] == orders[0]
    page.close()


@pytest.fixture(scope="module")
def crowded_urls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """(one index, sharded) URLs of a site with many briefings a day: sort places with room."""
    from conftest import run_cli, write_site
    from test_search import crowded_site

    with contextlib.ExitStack() as stack:
        urls = []
        for config in ("", crowded_site()["briefing.yaml"]):
            site = write_site(
                tmp_path_factory.mktemp("crowd"), {**crowded_site(), "briefing.yaml": config}
            )
            built: Run = run_cli("build", "-s", str(site), "-b", BASE_URL, "--now", NOW)
            assert built.code == 0, built.err
            urls.append(stack.enter_context(serve(site / "build")))
        yield urls[0], urls[1]


@pytest.mark.parametrize(
    ("query", "options"),
    [
        (None, '{"sort": {"published": "desc"}}'),
        (None, '{"sort": {"published": "asc"}}'),
        (None, '{"sort": {"event": "asc"}}'),
        ("paragraph", '{"sort": {"event": "desc"}}'),
    ],
)
def test_sorts_with_room_between_days_give_the_single_index_order(
    browser: Any, crowded_urls: tuple[str, str], query: str | None, options: str
) -> None:
    page = browser.new_page()
    single = [u.removeprefix("/briefings") for u in found_by(page, crowded_urls[0], query, options)]
    sharded = [
        u.removeprefix("/briefings") for u in found_by(page, crowded_urls[1], query, options)
    ]
    assert len(single) == 24 and sharded == single
    page.close()
