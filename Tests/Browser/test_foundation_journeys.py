"""The foundation's journeys, as people walk them."""
import re

from selenium.webdriver.common.by import By

from conftest import fresh_totp


def test_tenant_admin_adds_an_organisation_and_invites_a_professional(browser):
    browser.open("/login")
    browser.check("login")
    browser.sign_in("beheerder")
    assert "Welkom, Ruben Smit" in browser.text()
    browser.check("home-tenant-admin")

    browser.open("/admin/organizations/new")
    browser.check("organisation-form")
    browser.fill(name="Buurtteam Noord", kvk_number="1234")
    browser.pick(By.CSS_SELECTOR, "#kind option[value=welfare]")
    browser.submit()
    assert "Een KvK-nummer bestaat uit acht cijfers." in browser.text()
    assert browser.driver.find_element(By.NAME, "name").get_attribute("value") == "Buurtteam Noord"
    browser.check("organisation-form-error")
    browser.fill(kvk_number="87654321")
    browser.submit()
    assert "Buurtteam Noord" in browser.text()
    browser.check("organisations")

    browser.open("/admin/users/new")
    browser.fill(username="j.devries", display_name="Joost de Vries")
    browser.pick(By.CSS_SELECTOR, "#role option[value=professional]")
    browser.pick(By.XPATH, "//select[@id='organization_id']/option[text()='Buurtteam Noord']")
    browser.submit()
    link = browser.driver.find_element(By.ID, "account-link").text
    browser.check("invitation-link")
    browser.click(By.CSS_SELECTOR, "header form button")

    browser.driver.get(link)
    browser.check("set-password")
    browser.fill(password="een lange zin als wachtwoord", password_confirmation="een lange zin als wachtwoord")
    browser.submit()
    assert "Uw wachtwoord is ingesteld" in browser.text()

    browser.fill(username="j.devries", password="een lange zin als wachtwoord")
    browser.submit()
    browser.check("enrol-second-factor")
    secret = browser.driver.find_element(By.ID, "totp-secret").text
    browser.fill(code=fresh_totp(secret))
    browser.submit()
    codes = re.findall(r"[A-Z0-9]{5}-[A-Z0-9]{5}", browser.text())
    assert len(codes) == 10
    browser.check("recovery-codes")
    browser.open("/")
    assert "Welkom, Joost de Vries" in browser.text()


def test_privacy_officer_reads_the_access_log(browser):
    browser.sign_in("privacy")
    browser.open("/privacy/access-log?outcome=success")
    assert "login.success" in browser.text()
    assert not browser.driver.find_elements(By.CLASS_NAME, "error-summary")
    browser.check("access-log")
    browser.open("/privacy/access-log?from=gisteren")
    assert "Vul een datum in, bijvoorbeeld 3-12-2026." in browser.text()
    # Focus starts at the list of problems.
    assert "error-summary" in (browser.driver.switch_to.active_element.get_attribute("class") or "")
    browser.check("access-log-bad-date")
    browser.open("/privacy/break-the-glass")
    browser.check("break-the-glass-review")


def test_wrong_code_and_english(browser):
    browser.open("/login?lang=en")
    assert "Sign in" in browser.text()
    browser.check("login-english")
    login = browser.server["logins"]["analist"]
    browser.fill(username="analist", password=login["password"])
    browser.submit()
    browser.fill(code="000000")
    browser.submit()
    assert "This code is wrong" in browser.text()
    browser.check("second-factor-wrong-code")
    browser.open("/does-not-exist")
    assert "This page does not exist." in browser.text()
    browser.check("not-found")


def test_account_page(browser):
    browser.sign_in("inwoner")
    browser.open("/account/password")
    browser.check("account")
    browser.fill(current_password="wrong password", password="een nieuwe lange zin", password_confirmation="een nieuwe lange zin")
    browser.submit()
    assert "Uw huidige wachtwoord klopt niet." in browser.text()
    browser.check("account-error")


def test_professional_registers_a_household_and_works_on_the_plan(browser):
    browser.sign_in("professional")
    browser.open("/households")
    browser.check("households-empty")
    browser.open("/households/new")
    browser.check("intake-form")
    browser.fill(given_name="Johan", family_name="de Boer", birth_date="1975-11-02", bsn="123456789",
                 street="Dorpsstraat 1", postcode="1234ab", city="Voorbeeld")
    browser.pick(By.ID, "domains-finances")
    browser.submit()
    assert "Dit is geen geldig BSN" in browser.text()
    browser.check("intake-errors")
    browser.fill(bsn="111222333", consent_purpose="Samen werken aan financiën")
    browser.pick(By.CSS_SELECTOR, "#consent_method option[value=signed_on_paper]")
    browser.submit()
    assert "Huishouden de Boer" in browser.text()
    assert "111222333" not in browser.text()
    browser.check("household")

    browser.click(By.LINK_TEXT, "Doel toevoegen")
    browser.check("goal-form")
    browser.pick(By.CSS_SELECTOR, "#goal_domain option[value=finances]")
    browser.fill(title="Ik wil mijn rekeningen op tijd betalen", target="Drie maanden geen achterstand")
    browser.click(By.XPATH, "//form[.//select[@id='goal_domain']]//button[@type='submit']")
    assert "Ik wil mijn rekeningen op tijd betalen" in browser.text()
    browser.click(By.LINK_TEXT, "Notitie toevoegen")
    browser.pick(By.CSS_SELECTOR, "#note_domain option[value=finances]")
    browser.fill(text="Eerste gesprek aan de keukentafel.")
    browser.click(By.XPATH, "//form[.//select[@id='note_domain']]//button[@type='submit']")
    assert "Eerste gesprek aan de keukentafel." in browser.text()
    browser.check("household-with-goal-and-note")

    browser.click(By.LINK_TEXT, "Ik wil mijn rekeningen op tijd betalen")
    browser.check("goal-edit")


