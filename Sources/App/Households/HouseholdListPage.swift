import Domain
import Fluent
import Vapor

struct HouseholdListPage: Encodable {
    struct Row: Encodable { let name: String; let address: String; let href: String }
    let rows: [Row]
    let newHref: String?
    /// The search box and the "only without a contact person" box, as filled in.
    let search: FormField
    let unassignedBox: FormField
    /// What was searched for, for the empty state's words.
    let query: String
    let unassigned: Bool
    /// Only households where no one of the organisation is the contact yet.
    /// A BSN search found someone in a household this organisation is not involved with.
    let knownElsewhere: Bool
    let pager: Pager
}

extension HouseholdListPage {
    static func searchField(_ query: String, in speaker: any Speaking) -> FormField {
        var fields = FieldBuilder(speaker)
        return fields.field("q", .search, label: "households.search", hint: "households.search_hint", value: query, maxLength: 100, autocomplete: "off")
    }

    static func unassignedField(_ checked: Bool, in speaker: any Speaking) -> FormField {
        var fields = FieldBuilder(speaker)
        return fields.field("unassigned", .checkbox, label: "households.unassigned_only", checked: checked)
    }
}
