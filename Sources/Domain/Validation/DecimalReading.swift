import Foundation

extension FormValidator {
    /// A number as people type it: "90", "90,5" (Dutch), "90.5", "90 %".
    /// Refuses anything else, and numbers outside `range`, by name.
    public mutating func decimal(_ field: String, _ value: String?, in range: ClosedRange<Double>) -> Double? {
        var text = (value ?? "").trimmingCharacters(in: .whitespaces)
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        guard !text.isEmpty else { add(field, "validation.required"); return nil }
        let normal = text.replacingOccurrences(of: ",", with: ".")
        guard normal.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
              normal.filter({ $0 == "." }).count <= 1, let number = Double(normal), number.isFinite
        else { add(field, "validation.number_invalid"); return nil }
        guard range.contains(number) else { add(field, "validation.number_out_of_range"); return nil }
        return number
    }
}
