import CatalogModel
import Differ
import Foundation
import Reports
import SnapshotStore

/// `log`, `history` and `prune`: questions about the snapshots folder over time.
public struct AuditTrail: Sendable {
    public var config: Config

    public init(config: Config) { self.config = config }

    private var library: SnapshotLibrary { SnapshotLibrary(folder: config.snapshotsPath) }
    private var pipeline: Pipeline { Pipeline(config: config) }

    /// Everything compared between consecutive snapshots of one environment, roles included.
    private var options: DiffOptions {
        DiffOptions(criticalSchemas: Set(config.criticalSchemas), includeManaged: true, compareRoles: true)
    }

    /// The snapshots of `environment` (at or after `since`), oldest first, each with what changed.
    public func log(environment: String, since: Date? = nil) throws -> [LogEntry] {
        _ = try config.environment(environment)
        let paths = library.snapshots(of: environment)
        guard !paths.isEmpty else { throw SchemasnapError.noSnapshot(environment: environment, folder: library.folder) }
        // Each snapshot is compared with the one before it, reading of the two only what
        // differs (`Pipeline.readForComparison`), which also checks both files whole.
        var entries: [LogEntry] = []
        for (i, path) in paths.enumerated() {
            guard i > 0 else {
                // The first file is checked whole with the second, or alone when it is the only one.
                let first = paths.count > 1 ? try SnapshotFile.readMeta(path) : try pipeline.read(path).meta
                if since.map({ first.capturedAt >= $0 }) ?? true {
                    entries.append(LogEntry(path: path, meta: first, changes: nil))
                }
                continue
            }
            if let since, try SnapshotFile.readMeta(path).capturedAt < since { continue }
            let pair = try pipeline.readForComparison(source: paths[i - 1], target: path)
            let changes = counts(pipeline.compare(source: pair.source.catalog, target: pair.target.catalog, options: options))
            entries.append(LogEntry(path: path, meta: pair.target.meta, changes: changes))
        }
        return entries
    }

    private func counts(_ changes: [Change]) -> [ObjectKind: ChangeCounts] {
        var result: [ObjectKind: ChangeCounts] = [:]
        var changedObjects = Set<[String]>()
        for change in changes {
            switch change.kind {
            case .onlyInTarget: result[change.objectKind, default: ChangeCounts()].added += 1
            case .missingInTarget: result[change.objectKind, default: ChangeCounts()].removed += 1
            case .changed:
                if changedObjects.insert([change.objectKind.rawValue] + change.key).inserted {
                    result[change.objectKind, default: ChangeCounts()].changed += 1
                }
            }
        }
        return result
    }

    /// Every snapshot where the object named `path` appeared, changed or disappeared, oldest
    /// first, in `environments` (all configured ones when empty).
    public func history(of path: String, environments: [String]) throws -> [HistoryEvent] {
        let names = environments.isEmpty ? config.environments.map(\.name) : environments
        for name in names { _ = try config.environment(name) }
        var events: [HistoryEvent] = []
        for name in names {
            var previous: [ObjectKind: ObjectRecord] = [:]
            for file in library.snapshots(of: name) {
                let snapshot = try pipeline.read(file)
                var current: [ObjectKind: ObjectRecord] = [:]
                for record in snapshot.catalog.records where record.path == path { current[record.kind] = record }
                let at = snapshot.meta.capturedAt
                for (kind, record) in current.sorted(by: { $0.key < $1.key }) {
                    guard let old = previous[kind] else {
                        events.append(
                            HistoryEvent(environment: name, capturedAt: at, path: path, kind: .appeared, objectKind: kind))
                        continue
                    }
                    events += attributeChanges(old, record, environment: name, at: at)
                }
                for (kind, _) in previous.sorted(by: { $0.key < $1.key }) where current[kind] == nil {
                    events.append(
                        HistoryEvent(environment: name, capturedAt: at, path: path, kind: .disappeared, objectKind: kind))
                }
                previous = current
            }
        }
        return events
    }

    private func attributeChanges(_ old: ObjectRecord, _ new: ObjectRecord, environment: String, at: Date) -> [HistoryEvent] {
        var names = old.attributes.map(\.name)
        names += new.attributes.map(\.name).filter { !names.contains($0) }
        return names.compactMap { name in
            let a = old.value(of: name)
            let b = new.value(of: name)
            guard a != b else { return nil }
            return HistoryEvent(
                environment: environment, capturedAt: at, path: new.path, kind: .changed, objectKind: new.kind, attribute: name,
                oldValue: a?.display, newValue: b?.display)
        }
    }

    /// Which snapshots of `environment` a retention policy keeps: the newest of each of the
    /// `keepDaily` most recent days that have snapshots, the newest of each of the
    /// `keepMonthly` most recent months, and always the newest snapshot. Deletes the others
    /// only when `apply`; returns (kept, deleted or to delete).
    public func prune(environment: String, keepDaily: Int, keepMonthly: Int, apply: Bool) throws -> (
        keep: [String], delete: [String]
    ) {
        _ = try config.environment(environment)
        let paths = library.snapshots(of: environment)
        var keep = Set<String>()
        if let newest = paths.last { keep.insert(newest) }
        for (prefixLength, count) in [(8, keepDaily), (6, keepMonthly)] {
            // Stamps are yyyyMMdd'T'HHmmss'Z': the first 8 characters name the day, 6 the month.
            var seen: [Substring] = []
            for path in paths.reversed() {
                let period = URL(fileURLWithPath: path).lastPathComponent.prefix(prefixLength)
                guard !seen.contains(period) else { continue }
                guard seen.count < count else { break }
                seen.append(period)
                keep.insert(path)
            }
        }
        let delete = paths.filter { !keep.contains($0) }
        if apply {
            for path in delete { try FileManager.default.removeItem(atPath: path) }
        }
        return (paths.filter(keep.contains), delete)
    }
}
