import Domain
import Fluent
import Vapor

/// Changing how a resident is reached (by the coordinator), and how a
/// professional is reached at work (by themselves, under Account).
struct ContactController {
    struct ResidentContactForm: Content { var phone: String?; var email: String?; var contact_for_volunteers: String? }
    struct WorkContactForm: Content { var work_phone: String?; var work_email: String? }

    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.residentContact, use: residentForm)
        routes.post(SiteRoute.residentContact, use: saveResident)
        routes.get(SiteRoute.accountContact, use: workForm)
        routes.post(SiteRoute.accountContact, use: saveWork)
    }

    func residentForm(req: Request) async throws -> Response {
        let (opened, resident) = try await openResident(req, event: "resident.contact_form")
        let contact = resident.contact(cipher: FieldCipher(key: req.application.config.keys.field))
        let typed = ResidentContactForm(phone: contact.phone, email: contact.email, contact_for_volunteers: contact.forVolunteers ? "on" : nil)
        return try await req.formPage(residentPage(opened, resident, typed, errors: .none, req: req))
    }

    func saveResident(req: Request) async throws -> Response {
        let (opened, resident) = try await openResident(req, event: "resident.contact_saved")
        let form = try req.content.decode(ResidentContactForm.self)
        var validator = FormValidator()
        let contact = ResidentContact(phone: validator.phone("phone", form.phone), email: validator.email("email", form.email),
                                      forVolunteers: form.contact_for_volunteers == "on")
        guard validator.isValid else { return try await req.formPage(residentPage(opened, resident, form, errors: FormErrors(validator.issues, req: req), req: req)) }
        try await req.db.transaction { tx in
            try resident.setContact(contact, cipher: FieldCipher(key: req.application.config.keys.field))
            try await resident.save(on: tx)
            try await req.context().auditChange("resident.contact_saved", in: opened, objectType: "resident", objectID: resident.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(resident.householdID) + "#members-title", notice: .contactSaved)
    }

    func workForm(req: Request) async throws -> Response {
        let user = try await professional(req)
        return try await req.formPage(workPage(WorkContactForm(work_phone: user.workPhone, work_email: user.workEmail), errors: .none, req: req))
    }

    func saveWork(req: Request) async throws -> Response {
        let user = try await professional(req)
        let form = try req.content.decode(WorkContactForm.self)
        var validator = FormValidator()
        let phone = validator.phone("work_phone", form.work_phone), email = validator.email("work_email", form.work_email)
        guard validator.isValid else { return try await req.formPage(workPage(form, errors: FormErrors(validator.issues, req: req), req: req)) }
        user.workPhone = phone
        user.workEmail = email
        try await user.save(on: req.db)
        return req.redirect(to: SiteRoute.accountPassword.path(), notice: .contactSaved)
    }

    private func openResident(_ req: Request, event: String) async throws -> (ResidentAccess.Opened, Resident) {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: event)
        guard let resident = try await opened.member(req.id(.residentID)?.uuidString, on: req.db) else { throw AppError.notFound }
        return (opened, resident)
    }

    private func professional(_ req: Request) async throws -> User {
        let actor = try req.requireActor()
        guard actor.role == .professional else { throw AppError.notFound }
        return try await User.find(actor.userID, in: actor.tenantID, on: req.db)
    }

    private func residentPage(_ opened: ResidentAccess.Opened, _ resident: Resident, _ typed: ResidentContactForm, errors: FormErrors, req: Request) throws -> FormPage {
        var fields = FieldBuilder(req, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("phone", .tel, label: "contact.phone", hint: "contact.optional", value: typed.phone, maxLength: 30, autocomplete: "off")),
            .field(fields.field("email", .email, label: "contact.email", hint: "contact.optional", value: typed.email, maxLength: 200, autocomplete: "off")),
            .field(fields.field("contact_for_volunteers", .checkbox, label: "contact.for_volunteers", checked: typed.contact_for_volunteers == "on")),
        ]
        let householdID = try opened.household.requireID()
        return FormPage(
            title: req.t("contact.edit_title", resident.fullName), lead: req.t("household.form_lead", opened.household.name),
            form: .init(action: SiteRoute.residentContact.path(householdID, try resident.requireID()), parts: parts, submit: req.t("form.save"),
                        cancelHref: SiteRoute.household.path(householdID) + "#members-title"),
            errors: fields.namedErrors
        )
    }

    private func workPage(_ typed: WorkContactForm, errors: FormErrors, req: Request) -> FormPage {
        var fields = FieldBuilder(req, errors: errors)
        let parts: [FormPart] = [
            .field(fields.field("work_phone", .tel, label: "contact.phone", hint: "contact.optional", value: typed.work_phone, maxLength: 30, autocomplete: "tel")),
            .field(fields.field("work_email", .email, label: "contact.email", hint: "contact.optional", value: typed.work_email, maxLength: 200, autocomplete: "email")),
        ]
        return FormPage(
            title: req.t("account.contact_title"), lead: req.t("account.contact_intro"),
            form: .init(action: SiteRoute.accountContact.path(), parts: parts, submit: req.t("form.save"), cancelHref: SiteRoute.accountPassword.path()),
            errors: fields.namedErrors
        )
    }
}
