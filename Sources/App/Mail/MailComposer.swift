import Domain
import Foundation

/// Turns a queued mail into the message sent: in the recipient's language,
/// plain text and simple HTML, saying only that something waits and where.
struct MailComposer {
    let localizer: Localizer
    let publicURL: String
    let from: String

    struct Recipient {
        let address: String
        let locale: AppLocale
        /// A person chose to get mail and can change that; an intake address did not.
        let isPerson: Bool
    }

    func message(for mail: OutgoingMail, to recipient: Recipient, now: Date) -> MailMessage {
        let t = { (key: String, arguments: [String]) in localizer.text(key, recipient.locale, arguments) }
        let kind = mail.mailKind.rawValue
        let link = publicURL + mail.link
        let settings = publicURL + SiteRoute.accountPassword.path()
        let subject = t("mail.\(kind).subject", [])
        let lead = t("mail.\(kind).body", [String(mail.count)])
        let open = t("mail.open", [])
        let footer = recipient.isPerson ? t("mail.footer_person", [settings]) : t("mail.footer_intake", [])
        let text = [lead, "\(open): \(link)", "--", footer].joined(separator: "\r\n\r\n") + "\r\n"
        let html = """
            <!DOCTYPE html>
            <html lang="\(recipient.locale.rawValue)"><head><meta charset="utf-8"><title>\(SVG.escape(subject))</title></head>
            <body style="font-family: sans-serif; color: #1a1a1a; line-height: 1.5">
            <p>\(SVG.escape(lead))</p>
            <p><a href="\(SVG.escape(link))" style="color: #0b5394">\(SVG.escape(open))</a></p>
            <p style="color: #4a4a4a; font-size: 0.9em">\(SVG.escape(footer))</p>
            </body></html>
            """
        let domain = URL(string: publicURL)?.host ?? "samenspel.invalid"
        return MailMessage(from: from, to: recipient.address, subject: subject, text: text, html: html,
                           messageID: "\(mail.id?.uuidString.lowercased() ?? UUID().uuidString.lowercased())@\(domain)", date: now)
    }

    /// The address in `Name <address>`, or the text itself.
    static func envelopeAddress(_ from: String) -> String {
        guard let open = from.lastIndex(of: "<"), let close = from.lastIndex(of: ">"), open < close else { return from }
        return String(from[from.index(after: open)..<close])
    }
}
