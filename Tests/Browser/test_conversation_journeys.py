"""Working together day to day (issue 25): the coordinator writes to the
resident and the debt-help partner around a household, the partner and the
resident answer, and an edit stays visible — each page checked with axe,
the Nu validator and at a phone's width."""
from selenium.webdriver.common.by import By


def sign_out(browser):
    browser.click(By.CSS_SELECTOR, "header form button")


def open_household(browser):
    browser.open("/households")
    browser.click(By.XPATH, "//main//a[contains(text(), 'El Amrani')]")


def test_the_team_and_the_resident_talk_around_the_household(browser):
    # The debt-help partner, on the team under the resident's consent, takes the household on.
    browser.sign_in("schuldhulp")
    open_household(browser)
    browser.click(By.XPATH, "//button[contains(text(), 'Ik word contactpersoon')]")
    sign_out(browser)

    # The coordinator has the resident's earlier answer waiting, and starts a new conversation.
    browser.sign_in("professional")
    browser.open("/worklist")
    assert "Nieuwe berichten" in browser.text() and "Post van de energieleverancier" in browser.text()
    browser.check("worklist-new-messages")
    open_household(browser)
    assert "Gesprekken" in browser.text()
    browser.click(By.XPATH, "//main//a[text()='Nieuw gesprek']")
    browser.fill(subject="", text="Kunnen we dinsdag samen naar de brief kijken?")
    browser.submit()
    assert "Vul dit veld in." in browser.text() or "Kies" in browser.text()
    assert browser.driver.find_element(By.NAME, "text").get_attribute("value") == "Kunnen we dinsdag samen naar de brief kijken?", "what was typed stays"
    browser.check("conversation-new-error")
    browser.pick(By.CSS_SELECTOR, "#conversation_domain option[value=finances]")
    browser.fill(subject="De brief van de deurwaarder")
    browser.pick(By.ID, "conversation_with_resident")
    browser.submit()
    assert "Bericht verstuurd" in browser.text() and "met de inwoner" in browser.text()
    browser.check("conversation")
    sign_out(browser)

    # The partner hears of it, reads it and answers.
    browser.sign_in("schuldhulp")
    assert browser.driver.find_element(By.CSS_SELECTOR, "a[href='/messages']").text.startswith("Berichten")
    browser.open("/messages")
    assert "De brief van de deurwaarder" in browser.text()
    browser.check("inbox")
    browser.click(By.XPATH, "//main//a[text()='De brief van de deurwaarder']")
    browser.fill(text="Ik kan dinsdag om tien uur aansluiten.")
    browser.submit()
    assert "Ik kan dinsdag om tien uur aansluiten." in browser.text()
    sign_out(browser)

    # The resident reads both messages in the portal and answers in her own words.
    browser.sign_in("inwoner")
    browser.open("/portal/messages")
    assert "De brief van de deurwaarder" in browser.text()
    browser.check("portal-messages")
    browser.click(By.XPATH, "//main//a[text()='De brief van de deurwaarder']")
    assert "Ik kan dinsdag om tien uur aansluiten." in browser.text()
    browser.submit()
    assert "Vul dit veld in." in browser.text()
    browser.fill(text="Dinsdag is goed. Ik neem de brief mee.")
    browser.submit()
    assert "Dinsdag is goed." in browser.text()
    browser.check("portal-conversation")
    sign_out(browser)

    # The coordinator corrects her message; the change shows, and what it said before.
    browser.sign_in("professional")
    open_household(browser)
    browser.click(By.XPATH, "//main//a[text()='De brief van de deurwaarder']")
    assert "Dinsdag is goed." in browser.text()
    browser.click(By.XPATH, "//main//a[starts-with(text(), 'Bericht wijzigen')]")
    browser.check("message-edit")
    browser.fill(text="Kunnen we dinsdag om tien uur samen naar de brief kijken?")
    browser.submit()
    assert "gewijzigd op" in browser.text()
    browser.pick(By.CSS_SELECTOR, "details summary")
    assert "Kunnen we dinsdag samen naar de brief kijken?" in browser.text()
    browser.check("conversation-edited")


