import Domain
import Foundation
import Vapor

/// Loads every `Resources/Instruments/*.json` at start-up: adding an
/// instrument is adding a file. A malformed definition stops start-up with
/// an error naming the file and the problem.
enum InstrumentLibrary {
    static func load(from directory: String) throws -> InstrumentCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }
        } catch {
            throw InstrumentProblem(file: directory, problem: "the instruments directory cannot be read")
        }
        let files = try names.map { name -> (name: String, data: Data) in
            guard let data = FileManager.default.contents(atPath: "\(directory)/\(name)") else {
                throw InstrumentProblem(file: name, problem: "cannot be read")
            }
            return (name, data)
        }
        return try InstrumentCatalog.load(files)
    }
}

extension Application {
    private struct InstrumentsKey: StorageKey { typealias Value = InstrumentCatalog }

    var instruments: InstrumentCatalog {
        get { storage[InstrumentsKey.self] ?? InstrumentCatalog([]) }
        set { storage[InstrumentsKey.self] = newValue }
    }
}

extension Request {
    var instruments: InstrumentCatalog { application.instruments }
}
