import Domain
import Foundation

/// A referral as an HL7 FHIR R4 Bundle (ServiceRequest, Task, Consent, Goal
/// and a minimal Patient), for systems that speak FHIR. Built from what the
/// viewer may see: the caller leaves out what the access rule withholds.
enum ReferralBundle {
    struct Input {
        struct Person { let id: UUID; let givenName: String?; let familyName: String?; let birthDate: String? }
        struct GoalFacts { let id: UUID; let title: String; let status: String; let domain: LifeDomain }
        struct ConsentFacts {
            let id: UUID; let state: EffectiveConsent; let validFrom: String; let validTo: String?
            let domains: Set<LifeDomain>; let purpose: String; let recipient: String; let recordedAt: Date?
        }

        let referralID: UUID
        let status: ReferralStatus
        let outcome: ReferralOutcome?
        let domains: [LifeDomain]
        let message: String?
        let createdAt: Date?
        let updatedAt: Date?
        let dueOn: String?
        let requester: String
        let receiver: String
        let serviceName: String?
        let patient: Person
        let goal: GoalFacts
        let consents: [ConsentFacts]
    }

    static let domainSystem = "https://samenspel.nl/fhir/CodeSystem/leefgebied"
    static let outcomeSystem = "https://samenspel.nl/fhir/CodeSystem/verwijzing-uitkomst"

    static func make(_ input: Input, now: Date = Date()) -> FHIR.Bundle {
        let patientRef = FHIR.Reference(reference: urn(input.patient.id))
        let requestID = StableID.make("service-request", input.referralID.uuidString)
        let consentRefs = input.consents.map { FHIR.Reference(reference: urn($0.id)) }
        let request = FHIR.ServiceRequest(
            id: requestID.uuidString.lowercased(), status: serviceRequestStatus(input.status), intent: "order",
            category: input.domains.map(concept), code: input.serviceName.map { FHIR.CodeableConcept(text: $0) },
            subject: patientRef, authoredOn: input.createdAt.map(dateTime), requester: FHIR.Reference(display: input.requester),
            performer: [FHIR.Reference(display: input.receiver)], reasonReference: [FHIR.Reference(reference: urn(input.goal.id))],
            supportingInfo: consentRefs.isEmpty ? nil : consentRefs, note: input.message.map { [FHIR.Annotation(text: $0)] }
        )
        let task = FHIR.Task(
            id: input.referralID.uuidString.lowercased(), basedOn: [FHIR.Reference(reference: urn(requestID))], status: input.status.rawValue,
            statusReason: input.outcome.map { FHIR.CodeableConcept(coding: [FHIR.Coding(system: outcomeSystem, code: $0.rawValue)]) },
            intent: "order", focus: FHIR.Reference(reference: urn(requestID)), for: patientRef,
            authoredOn: input.createdAt.map(dateTime), lastModified: input.updatedAt.map(dateTime),
            requester: FHIR.Reference(display: input.requester), owner: FHIR.Reference(display: input.receiver),
            restriction: input.dueOn.map { FHIR.Task.Restriction(period: FHIR.Period(end: $0)) }
        )
        var resources: [FHIR.Resource] = [.serviceRequest(request), .task(task), .patient(patient(input.patient)), .goal(goal(input.goal, patientRef))]
        resources += input.consents.map { .consent(consent($0, patientRef)) }
        return FHIR.Bundle(
            id: UUID().uuidString.lowercased(), type: "collection", timestamp: dateTime(now),
            entry: resources.map { FHIR.Bundle.Entry(fullUrl: "urn:uuid:\($0.id)", resource: $0) }
        )
    }

    static func serviceRequestStatus(_ status: ReferralStatus) -> String {
        switch status {
        case .draft: "draft"
        case .requested, .accepted, .inProgress: "active"
        case .onHold: "on-hold"
        case .completed: "completed"
        case .rejected, .cancelled, .failed: "revoked"
        case .enteredInError: "entered-in-error"
        }
    }

    static func goalStatus(_ status: String) -> (lifecycle: String, achievement: String) {
        switch GoalStatus(rawValue: status) {
        case .achieved: ("completed", "achieved")
        case .partlyAchieved: ("completed", "improving")
        case .notAchieved: ("completed", "not-achieved")
        case .dropped: ("cancelled", "not-attainable")
        case .open, nil: ("active", "in-progress")
        }
    }

    static func consentStatus(_ state: EffectiveConsent) -> String {
        switch state {
        case .active: "active"
        case .notYetValid: "proposed"
        case .expired, .withdrawn: "inactive"
        case .refused: "rejected"
        }
    }

    private static func patient(_ person: Input.Person) -> FHIR.Patient {
        let name = person.familyName.map { [FHIR.HumanName(family: $0, given: person.givenName.map { [$0] } ?? [])] }
        return FHIR.Patient(id: person.id.uuidString.lowercased(), name: name, birthDate: person.birthDate)
    }

    private static func goal(_ facts: Input.GoalFacts, _ subject: FHIR.Reference) -> FHIR.Goal {
        let status = goalStatus(facts.status)
        return FHIR.Goal(
            id: facts.id.uuidString.lowercased(), lifecycleStatus: status.lifecycle,
            achievementStatus: FHIR.CodeableConcept(coding: [FHIR.Coding(system: "http://terminology.hl7.org/CodeSystem/goal-achievement", code: status.achievement)]),
            category: [concept(facts.domain)], description: FHIR.CodeableConcept(text: facts.title), subject: subject
        )
    }

    private static func consent(_ facts: Input.ConsentFacts, _ patient: FHIR.Reference) -> FHIR.Consent {
        FHIR.Consent(
            id: facts.id.uuidString.lowercased(), status: consentStatus(facts.state),
            scope: FHIR.CodeableConcept(coding: [FHIR.Coding(system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy")]),
            category: [FHIR.CodeableConcept(coding: [FHIR.Coding(system: "http://loinc.org", code: "59284-0")])],
            patient: patient, dateTime: facts.recordedAt.map(dateTime), organization: [FHIR.Reference(display: facts.recipient)],
            policyRule: FHIR.CodeableConcept(coding: [FHIR.Coding(system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "OPTIN")]),
            provision: FHIR.Consent.Provision(
                type: "permit", period: FHIR.Period(start: facts.validFrom, end: facts.validTo),
                actor: [FHIR.Consent.Actor(
                    role: FHIR.CodeableConcept(coding: [FHIR.Coding(system: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code: "IRCP")]),
                    reference: FHIR.Reference(display: facts.recipient))],
                purpose: nil, code: LifeDomain.allCases.filter(facts.domains.contains).map(concept)
            )
        )
    }

    private static func concept(_ domain: LifeDomain) -> FHIR.CodeableConcept {
        FHIR.CodeableConcept(coding: [FHIR.Coding(system: domainSystem, code: domain.rawValue)])
    }

    private static func urn(_ id: UUID) -> String { "urn:uuid:\(id.uuidString.lowercased())" }

    static func dateTime(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}