def test_the_resident_uploads_a_letter_and_confirms_an_appointment(browser, tmp_path):
    import urllib.request
    from datetime import date, timedelta

    import icalendar

    # The resident adds a creditor's letter in the portal; a wrong kind of file is refused first.
    wrong = tmp_path / "brief.exe"
    wrong.write_bytes(b"MZ\x90\x00 not a letter")
    letter = tmp_path / "brief van de schuldeiser.pdf"
    letter.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    browser.sign_in("inwoner")
    browser.open("/portal/documents")
    browser.check("portal-documents")
    browser.driver.find_element(By.NAME, "file").send_keys(str(wrong))
    browser.pick(By.CSS_SELECTOR, "#document_domain option[value=finances]")
    browser.click(By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Dit soort bestand kan niet." in browser.text()
    browser.check("portal-document-refused")
    browser.driver.find_element(By.NAME, "file").send_keys(str(letter))
    browser.pick(By.CSS_SELECTOR, "#document_domain option[value=finances]")
    browser.click(By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Document toegevoegd" in browser.text() and "brief van de schuldeiser.pdf" in browser.text()
    sign_out(browser)

    # The coordinator finds the letter on the household page and plans a home visit about it.
    browser.sign_in("professional")
    open_household(browser)
    assert "brief van de schuldeiser.pdf" in browser.text()
    browser.click(By.XPATH, "//main//a[text()='Afspraak maken']")
    day = (date.today() + timedelta(days=3)).isoformat()
    browser.pick(By.CSS_SELECTOR, "#appointment_domain option[value=finances]")
    browser.fill(purpose="De brief van de schuldeiser bespreken")
    # Date and time pickers take typing by the browser's locale; set them as a picker would.
    set_value = "document.getElementById(arguments[0]).value = arguments[1]"
    for field, value in (("appointment_day", day), ("appointment_start", "10:00"), ("appointment_end", "09:00")):
        browser.driver.execute_script(set_value, field, value)
    browser.pick(By.CSS_SELECTOR, "#appointment_mode option[value=home_visit]")
    browser.pick(By.ID, "appointment_with_resident")
    browser.submit()
    assert "De afspraak moet na de begintijd eindigen" in browser.text()
    browser.check("appointment-refused")
    browser.driver.execute_script(set_value, "appointment_end", "11:00")
    browser.submit()
    assert "Afspraak gemaakt" in browser.text() and "Voorgesteld" in browser.text()
    browser.check("appointment")
    sign_out(browser)

    # The resident confirms it and takes it into her own calendar.
    browser.sign_in("inwoner")
    browser.open("/portal/appointments")
    assert "De brief van de schuldeiser bespreken" in browser.text()
    browser.check("portal-appointments")
    ours = "//main//li[.//h2[text()='De brief van de schuldeiser bespreken']]"
    browser.click(By.XPATH, ours + "//button[starts-with(normalize-space(.), 'Bevestigen')]")
    assert "U heeft de afspraak bevestigd" in browser.text()
    assert "Bevestigd" in browser.driver.find_element(By.XPATH, ours).text
    href = browser.driver.find_element(By.XPATH, ours + "//a[starts-with(text(), 'In mijn agenda zetten')]").get_attribute("href")
    cookies = "; ".join(f"{c['name']}={c['value']}" for c in browser.driver.get_cookies())
    with urllib.request.urlopen(urllib.request.Request(href, headers={"Cookie": cookies})) as response:
        assert response.headers["Content-Type"].startswith("text/calendar")
        calendar = icalendar.Calendar.from_ical(response.read())
    events = [part for part in calendar.walk() if part.name == "VEVENT"]
    assert len(events) == 1
    event = events[0]
    assert str(event["SUMMARY"]) == "De brief van de schuldeiser bespreken"
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTEND") > event.decoded("DTSTART")
    assert event.decoded("DTSTART").date().isoformat() == day
