"""Dragging an entry into another section, in Chromium against the real server: with the mouse (and the PDF has
it under its new heading), with the keyboard (each key one place, spoken, one undo step), and by touch on a
390 px phone. What is checked is what was saved: the CV as the API reads it back."""

from __future__ import annotations

import json
import re
import urllib.request
from pathlib import Path

import pdfplumber
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from tests.e2e.conftest import PASSWORD, SCREENSHOTS, wait_for_new_preview, wait_saved

QUERY_SECTIONS = "query($id: ID!) { cv(id: $id) { sections { title items { title organization bullets } } } }"


def _post(url: str, body: dict[str, object], token: str) -> dict[str, object]:
    headers = {"content-type": "application/json", "authorization": f"Bearer {token}"}
    with urllib.request.urlopen(urllib.request.Request(url, json.dumps(body).encode(), headers), timeout=30) as answer:
        result: dict[str, object] = json.load(answer)
        return result


def _sign_up(server_url: str, email: str) -> str:
    request = urllib.request.Request(
        f"{server_url}/auth/signup",
        json.dumps({"email": email, "password": PASSWORD}).encode(),
        {"content-type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as answer:
        return str(json.load(answer)["accessToken"])


def _open_cv(page: Page, server_url: str, email: str) -> tuple[str, str]:
    """A CV with Experience (Engineer at Acme, Analyst at Bank) and Projects (Compiler), open in the editor."""
    token = _sign_up(server_url, email)
    cv = {
        "title": "Moving entries",
        "basics": {"name": "Ada Lovelace"},
        "sections": [
            {
                "kind": "EXPERIENCE",
                "title": "Experience",
                "items": [
                    {"title": "Engineer", "organization": "Acme", "bullets": ["Built the difference engine"]},
                    {"title": "Analyst", "organization": "Bank"},
                ],
            },
            {"kind": "PROJECTS", "title": "Projects", "items": [{"title": "Compiler", "organization": "Home"}]},
        ],
    }
    created = _post(
        f"{server_url}/graphql",
        {
            "query": "mutation($input: CvInput!) { createCv(input: $input) { ... on Cv { id } } }",
            "variables": {"input": cv},
        },
        token,
    )
    cv_id = str(created["data"]["createCv"]["id"])  # type: ignore[index]
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Moving entries").click()
    expect(page.get_by_label("Full name")).to_have_value("Ada Lovelace")
    return cv_id, token


def _saved(server_url: str, token: str, cv_id: str) -> dict[str, list[str]]:
    """Each saved section's entries as "title at organization"."""
    answer = _post(f"{server_url}/graphql", {"query": QUERY_SECTIONS, "variables": {"id": cv_id}}, token)
    sections = answer["data"]["cv"]["sections"]  # type: ignore[index]
    return {s["title"]: [f"{i['title']} at {i['organization']}" for i in s["items"]] for s in sections}


def _titles(page: Page, section: str) -> Locator:
    return page.get_by_role("region", name=section, exact=True).locator(".item__title")


def _center(locator: Locator, down: float = 0.5) -> tuple[float, float]:
    box = locator.bounding_box()
    assert box is not None, f"{locator} is not on the page"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] * down


def _sections_in_view(page: Page) -> None:
    """Experience at the top of the window, so both sections are well inside it: near its edges a drag scrolls."""
    page.get_by_role("region", name="Experience", exact=True).evaluate(
        "element => { element.scrollIntoView({block: 'start'}); window.scrollBy(0, -90); }"
    )


def _drag(page: Page, handle: Locator, onto: Locator, down: float) -> None:
    """Drags by `handle` with the mouse in small steps and lets go over `onto`, `down` of the way down it."""
    start = _center(handle)
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0], start[1] + 12, steps=4)
    target = _center(onto, down)
    page.mouse.move(*target, steps=20)
    page.wait_for_timeout(200)
    page.mouse.move(target[0], target[1] + 2, steps=2)
    page.mouse.up()


