import Domain
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message over SMTP (RFC 5321): EHLO, STARTTLS when offered (or
/// TLS from the start), AUTH PLAIN only over TLS, MAIL FROM, RCPT TO, DATA.
/// A whole conversation has `timeout`, so a silent server cannot hold a
/// delivery round for long.
struct SMTPClient: Sendable {
    let settings: SMTPSettings
    var timeout: TimeAmount = .seconds(30)

    enum Failure: Error, Equatable, CustomStringConvertible {
        case refused(stage: String, code: Int, text: String)
        case noStarttls
        case passwordWithoutTLS
        case closed
        case timedOut

        var description: String {
            switch self {
            case .refused(let stage, let code, let text): "\(stage): \(code) \(text)"
            case .noStarttls: "the server does not offer STARTTLS"
            case .passwordWithoutTLS: "the server offers no TLS; the password was not sent"
            case .closed: "the server closed the connection"
            case .timedOut: "no answer in time"
            }
        }
    }

    func send(_ message: MailMessage, envelopeFrom: String, recipient: String) async throws {
        let tls = try settings.security == .none ? nil : makeTLSContext()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.converse(message, envelopeFrom: envelopeFrom, recipient: recipient, tls: tls) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(self.timeout.nanoseconds))
                throw Failure.timedOut
            }
            defer { group.cancelAll() }
            try await group.next()
        }
    }

    private func converse(_ message: MailMessage, envelopeFrom: String, recipient: String, tls: NIOSSLContext?) async throws {
        let settings = self.settings
        let serverName = settings.host.isIPAddress ? nil : settings.host
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: settings.host, port: settings.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    if settings.security == .tls, let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName))
                    }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    return try NIOAsyncChannel<SMTPReply, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        try await channel.executeThenClose { inbound, outbound in
            var replies = inbound.makeAsyncIterator()
            func expect(_ stage: String, _ codes: Set<Int>) async throws -> SMTPReply {
                guard let reply = try await replies.next() else { throw Failure.closed }
                guard codes.contains(reply.code) else { throw Failure.refused(stage: stage, code: reply.code, text: reply.lines.joined(separator: " ")) }
                return reply
            }
            func command(_ line: String, _ stage: String, _ codes: Set<Int>) async throws -> SMTPReply {
                try await outbound.write(ByteBuffer(string: line + "\r\n"))
                return try await expect(stage, codes)
            }
            _ = try await expect("greeting", [220])
            var ehlo = try await command("EHLO \(settings.heloName)", "EHLO", [250])
            var secured = settings.security == .tls
            if !secured, let tls, ehlo.extensionParameters("STARTTLS") != nil {
                _ = try await command("STARTTLS", "STARTTLS", [220])
                try await channel.channel.eventLoop.submit {
                    try channel.channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: tls, serverHostname: serverName), position: .first)
                }.get()
                secured = true
                ehlo = try await command("EHLO \(settings.heloName)", "EHLO", [250])
            } else if settings.security == .requireStarttls {
                throw Failure.noStarttls
            }
            if let username = settings.username {
                guard secured else { throw Failure.passwordWithoutTLS }
                let credentials = Data("\0\(username)\0\(settings.password ?? "")".utf8).base64EncodedString()
                _ = try await command("AUTH PLAIN \(credentials)", "AUTH", [235])
            }
            _ = try await command("MAIL FROM:<\(envelopeFrom)>", "MAIL FROM", [250])
            _ = try await command("RCPT TO:<\(recipient)>", "RCPT TO", [250, 251])
            _ = try await command("DATA", "DATA", [354])
            let body = MailMessage.dotStuffed(message.rendered(boundary: "samenspel-\(UUID().uuidString)"))
            _ = try await command(body + "\r\n.", "message", [250])
            try? await outbound.write(ByteBuffer(string: "QUIT\r\n"))
        }
    }

    private func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        if let file = settings.trustRootsFile { configuration.trustRoots = .file(file) }
        return try NIOSSLContext(configuration: configuration)
    }
}

/// Splits what the server sends into lines and gathers them into replies.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply
    private var reader = SMTPReply.Reader()
    static let longestLine = 4096

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
            guard buffer.readableBytes <= Self.longestLine else { throw SMTPReply.Malformed(line: "a line longer than \(Self.longestLine) bytes") }
            return .needMoreData
        }
        var line = buffer.readString(length: newline - buffer.readerIndex + 1) ?? ""
        while line.last == "\n" || line.last == "\r" || line.last == "\r\n" { line.removeLast() }
        if let reply = try reader.add(line: line) { context.fireChannelRead(wrapInboundOut(reply)) }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}

private extension String {
    var isIPAddress: Bool { (try? SocketAddress(ipAddress: self, port: 0)) != nil }
}
