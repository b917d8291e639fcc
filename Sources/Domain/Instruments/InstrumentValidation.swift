import Foundation

/// What is wrong with an instrument definition, in words an operator can
/// act on; start-up stops with the file's name and this text.
public struct InstrumentProblem: Error, Equatable, CustomStringConvertible, Sendable {
    public let file: String
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "Instrument definition \(file): \(problem)" }
}

extension Instrument {
    /// Every problem with this definition; empty when it can be used.
    public func problems() -> [String] {
        var problems: [String] = []
        if !Self.isValidID(id) { problems.append("id \"\(id)\" must be 2 to 60 lowercase letters, digits, hyphens or underscores") }
        if version < 1 { problems.append("version must be 1 or more") }
        for (field, text) in [("name", name), ("plainName", plainName), ("description", description), ("plainDescription", plainDescription)] where !text.isComplete {
            problems.append("\(field) needs a Dutch (nl) and an English (en) text")
        }
        problems += scaleProblems()
        if items.isEmpty { problems.append("items must list at least one item") }
        if chart == .radar, items.count < 3 { problems.append("a radar chart needs at least three items") }
        var seen: Set<String> = []
        for item in items {
            if !seen.insert(item.id).inserted { problems.append("item id \"\(item.id)\" is used twice") }
            problems += itemProblems(item)
        }
        return problems
    }

    private func scaleProblems() -> [String] {
        guard scale.count >= 2 else { return ["scale needs at least two levels"] }
        var problems: [String] = []
        for (index, level) in scale.enumerated() {
            if index > 0, level.value != scale[index - 1].value + 1 {
                problems.append("scale values must rise by one without gaps (\(scale[index - 1].value) is followed by \(level.value))")
            }
            if !level.label.isComplete || !level.plain.isComplete {
                problems.append("scale level \(level.value) needs a label and a plain text in nl and en")
            }
        }
        return problems
    }

    private func itemProblems(_ item: Item) -> [String] {
        var problems: [String] = []
        if !Self.isValidID(item.id) { problems.append("item id \"\(item.id)\" must be 2 to 60 lowercase letters, digits, hyphens or underscores") }
        if LifeDomain(rawValue: item.domain) == nil {
            problems.append("item \"\(item.id)\" names an unknown life domain \"\(item.domain)\" (one of: \(LifeDomain.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if !item.label.isComplete || !item.question.isComplete {
            problems.append("item \"\(item.id)\" needs a label and a question in nl and en")
        }
        if let levels = item.levels {
            if levels.map(\.value) != scale.map(\.value) {
                problems.append("item \"\(item.id)\" must describe exactly the scale's levels \(scale.map(\.value))")
            }
            for level in levels where !level.description.isComplete || !level.plain.isComplete {
                problems.append("item \"\(item.id)\" level \(level.value) needs a description and a plain text in nl and en")
            }
        }
        return problems
    }

    static func isValidID(_ id: String) -> Bool {
        (2...60).contains(id.count) && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

/// Every instrument of an installation, by id.
public struct InstrumentCatalog: Sendable {
    public let instruments: [Instrument]

    public init(_ instruments: [Instrument]) {
        self.instruments = instruments.sorted { $0.id < $1.id }
    }

    public func instrument(_ id: String?) -> Instrument? { instruments.first { $0.id == id } }

    /// Decodes and checks each file; the first bad one is reported by name.
    /// `files` are (file name, contents).
    public static func load(_ files: [(name: String, data: Data)]) throws -> InstrumentCatalog {
        var instruments: [Instrument] = []
        var files = files
        files.sort { $0.name < $1.name }
        for file in files {
            let instrument: Instrument
            do {
                instrument = try JSONDecoder().decode(Instrument.self, from: file.data)
            } catch {
                throw InstrumentProblem(file: file.name, problem: describe(error))
            }
            if let problem = instrument.problems().first { throw InstrumentProblem(file: file.name, problem: problem) }
            if instruments.contains(where: { $0.id == instrument.id }) {
                throw InstrumentProblem(file: file.name, problem: "another file already defines the instrument \"\(instrument.id)\"")
            }
            instruments.append(instrument)
        }
        return InstrumentCatalog(instruments)
    }

    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not valid JSON" }
        let path = { (context: DecodingError.Context) in
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "missing field \"\(key.stringValue)\"" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context).isEmpty ? "top level" : path(context))"
        case .dataCorrupted(let context):
            return path(context).isEmpty ? "not valid JSON" : "invalid value at \(path(context))"
        @unknown default:
            return "not valid JSON"
        }
    }
}
