import Domain
import Fluent
import Vapor

/// The coordinator adds household members and registers representatives
/// (who get their own portal account through a one-time link).
struct MemberController {
    func register(_ routes: any RoutesBuilder) {
        routes.get(SiteRoute.memberNew, use: newMember)
        routes.post(SiteRoute.members, use: addMember)
        routes.get(SiteRoute.representativeNew, use: newRepresentative)
        routes.post(SiteRoute.representatives, use: addRepresentative)
    }

    func newMember(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "member.form")
        return try await req.formPage(MemberNewPages.member(opened, in: req.context()))
    }

    func newRepresentative(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "representative.form")
        return try await req.formPage(MemberNewPages.representative(opened, in: req.context()))
    }

    func addMember(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "member.add")
        let form = try req.content.decode(MemberForm.self)
        var validator = FormValidator()
        let given = validator.text("member_given_name", form.given_name, maxLength: 100)
        let family = validator.text("member_family_name", form.family_name, maxLength: 100)
        let birth = validator.day("member_birth_date", form.birth_date)?.iso
        if let birth, birth > Day.today() { validator.add("member_birth_date", "validation.birth_in_future") }
        let relation = form.relation.flatMap(HouseholdRelation.init(rawValue:))
        if relation == nil || relation == .head { validator.add("member_relation", "validation.choose_option") }
        guard validator.isValid, let given, let family, let birth, let relation else {
            return try await req.formPage(MemberNewPages.member(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context()))
        }
        let household = opened.household
        let resident = Resident(tenantID: household.tenantID, householdID: try household.requireID(), givenName: given, familyName: family, birthDate: birth, relation: relation)
        try await req.db.transaction { tx in
            try await resident.create(on: tx)
            try await req.context().auditChange("member.added", in: opened, objectType: "resident", objectID: resident.id?.uuidString, on: tx)
        }
        return req.redirect(to: SiteRoute.household.path(try household.requireID()), notice: .memberAdded)
    }

    func addRepresentative(req: Request) async throws -> Response {
        let opened = try await req.residentAccess().open(req.id(.householdID), .coordinate, event: "representative.add")
        let household = opened.household
        let householdID = try household.requireID()
        let form = try req.content.decode(RepresentativeForm.self)
        var validator = FormValidator()
        let resident = try await opened.member(form.resident_id, on: req.db)
        if resident == nil { validator.add("representative_resident", "validation.choose_option") }
        let kind = form.kind.flatMap(RepresentationKind.init(rawValue:))
        if kind == nil { validator.add("representative_kind", "validation.choose_option") }
        let name = validator.text("representative_name", form.display_name, maxLength: 120)
        var username: String?
        if let raw = validator.text("representative_username", form.username, maxLength: Username.maximumLength) {
            username = Username.normalized(raw)
            if username == nil { validator.add("representative_username", "validation.username_invalid") }
            else if let taken = username, try await User.query(on: req.db).filter(\.$username == taken).first() != nil {
                validator.add("representative_username", "validation.username_taken")
            }
        }
        guard validator.isValid, let resident, let kind, let name, let username else {
            return try await req.formPage(MemberNewPages.representative(opened, typed: form, errors: FormErrors(validator.issues, req: req), in: req.context()))
        }
        let user = User(tenantID: household.tenantID, organizationID: nil, username: username, displayName: name, role: .resident)
        let link = try await req.db.transaction { tx in
            try await user.create(on: tx)
            try await Representation(
                tenantID: household.tenantID, householdID: householdID, residentID: try resident.requireID(),
                userID: try user.requireID(), kind: kind, validFrom: Day.today()
            ).create(on: tx)
            try await req.context().auditChange("representative.added", in: opened, objectType: "representation", objectID: kind.rawValue, on: tx)
            return try await AccountLinks.issue(for: user, purpose: .invitation, req: req, on: tx)
        }
        let page = UserController.LinkPage(username: username, link: req.absoluteURL(link), isInvitation: true, backHref: SiteRoute.household.path(householdID))
        return try await req.page("admin/user-link", title: req.t("users.invited"), page)
    }
}
