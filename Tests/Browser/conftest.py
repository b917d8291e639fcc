"""Browser journeys: a real Samenspel server on the embedded default, driven by
Debian's headless Chromium. Every page visited is checked with axe-core (no
serious or critical violation) and kept for the Nu HTML validator; a
screenshot of each step lands in artifacts/browser/."""
import importlib.util, pathlib, shutil, sys, time

import pytest
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from live_server import chromium, demo_server, fresh_totp, totp  # noqa: E402  (shared with the other suite)

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
SHOTS = ARTIFACTS / "browser"
PAGES = ARTIFACTS / "html"
# A current axe-core (4.x, with the WCAG 2.1 rules), as shipped inside the
# axe-playwright-python wheel; Selenium injects it like any script.
AXE_SOURCE = (pathlib.Path(importlib.util.find_spec("axe_playwright_python").submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def server():
    yield from demo_server("samenspel-browser-")


@pytest.fixture(scope="session", autouse=True)
def artifact_dirs():
    for directory in (SHOTS, PAGES):
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
    yield


@pytest.fixture
def browser(server):
    driver = chromium()
    driver.set_script_timeout(60)
    yield Browser(driver, server)
    driver.quit()


def settled(action, attempts=4):
    """Runs a WebDriver action; Chromium sometimes reports a node of a page that
    is still settling as detached, before anything happened, so trying again is safe."""
    for attempt in range(attempts):
        try:
            return action()
        except WebDriverException as error:
            if attempt == attempts - 1 or "does not belong to the document" not in str(error):
                raise
            time.sleep(0.3)


def new_page_loaded(driver):
    """True once the old page is gone and the new one has finished loading;
    while Chromium is between documents a question may fail, so ask again."""
    try:
        return driver.execute_script("return !window.samenspelOldPage && document.readyState === 'complete'")
    except WebDriverException:
        return False


class Browser:
    def __init__(self, driver, server):
        self.driver, self.server, self.step = driver, server, 0

    def open(self, path):
        self.driver.get(self.server["base"] + path)

    def fill(self, **fields):
        for name, value in fields.items():
            settled(lambda: (self.driver.find_element(By.NAME, name).clear(), self.driver.find_element(By.NAME, name).send_keys(value)))

    def pick(self, by, selector):
        """Clicks something on the page that does not navigate (an option, a box)."""
        settled(lambda: self.driver.find_element(by, selector).click())

    def submit(self):
        self.click(By.CSS_SELECTOR, "main form button[type=submit]")

    def click(self, by, selector):
        """Clicks and waits for the next page, so no check runs on the old one."""
        # A mark on the old page's window: a new document starts without it.
        # (Asking an old element whether it went stale makes Chromium report
        # "does not belong to the document" mid-navigation, which is not stale.)
        settled(lambda: self.driver.execute_script("window.samenspelOldPage = true"))
        settled(lambda: self.driver.find_element(by, selector).click())
        WebDriverWait(self.driver, 15).until(new_page_loaded)

    def text(self):
        return settled(lambda: self.driver.find_element(By.TAG_NAME, "main").text)

    def check(self, name):
        """axe-core on the page as it is now, a screenshot, and the HTML kept for validation."""
        self.step += 1
        label = f"{self.step:02d}-{name}"
        self.driver.save_screenshot(str(SHOTS / f"{label}.png"))
        # The DOM as parsed, behind the doctype it was served with: fetching the
        # page again could change state (a one-time link, a new TOTP secret).
        (PAGES / f"{label}.html").write_text("<!DOCTYPE html>\n" + self.driver.page_source, encoding="utf-8")
        self.driver.execute_script(AXE_SOURCE)
        results = self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document, arguments[0]).then(done).catch(e => done({error: String(e)}));",
            {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}},
        )
        assert "error" not in results, results.get("error")
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        assert not serious, f"{label}: " + "; ".join(f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in serious)
        self.check_phone(label)

    def check_phone(self, label):
        """The page at a phone's width (390 px): it must not scroll sideways;
        a wide table scrolls in its own box. A screenshot to look at."""
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": False})
        try:
            page, screen = self.driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            self.driver.save_screenshot(str(SHOTS / f"{label}-phone.png"))
        finally:
            self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
        assert page <= screen, f"{label}: the page is {page} px wide on a phone showing {screen} px; it scrolls sideways"

    def sign_in(self, username):
        login = self.server["logins"][username]
        self.open("/login")
        self.fill(username=username, password=login["password"])
        self.submit()
        if login.get("totp_secret"):
            self.fill(code=fresh_totp(login["totp_secret"]))
            self.submit()
