import Domain
import Vapor

/// The words the social map's pages use for its values, in the reader's language.
extension Speaking {
    func capacityText(_ capacity: ServiceCapacity, wait: Int?) -> String {
        switch capacity {
        case .available: t("socialmap.capacity.available")
        case .noCapacity: t("socialmap.capacity.no_capacity")
        case .waitingList:
            wait.map { t($0 == 1 ? "socialmap.capacity.waiting_list_week" : "socialmap.capacity.waiting_list_weeks", String($0)) }
                ?? t("socialmap.capacity.waiting_list")
        }
    }

    func termName(_ term: MapTerm) -> String { t(term.nameKey) }
    func domainName(_ domain: LifeDomain) -> String { t("domain.\(domain.rawValue)") }
    func groupName(_ group: TargetGroup) -> String { t("taxonomy.\(group.rawValue)") }
    func weekdayName(_ day: Weekday) -> String { t("weekday.\(day.rawValue)") }

    /// "Nederlands, Engels" for "nl,en"; unknown codes stay as typed.
    func languageNames(_ codes: [String]) -> String {
        codes.map { code in localizer.has("language.\(code)") ? t("language.\(code)") : code }.joined(separator: ", ")
    }
}

/// Options for the filters and forms.
extension Speaking {
    func domainOptions(selected: Set<String>) -> [Option] {
        LifeDomain.allCases.map { Option(value: $0.rawValue, label: domainName($0), selected: selected.contains($0.rawValue)) }
    }

    func groupOptions(selected: Set<String>) -> [Option] {
        TargetGroup.allCases.map { Option(value: $0.rawValue, label: groupName($0), selected: selected.contains($0.rawValue)) }
    }
}
