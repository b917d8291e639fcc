"""Everyone takes part by their talent (issue 24): the resident changes her
participation profile in the portal — a mistake is named and loses nothing —
and sees the version before; she signs up for her best match, explained, and
the employer answers; the employer starts her placement and she says how
it is going (a check-in sent without an answer is named and keeps her
words). Each page checked with axe, the Nu validator and at a
phone's width."""
from selenium.webdriver.common.by import By


def box(browser, value):
    browser.pick(By.CSS_SELECTOR, f"input[value='{value}']")


def test_the_resident_changes_her_participation_profile(browser):
    browser.sign_in("inwoner")
    browser.click(By.CSS_SELECTOR, "a[href='/portal/taking-part']")
    assert "Waar bent u goed in" in browser.text() and "U heeft dit het laatst veranderd" in browser.text()
    assert browser.driver.find_element(By.CSS_SELECTOR, "input[value='returns']").is_selected()
    browser.check("profile")

    for value in ["music", "WE-pm"]:
        box(browser, value)
    browser.fill(skills="Rijbewijs B", max_km="500")
    browser.submit()
    # Refused: the distance is named, and every box and word stays as it was.
    assert "Vul een getal in van 0 tot en met 100." in browser.text()
    for value in ["returns", "music", "WE-pm", "job_coach", "course"]:
        assert browser.driver.find_element(By.CSS_SELECTOR, f"input[value='{value}']").is_selected(), value
    assert "lege flessen" in browser.driver.find_element(By.NAME, "own_words").get_attribute("value")
    assert browser.driver.find_element(By.NAME, "skills").get_attribute("value") == "Rijbewijs B"
    browser.check("profile-refused")

    browser.fill(max_km="6")
    browser.submit()
    assert "Opgeslagen" in browser.text() and "Versie 1, van" in browser.text()
    browser.check("profile-saved")
    browser.click(By.CSS_SELECTOR, "header form button")


def test_the_resident_signs_up_for_the_best_match_and_the_employer_answers(browser):
    browser.sign_in("inwoner")
    browser.open("/portal/taking-part")
    browser.click(By.XPATH, "//main//a[contains(text(), 'Bekijk wat bij u past')]")
    first = browser.driver.find_element(By.CSS_SELECTOR, ".matches > li h2").text
    assert first == "Statiegeldbalie"
    # Why, in her words (her rung depends on the journeys before: the foundation one has her assess herself).
    assert "Het past bij wat u goed kunt of leuk vindt: verzamelen en inzamelen" in browser.text()
    assert "De hulp die u nodig heeft is er: een jobcoach." in browser.text()
    browser.check("matches")
    browser.click(By.XPATH, "//main//li[.//h2//a[text()='Statiegeldbalie']]//button[starts-with(normalize-space(), 'Meld mij hiervoor aan')]")
    assert "U bent aangemeld" in browser.text() and "De organisatie reageert nog." in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")

    # The supermarket sees her — name and why she fits — and would like to meet.
    browser.sign_in("werkgever")
    browser.open("/social-map")
    browser.click(By.XPATH, "//main//a[text()='Statiegeldbalie']")
    browser.click(By.XPATH, "//main//a[text()='Aanmeldingen bekijken']")
    assert "Fatima El Amrani" in browser.text() and "statiegeld en retouren" in browser.text()
    browser.check("candidates")
    browser.click(By.CSS_SELECTOR, "button[value='accept']")
    assert "Kennismaking vastgelegd" in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("inwoner")
    browser.open("/portal/taking-part/matches")
    assert "De organisatie wil graag kennismaken." in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")


def test_the_employer_starts_the_placement_and_a_check_in_is_answered(browser):
    browser.sign_in("werkgever")
    browser.open("/social-map")
    browser.click(By.XPATH, "//main//a[text()='Statiegeldbalie']")
    browser.click(By.XPATH, "//main//a[text()='Aanmeldingen bekijken']")
    assert "Starten na de kennismaking" in browser.text()
    browser.click(By.XPATH, "//main//button[starts-with(normalize-space(), 'Plaatsing starten')]")
    assert "Plaatsing gestart" in browser.text() and "Om de 4 weken een gesprek" in browser.text()
    browser.check("placement-started")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("inwoner")
    browser.open("/portal/taking-part/matches")
    assert "Waar u meedoet" in browser.text() and "Hoe gaat het bij Statiegeldbalie?" in browser.text()
    browser.fill(words="De collega's helpen mij goed.")
    browser.click(By.XPATH, "//main//button[starts-with(normalize-space(), 'Antwoord sturen')]")
    # Refused: the missing answer is named, her words stay.
    assert "Kies hoe het gaat." in browser.text()
    assert browser.driver.find_element(By.NAME, "words").get_attribute("value") == "De collega's helpen mij goed."
    browser.check("check-in-refused")
    box(browser, "good")
    browser.click(By.XPATH, "//main//button[starts-with(normalize-space(), 'Antwoord sturen')]")
    assert "Antwoord opgeslagen" in browser.text() and "U: Goed — “De collega's helpen mij goed.”" in browser.text()
    browser.check("check-in-answered")
    browser.click(By.CSS_SELECTOR, "header form button")

    # The supermarket reads her answer beside its own.
    browser.sign_in("werkgever")
    browser.open("/social-map")
    browser.click(By.XPATH, "//main//a[text()='Statiegeldbalie']")
    browser.click(By.XPATH, "//main//a[text()='Aanmeldingen bekijken']")
    assert "Fatima El Amrani: Goed" in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")
