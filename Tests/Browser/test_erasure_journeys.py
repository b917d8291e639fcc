"""Retention and erasure (issue 26): the privacy officer registers a
resident's request to erase their file and places a legal hold; the tenant
admin sets retention periods within the law."""
from selenium.webdriver.common.by import By

BSN = "123456782"


def test_a_privacy_officer_registers_an_erasure_request_and_a_legal_hold(browser):
    browser.sign_in("professional")
    browser.open("/households/new")
    browser.fill(given_name="Erik", family_name="Visser", birth_date="1968-04-09", bsn=BSN, street="Kerkplein 3", postcode="1234ab",
                 city="Voorbeeld", consent_purpose="Samen werken aan werk en inkomen")
    browser.pick(By.ID, "domains-finances")
    browser.pick(By.CSS_SELECTOR, "#consent_method option[value=signed_on_paper]")
    browser.submit()
    assert "Huishouden Visser" in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("privacy")
    browser.open("/privacy/erasure")
    browser.check("erasure")
    browser.fill(bsn="123456789")
    browser.click(By.XPATH, "//form[contains(@action, '/privacy/erasure/requests')]//button")
    assert "Dit is geen geldig BSN" in browser.text() and "Controleer eerst wie het verzoek doet" in browser.text()
    assert browser.driver.find_element(By.NAME, "bsn").get_attribute("value") == "", "a BSN is never typed back"
    browser.check("erasure-errors")
    browser.fill(bsn=BSN)
    browser.pick(By.ID, "identity_checked")
    browser.click(By.XPATH, "//form[contains(@action, '/privacy/erasure/requests')]//button")
    assert "Het dossier is niet gewist." in browser.text()
    assert "Er werkt nog een organisatie met dit huishouden" in browser.text()
    browser.check("erasure-refused")

    browser.open("/privacy/erasure")
    browser.driver.find_element(By.ID, "hold_bsn").send_keys(BSN)
    browser.fill(reason="Bezwaarzaak 2026-17")
    browser.click(By.XPATH, "//form[contains(@action, '/legal-holds')]//button")
    assert "De bewaarplicht is ingesteld" in browser.text() and "Huishouden Visser" in browser.text()
    browser.check("legal-hold")


def test_an_admin_keeps_youth_files_as_long_as_the_law_asks(browser):
    browser.sign_in("beheerder")
    browser.open("/admin/retention")
    browser.check("retention")
    browser.fill(**{"months_youth-file": "120"})
    browser.submit()
    assert "De Jeugdwet (art. 7.3.8) vraagt ten minste 240 maanden" in browser.text()
    assert browser.driver.find_element(By.NAME, "months_youth-file").get_attribute("value") == "120"
    browser.check("retention-error")
    browser.fill(**{"months_youth-file": "240", "months_household-file": "120"})
    browser.submit()
    assert "De bewaartermijnen zijn opgeslagen" in browser.text()
