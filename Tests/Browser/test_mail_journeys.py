"""E-mail (issue 26): a professional chooses how notifications reach them,
the tenant admin gives an organisation its intake address and sees the
outgoing mail — each page checked with axe and at a phone's width."""
from selenium.webdriver.common.by import By


def test_a_professional_chooses_a_daily_digest_and_an_admin_sets_an_intake_address(browser):
    browser.sign_in("professional")
    browser.open("/account/password")
    assert "De e-mail gaat naar professional@demo.samenspel.invalid." in browser.text()
    browser.pick(By.CSS_SELECTOR, "input[name='mail_preference'][value='daily']")
    browser.click(By.XPATH, "//form[contains(@action, '/account/mail')]//button")
    assert "Uw keuze voor e-mail is opgeslagen" in browser.text()
    assert browser.driver.find_element(By.CSS_SELECTOR, "input[name='mail_preference'][value='daily']").is_selected()
    browser.check("account-mail")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.sign_in("beheerder")
    browser.open("/admin/organizations")
    browser.click(By.XPATH, "//main//a[contains(text(), 'Schuldhulp')]")
    browser.fill(intake_email="geen adres")
    browser.submit()
    assert "e-mailadres" in browser.text().lower()
    assert browser.driver.find_element(By.NAME, "intake_email").get_attribute("value") == "geen adres", "what was typed stays"
    browser.check("organization-intake-error")
    browser.fill(intake_email="aanmelding@schuldhulp.example.nl")
    browser.submit()
    browser.open("/admin/mail")
    assert "Uitgaande e-mail" in browser.text()
    browser.check("outgoing-mail")
