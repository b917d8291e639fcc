/// The few HL7 FHIR R4 data types the referral exchange view needs. Absent
/// optionals are left out of the JSON, as FHIR requires (no nulls).
enum FHIR {
    struct Coding: Encodable, Equatable { var system: String; var code: String; var display: String? = nil }
    struct CodeableConcept: Encodable, Equatable { var coding: [Coding]? = nil; var text: String? = nil }
    struct Reference: Encodable, Equatable { var reference: String? = nil; var display: String? = nil }
    struct Period: Encodable, Equatable { var start: String? = nil; var end: String? = nil }
    struct Annotation: Encodable, Equatable { var text: String }
    struct HumanName: Encodable, Equatable { var family: String; var given: [String] }
    struct Identifier: Encodable, Equatable { var system: String; var value: String }

    struct Patient: Encodable {
        let resourceType = "Patient"
        var id: String
        var name: [HumanName]?
        var birthDate: String?
    }

    struct Goal: Encodable {
        let resourceType = "Goal"
        var id: String
        var lifecycleStatus: String
        var achievementStatus: CodeableConcept?
        var category: [CodeableConcept]
        var description: CodeableConcept
        var subject: Reference
    }

    struct Consent: Encodable {
        let resourceType = "Consent"
        var id: String
        var status: String
        var scope: CodeableConcept
        var category: [CodeableConcept]
        var patient: Reference
        var dateTime: String?
        var organization: [Reference]
        var policyRule: CodeableConcept
        var provision: Provision

        struct Provision: Encodable {
            var type: String
            var period: Period
            var actor: [Actor]
            var purpose: [Coding]?
            var code: [CodeableConcept]
        }

        struct Actor: Encodable { var role: CodeableConcept; var reference: Reference }
    }

    struct ServiceRequest: Encodable {
        let resourceType = "ServiceRequest"
        var id: String
        var status: String
        var intent: String
        var category: [CodeableConcept]
        var code: CodeableConcept?
        var subject: Reference
        var authoredOn: String?
        var requester: Reference
        var performer: [Reference]
        var reasonReference: [Reference]
        var supportingInfo: [Reference]?
        var note: [Annotation]?
    }

    struct Task: Encodable {
        let resourceType = "Task"
        var id: String
        var basedOn: [Reference]
        var status: String
        var statusReason: CodeableConcept?
        var intent: String
        var focus: Reference
        var `for`: Reference
        var authoredOn: String?
        var lastModified: String?
        var requester: Reference
        var owner: Reference
        var restriction: Restriction?

        struct Restriction: Encodable { var period: Period }
    }

    /// A resource of any of the kinds above, encoded as itself.
    enum Resource: Encodable {
        case patient(Patient), goal(Goal), consent(Consent), serviceRequest(ServiceRequest), task(Task)

        var id: String {
            switch self {
            case .patient(let r): r.id
            case .goal(let r): r.id
            case .consent(let r): r.id
            case .serviceRequest(let r): r.id
            case .task(let r): r.id
            }
        }

        func encode(to encoder: any Encoder) throws {
            switch self {
            case .patient(let r): try r.encode(to: encoder)
            case .goal(let r): try r.encode(to: encoder)
            case .consent(let r): try r.encode(to: encoder)
            case .serviceRequest(let r): try r.encode(to: encoder)
            case .task(let r): try r.encode(to: encoder)
            }
        }
    }

    struct Bundle: Encodable {
        let resourceType = "Bundle"
        var id: String
        var type: String
        var timestamp: String
        var entry: [Entry]

        struct Entry: Encodable { var fullUrl: String; var resource: Resource }
    }
}
