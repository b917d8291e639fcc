import Foundation

/// A definition file that breaks the rules: start-up stops with its name and the problem.
public struct IndicatorProblem: Error, Equatable, CustomStringConvertible {
    public let file: String
    public let problem: String
    public init(file: String, problem: String) { (self.file, self.problem) = (file, problem) }
    public var description: String { "indicator \(file): \(problem)" }
}

/// The indicators a tenant's monitor shows, in a stable order: by RBA
/// question, then by file name.
public struct IndicatorCatalog: Sendable {
    public let all: [IndicatorDefinition]
    private let byID: [String: IndicatorDefinition]

    public init(_ definitions: [IndicatorDefinition]) {
        let questions = IndicatorDefinition.Question.allCases
        all = definitions.enumerated().sorted {
            (questions.firstIndex(of: $0.element.question)!, $0.offset) < (questions.firstIndex(of: $1.element.question)!, $1.offset)
        }.map(\.element)
        byID = Dictionary(definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> IndicatorDefinition? { byID[id] }

    public func answering(_ question: IndicatorDefinition.Question) -> [IndicatorDefinition] {
        all.filter { $0.question == question }
    }

    /// Reads and checks definition files (name, contents), sorted by name.
    public static func load(_ files: [(name: String, data: Data)]) throws -> IndicatorCatalog {
        var definitions: [IndicatorDefinition] = []
        var seen: [String: String] = [:]
        for file in files.sorted(by: { $0.name < $1.name }) {
            let definition: IndicatorDefinition
            do {
                definition = try JSONDecoder().decode(IndicatorDefinition.self, from: file.data)
            } catch {
                throw IndicatorProblem(file: file.name, problem: InstrumentCatalog.describe(error))
            }
            if let problem = definition.problem { throw IndicatorProblem(file: file.name, problem: problem) }
            if let other = seen[definition.id] {
                throw IndicatorProblem(file: file.name, problem: "id \(definition.id) is already used by \(other)")
            }
            seen[definition.id] = file.name
            definitions.append(definition)
        }
        return IndicatorCatalog(definitions)
    }
}

extension IndicatorDefinition {
    /// What is wrong with this definition, or nil when it may be used.
    public var problem: String? {
        let kebab = id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" } && !id.isEmpty && id.count <= 60
        if !kebab { return "id must be lower-case kebab-case (a-z, 0-9, -), at most 60 characters" }
        if version < 1 { return "version must be 1 or more" }
        for (field, text) in [("name", name), ("description", description)] where !text.isComplete {
            return "\(field) needs a Dutch (nl) and an English (en) text"
        }
        for condition in filters + [hit].compactMap({ $0 }) where !fact.tags.contains(condition.tag) {
            return "fact \(fact.rawValue) has no tag \(condition.tag) (it has: \(fact.tags.sorted().joined(separator: ", ")))"
        }
        if measure == .share, hit == nil { return "a share needs a hit condition" }
        if measure != .share, hit != nil { return "only a share has a hit condition" }
        if measure.needsValue, !fact.hasValue { return "fact \(fact.rawValue) has no value to take a \(measure.rawValue) of" }
        if measure.needsPer, per == nil { return "\(measure.rawValue) needs per: the dimension to count per value of" }
        if !measure.needsPer, per != nil { return "only median-per and p90-per count per a dimension" }
        let unknown = Set(dimensions + [per].compactMap { $0 }).subtracting(fact.dimensions)
        if let dimension = unknown.sorted().first {
            return "fact \(fact.rawValue) cannot be broken down by \(dimension.rawValue)"
        }
        if dimensions.contains(.professional), per != .professional {
            return "professional is only counted per, never shown as a breakdown"
        }
        if Set(dimensions).count != dimensions.count { return "a dimension is listed twice" }
        return unitProblem
    }

    private var unitProblem: String? {
        let fits: [Unit] = switch measure {
        case .count: [.count, .households, .organizations]
        case .share: [.percentage]
        case .median, .p90, .mean: [.days, .workingDays, .points, .count]
        case .medianPer, .p90Per: [.count, .households]
        }
        return fits.contains(unit) ? nil : "unit \(unit.rawValue) does not fit measure \(measure.rawValue)"
    }
}
