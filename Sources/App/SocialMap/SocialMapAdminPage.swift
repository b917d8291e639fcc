import Domain
import Fluent
import Vapor

struct SocialMapAdminPage: Encodable {
    struct Issue: Encodable { let row: String; let id: String; let problem: String }
    let isPublic: Bool
    let publicHref: String
    let hsdsHref: String
    let publishAction: String
    let importAction: String
    let exportHref: String
    let exportCSVHref: String
    let tables: [String]
    let providers: Int
    let services: Int
    let imported: String?
    let failure: String?
    let issues: [Issue]
    /// The publish box, and the import form's file fields.
    let publish: FormField
    let importFiles: [FormField]

    static func fields(isPublic: Bool, in speaker: any Speaking) -> (publish: FormField, importFiles: [FormField]) {
        var fields = FieldBuilder(speaker)
        return (
            fields.field("public", .checkbox, label: "socialmap.publish_label", checked: isPublic),
            [
                fields.field("package", .file, label: "import.json_file", accept: ".json,application/json"),
                fields.field("tables", name: "tables[]", .file, label: "import.csv_files", hint: "import.csv_hint", accept: ".csv,text/csv", multiple: true),
            ]
        )
    }
}