def test_resident_signs_the_plan_and_withdraws_a_consent(browser):
    browser.sign_in("inwoner")
    assert "Ik wil mijn rekeningen op tijd betalen" in browser.text()
    browser.check("portal")
    browser.click(By.XPATH, "//form[@action='/portal/sign']//button")
    assert "Versie 1 getekend op" in browser.text()
    browser.click(By.XPATH, "//li[contains(., 'Schuldhulp Voorbeeld')]//form//button")
    assert "Ingetrokken" in browser.text()
    browser.check("portal-after-withdrawal")
    browser.open("/portal/who-looked")
    assert "U zelf" not in browser.text(), "the resident's own visits are left out"
    browser.check("who-looked")
    browser.open("/portal/my-data")
    browser.check("my-data")


def test_volunteer_and_coordinator_views(browser):
    browser.sign_in("vrijwilliger")
    browser.open("/my-actions")
    assert "Samen de post openen" in browser.text()
    assert "Budgetplan maken" not in browser.text()
    # Whom to ask is always there; the resident's own address only when shared with volunteers.
    assert "Vragen? Neem contact op met" in browser.text()
    browser.check("volunteer-actions")
    # Reporting back: an empty line is refused with the field named, a sentence reaches the team.
    browser.click(By.CSS_SELECTOR, "article.task form.form button[type=submit]")
    assert "Hoe ging het?: Vul dit veld in." in browser.text()
    browser.check("volunteer-report-refused")
    browser.driver.find_element(By.CSS_SELECTOR, "article.task textarea").send_keys("Samen de post gesorteerd, volgende week verder.")
    browser.click(By.CSS_SELECTOR, "article.task form.form button[type=submit]")
    assert "Uw bericht is naar het team gestuurd." in browser.text()
    browser.driver.delete_all_cookies()
    browser.sign_in("professional")
    browser.open("/worklist")
    browser.check("worklist")
    browser.open("/households?q=amrani")
    browser.click(By.LINK_TEXT, "Huishouden El Amrani")
    assert "Tijdlijn" in browser.text()
    browser.check("demo-household")
    browser.click(By.LINK_TEXT, "Versies vergelijken")
    browser.check("plan-versions")


def test_outcome_measurement(browser):
    browser.sign_in("professional")
    browser.open("/households?q=amrani")
    browser.click(By.LINK_TEXT, "Huishouden El Amrani")
    assert "Metingen en voortgang" in browser.text()
    assert "Op 2 onderdelen ziet de inwoner het anders dan de professional" in browser.text()
    browser.click(By.CSS_SELECTOR, "a[href*='instrument=self-sufficiency-matrix']")
    assert "Zelfredzaamheidsmatrix" in browser.text()
    browser.check("assessment-form")
    browser.pick(By.ID, "score-finances-4")
    browser.submit()
    assert "Vul dit veld in." in browser.text()
    assert browser.driver.find_element(By.ID, "score-finances-4").is_selected()
    browser.check("assessment-form-error")
    browser.fill(reason="Vervolgmeting: alleen de vraag over geld")
    browser.submit()
    assert "4 – Voldoende zelfredzaam" in browser.text()
    browser.check("household-progress")

    browser.driver.delete_all_cookies()
    browser.sign_in("inwoner")
    assert "Hoe gaat het met mij?" in browser.text()
    browser.click(By.CSS_SELECTOR, "a[href*='/portal/assessments/new?instrument=participation-ladder']")
    assert "Hoe doet u op dit moment mee?" in browser.text()
    browser.check("portal-assessment-form")
    browser.pick(By.ID, "score-participation-5")
    browser.submit()
    assert "Ik heb betaald werk, met hulp of begeleiding" in browser.text()
    browser.check("portal-progress")

    browser.driver.delete_all_cookies()
    browser.sign_in("beheerder")
    browser.open("/admin/settings")
    browser.check("tenant-settings")
    browser.fill(reassessment_months="40")
    browser.submit()
    assert "Vul een aantal maanden in van 1 tot en met 36." in browser.text()
    browser.check("tenant-settings-error")
    browser.fill(reassessment_months="4")
    browser.submit()
    assert "Instellingen opgeslagen." in browser.text()
