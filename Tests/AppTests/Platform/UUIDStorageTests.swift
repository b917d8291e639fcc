import Foundation
import SQLKit
import Testing
@testable import App

@Suite("Ids in the embedded database")
struct UUIDStorageTests {
    /// The direct conversion (`UUID+SQLite.swift`) keeps the text that
    /// Codable wrote before, so existing databases read as they did.
    @Test func idsAreUpperCaseTextAndReadInEitherCase() async throws {
        guard TestDatabase.postgresURL == nil else { return }  // PostgreSQL stores its own uuid type
        try await withApp { app in
            let sql = app.db as! any SQLDatabase
            let id = UUID()
            let row = try await sql.raw("SELECT \(bind: id) AS id, \(unsafeRaw: "'\(id.uuidString.lowercased())'") AS lower, 'nonsense' AS bad").first()
            #expect(try row?.decode(column: "id", as: String.self) == id.uuidString)
            #expect(try row?.decode(column: "id", as: UUID.self) == id)
            #expect(try row?.decode(column: "lower", as: UUID.self) == id)
            #expect(throws: (any Error).self) { try row?.decode(column: "bad", as: UUID.self) }
        }
    }
}
