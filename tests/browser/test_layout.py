"""Every public page (ja, en) fits a 320 px phone and a 1280 px desktop
without horizontal scrolling. Full-page screenshots are kept for review in
test-artifacts/screenshots/."""

import pytest

pytestmark = pytest.mark.browser

HEIGHT = 800
OVERFLOWING = """() => {
  const width = window.innerWidth;
  return [...document.querySelectorAll("body *")]
    .filter(el => el.getBoundingClientRect().right > width + 0.5)
    .slice(0, 5)
    .map(el => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
         + " right=" + Math.round(el.getBoundingClientRect().right));
}"""


@pytest.mark.parametrize("width", [320, 1280])
def test_no_horizontal_scrolling(site, site_paths, page, screenshot_dir, width):
    page.set_viewport_size({"width": width, "height": HEIGHT})
    problems = []
    for path in site_paths(["ja", "en"]):
        response = page.goto(site.url + path, wait_until="load")
        assert response is not None and response.status == 200, path
        name = path.strip("/").replace("/", "_") or "root"
        page.screenshot(path=screenshot_dir / f"{width}px_{name}.png", full_page=True)
        scroll_width, inner_width = page.evaluate(
            "[document.documentElement.scrollWidth, window.innerWidth]"
        )
        if scroll_width > inner_width:
            wide = ", ".join(page.evaluate(OVERFLOWING))
            problems.append(f"{path} at {width}px: scrollWidth {scroll_width} ({wide})")
    assert not problems, "pages scroll sideways:\n" + "\n".join(problems)
