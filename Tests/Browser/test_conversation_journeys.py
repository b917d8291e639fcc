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