def test_drag_with_the_mouse_into_another_section_and_the_pdf_has_it_there(
    page: Page, server_url: str, email: str, tmp_path: Path
) -> None:
    cv_id, token = _open_cv(page, server_url, email)
    before = wait_for_new_preview(page, "")
    _sections_in_view(page)
    start = _center(page.get_by_role("button", name="Move Engineer at Acme", exact=True))
    page.mouse.move(*start)
    page.mouse.down()
    page.mouse.move(start[0], start[1] + 12, steps=4)  # past the 4 px that start a drag
    target = _center(page.get_by_role("button", name=re.compile("^Compiler")), down=0.8)  # below its middle
    assert 100 < start[1] < target[1] < 800, (start, target)
    page.mouse.move(*target, steps=25)
    page.wait_for_timeout(200)
    expect(_titles(page, "Projects").filter(has_text="Engineer")).to_have_count(1)  # shown there while held
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "drag-between-sections.png"))  # as it is: scrolling would move the drag
    page.mouse.move(target[0], target[1] + 2, steps=2)
    page.mouse.up()

    expect(_titles(page, "Experience")).to_have_text(["Analyst"])
    expect(_titles(page, "Projects")).to_have_text(["Compiler", "Engineer"])
    wait_saved(page)
    assert _saved(server_url, token, cv_id) == {
        "Experience": ["Analyst at Bank"],
        "Projects": ["Compiler at Home", "Engineer at Acme"],
    }
    answer = _post(f"{server_url}/graphql", {"query": QUERY_SECTIONS, "variables": {"id": cv_id}}, token)
    moved = answer["data"]["cv"]["sections"][1]["items"][1]  # type: ignore[index]
    assert moved["bullets"] == ["Built the difference engine"]  # an entry keeps its fields in another kind

    wait_for_new_preview(page, before)
    page.get_by_role("button", name="Download").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="PDF").click()
    pdf = tmp_path / "moved.pdf"
    download_info.value.save_as(pdf)
    with pdfplumber.open(pdf) as document:
        text = "\n".join(p.extract_text() or "" for p in document.pages).lower()
    assert text.index("experience") < text.index("analyst") < text.index("projects"), text
    assert text.index("projects") < text.index("compiler") < text.index("engineer"), text
    assert text.index("built the difference engine") > text.index("projects"), text

    # Emptied by a drag, a section takes an entry dropped on its empty place.
    _sections_in_view(page)
    compiler = page.get_by_role("button", name=re.compile("^Compiler"))
    _drag(page, page.get_by_role("button", name="Move Analyst at Bank", exact=True), compiler, 0.2)
    expect(_titles(page, "Projects")).to_have_text(["Analyst", "Compiler", "Engineer"])
    empty = page.get_by_role("region", name="Experience", exact=True).get_by_text("Nothing here yet.")
    _drag(page, page.get_by_role("button", name="Move Compiler at Home", exact=True), empty, 0.5)
    expect(_titles(page, "Experience")).to_have_text(["Compiler"])
    wait_saved(page)
    assert _saved(server_url, token, cv_id) == {
        "Experience": ["Compiler at Home"],
        "Projects": ["Analyst at Bank", "Engineer at Acme"],
    }


