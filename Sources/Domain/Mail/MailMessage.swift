import Foundation

/// One e-mail as it goes over the wire (RFC 5322 with MIME): a plain-text
/// part and a simple HTML part as `multipart/alternative`, both UTF-8 in
/// base64 so no line is too long and no byte is misread; a subject outside
/// ASCII as an RFC 2047 encoded word.
public struct MailMessage: Sendable, Equatable {
    public var from: String
    public var to: String
    public var subject: String
    public var text: String
    public var html: String
    public var messageID: String
    public var date: Date

    public init(from: String, to: String, subject: String, text: String, html: String, messageID: String, date: Date) {
        (self.from, self.to, self.subject, self.text, self.html, self.messageID, self.date) = (from, to, subject, text, html, messageID, date)
    }

    /// The message with CRLF line ends, ready for SMTP's DATA (before dot-stuffing).
    public func rendered(boundary: String) -> String {
        let headers = [
            "From: \(from)",
            "To: \(to)",
            "Subject: \(Self.encodedWord(subject))",
            "Date: \(Self.rfc5322Date(date))",
            "Message-ID: <\(messageID)>",
            "MIME-Version: 1.0",
            "Auto-Submitted: auto-generated",
            "Content-Type: multipart/alternative; boundary=\"\(boundary)\"",
        ]
        let parts = [("text/plain", text), ("text/html", html)].map { type, body in
            "--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n\(Self.base64Lines(body))"
        }
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined(separator: "\r\n") + "\r\n--\(boundary)--\r\n"
    }

    /// `=?utf-8?B?…?=` when the text is not plain ASCII, else the text itself.
    static func encodedWord(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { !$0.isASCII || $0.value < 0x20 }) else { return text }
        return "=?utf-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    /// Base64 in lines of 76 characters (RFC 2045).
    static func base64Lines(_ text: String) -> String {
        let encoded = Data(text.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return encoded + "\r\n"
    }

    static func rfc5322Date(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }

    /// SMTP's transparency rule (RFC 5321 4.5.2): a line that starts with a
    /// dot gets another, so no line of the message ends the DATA.
    public static func dotStuffed(_ rendered: String) -> String {
        rendered.components(separatedBy: "\r\n").map { $0.hasPrefix(".") ? "." + $0 : $0 }.joined(separator: "\r\n")
    }
}
