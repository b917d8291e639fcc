"""API access, as people set it up: a personal access token shown once, and
the tenant admin registering a system for the OAuth2 client-credentials grant."""
import re

from selenium.webdriver.common.by import By


def test_a_professional_makes_a_token_and_an_admin_registers_a_system(browser):
    browser.sign_in("professional")
    browser.open("/account/api-tokens")
    browser.check("api-tokens")
    browser.fill(name="", days="400")
    browser.submit()
    assert "Kies een geldigheid van 1 tot 365 dagen." in browser.text()
    browser.check("api-tokens-error")
    browser.fill(name="Rapportage", days="30")
    browser.submit()
    assert re.search(r"sst_[A-Za-z0-9_-]{20,}", browser.text())
    browser.check("api-token-created")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("beheerder")
    browser.open("/admin/api-clients")
    browser.check("api-clients")
    browser.fill(name="Schuldhulpsysteem")
    browser.pick(By.XPATH, "//select[@id='user_id']/option[contains(text(), 'schuldhulp')]")
    browser.submit()
    assert re.search(r"ssc_[A-Za-z0-9_-]+", browser.text())
    browser.check("api-client-created")


def test_an_admin_subscribes_another_system_to_events(browser):
    browser.sign_in("beheerder")
    browser.open("/admin/event-subscriptions")
    browser.check("event-subscriptions")
    browser.fill(name="Ketenpartner", url="http://partner.example/hook")
    browser.submit()
    assert "Vul een https-adres in" in browser.text()
    browser.check("event-subscriptions-error")
    browser.fill(url="https://partner.example/hook")
    browser.pick(By.CSS_SELECTOR, "input[value='nl.samenspel.referral.status-changed']")
    browser.submit()
    assert "Geheim voor de handtekening" in browser.text()
    assert "https://partner.example/hook" in browser.text()
    browser.check("event-subscription-created")