@pytest.mark.parametrize("cpu_slowdown", [1, 6])  # a slow machine once made a key after a move land one place off
def test_move_with_the_keyboard_one_place_a_key_spoken_and_undone_in_one_step(
    page: Page, server_url: str, email: str, cpu_slowdown: int
) -> None:
    cv_id, token = _open_cv(page, server_url, email)
    if cpu_slowdown > 1:
        page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": cpu_slowdown})
    live = page.locator("[id^=DndLiveRegion]")
    # The handle is not a Tab stop (an entry is two: its title and its menu); Left arrow from the title reaches it.
    page.get_by_role("button", name=re.compile("^Analyst")).focus()
    page.keyboard.press("ArrowLeft")
    handle = page.get_by_role("button", name="Move Analyst at Bank", exact=True)
    expect(handle).to_be_focused()
    page.keyboard.press("Space")
    expect(live).to_have_text("Picked up Analyst at Bank, in Experience, position 2 of 2.")
    page.wait_for_timeout(250)  # dnd-kit measures positions between key presses
    # One key, one place, across the border both ways: entering from above a section's first place, from below
    # its last.
    for key, place in [
        ("ArrowDown", "Projects, position 1 of 2"),
        ("ArrowUp", "Experience, position 2 of 2"),
        ("ArrowUp", "Experience, position 1 of 2"),
        ("ArrowDown", "Experience, position 2 of 2"),
        ("ArrowDown", "Projects, position 1 of 2"),
        ("ArrowDown", "Projects, position 2 of 2"),
    ]:
        page.keyboard.press(key)
        expect(live).to_have_text(f"Analyst at Bank is in {place}.")
        page.wait_for_timeout(250)  # dnd-kit measures positions between key presses
    page.keyboard.press("Space")
    expect(live).to_have_text("Dropped Analyst at Bank in Projects, position 2 of 2.")
    expect(_titles(page, "Projects")).to_have_text(["Compiler", "Analyst"])
    expect(page.get_by_role("button", name="Move Analyst at Bank", exact=True)).to_be_focused()
    wait_saved(page)
    assert _saved(server_url, token, cv_id) == {
        "Experience": ["Engineer at Acme"],
        "Projects": ["Compiler at Home", "Analyst at Bank"],
    }

    page.keyboard.press("ControlOrMeta+z")  # the whole move is one step
    expect(_titles(page, "Experience")).to_have_text(["Engineer", "Analyst"])
    expect(_titles(page, "Projects")).to_have_text(["Compiler"])
    wait_saved(page)
    assert _saved(server_url, token, cv_id)["Projects"] == ["Compiler at Home"]

    # Sections still reorder by their own handles, and an entry's drag never moves a section.
    page.get_by_role("button", name="Move section Projects", exact=True).focus()
    for key in ("Space", "ArrowUp", "Space"):
        page.keyboard.press(key)
        page.wait_for_timeout(250)
    expect(page.locator(".section__title-input").first).to_have_value("Projects")
    expect(_titles(page, "Projects")).to_have_text(["Compiler"])
    wait_saved(page)
    assert list(_saved(server_url, token, cv_id)) == ["Projects", "Experience"]


def test_drag_by_touch_on_a_phone(browser: Browser, server_url: str, email: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    context.set_default_timeout(15_000)
    try:
        page = context.new_page()
        page.goto(server_url)
        cv_id, token = _open_cv(page, server_url, email)
        handle = page.get_by_role("button", name="Move Engineer at Acme", exact=True)
        handle.evaluate("element => element.scrollIntoView({block: 'center'})")
        start = _center(handle)
        end = _center(page.get_by_role("button", name=re.compile("^Compiler")), down=0.8)
        assert end[1] < 844, "the target is on the screen"
        touch = page.context.new_cdp_session(page)

        def send(kind: str, point: tuple[float, float] | None) -> None:
            points = [] if point is None else [{"x": point[0], "y": point[1]}]
            touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

        send("touchStart", start)
        page.wait_for_timeout(400)  # a press held 200 ms starts the drag; a quick swipe scrolls instead
        for step in range(1, 21):
            send("touchMove", (start[0] + (end[0] - start[0]) * step / 20, start[1] + (end[1] - start[1]) * step / 20))
            page.wait_for_timeout(30)
        expect(_titles(page, "Projects").filter(has_text="Engineer")).to_have_count(1)
        send("touchEnd", None)

        expect(_titles(page, "Experience")).to_have_text(["Analyst"])
        wait_saved(page)
        assert _saved(server_url, token, cv_id) == {
            "Experience": ["Analyst at Bank"],
            "Projects": ["Compiler at Home", "Engineer at Acme"],
        }
    finally:
        context.close()
