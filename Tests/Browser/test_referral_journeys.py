"""Closed-loop referral, as people walk it: the coordinator refers from a
goal to a service on the social map, the receiving organisation accepts
and completes it, and the sender sees the loop closed."""
import re

from selenium.webdriver.common.by import By


def open_money_goal(browser):
    browser.open("/households")
    browser.click(By.LINK_TEXT, "Huishouden El Amrani")
    browser.click(By.PARTIAL_LINK_TEXT, "Ik wil mijn rekeningen op tijd betalen")


def record_paper_consent_for_debt_help(browser):
    """The resident signed a consent on paper: the coordinator records it (whatever
    earlier journeys did with the demo's consents)."""
    browser.open("/households")
    browser.click(By.LINK_TEXT, "Huishouden El Amrani")
    browser.click(By.LINK_TEXT, "Toestemming vastleggen")
    browser.pick(By.XPATH, "//select[@id='resident_id']/option[text()='Fatima El Amrani']")
    browser.pick(By.XPATH, "//select[@id='organization_id']/option[text()='Schuldhulp Voorbeeld']")
    browser.pick(By.ID, "domains-finances")
    browser.fill(purpose="Schulden regelen")
    browser.click(By.CSS_SELECTOR, "form[action$='/consents'] button[type=submit]")
    # The method was not chosen: refused, with what was typed and ticked kept.
    assert "Hoe gegeven: Kies een van de mogelijkheden." in browser.text()
    assert browser.driver.find_element(By.ID, "purpose").get_attribute("value") == "Schulden regelen"
    assert browser.driver.find_element(By.ID, "domains-finances").is_selected()
    browser.check("consent-form-refused")
    browser.pick(By.CSS_SELECTOR, "#method option[value=signed_on_paper]")
    browser.click(By.CSS_SELECTOR, "form[action$='/consents'] button[type=submit]")
    assert "Toestemming vastgelegd" in browser.text()


def test_a_referral_is_sent_accepted_completed_and_the_sender_sees_it(browser):
    browser.sign_in("professional")
    record_paper_consent_for_debt_help(browser)
    open_money_goal(browser)
    browser.click(By.LINK_TEXT, "Doorverwijzen")
    browser.check("referral-choose-service")
    browser.fill(q="schuld")
    browser.click(By.CSS_SELECTOR, "form[role=search] button")
    browser.click(By.LINK_TEXT, "Schuldhulpverlening")
    # Capacity and expected wait, before sending.
    assert "Wachtlijst – verwachte wachttijd 3 weken" in browser.text()
    browser.check("referral-form")
    browser.click(By.CSS_SELECTOR, "button[name=send][value=send]")
    assert "Vul dit veld in." in browser.text()
    browser.check("referral-form-error")
    browser.fill(message="Mevrouw wil graag hulp bij het ordenen van haar post. Bel liever na 15 uur.")
    browser.click(By.CSS_SELECTOR, "button[name=send][value=send]")
    assert "Verstuurd" in browser.text()
    referral = browser.driver.current_url
    browser.check("referral-sent")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("schuldhulp")
    browser.open("/referrals")
    assert "Schuldhulpverlening" in browser.text()
    browser.check("referrals-incoming")
    browser.driver.get(referral)
    assert "Bel liever na 15 uur" in browser.text()
    browser.check("referral-received")
    browser.pick(By.CSS_SELECTOR, "#status option[value=accepted]")
    browser.click(By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Geaccepteerd" in browser.text()
    browser.pick(By.CSS_SELECTOR, "#status option[value=completed]")
    browser.click(By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Kies een uitkomst." in browser.text()
    browser.check("referral-outcome-missing")
    browser.pick(By.CSS_SELECTOR, "#status option[value=completed]")
    browser.pick(By.CSS_SELECTOR, "#outcome option[value=got_help]")
    browser.click(By.CSS_SELECTOR, "main form button[type=submit]")
    assert "Afgerond – Geholpen" in browser.text()
    browser.check("referral-completed")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("professional")
    nav = browser.driver.find_element(By.CSS_SELECTOR, "nav.site-nav").text
    # Accepted and completed; other journeys may have told the coordinator more.
    unread = re.search(r"Meldingen (\d+)", nav)
    assert unread and int(unread.group(1)) >= 2, nav
    browser.click(By.PARTIAL_LINK_TEXT, "Meldingen")
    assert "Uw verwijzing naar Schuldhulpverlening is afgerond" in browser.text()
    browser.check("notifications")
    browser.open("/referrals")
    assert "Afgerond" in browser.text()
    browser.check("referrals-closed-loop")
