"""The social map's journeys: searching, reading a service, editing it with a
mistake, managing the map, and the public page without signing in."""
from selenium.webdriver.common.by import By


def test_professional_searches_the_social_map(browser):
    browser.sign_in("professional")
    browser.open("/social-map")
    browser.check("social-map-search")
    browser.fill(q="schuld")
    browser.pick(By.CSS_SELECTOR, "#domain option[value=finances]")
    browser.click(By.CSS_SELECTOR, "main form[role=search] button[type=submit]")
    assert "Schuldhulpverlening" in browser.text()
    browser.check("social-map-results")
    browser.click(By.LINK_TEXT, "Schuldhulpverlening")
    assert "Wachtlijst, verwachte wachttijd 3 weken" in browser.text()
    browser.check("social-map-service")


def test_tenant_admin_edits_a_service_and_manages_the_map(browser):
    browser.sign_in("beheerder")
    browser.open("/social-map?q=taalcaf%C3%A9")
    browser.click(By.PARTIAL_LINK_TEXT, "Taalcaf")
    browser.click(By.LINK_TEXT, "Voorziening wijzigen")
    browser.check("social-map-service-form")
    browser.fill(hours_WE="21:00-19:00")
    browser.submit()
    assert "Vul tijden in als 09:00-17:00" in browser.text()
    browser.check("social-map-service-form-error")
    browser.fill(hours_WE="19:00-21:30")
    browser.submit()
    assert "19:00–21:30" in browser.text()
    browser.open("/social-map/providers")
    browser.check("social-map-providers")
    browser.click(By.LINK_TEXT, "Welzijn Voorbeeld")
    browser.check("social-map-provider")
    browser.open("/admin/social-map")
    browser.check("social-map-admin")


def test_anyone_reads_the_published_map(browser):
    browser.open("/t/voorbeeld/sociale-kaart")
    browser.check("public-social-map")
    # Its open data has an address a standard HSDS client can be pointed at.
    api = browser.driver.find_element(By.CSS_SELECTOR, ".open-data a")
    assert api.get_attribute("href").endswith("/t/voorbeeld/hsds")
    browser.driver.execute_script("arguments[0].scrollIntoView()", api)
    browser.check("public-social-map-open-data")
    browser.click(By.LINK_TEXT, "Voedselpakket")
    assert "Voedselbank Voorbeeld" in browser.text()
    browser.check("public-service")
