/// The resident's words (B1) where the professionals' differ.
extension Speaking {
    /// A life domain as a resident says it: "Voor uzelf zorgen", not "Basale ADL".
    func plainDomainName(_ raw: String) -> String { localizer.has("portal.domain.\(raw)") ? t("portal.domain.\(raw)") : t("domain.\(raw)") }
}
