import Foundation
import PostgresInspector

/// Connection failures in the words of the user's setup: which environment, which variable the
/// connection string came from, and what to check next.
enum Connections {
    /// Runs `body`; a connection it could not open becomes `SchemasnapError.cannotConnect`
    /// naming `environment` and `variable`, with libpq's reason (never the password).
    static func naming<T>(environment: String, variable: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch InspectorError.connectionFailed(let message) {
            throw SchemasnapError.cannotConnect(
                environment: environment, variable: variable, reason: reason(message), next: nextStep(message, variable))
        }
    }

    /// libpq's message on one line: `connection to server at "127.0.0.1", port 59999 failed:
    /// Connection refused`, without its trailing question.
    static func reason(_ message: String) -> String {
        let oneLine = message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
        guard let question = oneLine.range(of: " Is the server running") else { return oneLine }
        return String(oneLine[..<question.lowerBound])
    }

    /// What to check, from libpq's message.
    static func nextStep(_ message: String, _ variable: String) -> String {
        let m = message.lowercased()
        if m.contains("connection refused") || m.contains("no such file or directory") {
            return "check that the server is running and accepts connections at the host and port in \(variable)"
        }
        if m.contains("password authentication failed") || m.contains("no password supplied") {
            return "check the user and password in \(variable) (or in PGPASSFILE)"
        }
        if m.contains("does not exist") {
            return "check the database and user names in \(variable)"
        }
        if m.contains("timeout expired") {
            return "the server did not answer within connect_timeout (10 s): check the host, port and firewall in \(variable)"
        }
        if m.contains("ssl") {
            return "check sslmode in \(variable) (Supabase and most hosted servers need sslmode=require)"
        }
        if m.contains("could not translate host name") {
            return "check the host name in \(variable)"
        }
        if m.contains("invalid") || m.contains("missing \"=\"") || m.contains("uri") {
            return "\(variable) must hold a postgresql:// URL or libpq key=value pairs"
        }
        return "check the connection string in \(variable)"
    }
}
