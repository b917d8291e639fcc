"""The monitor and the impact agreements, as the analyst and a partner's
manager use them: a figure with its story, an agreement's targets and the
conversation per period from both sides, refused input kept as typed."""
from selenium.webdriver.common.by import By


def test_the_analyst_reads_the_monitor_and_tells_the_story_behind_a_figure(browser):
    browser.sign_in("analist")
    browser.open("/monitor")
    assert "Hoeveel deden we?" in browser.text() or "Monitor" in browser.text()
    browser.check("monitor")
    browser.click(By.CSS_SELECTOR, "main .tiles a")
    browser.check("monitor-indicator")
    browser.fill(text="De cijfers van deze maand zijn nog niet compleet: twee teams leveren later aan.")
    browser.click(By.CSS_SELECTOR, "#story form button[type=submit]")
    assert "Toelichting opgeslagen." in browser.text()
    assert "twee teams leveren later aan" in browser.text()
    assert "Pieter Bakker" in browser.text()
    browser.check("monitor-story")


def test_both_sides_of_an_agreement_follow_the_targets_and_talk(browser):
    browser.sign_in("analist")
    browser.open("/agreements")
    browser.check("agreements")
    browser.click(By.LINK_TEXT, "Schuldhulp: sneller en samen")
    text = browser.text()
    assert "Op koers: het cijfer haalt het doel." in text
    assert "We beantwoorden verwijzingen sneller" in text
    browser.check("agreement-municipality")
    # A target that is not a number is refused by name and kept as typed.
    browser.fill(target="negentig")
    browser.click(By.CSS_SELECTOR, "form[action$='/targets'] button[type=submit]")
    assert "Vul een getal in, bijvoorbeeld 90 of 7,5." in browser.text()
    assert browser.driver.find_element(By.NAME, "target").get_attribute("value") == "negentig"
    browser.check("agreement-target-refused")
    browser.fill(text="We spreken af om in het eerste kwartaal de terugkeer te bespreken.")
    browser.click(By.CSS_SELECTOR, "form[action$='/notes'] button[type=submit]")
    assert "terugkeer te bespreken" in browser.text()
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("schuldhulp")
    browser.open("/agreements")
    assert "Welzijn: meedoen in de wijk" not in browser.text()
    browser.click(By.LINK_TEXT, "Schuldhulp: sneller en samen")
    text = browser.text()
    assert "U schrijft hier namens Schuldhulp Voorbeeld." in text
    assert "terugkeer te bespreken" in text
    assert "Doel toevoegen" not in text
    browser.check("agreement-partner")
    browser.click(By.XPATH, "//li[contains(., 'We beantwoorden verwijzingen sneller')]//a[text()='Bewerken']")
    browser.check("agreement-note-edit")
    browser.fill(text="We beantwoorden verwijzingen sneller sinds de wijkteams ons direct bellen; in de zomer liep het op.")
    browser.submit()
    assert "in de zomer liep het op." in browser.text()
    assert "bewerkt" in browser.text()
    browser.check("agreement-note-edited")


def test_a_manager_reads_the_own_organisations_monitor_and_explains_a_figure(browser):
    browser.sign_in("teamleider")
    browser.open("/monitor")
    assert "Monitor van Sociaal Team Voorbeeld" in browser.text()
    browser.check("manager-monitor")
    browser.click(By.CSS_SELECTOR, "main .tiles a")
    assert "Sociaal Team Voorbeeld" in browser.driver.title
    browser.fill(text="Twee collega's waren deze maand met verlof.")
    browser.click(By.CSS_SELECTOR, "#story form button[type=submit]")
    assert "Toelichting opgeslagen." in browser.text()
    assert "Esther de Boer" in browser.text()
    browser.check("manager-story")
    # The caseload per colleague, with the table to download beside it.
    browser.open("/monitor/indicators/caseload-median")
    text = browser.text()
    assert "Caseload per professional," in text
    assert "Download deze tabel als CSV-bestand" in text or "Nog geen cijfers voor deze uitsplitsing." in text
    browser.check("manager-caseload")
    # The municipality's own monitor does not show the team's explanation.
    browser.click(By.CSS_SELECTOR, "header form button")
    browser.sign_in("analist")
    browser.open("/monitor")
    browser.click(By.CSS_SELECTOR, "main .tiles a")
    assert "met verlof" not in browser.text()
