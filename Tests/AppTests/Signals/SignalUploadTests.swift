import Domain
import Fluent
import Foundation
import SQLKit
import Testing
import VaporTesting
@testable import App

/// Issue 23, signals by file: a partner's CSV is checked row by row before
/// anything is written; refused rows are reported by row and column (never
/// with their values); everything goes in only when nothing was refused, or
/// only the valid rows on request; the import runs in the background and
/// takes up where a stopped server left it, never storing a signal twice.
@Suite("Early signals: files from partners")
struct SignalUploadTests {
    /// Semicolons and Dutch headers, as a spreadsheet saves it; rows 3–7 are each wrong in one way.
    static let file = """
        Kenmerk;Voornaam;Achternaam;Geboortedatum;Straat;Huisnummer;Postcode;Woonplaats;Bedrag;Maanden;Datum;BSN
        H-1;Karin;Jansen;12-03-1980;Lindelaan;4;1234 AB;Voorbeeld;"1.250,00";3;\(Day.today());111222333
        H-2;Piet;Smit;1975-06-01;Eikenstraat;8;1234 AC;Voorbeeld;400;2;\(Day.today());
        H-3;Joke;Bos;1990-01-01;Dorpsstraat;1;1234 AD;Voorbeeld;300;2;\(Day.today());123456789
        H-4;Ali;Demir;1985-05-05;Kerkweg;2;1234 AE;Voorbeeld;-20;2;\(Day.today());111222333
        H-5;Els;Kok;1970-07-07;Molenweg;3;1234 AF;Voorbeeld;100;2;31/12/2026x;111222333
        H-1;Karin;Jansen;12-03-1980;Lindelaan;4;1234 AB;Voorbeeld;90;1;\(Day.today());111222333
        H-6;Bram;Vos;1966-06-06;Schoolstraat;9;1234 AG;Voorbeeld;"75,50";1;\(Day.today());111222333

        """

    struct Setup {
        let scenario: HouseholdScenario
        let housing: Organization
        let partner: TestClient
    }

    static func setUp(_ app: Application) async throws -> Setup {
        let scenario = try await HouseholdScenario.make(app)
        let tenantID = try scenario.tenant.requireID()
        let housing = try await scenario.fixtures.organization(in: scenario.tenant, name: "Woonstichting", kind: .housing)
        try await SignalPartner(tenantID: tenantID, organizationID: try housing.requireID(), allowed: [.rent: .defaults], at: Date()).create(on: app.db)
        scenario.partner.handlesSignals = true
        try await scenario.partner.save(on: app.db)
        return Setup(scenario: scenario, housing: housing, partner: try await scenario.professional("woon", of: housing))
    }

    /// Sends `text` and returns the upload's page path.
    static func send(_ text: String, as client: TestClient, name: String = "achterstanden.csv") async throws -> String {
        let sent = try await client.upload(SiteRoute.signalUploads.path(), [:], file: (name, Array(text.utf8)))
        #expect(sent.status == .seeOther, "\(sent.body.string)")
        return try #require(sent.headers.first(name: .location))
    }

    static func upload(_ app: Application, _ path: String) async throws -> SignalUpload {
        let id = try #require(UUID(uuidString: String(path.split(separator: "/").last ?? "")))
        return try #require(try await SignalUpload.query(on: app.db).filter(\.$id == id).first())
    }

    /// The mapping guessed from the headers, with the kind said for the whole file and the reminder for every row.
    static let mapping: [String: String] = [
        "column_reference": "Kenmerk", "column_given_name": "Voornaam", "column_family_name": "Achternaam", "column_birth_date": "Geboortedatum",
        "column_street": "Straat", "column_house_number": "Huisnummer", "column_postcode": "Postcode", "column_city": "Woonplaats",
        "column_amount": "Bedrag", "column_months": "Maanden", "column_signalled_on": "Datum", "column_bsn": "BSN",
        "kind_for_all": "rent", "reminder_for_all": "on",
    ]

    /// Waits for the background import (started by the go-ahead) to finish.
    static func imported(_ app: Application, _ path: String) async throws -> SignalUpload {
        for _ in 0..<300 {
            let upload = try await upload(app, path)
            if upload.uploadStatus == .imported { return upload }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("the import did not finish")
        return try await upload(app, path)
    }

    @Test func everyRefusedRowIsNamedAndNothingGoesInUntilThePartnerChooses() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = try await Self.send(Self.file, as: setup.partner)
            let page = try await setup.partner.get(path)
            // The columns are guessed from the Dutch headers.
            #expect(page.status == .ok)
            #expect(page.body.string.contains(#"<option value="Kenmerk" selected>"#) && page.body.string.contains(#"<option value="Huisnummer" selected>"#), "\(page.body.string)")

            // The kind must be said, in a column or for the whole file.
            var withoutKind = Self.mapping
            withoutKind["kind_for_all"] = ""
            let refused = try await setup.partner.post(path + "/mapping", withoutKind)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("Kies de kolom voor dit veld"))

