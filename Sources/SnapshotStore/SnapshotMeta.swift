import CatalogModel
import Foundation

/// A snapshot's capture metadata (the `meta` table). Not part of the fingerprint.
public struct SnapshotMeta: Sendable, Hashable {
    public var formatVersion: Int
    public var environment: String
    public var capturedAt: Date
    public var serverVersion: String
    public var database: String
    /// Host (or socket directory) and port; never credentials.
    public var host: String
    public var port: String
    public var toolVersion: String
    /// SHA-256 (hex) of the catalog's canonical text.
    public var fingerprint: String
    /// Objects per kind, keyed by table name.
    public var objectCounts: [String: Int]
    /// Objects of kinds not compared, e.g. `["operators": 3]`.
    public var notCompared: [String: Int]
    /// Relations concurrent DDL dropped while the capture read, left out with what was
    /// attached to them (`schema.name`); empty for most captures.
    public var leftOut: [String]

    public init(
        formatVersion: Int = 1, environment: String, capturedAt: Date, serverVersion: String,
        database: String, host: String, port: String, toolVersion: String, fingerprint: String,
        objectCounts: [String: Int], notCompared: [String: Int], leftOut: [String] = []
    ) {
        self.formatVersion = formatVersion
        self.environment = environment
        self.capturedAt = capturedAt
        self.serverVersion = serverVersion
        self.database = database
        self.host = host
        self.port = port
        self.toolVersion = toolVersion
        self.fingerprint = fingerprint
        self.objectCounts = objectCounts
        self.notCompared = notCompared
        self.leftOut = leftOut
    }

    /// The first 12 hex digits of the fingerprint, as reports print it.
    public var shortFingerprint: String { String(fingerprint.prefix(12)) }
}

/// A snapshot read from a file: its metadata and its catalog.
public struct Snapshot: Sendable, Hashable {
    public var meta: SnapshotMeta
    public var catalog: Catalog
    /// The file it was read from.
    public var path: String

    public init(meta: SnapshotMeta, catalog: Catalog, path: String) {
        self.meta = meta
        self.catalog = catalog
        self.path = path
    }
}

/// Formats a time as snapshots record it: `2026-11-26T08:55:38Z`.
public func iso8601String(_ date: Date) -> String {
    utcFormatter().string(from: date)
}

/// Parses a time written by `iso8601String`.
public func parseISO8601(_ text: String) -> Date? {
    utcFormatter().date(from: text)
}

private func utcFormatter() -> ISO8601DateFormatter {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    f.timeZone = TimeZone(identifier: "UTC")
    return f
}
