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


def test_the_housing_corporation_sends_a_file_of_signals(browser, tmp_path):
    """A partner's export, semicolons and Dutch headers: the columns are
    recognised, the one bad row is named by row and column, and the valid
    rows are read in with the progress on the page."""
    import datetime

    stamp = random.randint(100000, 999999)
    today = datetime.date.today().strftime("%d-%m-%Y")
    rows = [
        "Kenmerk;Voornaam;Achternaam;Straat;Huisnummer;Postcode;Woonplaats;Bedrag;Maanden;Datum",
        f"BT-{stamp}-1;Joke;Bos;Dorpsstraat;1;1234 AD;Voorbeeld;\"412,50\";2;{today}",
        f"BT-{stamp}-2;Ali;Demir;Kerkweg;2;1234 AE;Voorbeeld;-20;2;{today}",
        f"BT-{stamp}-3;Els;Kok;Molenweg;3;1234 AF;Voorbeeld;180;1;{today}",
    ]
    export = tmp_path / "huurachterstanden.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")

    browser.sign_in("woonstichting")
    browser.click(By.XPATH, "//nav//a[contains(., 'Signalen aanleveren')]")
    browser.check("signal-upload-form")
    browser.submit()
    assert "Kies een bestand" in browser.text()
    browser.driver.find_element(By.ID, "upload_file").send_keys(str(export))
    browser.submit()
    # The columns are recognised from their names; the kind and the reminder are said for the whole file.
    assert browser.driver.find_element(By.CSS_SELECTOR, "#column_reference option[selected]").get_attribute("value") == "Kenmerk"
    browser.pick(By.CSS_SELECTOR, "#kind_for_all option[value=rent]")
    browser.pick(By.ID, "reminder_for_all")
    browser.check("signal-upload-mapping")
    browser.click(By.XPATH, "//main//button[text()='Bestand controleren']")
    assert "3 rijen: 2 goed, 1 afgewezen." in browser.text()
    assert "Vul een bedrag in van 0 of meer" in browser.text()
    browser.check("signal-upload-checked")
    browser.click(By.XPATH, "//main//button[contains(., 'Alleen de 2 goede rijen inlezen')]")
    # The import runs in the background; the page follows it and shows what came in.
    for _ in range(60):
        if "2 nieuwe signalen ingelezen uit 3 rijen" in browser.text():
            break
        import time
        time.sleep(0.5)
    assert "2 nieuwe signalen ingelezen uit 3 rijen" in browser.text()
    browser.check("signal-upload-imported")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("schuldhulp")
    browser.open("/signals")
    found, pages = "Joke Bos" in browser.text(), 1
    while not found and pages < 5:
        browser.click(By.CSS_SELECTOR, "a[rel=next]")
        found, pages = "Joke Bos" in browser.text(), pages + 1
    assert found, "the file's signals reach the debt-help team's queue"
    browser.click(By.CSS_SELECTOR, "header form button")
