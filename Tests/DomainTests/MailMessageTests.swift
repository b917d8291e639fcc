import Foundation
import Testing
@testable import Domain

@Suite("E-mail messages and SMTP replies")
struct MailMessageTests {
    let message = MailMessage(from: "Samenspel <noreply@example.nl>", to: "werk@example.nl", subject: "Er is een verwijzing — voor u",
                              text: "Regel één\r\n.een regel met een punt\r\n", html: "<p>één</p>", messageID: "abc@example.nl",
                              date: Date(timeIntervalSince1970: 1_764_892_800))

    @Test func aMessageIsMIMEWithBothPartsInBase64() {
        let rendered = message.rendered(boundary: "grens")
        let headers = rendered.components(separatedBy: "\r\n\r\n")[0].components(separatedBy: "\r\n")
        #expect(headers.contains("Date: Fri, 05 Dec 2025 00:00:00 +0000"))
        #expect(headers.contains("Message-ID: <abc@example.nl>"))
        #expect(headers.contains("Content-Type: multipart/alternative; boundary=\"grens\""))
        #expect(headers.contains("Subject: =?utf-8?B?\(Data("Er is een verwijzing — voor u".utf8).base64EncodedString())?="))
        #expect(rendered.hasSuffix("\r\n--grens--\r\n"))
        let bare = rendered.replacingOccurrences(of: "\r\n", with: "")
        #expect(!bare.contains("\n") && !bare.contains("\r"), "only CRLF line ends")
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 78 }, "no line longer than RFC 5322 asks")
        let bodies = rendered.components(separatedBy: "--grens").dropFirst().dropLast().map { part in
            Data(base64Encoded: part.components(separatedBy: "\r\n\r\n")[1].replacingOccurrences(of: "\r\n", with: "")).map { String(decoding: $0, as: UTF8.self) }
        }
        #expect(bodies == [message.text, message.html])
    }

    @Test func anASCIISubjectStaysAsItIs() {
        #expect(MailMessage.encodedWord("Uw meldingen in Samenspel") == "Uw meldingen in Samenspel")
        #expect(MailMessage.encodedWord("Twee\r\nregels").hasPrefix("=?utf-8?B?"), "a line break cannot inject a header")
    }

    @Test func aLineStartingWithADotIsStuffed() {
        #expect(MailMessage.dotStuffed("a\r\n.\r\n.b\r\nc.") == "a\r\n..\r\n..b\r\nc.")
    }

    @Test func repliesAreGatheredOverTheirLines() throws {
        var reader = SMTPReply.Reader()
        #expect(try reader.add(line: "250-mail.example.nl") == nil)
        #expect(try reader.add(line: "250-STARTTLS") == nil)
        let reply = try #require(try reader.add(line: "250 AUTH PLAIN LOGIN"))
        #expect(reply.code == 250 && reply.lines == ["mail.example.nl", "STARTTLS", "AUTH PLAIN LOGIN"])
        #expect(reply.extensionParameters("starttls") == [])
        #expect(reply.extensionParameters("AUTH") == ["PLAIN", "LOGIN"])
        #expect(reply.extensionParameters("SIZE") == nil)
        #expect(try reader.add(line: "354") == SMTPReply(code: 354, lines: [""]), "a bare code is a reply")
    }

    @Test func aMalformedReplyIsRefused() {
        for line in ["hello", "25", "2500 x", "250x", "999 nine"] {
            var reader = SMTPReply.Reader()
            #expect(throws: SMTPReply.Malformed.self, "\(line)") { try reader.add(line: line) }
        }
        var reader = SMTPReply.Reader()
        _ = try? reader.add(line: "250-first")
        #expect(throws: SMTPReply.Malformed.self, "a code that changes mid-reply") { try reader.add(line: "220 second") }
    }

    @Test func everyNotificationHasAMailKind() {
        #expect(MailKind.forNotification("notification.referral.accepted") == .referralAnswered)
        #expect(MailKind.forNotification("notification.referral.overdue") == .referralOverdue)
        #expect(MailKind.forNotification("notification.plan_review_due") == .planReviewDue)
        #expect(MailKind.forNotification("notification.break_the_glass") == .waiting)
    }
}
