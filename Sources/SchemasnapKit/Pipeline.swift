import Advisors
import CatalogModel
import Differ
import Foundation
import PostgresInspector
import SQLGenerator
import SnapshotStore

/// The stages of schemasnap, in the one direction data flows, and the typed value that
/// crosses each; every workflow runs them through this type:
///
///     live database ──inspect──▶ Catalog ──store──▶ snapshot file ──read──▶ Snapshot
///     snapshot file × snapshot file ──read for comparison──▶ SnapshotPair (what differs, and its context)
///     Catalog × Catalog ──compare──▶ [Change] ──(Reports)──▶ DiffReport, rendered as text / JSON / Markdown
///     Catalog × Catalog ──generate──▶ GeneratedScript (the migration that closes a drift)
///     Catalog ──advise──▶ [AdvisorFinding]
///
/// Each stage is one module's entry point (PostgresInspector, SnapshotStore, Differ,
/// SQLGenerator, Advisors); docs/architecture.md draws the same picture.
public struct Pipeline: Sendable {
    public let inspector: Inspector
    public let advisorOptions: AdvisorOptions

    /// The stages as `config` sets them up: the schemas capture leaves out, the lints'
    /// exposed and managed schemas.
    public init(config: Config) {
        inspector = Inspector(excludedSchemas: config.excludeSchemas)
        advisorOptions = config.advisorOptions
    }

    /// inspect: the catalog of the database at `conninfo`, and what the server said about it.
    /// Throws `InspectorError` when it cannot connect or read.
    public func inspect(_ conninfo: String, progress: (String) -> Void = { _ in }) throws -> (Catalog, ServerInfo) {
        try inspector.capture(conninfo: conninfo, progress: progress)
    }

    /// inspect, over a connection the workflow holds open.
    public func inspect(over connection: PostgresConnection) throws -> (Catalog, ServerInfo) {
        try inspector.capture(from: connection)
    }

    /// store: writes `catalog` as a snapshot file at `path` (see `SnapshotFile.write`, which
    /// never leaves a partial file). Returns the snapshot as written.
    @discardableResult
    public func store(
        _ catalog: Catalog, meta: SnapshotMeta, at path: String, fingerprint: String? = nil,
        nameIfTaken: ((Int) -> String)? = nil
    ) throws -> Snapshot {
        try SnapshotFile.write(catalog, meta: meta, to: path, fingerprint: fingerprint, nameIfTaken: nameIfTaken)
    }

    /// read: the snapshot at `path`, of this build's format or an older one. Throws
    /// `StoreError` for a missing, damaged or newer file.
    public func read(_ path: String) throws -> Snapshot { try SnapshotFile.read(path) }

    /// read for comparison: the two snapshots at `source` and `target`, each holding what a
    /// diff of them needs (`SnapshotFile.readDiffering`): memory in proportion to what
    /// differs, not to the catalogs. The managed schemas are kept whole (the diff's scope and
    /// the platform lints read them). Throws `StoreError` as `read` does.
    public func readForComparison(source: String, target: String) throws -> SnapshotPair {
        try SnapshotFile.readDiffering(source: source, target: target, wholeSchemas: advisorOptions.managedSchemas)
    }

    /// compare: what differs between `source` and `target`, in canonical order.
    public func compare(source: Catalog, target: Catalog, options: DiffOptions) -> [Change] {
        Differ.diff(source: source, target: target, options: options)
    }

    /// generate: the DDL that turns `target`'s schema into `source`'s.
    public func generate(source: Catalog, target: Catalog, options: GeneratorOptions) -> GeneratedScript {
        SQLGenerator.generate(source: source, target: target, options: options)
    }

    /// advise: the lint findings on `catalog`, sorted, as the configuration sets them up.
    public func advise(_ catalog: Catalog) -> [AdvisorFinding] { Advisor.advise(catalog, options: advisorOptions) }
}
