import SnapshotStore

/// The tool's version and the snapshot format it writes.
public enum SchemasnapVersion {
    public static let tool = "0.4.0"
    /// `schemasnap 0.4.0 (snapshot format 4)`, as `--version` prints it.
    public static var description: String { "schemasnap \(tool) (snapshot format \(SnapshotFile.formatVersion))" }
}
