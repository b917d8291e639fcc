"""Early signals (issue 23): the tenant admin sees who may report what, and
the debt-help team triages the housing corporation's signals, records a
contact attempt and closes a case — each page checked with axe, the Nu
validator and at a phone's width."""
import random

from selenium.webdriver.common.by import By


def fresh_bsn():
    """A BSN no other journey registered: eight random digits and the ninth the 11-check asks."""
    while True:
        digits = [random.randint(1, 9)] + [random.randint(0, 9) for _ in range(7)]
        last = sum(d * w for d, w in zip(digits, range(9, 1, -1))) % 11
        if last <= 9:
            return "".join(map(str, digits + [last]))


def test_the_debt_help_team_triages_and_reaches_out(browser):
    browser.sign_in("beheerder")
    browser.open("/admin/signal-partners")
    assert "Woonstichting Thuis" in browser.text()
    browser.check("signal-partners")
    browser.fill(amount_rent="tien euro")
    browser.submit()
    assert "Vul een bedrag in van 0 of meer" in browser.text()
    assert browser.driver.find_element(By.NAME, "amount_rent").get_attribute("value") == "tien euro", "what was typed stays"
    browser.check("signal-partners-refused")
    browser.fill(amount_rent="0")
    browser.submit()
    assert "opgeslagen" in browser.text().lower()
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("schuldhulp")
    browser.open("/signals")
    assert "Kees de Boer" in browser.text() and "Anna Visser" in browser.text()
    browser.check("signal-queue")
    browser.click(By.XPATH, "//main//a[text()='Kees de Boer']")
    assert "Beukenlaan 3" in browser.text()
    browser.check("signal-case")
    browser.pick(By.CSS_SELECTOR, "#attempt_channel option[value=home_visit]")
    browser.pick(By.ID, "attempt_reached")
    browser.fill(note="Samen de huurachterstand doorgenomen.")
    browser.click(By.XPATH, "//main//button[text()='Poging vastleggen']")
    assert "Contactpoging vastgelegd" in browser.text() and "In contact" in browser.text()
    browser.pick(By.CSS_SELECTOR, "#close_outcome option[value=accepted_help]")
    browser.click(By.XPATH, "//main//button[text()='Casus afsluiten']")
    # Accepted help opens the intake, filled in from the signal; the consent is asked as always.
    assert "Casus afgesloten" in browser.text()
    assert browser.driver.find_element(By.NAME, "given_name").get_attribute("value") == "Kees"
    assert browser.driver.find_element(By.NAME, "street").get_attribute("value") == "Beukenlaan 3"
    browser.check("signal-intake")
    browser.fill(bsn=fresh_bsn())
    browser.pick(By.CSS_SELECTOR, "#consent_method option[value=signed_on_paper]")
    browser.submit()
    assert "Mijn betalingsachterstanden oplossen" in browser.text()
    browser.check("signal-household")