            #expect(try await setup.partner.post(path + "/mapping", Self.mapping).status == .seeOther)
            let checked = try await Self.upload(app, path)
            #expect(checked.uploadStatus == .checked && checked.rowsTotal == 7 && checked.rowsValid == 2 && checked.rowsRefused == 5)
            let problems = checked.fileProblems.map { "\($0.row) \($0.column ?? "") \($0.problem.rawValue)" }
            #expect(problems.contains("3 BSN missing_bsn"))
            #expect(problems.contains("4 BSN invalid_bsn"))
            #expect(problems.contains("5 Bedrag invalid_amount"))
            #expect(problems.contains("6 Datum invalid_date"))
            #expect(problems.contains("7 Kenmerk repeats_row"))
            #expect(checked.fileProblems.first { $0.problem == .repeatsRow }?.otherRow == 2)

            // Everything cannot go in while rows are refused: nothing is written.
            let all = try await setup.partner.post(path + "/import", ["version": String(checked.version), "mode": "all"])
            #expect(all.status == .unprocessableEntity)
            #expect(try await Signal.query(on: app.db).count() == 0)

            // The report names row, column and problem, and nothing of the people.
            let report = try await setup.partner.get(path + "/problems.csv")
            #expect(report.status == .ok && report.body.string.contains("7,Kenmerk,Deze rij heeft hetzelfde kenmerk als rij 2."))
            for value in ["Jansen", "Bos", "123456789", "Demir"] { #expect(!report.body.string.contains(value), "\(value)") }

            // A stale go-ahead is refused; the current one imports only the valid rows.
            #expect(try await setup.partner.post(path + "/import", ["version": "0", "mode": "valid_only"]).status == .conflict)
            #expect(try await setup.partner.post(path + "/import", ["version": String(checked.version), "mode": "valid_only"]).status == .seeOther)
            let done = try await Self.imported(app, path)
            #expect(done.signalsNew == 2 && done.rowsDone == 7)
            let references = try await Signal.query(on: app.db).all().map(\.reference).sorted()
            #expect(references == ["H-1", "H-6"])
            let h1 = try #require(try await Signal.query(on: app.db).filter(\.$reference == "H-1").first())
            #expect(h1.amountCents == 125_000 && h1.bsnLookup != nil)
            // The file is gone once imported; the access log holds that it was.
            #expect(!FileManager.default.fileExists(atPath: app.config.dataDirectory + "/signal-uploads/\(done.tenantID.uuidString.lowercased())/\(try done.requireID().uuidString.lowercased()).sealed"))
            #expect(try await AccessLogEntry.query(on: app.db).filter(\.$event == "signal_upload.imported").count() == 1)
            let finished = try await setup.partner.get(path)
            #expect(finished.body.string.contains("2 nieuwe signalen ingelezen uit 7 rijen"))
        }
    }

    @Test func theFileIsSealedAndTheNextFileOfThePartnerIsReadTheSameWay() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = try await Self.send(Self.file, as: setup.partner)
            let upload = try await Self.upload(app, path)
            let sealed = try #require(FileManager.default.contents(atPath: app.config.dataDirectory
                + "/signal-uploads/\(upload.tenantID.uuidString.lowercased())/\(try upload.requireID().uuidString.lowercased()).sealed"))
            #expect(!String(decoding: sealed, as: UTF8.self).contains("Jansen"))
            // Other headers the guess cannot place: the partner's own names, chosen once.
            let custom = "Ref,Naam,Voor,Adres,PC,Plaats,Euro,Mnd,Dag,Soort\nA-1,Jansen,Karin,Lindelaan 4,1234AB,Voorbeeld,10,1,\(Day.today()),huur\n"
            let customPath = try await Self.send(custom, as: setup.partner, name: "eigen.csv")
            let chosen: [String: String] = [
                "column_reference": "Ref", "column_family_name": "Naam", "column_given_name": "Voor", "column_street": "Adres", "column_postcode": "PC",
                "column_city": "Plaats", "column_amount": "Euro", "column_months": "Mnd", "column_signalled_on": "Dag", "column_kind": "Soort", "reminder_for_all": "on",
            ]
            #expect(try await setup.partner.post(customPath + "/mapping", chosen).status == .seeOther)
            let checked = try await Self.upload(app, customPath)
            #expect(checked.rowsValid == 1 && checked.rowsRefused == 0, "\(checked.fileProblems)")
            let next = try await Self.send(custom.replacingOccurrences(of: "A-1", with: "A-2"), as: setup.partner, name: "volgende.csv")
            let page = try await setup.partner.get(next)
            #expect(page.body.string.contains(#"<option value="Naam" selected>"#) && page.body.string.contains(#"<option value="Mnd" selected>"#))

            // A real export is megabytes: the form's token is read within the upload's own limit, not a form's 1 MB.
            let big = "Kenmerk;Achternaam;Voornaam;Straat;Postcode;Woonplaats;Bedrag;Maanden;Datum\n"
                + (1...30_000).map { "B-\($0);Naam\($0);Test;Straat \($0);1234 AB;Voorbeeld;100;1;\(Day.today())" }.joined(separator: "\n")
            #expect(big.utf8.count > 1 << 20)
            _ = try await Self.send(big, as: setup.partner, name: "groot.csv")

            // Unreadable or empty files are refused with a message, and nothing is kept.
            let before = try await SignalUpload.query(on: app.db).count()
            let empty = try await setup.partner.upload(SiteRoute.signalUploads.path(), [:], file: ("leeg.csv", []))
            #expect(empty.status == .unprocessableEntity && empty.body.string.contains("Kies een bestand"))
            let binary = try await setup.partner.upload(SiteRoute.signalUploads.path(), [:], file: ("foto.csv", [0xFF, 0xD8, 0xFF, 0x00, 0x81]))
            #expect(binary.status == .unprocessableEntity)
            #expect(try await SignalUpload.query(on: app.db).count() == before)
        }
    }

    @Test func onlyThePartnerAndTheHandlingTeamFindAFile() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let path = try await Self.send(Self.file, as: setup.partner)
            // The team handling signals may read in a file for any partner.
            let triage = try await setup.scenario.professional("schuldhulp", of: setup.scenario.partner)
            #expect(try await triage.get(path).status == .ok)
            // Another partner, or someone of neither, finds nothing.
            let energy = try await setup.scenario.fixtures.organization(in: setup.scenario.tenant, name: "Energie", kind: .welfare)
            try await SignalPartner(tenantID: try setup.scenario.tenant.requireID(), organizationID: try energy.requireID(), allowed: [.gas: .defaults], at: Date()).create(on: app.db)
            let other = try await setup.scenario.professional("energie", of: energy)
            #expect(try await other.get(path).status == .notFound)
            #expect(try await other.get(path + "/progress").status == .notFound)
            #expect(try await other.get(SiteRoute.signalUploads.path()).status == .ok)
            #expect(try await setup.scenario.coordinator.get(SiteRoute.signalUploads.path()).status == .notFound)
            #expect(try await setup.scenario.coordinator.get(path).status == .notFound)
        }
    }

    @Test func anImportAServerLeftHalfwayIsFinishedByAnotherWithoutDoubles() async throws {
        try await withApp { app in
            let setup = try await Self.setUp(app)
            let rows = (1...1_200).map { "R-\($0);Naam\($0);Test;Straat \($0);1234 AB;Voorbeeld;100;1;\(Day.today())" }
            let text = "Kenmerk;Achternaam;Voornaam;Straat;Postcode;Woonplaats;Bedrag;Maanden;Datum\n" + rows.joined(separator: "\n")
            let path = try await Self.send(text, as: setup.partner)
            var mapping = Self.mapping
            (mapping["column_birth_date"], mapping["column_house_number"], mapping["column_bsn"]) = (nil, nil, nil)
            #expect(try await setup.partner.post(path + "/mapping", mapping).status == .seeOther)
            let upload = try await Self.upload(app, path)
            #expect(upload.rowsValid == 1_200)
            // As if a server took the go-ahead, imported the first 500 rows and stopped.
            let tenantID = upload.tenantID, id = try upload.requireID()
            let reader = try SignalFileReader(Data(text.utf8))
            var check = SignalFileCheck(header: reader.header, mapping: try #require(upload.columnMapping), allowed: [.rent: .defaults], today: CivilDay.today())
            let intake = SignalIntake(db: app.db, keys: app.config.keys)
            for row in 2...501 {
                let values = try #require(reader.next())
                let checked = check.check(values, row: row)
                let facts = try #require(checked)
                _ = try await intake.receive(facts, from: try setup.housing.requireID(), tenantID: tenantID)
            }
            try await app.db.sql.update(SignalUpload.schema).set("status", to: "importing").set("mode", to: "all").set("rows_done", to: 500)
                .set("claimed_until", to: Date().addingTimeInterval(60)).where("id", .equal, id).run()
            // While its claim holds, no other server touches it.
            let importer = SignalImport(app)
            #expect(try await importer.run(id, tenantID: tenantID) == false)
            // Once it ran out, another takes it up where it stopped.
            try await app.db.sql.update(SignalUpload.schema).set("claimed_until", to: Date().addingTimeInterval(-1)).where("id", .equal, id).run()
            try await importer.runWaiting(tenantID: tenantID)
            let done = try await Self.upload(app, path)
            #expect(done.uploadStatus == .imported && done.rowsDone == 1_200 && done.signalsNew == 700)
            #expect(try await Signal.query(on: app.db).count() == 1_200)
        }
    }
}
